"""Suppression comments: ``<!-- listlint-disable CODE -->`` and friends, and the comments a list
already has for awesome-lint (``<!--lint disable double-link-->``) and markdownlint
(``<!-- markdownlint-disable MD051 -->``), read for the listlint rules that check the same thing."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from msgspec import Struct, field

from listlint.findings import Finding, Span
from listlint.model.document import Document
from listlint.rule import matching_rules

_DIRECTIVE = re.compile(
    r"^\s*listlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*)$"
)
# awesome-lint (remark-message-control) and markdownlint comments: the kind, then rule names.
_REMARK_DIRECTIVE = re.compile(r"^\s*lint\s+(disable|enable|ignore)\b([^>]*)$")
_MARKDOWNLINT_DIRECTIVE = re.compile(
    r"^\s*markdownlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*)$"
)
# Their rules that listlint checks too, by the names the comments use; others are not ours.
AWESOME_LINT_RULES: dict[str, tuple[str, ...]] = {  # and the remark-lint rules it runs
    "double-link": ("LL401", "LL403"),
    "awesome-list-item": ("LL301", "LL302", "LL303", "LL304", "LL310", "LL311", "LL312", "LL313"),
    "awesome-toc": ("LL202", "LL203", "LL204", "LL205", "LL206"),
    "no-dead-urls": ("LL601",),
    "match-punctuation": ("LL101",),
    "no-undefined-references": ("LL103",),
    "no-unused-definitions": ("LL104",),
    "no-empty-sections": ("LL503",),
    "no-repeat-punctuation": ("LL312",),
    "no-multiple-toplevel-headings": ("LL502",),
    "final-newline": ("LL505",),
}
MARKDOWNLINT_RULES: dict[str, tuple[str, ...]] = {  # by code and by alias
    "md001": ("LL501",), "heading-increment": ("LL501",),
    "md004": ("LL320",), "ul-style": ("LL320",),
    "md007": ("LL321",), "ul-indent": ("LL321",),
    "md009": ("LL504",), "no-trailing-spaces": ("LL504",),
    "md011": ("LL102",), "no-reversed-links": ("LL102",),
    "md018": ("LL506",), "no-missing-space-atx": ("LL506",),
    "md025": ("LL502",), "single-title": ("LL502",), "single-h1": ("LL502",),
    "md034": ("LL111",), "no-bare-urls": ("LL111",),
    "md039": ("LL107",), "no-space-in-links": ("LL107",),
    "md042": ("LL105",), "no-empty-links": ("LL105",),
    "md047": ("LL505",), "single-trailing-newline": ("LL505",),
    "md051": ("LL201", "LL203", "LL208"), "link-fragments": ("LL201", "LL203", "LL208"),
    "md052": ("LL103",), "reference-links-images": ("LL103",),
    "md053": ("LL104",), "link-image-reference-definitions": ("LL104",),
}  # fmt: skip


class Directive(Struct):
    """One suppression comment; ``codes`` None means every rule."""

    kind: str
    selectors: tuple[str, ...]
    span: Span
    codes: frozenset[str] | None
    unknown: tuple[str, ...]
    used: set[str] = field(default_factory=set)
    foreign: bool = False  # another linter's comment: never unused or unknown to listlint

    @property
    def keys(self) -> Iterable[str | None]:
        """The rule codes this directive names, or ``(None,)`` when it names every rule."""
        return (None,) if self.codes is None else self.codes


def directives(doc: Document) -> list[Directive]:
    """Every suppression comment of the document, in order."""
    found = []
    chunks = _Chunks(doc)
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            foreign = _foreign(doc, comment.text, comment.span, chunks)
            if foreign is not None:
                found.append(foreign)
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2).strip()) if s)
        codes: set[str] = set()
        unknown = []
        for selector in selectors:
            rules = matching_rules(selector)
            codes.update(r.code for r in rules)
            if not rules:
                unknown.append(selector)
        found.append(
            Directive(
                match.group(1),
                selectors,
                comment.span,
                frozenset(codes) if selectors else None,
                tuple(unknown),
            )
        )
    return found


def _foreign(doc: Document, text: str, span: Span, chunks: _Chunks) -> Directive | None:
    """An awesome-lint or markdownlint comment as a directive for the listlint rules it covers,
    or None when it names none of them. awesome-lint's ``ignore`` reaches the next block (the
    lines up to the next blank one); a comment naming no rule covers the listlint rules of every
    rule of that linter (``<!-- markdownlint-disable -->`` leaves the duplicate rules on)."""
    table = AWESOME_LINT_RULES
    match = _REMARK_DIRECTIVE.match(text)
    if match is None:
        table, match = MARKDOWNLINT_RULES, _MARKDOWNLINT_DIRECTIVE.match(text)
    if match is None:
        return None
    kind, names = match.group(1), [n for n in re.split(r"[\s,]+", match.group(2)) if n]
    chosen = [table.get(name.lower(), ()) for name in names] if names else table.values()
    codes = frozenset(code for codes in chosen for code in codes)
    if not codes:
        return None
    if kind == "ignore":
        block = chunks.after(span.end_line)
        if block is None:
            return None
        first, last = block
        kind, span = "disable-line", Span(first, 1, last, len(doc.line(last)) + 1)
    return Directive(kind, tuple(names), span, codes, (), foreign=True)


class _Chunks:
    """The runs of non-blank lines of a document, found once, for awesome-lint's ``ignore``."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._runs: list[tuple[int, int]] | None = None

    def after(self, line: int) -> tuple[int, int] | None:
        """The first and last line of the first run of non-blank lines after ``line``."""
        if self._runs is None:
            self._runs = []
            start = None
            for number, text in enumerate(self._doc.lines, 1):
                if text.strip() and start is None:
                    start = number
                elif not text.strip() and start is not None:
                    self._runs.append((start, number - 1))
                    start = None
            if start is not None:
                self._runs.append((start, len(self._doc.lines)))
        position = bisect.bisect_right(self._runs, (line, len(self._doc.lines) + 1))
        if position < len(self._runs):
            return self._runs[position]
        return None


def apply_suppressions(
    doc: Document, findings: Iterable[Finding]
) -> tuple[list[Finding], list[Directive]]:
    """Drop suppressed findings; return the rest and the document's directives (with usage).

    Each directive reaches a range of lines; it suppresses, and is used by, the findings of the
    rules it names within that range. Ranges and findings are matched by bisection, so that
    thousands of comments cost no more than thousands of findings.
    """
    found = directives(doc)
    findings = list(findings)
    if not found:
        return findings, found
    reaches = _reaches(found, len(doc.lines) + 1)
    lines_by_code: dict[str, list[int]] = {}
    for finding in sorted(findings, key=lambda f: f.line):
        lines_by_code.setdefault(finding.code, []).append(finding.line)
    covered: dict[str | None, list[tuple[int, int]]] = {}  # rule code (None: every rule) -> ranges
    for directive, first, last in reaches:
        for code in lines_by_code if directive.codes is None else directive.codes:
            lines = lines_by_code.get(code, [])
            if bisect.bisect_left(lines, first) < bisect.bisect_right(lines, last):
                directive.used.add(code)
        for key in directive.keys:
            covered.setdefault(key, []).append((first, last))
    suppressed = {key: _Cover(ranges) for key, ranges in covered.items()}
    every = suppressed.get(None)
    kept = []
    for finding in findings:
        cover = suppressed.get(finding.code)
        if not (cover and finding.line in cover) and not (every and finding.line in every):
            kept.append(finding)
    return kept, found


def _reaches(found: Sequence[Directive], last_line: int) -> list[tuple[Directive, int, int]]:
    """The first and last line each directive other than ``enable`` reaches.

    A block ``disable`` reaches to the first later ``enable`` sharing a rule with it (an
    ``enable`` of every rule, or a ``disable`` of every rule, matches any), else to the end.
    """
    enables_of: dict[str | None, list[int]] = {}  # rule code (None: every rule) -> enable indexes
    for index, directive in enumerate(found):
        if directive.kind == "enable":
            for key in directive.keys:
                enables_of.setdefault(key, []).append(index)
    any_enable = sorted({i for indexes in enables_of.values() for i in indexes})
    reaches = []
    for index, directive in enumerate(found):
        line = directive.span.line
        if directive.kind == "disable-line":  # its lines (a comment's, or a block's)
            reaches.append((directive, line, directive.span.end_line))
        elif directive.kind == "disable-next-line":
            reaches.append((directive, directive.span.end_line + 1, directive.span.end_line + 1))
        elif directive.kind == "disable-file":
            reaches.append((directive, 1, last_line))
        elif directive.kind == "disable":
            if directive.codes is None:
                lists = [any_enable]
            else:
                lists = [enables_of.get(key, []) for key in (None, *directive.codes)]
            closing = [_next_after(indexes, index) for indexes in lists]
            end = min((found[i].span.line for i in closing if i is not None), default=last_line)
            reaches.append((directive, line, end))
    return reaches


def _next_after(indexes: Sequence[int], index: int) -> int | None:
    """The first of the ascending ``indexes`` greater than ``index``."""
    position = bisect.bisect_right(indexes, index)
    return indexes[position] if position < len(indexes) else None


class _Cover:
    """A set of lines given as ranges; ``line in cover`` by bisection over the merged ranges."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for first, last in sorted(ranges):
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        self._firsts = [first for first, _ in merged]
        self._lasts = [last for _, last in merged]

    def __contains__(self, line: int) -> bool:
        position = bisect.bisect_right(self._firsts, line) - 1
        return position >= 0 and line <= self._lasts[position]

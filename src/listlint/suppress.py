"""Suppression comments: ``<!-- listlint-disable CODE -->`` and friends."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from listlint.findings import Finding, Span
from listlint.model.document import Document
from listlint.rule import matching_rules

_DIRECTIVE = re.compile(
    r"^\s*listlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*)$"
)


@dataclass
class Directive:
    """One suppression comment; ``codes`` None means every rule."""

    kind: str
    selectors: tuple[str, ...]
    span: Span
    codes: frozenset[str] | None
    unknown: tuple[str, ...]
    used: set[str] = field(default_factory=set)

    @property
    def keys(self) -> Iterable[str | None]:
        """The rule codes this directive names, or ``(None,)`` when it names every rule."""
        return (None,) if self.codes is None else self.codes


def directives(doc: Document) -> list[Directive]:
    """Every suppression comment of the document, in order."""
    found = []
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
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
        if directive.kind == "disable-line":
            reaches.append((directive, line, line))
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

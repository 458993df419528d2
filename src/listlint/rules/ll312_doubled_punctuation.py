"""LL312 doubled-punctuation."""

import re
from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule

_DOUBLED = re.compile(
    r"(?<![.\u2026\s])\.\.(?![.\u2026])"  # .. (not an ellipsis, nor an elision ``a ..``)
    r"|,,|;;|(?<=\w),\.(?![.\u2026])"  # ,, ;; ,. (not ``,...``)
    r"|(?<!\s)\s+[.,](?=\s*$)"  # a space before the final mark (from the run's start only)
    r"|(?<=[.!?\u2026][\"\u201d])[.!?\u2026]+$"  # "end." then another mark
)


def _may_double(prose: str) -> bool:
    """Whether ``prose`` has what some alternative of ``_DOUBLED`` needs: a doubled mark, a
    quote, or a mark after a space at the end (most descriptions have none of them)."""
    end = prose.rstrip()
    return (
        ".." in prose
        or ",," in prose
        or ";;" in prose
        or ",." in prose
        or '"' in prose
        or "\u201d" in prose
        or (end[-1:] in (".", ",") and end[-2:-1].isspace())
    )


@rule(
    "LL312",
    "doubled-punctuation",
    severity="warning",
    fixable="sometimes",
    tags=("entries", "description"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description should not contain doubled punctuation such as ``..`` or ``,,``.

    Why: ``Fast linter..``, ``fast,, small``, ``fast,.``, ``a space before the period .`` and a
    mark after a quote that already ends with one (``called "fast.".``) are typos. An ellipsis
    (``...``, ``…``), even after another mark (``GPT2,...``) other than a closing quote, and
    ``..`` after a space (an elision, ``capnproto ..``) are not doubled punctuation, and code
    spans are not looked at.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - Fast Python linter..`

    Fix (safe when the typo is found exactly once in the line): the extra mark is removed.
    """
    for entry in ctx.facts.content_entries:
        span = entry.description_span
        if span is None:
            continue
        if not _may_double(entry.description_prose):
            continue
        for match in _DOUBLED.finditer(entry.description_prose):
            found = match.group(0)
            line = doc.line(span.end_line) if span.line == span.end_line else ""
            segment = line[span.column - 1 : span.end_column - 1]
            prose = entry.description_prose
            after_quote = match.start() > 0 and prose[match.start() - 1] in '"\u201d'
            keep = "" if after_quote else found.strip() if found[0].isspace() else found[-1]
            fix = None
            if segment.count(found) == 1:
                start = span.column - 1 + segment.index(found)
                fix = Fix(
                    (Edit(span.line, start + 1, span.line, start + 1 + len(found), keep, found),),
                    f"replace {found!r} with {keep!r}",
                )
            what = (
                f"{found!r} after a quotation that already ends with punctuation"
                if after_quote
                else f"a space before {found.strip()!r}"
                if found[0].isspace()
                else f"doubled punctuation {found!r}"
            )
            yield Problem(span, f"description of {entry.name[:50]!r} has {what}", fix)

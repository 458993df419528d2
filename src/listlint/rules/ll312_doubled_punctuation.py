"""LL312 doubled-punctuation."""

import re
from collections.abc import Iterator

from listlint.document import Document
from listlint.findings import Edit, Fix
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import content_entries

_DOUBLED = re.compile(r"(?<![.\u2026])\.\.(?![.\u2026])|,,|;;|(?<=\w),\.|(?<=\w)\.,(?=\s|$)|\s+[.,](?=\s*$)")


@rule("LL312", "doubled-punctuation", fixable=True, tags=("entries", "description"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description should not contain doubled punctuation such as ``..`` or ``,,``.

    Why: ``Fast linter..`` and ``fast,, small`` are typos. An ellipsis (``...``, ``…``) is not
    doubled punctuation, and code spans are not looked at.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - Fast Python linter..`

    Fix (safe when the typo is found exactly once in the line): the extra mark is removed.
    """
    for entry in content_entries(doc):
        span = entry.description_span
        if span is None:
            continue
        for match in _DOUBLED.finditer(entry.description_prose):
            found = match.group(0)
            line = doc.line(span.end_line) if span.line == span.end_line else ""
            segment = line[span.column - 1 : span.end_column - 1]
            fix = None
            if segment.count(found) == 1:
                start = span.column - 1 + segment.index(found)
                keep = found.strip()[-1:] if found.strip() in (".", ",") else found[0]
                fix = Fix(
                    (Edit(span.line, start + 1, span.line, start + 1 + len(found), keep),),
                    f"replace {found!r} with {keep!r}",
                )
            yield Problem(
                span,
                f"description of {entry.name[:50]!r} has doubled punctuation {found.strip()!r}"
                f"{'' if found.strip() == found else ' (space before it)'}",
                fix,
            )

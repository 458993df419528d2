"""LL311 description-ending."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import TERMINAL, convention, ending, style


@rule(
    "LL311",
    "description-ending",
    severity="warning",
    fixable="unsafe",
    tags=("entries", "description"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description should end the way the list's descriptions end: with a period, or without.

    Why: most lists end every description with a period (``- [x](url) - Does y.``); some, like
    public-apis, end none. A few entries doing the other thing are slips. The convention is the
    list's majority (``.``, ``!``, ``?`` and ``…`` count as terminal punctuation alike) or the
    configured style's ``ending``. Descriptions ending in a parenthetical, an emoji or code are
    not judged.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - Fast Python linter` in a list whose
    descriptions end with '.'.

    Fix (unsafe: the text may be a title): the period is added, or the final period removed.
    """
    configured = style(ctx.settings)
    entries = [
        e for e in ctx.facts.content_entries if e.description and e.description_span is not None
    ]
    endings = [(entry, ending(entry)) for entry in entries]
    wanted = convention(
        None if configured.ending is None else bool(configured.ending),
        configured,
        (bool(end) for _, end in endings if end is not None),
    )
    if wanted is None:
        return
    allowed = configured.ending or TERMINAL
    for entry, end in endings:
        span = entry.description_span
        if end is None or span is None or bool(end) == wanted.value:
            continue
        if wanted.value and end and end in allowed:
            continue
        line = doc.line(span.end_line)
        last = len(line[: span.end_column - 1].rstrip())
        final = Span(span.end_line, last, span.end_line, last + 1)
        written = entry.description.rstrip()[-1:]
        if wanted.value:
            edit = Edit.replace(final, written, written + ".")
            message = (
                f"description of {entry.name[:50]!r} does not end with punctuation; end it with '.'"
            )
            evidence = wanted.evidence("descriptions in this list end with '.', '!', '?' or '…'")
        else:
            edit = Edit.replace(final, end, "")
            message = f"description of {entry.name[:50]!r} ends with {end!r}, unlike the list"
            evidence = wanted.evidence("descriptions in this list end without punctuation")
        fixable = (
            line[last - 1 : last] == end if not wanted.value else line[last - 1 : last].isalnum()
        )
        yield Problem(
            span,
            f"{message} ({evidence})",
            Fix((edit,), "make the ending like the list's", safe=False) if fixable else None,
        )

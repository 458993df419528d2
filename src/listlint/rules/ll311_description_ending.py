"""LL311 description-ending."""

import re
from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import TERMINAL, decide, ending, list_of, style

WITH = "end with '.', '!', '?', '…' or '。'"
WITHOUT = "end without punctuation"
# Compiled when first used (by re's cache): its wide ranges cost 2 ms to compile, at every
# start-up, for a fix that only some runs build.
_CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"


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
    document's majority (``.``, ``!``, ``?``, ``…`` and the full-width ``。``, ``！``, ``？`` count
    as terminal punctuation alike) or the configured style's ``ending``; a sub-list whose
    descriptions clearly end their own way (80 % of at least three) is judged by its own, and
    reported once, as a whole, when that differs from the document's. Descriptions ending in a
    parenthetical, an emoji or code are not judged. Trailing metadata is not part of the
    description: link groups, badges, tag code spans, licence and language tags (``[MIT]``),
    version tags (``_v1_``) and ``<kbd>`` labels; a placeholder such as ``N/A`` is no
    description at all.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - Fast Python linter` in a list whose
    descriptions end with '.'.

    Fix (unsafe: the text may be a title): the period (``。`` after CJK text) is added, or the
    final mark removed.
    """
    configured = style(ctx.settings)
    entries = [
        e for e in ctx.facts.content_entries if e.description and e.description_span is not None
    ]
    endings = {entry: ending(entry) for entry in entries}

    def punctuated(entry: Entry) -> bool | None:
        end = endings[entry]
        return None if end is None else bool(end)

    wanted_ending = None if configured.ending is None else bool(configured.ending)
    decided, deviations = decide(entries, punctuated, wanted_ending, configured)
    for deviation in deviations:
        own = deviation.own
        deviating = [e for e in deviation.entries if punctuated(e) is own.value]
        edits = [_edit(doc, e, endings[e], add=not own.value) for e in deviating]
        verb = WITHOUT if not own.value else "end with punctuation"
        first = deviating[0]
        yield Problem(
            first.description_span or first.span,
            f"descriptions of this list ({own.total}) {verb}, unlike the document "
            f"({deviation.document.evidence('descriptions', WITH if not own.value else WITHOUT)})",
            Fix(tuple(e for e in edits if e), "end the descriptions like the document's", False)
            if all(edits)
            else None,
        )
    allowed = configured.ending or TERMINAL
    # An entry of a list reported above that ends like the document is what that report asks for.
    documents = {list_of(d.entries[0]): d.document.value for d in deviations}
    for entry in entries:
        end, wanted = endings[entry], decided.get(list_of(entry))
        if end is None or wanted is None or bool(end) == wanted.value:
            continue
        if documents.get(list_of(entry)) == bool(end):
            continue
        if wanted.value and end and end in allowed:
            continue
        if wanted.value:
            message = (
                f"description of {entry.name[:50]!r} does not end with punctuation; "
                f"end it with {_mark(entry)!r} ({wanted.evidence('descriptions', WITH)})"
            )
        else:
            message = (
                f"description of {entry.name[:50]!r} ends with {end!r}, unlike the list "
                f"({wanted.evidence('descriptions', WITHOUT)})"
            )
        edit = _edit(doc, entry, end, add=wanted.value)
        yield Problem(
            entry.description_span or entry.span,
            message,
            Fix((edit,), "make the ending like the list's", safe=False) if edit else None,
        )


def _mark(entry: Entry) -> str:
    """The period to add: ``。`` to a description written in CJK, ``.`` otherwise."""
    return "\u3002" if re.search(_CJK, entry.description) else "."


def _edit(doc: Document, entry: Entry, end: str | None, *, add: bool) -> Edit | None:
    """The edit adding the period, or removing the final mark, where it is found in the line."""
    span = entry.description_span
    if span is None:
        return None
    line = doc.line(span.end_line)
    last = len(line[: span.end_column - 1].rstrip())
    final = Span(span.end_line, last, span.end_line, last + 1)
    written = line[last - 1 : last]
    if add:
        return Edit.replace(final, written, written + _mark(entry)) if written.isalnum() else None
    return Edit.replace(final, written, "") if end and written == end else None

"""LL304 description-on-title-line."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import descriptions_below

BELOW = ("bold-title entries", "have their description below the title")


@rule(
    "LL304",
    "description-on-title-line",
    severity="warning",
    fixable="sometimes",
    tags=("entries", "format"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description should not share the title's line where the list puts descriptions below.

    Why: lists of bold titles with link groups (``**Title** [[github](url)][[paper](url)]``) put the
    description in its own paragraph under the title. A description run on after the links is hard
    to tell from the links and breaks the list's rhythm. The convention comes from the list's own
    majority of bold-title entries (or ``entries.style = "bold-title"``).

    Example:

        **DeepVariant** [[github](https://github.com/google/deepvariant)] A variant caller.

    Fix (safe): the description is moved to its own paragraph (a blank line is inserted).
    """
    below = descriptions_below(ctx.facts, "inline")
    if below is None:
        return
    entries, wanted = below
    eol = doc.newline
    for entry, separator in entries:
        description = entry.description_span or entry.span
        gap = doc.text_at(separator)
        yield Problem(
            Span(separator.line, separator.column, description.end_line, description.end_column),
            f"description of {entry.name[:60]!r} is on the title line; "
            "put it in its own paragraph below "
            f"({wanted.evidence(*BELOW)})",
            Fix(
                (Edit.replace(separator, gap, eol + eol),),
                "move the description below the title",
            )
            if not gap.strip()
            else None,
        )

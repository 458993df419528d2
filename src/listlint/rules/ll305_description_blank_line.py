"""LL305 description-blank-line."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import descriptions_below

OWN_PARAGRAPH = ("bold-title entries", "have their description in its own paragraph")


@rule("LL305", "description-blank-line", fixable="sometimes", tags=("entries", "format"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description below a bold title should be separated from it by a blank line.

    Why: without the blank line the description is part of the title's paragraph: Markdown joins
    the two lines into one, so the description renders on the title line, right after the links.
    The convention comes from the list's majority of bold-title entries (or
    ``entries.style = "bold-title"``).

    Example:

        **DeepVariant** [[github](https://github.com/google/deepvariant)]
        A variant caller built on convolutional networks.

    Fix (safe): a blank line is inserted between the title and the description.
    """
    below = descriptions_below(ctx.facts, "next-line")
    if below is None:
        return
    entries, wanted = below
    eol = doc.newline
    for entry, separator in entries:
        gap = doc.text_at(separator)
        yield Problem(
            entry.description_span or entry.span,
            f"no blank line between the title {entry.name[:60]!r} and its description, "
            "so they render "
            f"as one paragraph; insert a blank line "
            f"({wanted.evidence(*OWN_PARAGRAPH)})",
            Fix(
                (Edit.replace(separator, gap, eol + eol),),
                "insert a blank line before the description",
            )
            if not gap.strip()
            else None,
        )

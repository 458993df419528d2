"""LL306 title-link-space."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import convention, style

FOLLOWED = ("bold titles", "are followed by a space")


@rule(
    "LL306",
    "title-link-space",
    severity="warning",
    fixable="always",
    tags=("entries", "format", "whitespace"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A bold title should be separated from its link groups by a space.

    Why: ``**Title**[[github](url)]`` glues the links to the title; the list writes
    ``**Title** [[github](url)]``. The convention is the list's majority of bold-title entries (or
    ``entries.style = "bold-title"``); titles whose links start on the next line are left alone.

    Example: `**pysster: Learning Sequence Motifs**[[github](https://github.com/budach/pysster)]`

    Fix (safe): a space is inserted after the title.
    """
    configured = style(ctx.settings)
    entries = [
        e for e in ctx.facts.content_entries if e.style == "bold-title" and e.title_gap is not None
    ]
    wanted = convention(
        configured.title_gap,
        configured,
        (e.title_gap for e in entries if e.title_gap is not None and "\n" not in e.title_gap),
    )
    if wanted is None or wanted.value == "":
        return
    for entry in entries:
        gap = entry.title_gap_span
        if entry.title_gap != "" or gap is None:
            continue
        bracket = Span(gap.line, gap.column, gap.line, gap.column + 1)  # the links' first `[`
        yield Problem(
            bracket,
            f"missing space between the title {entry.name[:60]!r} and its links; write "
            f"`**…**{wanted.value}[[…](…)]` ({wanted.evidence(*FOLLOWED)})",
            Fix(
                (Edit.replace(bracket, "[", wanted.value + "["),),
                "insert a space after the title",
            ),
        )

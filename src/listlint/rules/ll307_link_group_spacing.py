"""LL307 link-group-spacing."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import convention, style


def _shape(gap: str) -> str:
    return "".join(gap.split())


@rule(
    "LL307",
    "link-group-spacing",
    severity="warning",
    fixable="always",
    tags=("entries", "format", "whitespace"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Link groups after a title should be spaced the way the rest of the list spaces them.

    Why: a list that writes ``[[github](url)][[paper](url)]`` reads as one unit per entry; a stray
    ``] [`` in a few entries is an inconsistency (and the other way round). Only the spacing
    between two bracket groups on the same line is checked, against the list's majority (or the
    configured ``link-gap``); groups stacked one per line are a layout choice and are left alone.

    Example: `**Gene Expression Convolutions** [[github](https://github.com/x/y)] [[arxiv](https://arxiv.org/abs/1)]`

    Fix (safe): the space between the groups is made like the majority.
    """
    configured = style(ctx.settings)
    gaps = [
        (entry, text, span)
        for entry in ctx.facts.content_entries
        for text, span in entry.link_gaps
        if _shape(text) == "][" and "\n" not in text
    ]
    wanted = convention(configured.link_gap, configured, (text for _, text, _ in gaps))
    if wanted is None:
        return
    for entry, text, span in gaps:
        if text == wanted.value:
            continue
        yield Problem(
            span,
            f"link groups of {entry.name[:60]!r} are written `{text}`; write `{wanted.value}` "
            f"({wanted.evidence('link groups', 'are written that way')})",
            Fix(
                (Edit.replace(span, text, wanted.value),),
                f"write the link groups as `{wanted.value}`",
            ),
        )

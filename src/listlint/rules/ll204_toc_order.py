"""LL204 toc-order."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import out_of_order
from listlint.rules._toc_rewrite import rewrite_fix


@rule("LL204", "toc-order", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry is out of the order of the headings.

    Why: a TOC is a map of the document; an entry in the wrong place sends readers looking in the
    wrong part of the page, and usually means a section was moved without its entry. The entries
    kept in place are the longest run already in document order; the others are reported (an
    entry moved with its sub-entries is reported once).

    Example:

        - [Linters](#linters)
        - [Editors](#editors)

        ## Editors
        ## Linters

    Fix: move the entry to where its heading is; `--fix` rewrites the TOC from the headings.
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    moved = out_of_order(analysis)
    fix = rewrite_fix(doc, analysis) if moved else None
    for item, after in moved:
        heading = analysis.heading_of_item[item]
        place = f"after `{after.text}`" if after is not None else "first"
        yield Problem(
            item.span,
            f"TOC entry `{item.text}` is out of order: its heading is on line "
            f"{heading.span.line}, so the entry belongs {place}",
            fix,
        )

"""LL204 toc-order."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_edits import branch_span, move_fix, place_after


@rule("LL204", "toc-order", severity="warning", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry is out of its siblings' order.

    Why: a TOC is a map of the document; an entry in the wrong place sends readers looking in the
    wrong part of the page, and usually means a section was moved without its entry. Sibling
    entries (under the same entry) follow the document's order, or the alphabet when the TOC
    sorts them (at least 3 siblings, 80% of them in alphabetical order, more than in the
    document's order): an alphabetical TOC over an unsorted body is a choice, not a defect. The
    entries kept in place are the longest run already in order; the others are reported (an
    entry moved with its sub-entries is reported once). Entries that LL205 reports (listed under
    the wrong entry) are not reported here too.

    Example:

        - [Linters](#linters)
        - [Editors](#editors)

        ## Editors
        ## Linters

    Fix (safe): the entry, with its sub-entries, is moved after the sibling it belongs after;
    no other line changes.
    """
    analysis = ctx.facts.toc
    style = ctx.facts.toc_style
    if analysis is None or style is None:
        return
    for move in analysis.out_of_order:
        item, after = move.item, move.after
        place = f"after `{after.text}`" if after is not None else "first"
        if move.alphabetical:
            message = (
                f"TOC entry `{item.text}` breaks the alphabetical order of its siblings; "
                f"it belongs {place}"
            )
        else:
            heading = analysis.heading_of_item[item]
            message = (
                f"TOC entry `{item.text}` is out of order: its heading is on line "
                f"{heading.span.line}, so the entry belongs {place}"
            )
        spot = place_after(doc, analysis, item, after)
        fix = move_fix(doc, analysis, style, item, spot, "move it")
        yield Problem(branch_span(doc, analysis, item), message, fix)

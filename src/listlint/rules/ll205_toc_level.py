"""LL205 toc-level."""

from collections.abc import Iterator

from listlint.findings import Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_edits import branch_span, move_fix, place_for


@rule("LL205", "toc-level", severity="warning", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry is listed under another entry than its heading's section.

    Why: the TOC's nesting shows which section holds which; a `###` sub-section listed at the
    top level looks like a section of its own, and a section listed under another looks like a
    part of it. The reference is the list's own convention, learned from its majority: whether it
    nests sub-sections under their section's entry or lists them beside it, and whether it lists
    the title (and its own heading) as a root or beside the sections, as markdown-toc does. Only
    entries that break the convention are reported; an entry whose whole branch moved is
    reported once. A heading listed at a level the TOC lists only by exception (one `###` among
    `##` sections) is expected under its section's entry. When the heading's level is the
    mistake (a `##` among `###` siblings), LL508 reports the heading instead.

    Example:

        - [Genomics](#genomics)
        - [Variant calling](#variant-calling)

        ## Genomics
        ### Variant calling

    Fix (safe): the entry, with its sub-entries, is re-indented in place (`  - [Variant
    calling](#variant-calling)`), or moved under the entry it belongs under; no other line
    changes.
    """
    analysis = ctx.facts.toc
    style = ctx.facts.toc_style
    if analysis is None or style is None:
        return
    for wrong in analysis.misplaced:
        item, heading = wrong.item, wrong.heading
        source = f"`{'#' * heading.level} {analysis.titles[heading]}`, line {heading.span.line}"
        listed = (
            f"under `{analysis.titles[wrong.under]}`"
            if wrong.under is not None
            else "at the top level"
        )
        if wrong.belongs is None:
            where = "a section of its own"
            remedy = "move the entry to the top level"
        else:
            parent = analysis.titles[wrong.belongs]
            where = f"a sub-section of `{parent}`"
            remedy = f"nest the entry under `{parent}`"
        if wrong.exception:
            where += f" (the TOC lists h{heading.level} headings only by exception)"
        level = wrong.level
        if level is not None:
            remedy += f", or make the heading `{'#' * level}`"
        belongs = analysis.listed.get(wrong.belongs) if wrong.belongs is not None else None
        fix = None
        if wrong.belongs is None or belongs is not None:
            spot = place_for(doc, analysis, heading, belongs, leaving=item)
            fix = move_fix(doc, analysis, style, item, spot, remedy.split(", or")[0])
            if fix is not None and level is not None:
                fix = Fix(fix.edits, fix.message, safe=False)
        yield Problem(
            branch_span(doc, analysis, item),
            f"TOC entry `{item.text}` is listed {listed}, but its heading ({source}) is {where}; "
            f"{remedy}",
            fix,
        )

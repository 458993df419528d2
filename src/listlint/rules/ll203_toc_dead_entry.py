"""LL203 toc-dead-entry."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_edits import delete_fix, retarget_fix
from listlint.rules._toc_text import comparable


@rule("LL203", "toc-dead-entry", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry points at a heading that is not there any more.

    Why: when a section is renamed or removed, its TOC entry is usually forgotten and leads
    nowhere. A renamed heading is one finding, on the entry, not also a "missing heading": the
    entry is paired with the heading it meant, among the headings no other entry lists: the one
    with the entry's text, else the one standing where the entry stands in the TOC (between the
    headings of the entries around it), else one whose anchor is within a typo of the fragment.
    The TOC's root entry (its first, with the others under it) may also mean the title, whose
    anchor a badge changes (`# Awesome X [![Awesome](…)](…)` is `#awesome-x-`). Entries whose
    fragment differs from an anchor only in case are left to LL208.

    Example:

        ## Contents
        - [SQL Lite](#sql-lite)

        ## SQLite

    Fix: the entry's fragment is linked to the heading it meant, the anchor the message names
    (its explicit anchor when the TOC links those, else its slug); its text is left as it is,
    for LL206 to judge once it links there. Safe when the pairing is certain (same text, the
    only heading in its place, or a typo), unsafe otherwise. An entry for a removed section,
    with no heading to pair, is deleted (safe).
    """
    analysis = ctx.facts.toc
    style = ctx.facts.toc_style
    if analysis is None or style is None:
        return
    for item in analysis.dead:
        place = item.link.span if item.link else item.span
        retarget = analysis.retargets.get(item)
        start = f"TOC entry `{item.text}` points to `#{item.fragment}`"
        if retarget is None:
            yield Problem(
                place,
                f"{start}, which no heading has any more; remove the entry, or link it to the "
                "renamed heading",
                delete_fix(doc, analysis, style, item),
            )
            continue
        heading = retarget.heading
        title = analysis.titles[heading]
        target = style.relink(heading)
        if comparable(title) == comparable(item.text):
            which = "the title" if heading.span.line < analysis.toc.start_line else "its heading"
            meant = f"{which} `{title}` (line {heading.span.line}) is `{target}`"
        elif retarget.sure:
            meant = f"the heading is now `{title}` (line {heading.span.line}, `{target}`)"
        else:
            meant = (
                f"the heading it meant is likely `{title}` (line {heading.span.line}, `{target}`)"
            )
        yield Problem(
            place,
            f"{start}, {meant}: retarget it",
            retarget_fix(doc, style, item, heading, retarget.sure),
        )

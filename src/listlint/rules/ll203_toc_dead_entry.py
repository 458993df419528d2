"""LL203 toc-dead-entry."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import Suggester
from listlint.rules._toc_rewrite import rewrite_fix


@rule("LL203", "toc-dead-entry", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry points at a heading that is not there any more.

    Why: when a section is renamed or removed, its TOC entry is usually forgotten and leads
    nowhere. Entries whose fragment differs from an anchor only in case are left to LL208.

    Example:

        ## Contents
        - [Editor](#editor)

        ## Editors

    Fix: point the entry at the heading's anchor (the message names the closest one), or remove
    it; `--fix` rewrites the TOC from the headings, repairing entries with a close match.
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    toc = analysis.toc
    targets = analysis.targets
    folded = {name.casefold() for name in targets.names}
    dead = [
        item
        for item in toc.items
        if item.fragment is not None
        and not targets.exists(item.fragment)
        and item.fragment.casefold() not in folded
    ]
    fix = rewrite_fix(doc, analysis) if dead else None
    suggest = Suggester(targets.heading_of)
    for item in dead:
        message = f"TOC entry `{item.text}` links to `#{item.fragment}`, which no heading has"
        meant = analysis.repairs.get(item) or suggest(item.fragment or "")
        if meant is not None:
            heading = targets.heading_of[meant]
            message += f"; did you mean `#{meant}` (heading `{heading.text.strip()}`)?"
        else:
            message += " any more; remove the entry or link it to the renamed heading"
        yield Problem(item.link.span if item.link else item.span, message, fix)

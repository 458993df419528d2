"""LL205 toc-level."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.model.toc import TocItem
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import TocAnalysis
from listlint.rules._toc_rewrite import rewrite_fix


@rule("LL205", "toc-level", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry is nested at a different level than its heading.

    Why: the TOC's nesting shows which section holds which; a `###` subsection listed at the top
    level looks like a section of its own. An entry's expected depth is one more than the nearest
    enclosing heading the TOC lists (0 when none). When a whole branch is shifted, only its first
    entry is reported.

    Example:

        - [Genomics](#genomics)
        - [Variant calling](#variant-calling)

        ## Genomics
        ### Variant calling

    Fix: indent the entry under its parent (`  - [Variant calling](#variant-calling)`); `--fix`
    rewrites the TOC from the headings.
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    toc = analysis.toc
    if all(item.depth == 0 for item in toc.items):
        return  # a flat TOC lists sections without showing how they nest
    wrong: list[tuple[TocItem, Heading, int]] = []
    for first, last in toc.lists:
        wrong.extend(_misplaced(analysis, [i for i in toc.items if first <= i.span.line <= last]))
    fix = rewrite_fix(doc, analysis) if wrong else None
    for item, heading, expected in wrong:
        parent = analysis.parent[heading]
        where = f"under `{parent.text.strip()}`, at " if parent is not None else "at "
        yield Problem(
            item.span,
            f"TOC entry `{item.text}` is at {_depth(item.depth)}, but its heading "
            f"(h{heading.level}) belongs {where}{_depth(expected)}",
            fix,
        )


def _misplaced(analysis: TocAnalysis, items: list[TocItem]) -> list[tuple[TocItem, Heading, int]]:
    """Entries of one list whose depth differs from their heading's, branch by branch.

    An entry shifted like its parent entry is not reported again; under an entry that is no
    heading (a group label), the first child sets the shift its siblings are compared with.
    """
    resolved: list[tuple[TocItem, Heading]] = []
    for item in items:
        heading = analysis.heading_of_item.get(item)
        if heading is not None and analysis.listed.get(heading) is item:
            resolved.append((item, heading))
    if not resolved:
        return []
    offset = min(analysis.depth[heading] for _, heading in resolved)
    shifts: dict[TocItem, int] = {}
    group_shifts: dict[TocItem, int] = {}
    wrong = []
    for item, heading in resolved:
        expected = analysis.depth[heading] - offset
        shift = shifts[item] = item.depth - expected
        if item.parent is None:
            reference = 0
        elif item.parent in shifts:
            reference = shifts[item.parent]
        else:
            reference = group_shifts.setdefault(item.parent, shift)
        if shift != reference:
            wrong.append((item, heading, expected))
    return wrong


def _depth(depth: int) -> str:
    return "the top level" if depth == 0 else f"nesting level {depth}"

"""LL205 toc-level."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._anchors import analyse, rewrite_fix, toc_max_level


@rule("LL205", "toc-level", fixable=True, tags=("anchors", "toc"))
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
    toc = doc.toc
    if toc is None:
        return
    analysis = analyse(doc, toc, toc_max_level(ctx.settings))
    shifts: dict[int, int] = {}
    wrong = []
    for item in toc.items:
        heading = item.heading
        if heading is None or analysis.listed.get(id(heading)) is not item:
            continue
        shift = item.depth - analysis.depth[id(heading)]
        shifts[id(item)] = shift
        parent_shift = shifts.get(id(item.parent), 0) if item.parent else 0
        if shift != 0 and shift != parent_shift:
            wrong.append(item)
    fix = rewrite_fix(doc, analysis) if wrong else None
    for item in wrong:
        heading = item.heading
        assert heading is not None
        expected = analysis.depth[id(heading)]
        parent = analysis.parent[id(heading)]
        where = f"under `{parent.text.strip()}`" if parent is not None else "at the top level"
        yield Problem(
            item.span,
            f"TOC entry `{item.text}` is at {_depth(item.depth)}, but its heading "
            f"(h{heading.level}) belongs {where}, at {_depth(expected)}",
            fix,
        )


def _depth(depth: int) -> str:
    return "the top level" if depth == 0 else f"nesting level {depth}"

"""LL202 toc-missing-heading."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_rewrite import rewrite_fix


@rule("LL202", "toc-missing-heading", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A heading is missing from the table of contents.

    Why: readers navigate a long list through its TOC; a section left out of it is a section
    nobody finds. Only headings after the TOC are expected, from the shallowest down to the deepest
    level the TOC itself lists (or `[tool.listlint.anchors] toc-max-level`). A heading marked
    `<!-- omit in toc -->` (at the end of its line, or alone on the line before) is never expected.

    Example:

        ## Contents
        - [Editors](#editors)

        ## Editors
        ## Linters

    Fix: add the heading to the TOC at its place; `--fix` rewrites the TOC from the headings in
    the list's own style. Or mark the heading `<!-- omit in toc -->`.
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    toc = analysis.toc
    fix = rewrite_fix(doc, analysis) if analysis.missing else None
    for heading in analysis.missing:
        name = heading.text.strip()
        yield Problem(
            heading.span,
            f"heading `{name}` (h{heading.level}) is missing from the table of contents on "
            f"line {toc.start_line}, which covers headings down to h{analysis.max_level}; add it, "
            "or mark the heading `<!-- omit in toc -->`",
            fix,
        )

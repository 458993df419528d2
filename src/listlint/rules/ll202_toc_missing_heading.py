"""LL202 toc-missing-heading."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_edits import insert_fix


@rule(
    "LL202", "toc-missing-heading", severity="warning", fixable="sometimes", tags=("anchors", "toc")
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A heading is missing from the table of contents.

    Why: readers navigate a long list through its TOC; a section left out of it is a section
    nobody finds. Which headings a TOC should list is learned from the TOC itself, level by level:
    a heading level is expected when the TOC lists at least half of its headings (after the TOC,
    in the parts of the document it lists), and below a heading whose sub-sections it mostly
    lists (more than half, at least two). A TOC that lists every `##` and, by exception, one
    `###` does not ask for the other `###` (LL205 checks where the exception is listed). Never
    expected: headings marked `<!-- omit in toc -->` (at the end of the line, or alone on the
    line before), titles in `toc-optional` (License, Contributing, Credits... also in other
    languages: Lizenz, 贡献, 许可证...), sections that hold no list item, table row or entry
    (prose, notices, appendices), and headings inside a `<details>` block after its `<summary>`
    (hidden until a reader expands the block; its summary heading is the one a TOC lists).
    `[tool.listlint.anchors] toc-max-level` sets the deepest level instead.

    Example:

        ## Contents
        - [Editors](#editors)

        ## Editors
        ## Linters

    Fix (safe): one entry is added, in the list's own style (marker, indentation, wrapping,
    anchors, case), after the entry of the section before it, or at its alphabetical place when
    the TOC is sorted; no other line changes. Or mark the heading `<!-- omit in toc -->`.
    """
    analysis = ctx.facts.toc
    style = ctx.facts.toc_style
    if analysis is None or style is None:
        return
    toc = analysis.toc
    for heading in analysis.missing:
        above = analysis.parent.get(heading)
        where = f"under `{analysis.titles[above]}`" if above is not None else "at the top level"
        yield Problem(
            heading.span,
            f"heading `{analysis.titles[heading]}` (h{heading.level}) is missing from the table of "
            f"contents on line {toc.start_line} ({analysis.why[heading]}); add it {where}, "
            "or mark the heading `<!-- omit in toc -->`",
            insert_fix(doc, analysis, style, heading),
        )

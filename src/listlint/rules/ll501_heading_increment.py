"""LL501 heading-increment."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL501", "heading-increment", severity="warning", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Heading levels should go down one level at a time.

    Why: a jump from `##` to `####` breaks the outline that tables of contents, screen readers and
    GitHub's heading menu are built from, and usually means a heading was pasted at the wrong level.

    Example:

        ## Tools
        #### Editors

    Fix: use the next level down (`### Editors`), or add the missing intermediate heading.
    """
    previous = 0
    for heading in doc.headings:
        if previous and heading.level > previous + 1:
            yield Problem(
                heading.span,
                f"heading level jumps from h{previous} to h{heading.level}; "
                f"use {'#' * (previous + 1)} here",
            )
        previous = heading.level

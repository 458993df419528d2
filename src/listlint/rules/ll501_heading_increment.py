"""LL501 heading-increment."""

from collections import Counter
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule

CONVENTION = 3  # a jump made this often (and more often than the step) is the list's style


@rule("LL501", "heading-increment", severity="warning", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Heading levels should go down one level at a time.

    Why: a jump from `##` to `####` breaks the outline that tables of contents, screen readers and
    GitHub's heading menu are built from, and usually means a heading was pasted at the wrong level.
    A jump the document makes on purpose is not reported: one it makes at least 3 times, and more
    often than it uses the level it skips (`## Language` then `#### Topic` throughout), and the
    first heading inside a `<details>` block one level below what its `<summary>` stands for
    (`## Projects`, `<details><summary><strong>CLI</strong></summary>`, `#### Argument Parsing`).

    Example:

        ## Tools
        #### Editors

    Fix: use the next level down (`### Editors`), or add the missing intermediate heading.
    """
    steps: Counter[tuple[int, int]] = Counter()
    previous = 0
    for heading in doc.headings:
        if previous and heading.level > previous:
            steps[previous, heading.level] += 1
        previous = heading.level
    previous, was_collapsed = 0, False
    for heading in doc.headings:
        under_summary = heading.collapsed and not was_collapsed and heading.level == previous + 2
        if previous and heading.level > previous + 1 and not under_summary:
            jump = steps[previous, heading.level]
            if not (jump >= CONVENTION and jump > steps[previous, previous + 1]):
                yield Problem(
                    heading.span,
                    f"heading level jumps from h{previous} to h{heading.level}; "
                    f"use {'#' * (previous + 1)} here",
                )
        previous, was_collapsed = heading.level, heading.collapsed

"""LL503 empty-section."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._headings import is_empty, is_link_label


@rule("LL503", "empty-section", severity="warning", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A heading should have something under it: text, entries or subsections.

    Why: an empty section is usually a category whose entries were removed or never added, and it
    still sits in the table of contents, leading readers nowhere.

    Example:

        ## Editors

        ## Linters
        - [ruff](https://github.com/astral-sh/ruff) - Fast Python linter.

    Not reported: a heading that is only a link to a place in the document
    (`#### [Other](#other-1)`), a label of a table of contents written as a heading; and the
    document's title (its first heading, a `#`), which a cover image or badge line written as
    a second `#` heading may follow (that one is LL502's).

    Fix: add entries under the heading, or remove it (and its TOC entry). An empty heading
    (`###` alone) is LL507's.
    """
    headings = doc.headings
    for index, heading in enumerate(headings):
        if index == 0 and heading.level == 1:
            continue  # the title: it heads the whole document
        if is_empty(doc, heading):
            continue  # LL507's
        if is_link_label(doc, heading):
            continue  # a TOC label, not a section
        following = headings[index + 1] if index + 1 < len(headings) else None
        end = following.span.line - 1 if following else len(doc.lines)
        if following is not None and following.level > heading.level:
            continue
        body = range(heading.span.end_line + 1, end + 1)
        if all(not doc.line(n).strip() for n in body):
            yield Problem(
                heading.span, f"section {heading.text.strip()!r} is empty; add entries or remove it"
            )

"""LL507 empty-heading."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._headings import is_empty


@rule("LL507", "empty-heading", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A heading has no text.

    Why: a lone `###` renders as an empty heading: a blank gap in the page and in GitHub's
    heading menu, with an empty anchor (`#`), so its TOC entry reads `[](#)`. It is usually a
    title deleted by mistake. Headings made of an image or a badge are not empty.

    Example:

        ###

        - [Weekly news](https://news.example) - A newsletter.

    Fix: give the heading its title, or remove the `###` line.
    """
    for heading in doc.headings:
        if is_empty(doc, heading):
            marks = "#" * heading.level
            yield Problem(heading.span, f"empty `{marks}` heading; give it a title, or remove it")

"""LL341 entry-in-toc."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import analyse


@rule("LL341", "entry-in-toc", tags=("entries", "structure", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The table of contents should hold only links to the document's own sections.

    Why: an entry (a link to another site) inside the table of contents is an entry added in the
    wrong place; readers looking for it in its section will not find it. The table of contents is
    the one ``listlint.toc`` finds, or any list (with its sub-lists) at least 80 % of whose items
    are ``#fragment`` links.

    Example:

        - [Linters](#linters)
        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        - [Formatters](#formatters)

    Fix: move the entry into its section.
    """
    analysis = analyse(doc)
    for entry in analysis.entries:
        if entry.list_item is not None and id(entry.list_item) in analysis.toc_items:
            yield Problem(
                entry.name_span,
                f"entry {entry.name[:50]!r} links to {entry.url!r} from inside the table of "
                f"contents; move it into its section",
            )

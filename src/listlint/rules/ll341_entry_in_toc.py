"""LL341 entry-in-toc."""

import re
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import is_translation_link

_WEB = re.compile(r"https?://", re.IGNORECASE)


@rule("LL341", "entry-in-toc", severity="warning", tags=("entries", "structure", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The table of contents should hold only links to the document's own sections.

    Why: an entry (a link to another site with a description) inside the table of contents is an
    entry added in the wrong place; readers looking for it in its section will not find it. The
    table of contents is the one listlint finds (see docs/anchors.md), or any list (with its
    sub-lists) at least 80 % of whose items are ``#fragment`` links; a language switcher or a list
    of links to other files (per-language catalogues) is no table of contents.

    Example:

        - [Linters](#linters)
        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        - [Formatters](#formatters)

    Fix: move the entry into its section.
    """
    analysis = ctx.facts.lists
    for entry in doc.entries:
        if entry.link is None or is_translation_link(entry.link) or not entry.named:
            continue  # a language switcher's link to a translation is navigation too
        if not entry.description or not _WEB.match(entry.link.destination):
            continue  # ``[Contributing](CONTRIBUTING.md)``, ``[Website](https://…)``: no entry
        if entry.list_item is not None and entry.list_item in analysis.toc:
            yield Problem(
                entry.name_span,
                f"entry {entry.name[:50]!r} links to {entry.url!r} from inside the table of "
                f"contents; move it into its section",
            )

"""LL301 entry-name-not-link."""

import re
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.model.entries import Entry, is_in_page, is_note
from listlint.model.nodes import Link, Paragraph
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import THRESHOLD

_NAME_AND_SEPARATOR = re.compile(r"\S.{0,60}?(?:\s(?:-|\u2013|\u2014|:)\s|\uff1a)")
# ``[Name] (url)``, ``[Name]https://…``: a link whose syntax broke (LL102's business)
_BROKEN_LINK = re.compile(r"\[[^\[\]\n]+\](?:[ \t]+\(|https?://)")


@rule("LL301", "entry-name-not-link", severity="warning", tags=("entries", "format"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An item in a list of entries should start with the entry's link.

    Why: when every other item of a list is ``- [Name](url) - Description.``, an item that starts
    with plain text (``- Name - Description``, or a link further along the line) is an entry whose
    name lost its link, or whose link is hidden in the description. Items with sub-items are
    group labels (``- Web Frameworks`` with entries nested under it) and are never reported, nor
    are items of a table of contents, cross-references to a section (``- [Venmo](#payments)``),
    notes (``- More in [awful-ai](url)``, ``- See also …``, a sentence without a link), links
    introduced by a label (``- [ ] Good intro: [Title](url)``) and items whose link syntax broke
    (``[Name] (url)``, which LL102 reports). Only lists whose items are mostly entries (80 %, at
    least three entries) are checked. An entry whose link has no text (``[](url)``) is reported too.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        - black - The uncompromising formatter.
        - [mypy](https://github.com/python/mypy) - Static typing.

    Fix: make the name a link: ``- [black](https://github.com/psf/black) - ...``.
    """
    analysis = ctx.facts.lists
    for entry in doc.entries:
        if entry.named and not entry.name and entry.link and not _has_label(doc, entry.link):
            yield Problem(
                entry.name_span, "the entry's link has no text; write its name `[Name](url)`"
            )
    entry_items = {e.list_item for e in doc.entries if e.list_item is not None and e.named}
    mentions = {e.list_item: e for e in doc.entries if e.list_item and not e.named}
    for items in analysis.lists:
        if any(item in analysis.navigation for item in items):
            continue
        entries = sum(1 for item in items if item in entry_items)
        if entries < 3 or entries < THRESHOLD * len(items):
            continue
        for item in items:
            if item in entry_items or item in analysis.children or item.paragraph is None:
                continue
            text = item.paragraph.inline.plain_text.strip()
            links = doc.links_on(item.span.line)
            if not text or _not_an_entry(item.paragraph, links[0] if links else None, text):
                continue
            if not _entry_like(text, mentions.get(item)):
                continue
            yield Problem(
                item.paragraph.span,
                f"item {text[:50]!r} does not start with a link, unlike {entries} of the "
                f"{len(items)} items of this list; make its name a link `[Name](url)`",
            )


def _not_an_entry(paragraph: Paragraph, first: Link | None, text: str) -> bool:
    """A cross-reference (``[Venmo](#payments)``), a note (``More in [x](u)``), or a link whose
    syntax broke (``[Name] (url)``: LL102 reports it); ``first`` is the item's first link."""
    if first is not None and is_in_page(first):
        return True
    return bool(is_note(text) or _BROKEN_LINK.search(paragraph.inline.content))


def _entry_like(text: str, mention: Entry | None) -> bool:
    """Whether an item reads like an entry that lost its link: a link after other words that do
    not introduce it (``black - The formatter [site](u)``, not ``Good intro: [Title](u)``), or a
    name and a separator (``black - The formatter.``, not a sentence of prose)."""
    if mention is not None and mention.link is not None:
        before = text[: text.find(mention.link.text)] if mention.link.text in text else ""
        return not before.rstrip().endswith(":")
    return bool(_NAME_AND_SEPARATOR.match(text))


def _has_label(doc: Document, link: Link) -> bool:
    """Whether the link's label shows something: an image, or HTML such as ``<img src=…>``."""
    span = link.text_span
    if link.has_image or span is None:
        return link.has_image
    if span.line != span.end_line:
        return True
    return bool(doc.line(span.line)[span.column - 1 : span.end_column - 1].strip())

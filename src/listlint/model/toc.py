"""Anchors and the table of contents: where each ``#fragment`` lands, and where the TOC is.

A TOC is found, in this order of preference:

- between marker comments: ``<!-- toc -->``/``<!-- tocstop -->``, doctoc's ``START``/``END``,
  mktoc's ``BEGIN``/``END``, MarkdownTOC's, VS Code's ``<!-- TOC -->``/``<!-- /TOC -->``;
- under a heading such as "Contents", "Table of contents", "TOC", "Index" (or their equivalents in a
  dozen languages): the lists of in-document links that follow it in its section;
- inferred: the first list near the top (before the first entry) whose items are mostly ``#`` links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Literal
from urllib.parse import unquote

from msgspec import Struct

from listlint.findings import Span
from listlint.model.entries import Entry
from listlint.model.nodes import Blocks, Heading, HtmlAnchor, Link, ListItem, Piece
from listlint.slug import slugify

TocKind = Literal["markers", "heading", "inferred"]

# Heading titles that announce a TOC, compared after :func:`title_key` (letters only, lowercased).
TOC_TITLES = frozenset(
    {
        "contents", "tableofcontents", "toc", "index", "content", "overview", "categories",
        "inhalt", "inhaltsverzeichnis",  # German
        "sommaire", "tabledesmatières", "contenu",  # French
        "contenido", "contenidos", "índice", "indice", "tabladecontenidos", "tabladecontenido",
        "conteúdo", "conteúdos", "sumário", "sumario",  # Portuguese
        "sommario",  # Italian
        "inhoud", "inhoudsopgave",  # Dutch
        "spistreści",  # Polish
        "содержание", "оглавление", "зміст",  # Russian, Ukrainian
        "目录", "目錄", "目次", "목차", "內容", "内容",  # Chinese, Japanese, Korean
        "i̇çindekiler", "içindekiler",  # Turkish
        "mụclục",  # Vietnamese
    }
)  # fmt: skip

_START_MARKER = re.compile(
    r"\s*(?:toc|start doctoc\b.*|begin mktoc\b.*|markdowntoc\b.*|toc:?start|mdtoc)\s*",
    re.IGNORECASE | re.DOTALL,
)
_END_MARKER = re.compile(
    r"\s*(?:tocstop|/toc|end doctoc\b.*|end mktoc\b.*|/markdowntoc|toc:?end|toc:?stop|/mdtoc)\s*",
    re.IGNORECASE | re.DOTALL,
)
SHORTCODE = re.compile(r":[a-z0-9_+-]+:")  # an emoji written as GitHub's ``:name:``
_LINE_LINK = re.compile(r"L\d+(?:C\d+)?-L\d+(?:C\d+)?|L\d+")
_SKIPPED_PIECES = frozenset({"strong_open", "em_open", "s_open"})

MIN_INFERRED_ITEMS = 3


class TocItem(Struct, frozen=True, eq=False):
    """One entry of a TOC: its text, the fragment it links to, how deep it is nested, and where."""

    text: str
    fragment: str | None  # decoded, without '#'; None when the item has no in-document link
    depth: int  # 0 for the TOC's top level
    marker: str  # as written: "-", "*", "+", "1.", "1)"
    span: Span  # the item's first paragraph
    list_item: ListItem
    link: Link | None
    heading: Heading | None  # the heading the item leads to
    parent: TocItem | None


class Toc(Struct, frozen=True, eq=False):
    """A table of contents: how it was found and its items in order."""

    kind: TocKind
    heading: Heading | None  # the "Contents" heading, when there is one
    items: tuple[TocItem, ...]
    start_line: int  # first line of the region: marker comment, TOC heading or first item
    end_line: int  # last line of the region: end marker, or the last item's last line
    lists: tuple[tuple[int, int], ...]  # first and last line of each list it is made of


class Targets(Struct, frozen=True):
    """Every in-document link target, and the heading each one lands on (if any)."""

    names: dict[str, list[Heading | HtmlAnchor]]
    heading_of: dict[str, Heading]
    attached: dict[HtmlAnchor, Heading]  # html anchor -> the heading it sits on or just above

    def exists(self, fragment: str) -> bool:
        """True when ``#fragment`` goes somewhere on GitHub (case-sensitively)."""
        return (
            fragment in self.names
            or fragment.casefold() in ("", "top")
            or fragment == "readme"
            or _LINE_LINK.fullmatch(fragment) is not None
        )


def fragment_of(link: Link) -> str | None:
    """The decoded ``#fragment`` of an in-document link (not an image), else None."""
    if link.image or not link.url.startswith("#"):
        return None
    return unquote(link.url[1:])


def title_key(text: str) -> str:
    """A title reduced to its lowercased letters, emoji and ``:shortcodes:`` left out:
    "📖 Table of Contents:" and ":anger: &nbsp;Table of Contents" -> "tableofcontents"."""
    text = SHORTCODE.sub("", text.lower())
    return "".join(c for c in text if unicodedata.category(c)[0] in "LM")


def find_targets(doc: Blocks) -> Targets:
    """Heading slugs and explicit anchors, with the heading that each explicit anchor belongs to."""
    names = doc.anchors()
    heading_of = {heading.anchor: heading for heading in doc.headings}
    attached: dict[HtmlAnchor, Heading] = {}
    by_line: dict[int, Heading] = {}
    for heading in doc.headings:
        for line in range(heading.span.line, heading.span.end_line + 1):
            by_line[line] = heading
    for anchor in doc.html_anchors:
        owner = _heading_at_or_after(doc, by_line, anchor.span.line)
        if owner is not None:
            attached[anchor] = owner
            heading_of.setdefault(anchor.name, owner)
    return Targets(names, heading_of, attached)


def _heading_at_or_after(doc: Blocks, by_line: dict[int, Heading], line: int) -> Heading | None:
    """The heading on ``line``, or the next one when only blank lines separate it from ``line``."""
    for number in range(line, line + 3):
        if number in by_line:
            return by_line[number]
        if number > line and doc.line(number).strip():
            return None
    return None


def find_toc(doc: Blocks, entries: tuple[Entry, ...]) -> Toc | None:
    """The document's table of contents (entries tell where the list proper starts), or None."""
    lists = list(doc.lists)
    if not lists:
        return None
    targets = find_targets(doc)
    context = _Context(doc, targets, entries)
    return (
        _toc_between_markers(context, lists)
        or _toc_under_heading(context, lists)
        or _inferred_toc(context, lists)
    )


class _Context:
    """What the TOC search reads: the document, its anchors and entries, and three indexes."""

    def __init__(self, doc: Blocks, targets: Targets, entries: tuple[Entry, ...]) -> None:
        self.doc = doc
        self.targets = targets
        self.entries = entries
        self.links = {link.span: link for link in self.doc.links}
        self.by_base_slug: dict[str, Heading] = {}
        for heading in self.doc.headings:
            self.by_base_slug.setdefault(slugify(heading.text.strip()), heading)
        self.items_by_line = {item.span.line: item for item in self.doc.list_items}

    def items(self, first: int, last: int) -> list[ListItem]:
        return [self.items_by_line[n] for n in range(first, last + 1) if n in self.items_by_line]

    def toc_items(self, lists: list[tuple[int, int]]) -> tuple[TocItem, ...]:
        found: list[TocItem] = []
        made: dict[ListItem, TocItem] = {}
        for first, last in lists:
            items = self.items(first, last)
            top = min((item.depth for item in items), default=0)
            for item in items:
                made[item] = toc_item = self.toc_item(item, item.depth - top, made)
                found.append(toc_item)
        return tuple(found)

    def toc_item(self, item: ListItem, depth: int, made: dict[ListItem, TocItem]) -> TocItem:
        paragraph = item.paragraph
        link = self.first_link(item)
        fragment = fragment_of(link) if link else None
        if link is not None and fragment is not None:
            text = link.text.strip()
            heading = self.targets.heading_of.get(fragment)
        else:
            text = paragraph.inline.plain_text.strip() if paragraph else ""
            heading = None if link else self.by_base_slug.get(slugify(text))
        marker = item.marker_span
        return TocItem(
            text=" ".join(text.split()),
            fragment=fragment,
            depth=depth,
            marker=self.doc.line(marker.line)[marker.column - 1 : marker.end_column - 1],
            span=paragraph.span if paragraph else Span(item.span.line, 1, item.span.line, 1),
            list_item=item,
            link=link,
            heading=heading,
            parent=made.get(item.parent) if item.parent else None,
        )

    def first_link(self, item: ListItem) -> Link | None:
        """The link an item starts with (possibly inside emphasis), else None."""
        paragraph = item.paragraph
        if paragraph is None:
            return None
        first = next(_leading_pieces(paragraph.inline.pieces), None)
        if first is None or first.kind != "link_open":
            return None
        return self.links.get(paragraph.inline.span(first.start, first.end))

    def mostly_links(self, first: int, last: int, share: float) -> bool:
        items = self.items(first, last)
        linked = sum(1 for item in items if _in_document(self.first_link(item)))
        return bool(items) and linked >= share * len(items)


def _in_document(link: Link | None) -> bool:
    return link is not None and fragment_of(link) is not None


def _leading_pieces(pieces: tuple[Piece, ...]) -> Iterator[Piece]:
    for piece in pieces:
        if piece.kind in _SKIPPED_PIECES or (piece.kind == "text" and not piece.text.strip()):
            continue
        yield piece


def _last_line(context: _Context, lists: list[tuple[int, int]]) -> int:
    """The last non-blank line of the last list."""
    first, last = lists[-1]
    while last > first and not context.doc.line(last).strip():
        last -= 1
    return last


def _make(
    context: _Context,
    kind: TocKind,
    heading: Heading | None,
    lists: list[tuple[int, int]],
    start: int | None = None,
    end: int | None = None,
) -> Toc | None:
    items = context.toc_items(lists)
    if not items:
        return None
    return Toc(
        kind=kind,
        heading=heading,
        items=items,
        start_line=start if start is not None else lists[0][0],
        end_line=end if end is not None else _last_line(context, lists),
        lists=tuple((first, _last_line(context, [(first, last)])) for first, last in lists),
    )


def _toc_between_markers(context: _Context, lists: list[tuple[int, int]]) -> Toc | None:
    comments = context.doc.comments
    for index, comment in enumerate(comments):
        if not _START_MARKER.fullmatch(comment.text):
            continue
        end = next((c for c in comments[index + 1 :] if _END_MARKER.fullmatch(c.text)), None)
        if end is None:
            return None
        start_line, end_line = comment.span.line, end.span.line
        inside = [(a, b) for a, b in lists if start_line < a < end_line]
        heading = next(
            (h for h in context.doc.headings if start_line < h.span.line < end_line), None
        )
        return _make(context, "markers", heading, inside, start_line, end_line)
    return None


def _toc_under_heading(context: _Context, lists: list[tuple[int, int]]) -> Toc | None:
    headings = context.doc.headings
    for index, heading in enumerate(headings):
        if title_key(heading.text) not in TOC_TITLES:
            continue
        end = next(
            (h.span.line - 1 for h in headings[index + 1 :] if h.level <= heading.level),
            len(context.doc.lines),
        )
        chosen: list[tuple[int, int]] = []
        for first, last in lists:
            if first <= heading.span.end_line or first > end:
                continue
            if context.mostly_links(first, last, 0.5):
                chosen.append((first, last))
            elif chosen:
                break
        if chosen:
            return _make(context, "heading", heading, chosen, heading.span.line)
    return None


def _inferred_toc(context: _Context, lists: list[tuple[int, int]]) -> Toc | None:
    doc = context.doc
    limit = context.entries[0].span.line if context.entries else len(doc.lines) // 3 + 1
    for first, last in lists:
        if first > limit:
            return None
        if len(context.items(first, last)) >= MIN_INFERRED_ITEMS and context.mostly_links(
            first, last, 0.75
        ):
            return _make(context, "inferred", None, [(first, last)])
    return None

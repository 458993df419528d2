"""Entries: the items a list curates, recognised in every common style.

- ``list``: a list item whose first paragraph starts with the entry's link, in any of the shapes
  lists use: ``- [Name](url) - Description.`` (awesome), ``1. [Title](url) by Author`` (ordered),
  ``- **[Name](url)** - Description. [ [paper](url) | [web](url) ]`` (bold link with a trailing
  bracket group), ``* [owner/repo](url) [[crate](url)] - Description`` (link groups after the name),
  leading badges or emoji, ``(part of X)`` sub-entries and nested sub-lists;
- ``bold-title``: a paragraph ``**Name** [[github](url)][[paper](url)]`` with the description in the
  following paragraph (deeplearning-biology);
- ``table``: a table row whose first linked cell names the entry (public-apis).

The inline content of the entry's paragraph is read through a *mask*: the content with every link
and image replaced by placeholder characters of the same length, so that plain-text patterns (the
separator, bracket groups) can be matched without ever mistaking text inside a link for them, and
every offset still maps to the file through :meth:`Inline.span`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from listlint.findings import Span
from listlint.model.nodes import Blocks, Inline, Link, ListItem, Paragraph, Section, TableRow

EntryStyle = Literal["list", "bold-title", "table"]
DescriptionLayout = Literal["inline", "next-line", "below", "none"]

LINK = "\x01"  # a link whose text is words
BADGE = "\x02"  # an image, or a link whose text is an image
CODE = "\x00"  # stands for a code span in ``Entry.description_prose``
_PLACEHOLDERS = LINK + BADGE

_LEADING = re.compile(rf"[ \t{BADGE}]*(?:[^\w\s\[\]{_PLACEHOLDERS}*_`]{{1,6}}[ \t]+[ \t{BADGE}]*)?")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)?")
_GROUP_PUNCTUATION = " \t\n[]|,()"
_SEPARATOR = re.compile(r"[\s\u00a0]*(--?|\u2013|\u2014|:|\|)(?=[\s\u00a0]|$)[\s\u00a0]*|\s+")
_DASH_AFTER = re.compile(r"[ \t]*(?:-|\u2013|\u2014)[ \t]")
_TITLE_NOTE = re.compile(rf"[ \t]*\([^(){_PLACEHOLDERS}]*\)")  # **Title** (and others) [[code](u)]
_NAVIGATION = re.compile(r"\n[ \t]*[*_]*(?=\x01)")  # a line starting with a link
_PART_OF = re.compile(r"\(part of ([^)]+)\)\s*")
# Trailing patterns are searched, so each may start only where its leading run starts (the
# lookbehind), and their classes do not overlap where they meet (the first LINK / BADGE is the one
# matched), so no attempt backtracks over a run. Only the last _TAIL_WINDOW characters are searched.
_TRAILING_GROUP = re.compile(
    rf"(?<![\s\u00a0])[\s\u00a0]*[\[(][\s{BADGE},|]*{LINK}[\s{LINK}{BADGE},|]*[\])]\s*$"
)
_TRAILING_BADGES = re.compile(rf"(?<![\s{BADGE}])\s*(?:{BADGE}\s*)+$")
# `MIT` `Go` at the end (awesome-selfhosted), matched on the reversed text so it is anchored.
_TRAILING_TAGS_REVERSED = re.compile(r"\s*(?:`[^`\n]{1,40}`\s*){2,}")
_TAIL_WINDOW = 1000  # trailing groups are short once masked: a whole link is one character
_MARKER_CODE = re.compile(r"\s*`[^`\w\s]{1,4}`")  # `⚠` after the name (awesome-selfhosted)


def _trailing_start(tail: str) -> int | None:
    """Where a trailing link group, badges or tags begin at the end of ``tail``, if they do."""
    trailing = _TRAILING_GROUP.search(tail) or _TRAILING_BADGES.search(tail)
    if trailing:
        return trailing.start()
    tags = _TRAILING_TAGS_REVERSED.match(tail[::-1])
    return len(tail) - tags.end() if tags else None


@dataclass(frozen=True, eq=False)
class Entry:
    """One curated item: its name, primary link, other links, description and place.

    ``separator`` is the text between the name (with its link groups) and the description, as
    written (``" - "``, ``": "``, ``" "`` when the description just follows); empty when there is
    no description on the title line. ``link_gaps`` are the texts between consecutive link groups
    after the name (``"]["`` in ``[[github](u)][[paper](u)]``), and ``title_gap`` the text between
    a bold title and its first link group.
    """

    style: EntryStyle
    name: str
    name_span: Span
    link: Link | None
    links: tuple[Link, ...]
    description: str
    description_span: Span | None
    span: Span
    section: Section | None
    list_item: ListItem | None = None
    paragraph: Paragraph | None = None
    row: TableRow | None = None
    bold: bool = False
    separator: str = ""
    separator_span: Span | None = None
    description_layout: DescriptionLayout = "none"
    title_gap: str | None = None
    title_gap_span: Span | None = None
    link_gaps: tuple[tuple[str, Span], ...] = ()
    part_of: str | None = None
    parent: Entry | None = None
    group: str | None = None
    description_prose: str = ""  # the description with each code span replaced by CODE

    @property
    def url(self) -> str | None:
        """The primary link's destination."""
        return self.link.destination if self.link else None

    @property
    def other_links(self) -> tuple[Link, ...]:
        """Every link but the primary one; their ``text`` is their label (``github``, ``paper``)."""
        return tuple(link for link in self.links if link is not self.link)

    @property
    def depth(self) -> int:
        """Nesting depth of a list entry (0 at top level)."""
        return self.list_item.depth if self.list_item else 0


@dataclass(frozen=True)
class _Masked:
    """An inline with its links and images masked, and the links found at each offset."""

    inline: Inline
    text: str
    links: dict[int, Link]  # start offset of each top-level link or image -> the Link
    ends: dict[int, int]  # start offset -> end offset

    def plain(self, start: int, end: int, *, code: bool = True) -> str:
        """The text a reader sees between content offsets ``start`` and ``end``.

        Without ``code``, each code span is replaced by :data:`CODE`.
        """
        return _plain(self.inline, start, end, code=code)


def _plain(inline: Inline, start: int, end: int, *, code: bool = True) -> str:
    parts: list[str] = []
    for piece in inline.pieces:
        if piece.end <= start or piece.start >= end:
            continue
        if piece.kind == "code_inline" and not code:
            parts.append(CODE)
        elif piece.kind in ("text", "text_special", "code_inline"):
            text = piece.text
            if piece.kind == "text" and len(text) == piece.end - piece.start:
                text = text[max(start - piece.start, 0) : end - piece.start]
            elif piece.start < start:
                continue
            parts.append(text)
        elif piece.kind in ("softbreak", "hardbreak") and piece.start >= start:
            parts.append(" ")
    return " ".join("".join(parts).split())


def _mask(inline: Inline, by_start: dict[tuple[int, int], Link]) -> _Masked:
    chars = list(inline.content)
    links: dict[int, Link] = {}
    ends: dict[int, int] = {}
    depth = 0
    for piece in inline.pieces:
        if piece.kind == "link_close":
            depth -= 1
            continue
        if piece.kind not in ("link_open", "image"):
            continue
        if piece.kind == "link_open":
            depth += 1
            if depth > 1:
                continue
        elif depth > 0:
            continue
        span = inline.span(piece.start, piece.end)
        link = by_start.get((span.line, span.column))
        if link is None:
            continue
        links[piece.start] = link
        ends[piece.start] = piece.end
        mark = BADGE if link.image or link.has_image else LINK
        chars[piece.start : piece.end] = mark * (piece.end - piece.start)
    for (
        piece
    ) in inline.pieces:  # a line break inside a link must stay one, to keep line checks right
        if piece.kind == "softbreak":
            chars[piece.start : piece.start + 1] = "\n"
    return _Masked(inline, "".join(chars), links, ends)


@dataclass
class _Parts:
    """Offsets of an entry's parts in its masked inline."""

    extra_start: int
    description_start: int
    description_end: int
    separator: str
    title_gap: tuple[int, int] | None
    gaps: list[tuple[int, int]]


def _link_zone(masked: _Masked, offset: int, bracketed_only: bool) -> tuple[int, list[int]]:
    """Skip link groups after ``offset``: ``[[label](url)]`` runs, badges and bare extra links.

    Returns the offset after the zone and the start offsets of the links in it. With
    ``bracketed_only``, plain links count only inside ``[...]`` (a list item's description may
    start with a link).
    """
    text = masked.text
    position = offset
    found: list[int] = []
    end = position
    while position < len(text):
        char = text[position]
        if char in _PLACEHOLDERS:
            bracketed = position > 0 and text[:position].rstrip(" \t").endswith("[")
            if char == LINK and bracketed_only and not bracketed and not found:
                after = masked.ends.get(position, position + 1)
                if not _DASH_AFTER.match(text, after):  # ``[name](u) [crate](u) - Desc``
                    break
            found.append(position)
            position = masked.ends.get(position, position + 1)
            end = position
            continue
        if char in _GROUP_PUNCTUATION and char not in "()":
            if char == "[" and not _opens_group(text, position):
                break
            position += 1
            if char == "]":
                end = position
            continue
        break
    return (end if found else offset), found


def _opens_group(text: str, position: int) -> bool:
    rest = text[position + 1 :].lstrip(" [")
    return bool(rest) and rest[0] in _PLACEHOLDERS


def _split(masked: _Masked, name_end: int, bracketed_only: bool) -> _Parts:
    """Find the link groups, separator and description after a name that ends at ``name_end``."""
    text = masked.text
    zone_end, found = _link_zone(masked, name_end, bracketed_only)
    title_gap = None
    if found:
        first = found[0]
        gap_start = name_end
        bracket = text.rfind("[", name_end, first)
        title_gap = (
            gap_start,
            bracket if bracket >= 0 and not text[bracket:first].strip("[ ") else first,
        )
    gaps = []
    for before, after in pairwise(found):
        gaps.append((masked.ends[before], after))
    rest_start = zone_end
    marker = _MARKER_CODE.match(text, rest_start)
    rest_start = marker.end() if marker else rest_start
    match = _SEPARATOR.match(text, rest_start)
    separator = match.group(0) if match else ""
    description_start = match.end() if match else rest_start
    description_end = len(text.rstrip())
    while True:  # trailing bracket groups of links, and badges, are not description
        window = max(description_start, description_end - _TAIL_WINDOW)
        tail = text[window:description_end]
        start = _trailing_start(tail)
        if start is None or window + start == description_start:
            break
        description_end = window + start
    for newline in _NAVIGATION.finditer(text, description_start, description_end):
        link = masked.links.get(newline.end())
        if link is not None and link.fragment is not None:  # ``**[⬆ back to top](#contents)**``
            description_end = len(text[: newline.start()].rstrip())
            break
    if description_start >= description_end:
        separator = ""
    return _Parts(name_end, description_start, description_end, separator, title_gap, gaps)


class _Finder:
    """Finds the entries of one document."""

    def __init__(self, doc: Blocks) -> None:
        self.doc = doc
        self.by_start = {(link.span.line, link.span.column): link for link in doc.links}
        self.by_item: dict[ListItem, Entry] = {}

    def links_in(self, masked: _Masked) -> tuple[Link, ...]:
        return tuple(link for start, link in sorted(masked.links.items()) if not link.image)

    def list_entry(self, item: ListItem) -> Entry | None:
        paragraph = item.paragraph
        if paragraph is None:
            return None
        masked = _mask(paragraph.inline, self.by_start)
        text = masked.text
        lead = _LEADING.match(text)
        position = lead.end() if lead else 0
        emphasis = _EMPHASIS.match(text, position)
        marks = emphasis.group(1) if emphasis and emphasis.group(1) else ""
        position += len(marks)
        if position >= len(text) or text[position] != LINK:
            return None
        primary = masked.links[position]
        if primary.fragment is not None:
            return None
        name_end = masked.ends[position]
        if marks and text.startswith(marks, name_end):
            name_end += len(marks)
        parts = _split(masked, name_end, bracketed_only=True)
        return self.entry_from_parts(
            item, paragraph, masked, primary, parts, bold=marks in ("**", "__")
        )

    def entry_from_parts(
        self,
        item: ListItem,
        paragraph: Paragraph,
        masked: _Masked,
        primary: Link,
        parts: _Parts,
        *,
        bold: bool,
    ) -> Entry:
        inline = paragraph.inline
        description_start = parts.description_start
        part_of = None
        found = _PART_OF.match(masked.text, description_start)
        if found and found.start() == description_start:
            part_of = found.group(1).strip()
            description_start = found.end()
        description = masked.plain(description_start, parts.description_end)
        has_description = description_start < parts.description_end and bool(description)
        parent_item = item.parent
        parent = self.by_item.get(parent_item) if parent_item else None
        group = None
        if parent_item is not None and parent is None and parent_item.paragraph is not None:
            group = parent_item.paragraph.inline.plain_text.strip() or None
        separator_span = None
        if parts.separator:
            separator_span = inline.span(
                parts.description_start - len(parts.separator), parts.description_start
            )
        entry = Entry(
            style="list",
            name=primary.text.strip(),
            name_span=primary.text_span or primary.span,
            link=primary,
            links=self.links_in(masked),
            description=description if has_description else "",
            description_span=inline.span(description_start, parts.description_end)
            if has_description
            else None,
            span=item.span,
            section=self.doc.section_at(item.span.line),
            list_item=item,
            paragraph=paragraph,
            bold=bold,
            separator=parts.separator if has_description or part_of else "",
            separator_span=separator_span if has_description or part_of else None,
            description_layout=_layout(inline, parts.extra_start, description_start)
            if has_description
            else "none",
            title_gap=None,
            link_gaps=tuple(
                (masked.inline.content[start:end], inline.span(start, end))
                for start, end in parts.gaps
            ),
            part_of=part_of,
            parent=parent,
            group=group,
            description_prose=masked.plain(description_start, parts.description_end, code=False),
        )
        self.by_item[item] = entry
        return entry

    def bold_entries(self) -> Iterator[Entry]:
        paragraphs = [p for p in self.doc.paragraphs if not p.in_list and not p.in_quote]
        for index, paragraph in enumerate(paragraphs):
            masked = _mask(paragraph.inline, self.by_start)
            text = masked.text
            if not (text.startswith("**") or text.startswith("__")):
                continue
            close = text.find(text[:2], 2)
            if close < 0 or any(c in _PLACEHOLDERS for c in text[2:close]):
                continue
            name_end = close + 2
            note = _TITLE_NOTE.match(text, name_end)
            parts = _split(masked, note.end() if note else name_end, bracketed_only=False)
            if parts.title_gap is None:
                continue  # no link group after the title: bold prose, not an entry
            links = tuple(link for link in self.links_in(masked) if link.fragment is None)
            if not links:
                continue
            inline = paragraph.inline
            description = masked.plain(parts.description_start, parts.description_end)
            prose = masked.plain(parts.description_start, parts.description_end, code=False)
            layout: DescriptionLayout = "none"
            description_span = None
            span = paragraph.span
            if description:
                description_span = inline.span(parts.description_start, parts.description_end)
                layout = _layout(inline, name_end, parts.description_start)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and self.is_description(following, paragraph):
                # text on the title line is then a note on the title, e.g. ``(and other papers)``
                description = following.inline.plain_text.strip()
                prose = _plain(following.inline, 0, len(following.inline.content), code=False)
                description_span = following.span
                layout = "below"
                span = Span(
                    span.line, span.column, following.span.end_line, following.span.end_column
                )
            gap = parts.title_gap
            yield Entry(
                style="bold-title",
                name=masked.plain(2, close).strip(),
                name_span=inline.span(2, close),
                link=links[0],
                links=links,
                description=description,
                description_span=description_span,
                span=span,
                section=self.doc.section_at(paragraph.span.line),
                paragraph=paragraph,
                bold=True,
                separator=parts.separator if layout in ("inline", "next-line") else "",
                separator_span=(
                    inline.span(
                        parts.description_start - len(parts.separator), parts.description_start
                    )
                    if layout in ("inline", "next-line")
                    else None
                ),
                description_layout=layout,
                title_gap=inline.content[gap[0] : gap[1]] if gap else None,
                title_gap_span=inline.span(gap[0], gap[1]) if gap else None,
                link_gaps=tuple(
                    (inline.content[start:end], inline.span(start, end))
                    for start, end in parts.gaps
                ),
                description_prose=prose,
            )

    def is_description(self, paragraph: Paragraph, title: Paragraph) -> bool:
        """Whether ``paragraph`` is the description of the bold title paragraph ``title``."""
        text = paragraph.inline.content.lstrip()
        if text.startswith("**") or text.startswith("__"):
            return False
        between = range(title.span.end_line + 1, paragraph.span.line)
        if any(n in self.doc.code_lines or self.doc.line(n).strip() for n in between):
            return False
        return self.doc.section_at(paragraph.span.line) is self.doc.section_at(title.span.line)

    def table_entry(self, row: TableRow) -> Entry | None:
        if row.header or not row.cells:
            return None
        for position, cell in enumerate(row.cells):
            masked = _mask(cell, self.by_start)
            stripped = masked.text.strip()
            if not stripped or stripped[0] != LINK:
                if stripped:
                    return None
                continue
            start = len(masked.text) - len(masked.text.lstrip())
            primary = masked.links[start]
            if primary.fragment is not None:
                return None
            links = tuple(
                link for c in row.cells for link in self.links_in(_mask(c, self.by_start))
            )
            rest = row.cells[position + 1 : position + 2]
            description = rest[0].plain_text.strip() if rest else ""
            content = rest[0].content if rest else ""
            lead = len(content) - len(content.lstrip())
            description_span = (
                rest[0].span(lead, len(content.rstrip())) if rest and description else None
            )
            return Entry(
                style="table",
                name=primary.text.strip(),
                name_span=primary.text_span or primary.span,
                link=primary,
                links=links,
                description=description,
                description_span=description_span,
                span=row.span,
                section=self.doc.section_at(row.span.line),
                row=row,
                separator=" | " if description else "",
                description_layout="inline" if description else "none",
                description_prose=_plain(rest[0], 0, len(content), code=False) if rest else "",
            )
        return None


def _layout(inline: Inline, title_offset: int, description_offset: int) -> DescriptionLayout:
    title_line = inline.span(title_offset, title_offset).line
    return (
        "inline"
        if inline.span(description_offset, description_offset).line == title_line
        else "next-line"
    )


def find_entries(doc: Blocks) -> tuple[Entry, ...]:
    """Every entry of the document, in source order."""
    finder = _Finder(doc)
    found: list[Entry] = []
    for item in doc.list_items:  # parents come before their children
        entry = finder.list_entry(item)
        if entry is not None:
            found.append(entry)
    found.extend(finder.bold_entries())
    for row in doc.table_rows:
        row_entry = finder.table_entry(row)
        if row_entry is not None:
            found.append(row_entry)
    return tuple(sorted(found, key=lambda e: (e.span.line, e.span.column)))

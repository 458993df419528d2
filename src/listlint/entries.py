"""Entries: the items a list curates, recognised in every common style.

- ``list``: ``- [Name](url) - Description.`` (also ``**[Name](url)**`` and ordered items);
- ``bold-title``: a paragraph ``**Name** [[github](url)][[paper](url)]`` with the description in the
  following paragraph (deeplearning-biology);
- ``table``: a table row whose first linked cell names the entry (public-apis).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from listlint.document import Document, Inline, Link, ListItem, Paragraph, Piece, Section, TableRow
from listlint.findings import Span

EntryStyle = Literal["list", "bold-title", "table"]


@dataclass(frozen=True)
class Entry:
    """One curated item: its name, primary link, other links, description and place."""

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

    @property
    def url(self) -> str | None:
        """The primary link's destination."""
        return self.link.destination if self.link else None


def _links_in(doc: Document, span: Span) -> tuple[Link, ...]:
    return tuple(link for link in doc.links_in(span) if not link.image)


def _meaningful(pieces: tuple[Piece, ...]) -> list[Piece]:
    return [p for p in pieces if not (p.kind in ("text", "softbreak") and not p.text.strip())]


def _text_after(inline: Inline, offset: int) -> tuple[str, Span | None]:
    """Plain text after content ``offset``, without a leading separator, and its span."""
    rest = [p for p in inline.pieces if p.start >= offset and p.kind not in ("link_close",)]
    text = "".join(p.text if p.kind != "softbreak" else " " for p in rest if p.kind in (
        "text", "text_special", "code_inline", "softbreak"))
    if not rest:
        return "", None
    stripped = text.lstrip(" *_")
    for separator in ("-", "–", "—", ":", "|"):
        if stripped.startswith(separator):
            stripped = stripped[len(separator) :]
            break
    description = stripped.strip()
    if not description:
        return "", None
    start = inline.content.find(description[:20], offset)
    start = start if start >= 0 else offset
    return description, inline.span(start, len(inline.content.rstrip()))


def _list_entry(doc: Document, item: ListItem) -> Entry | None:
    paragraph = item.paragraph
    if paragraph is None:
        return None
    pieces = _meaningful(paragraph.inline.pieces)
    leading = [p for p in pieces[:3] if p.kind not in ("strong_open", "em_open", "s_open")]
    first = leading[0] if leading else None
    if first is None or first.kind != "link_open":
        return None
    links = _links_in(doc, paragraph.span)
    primary = next((link for link in links if link.span == paragraph.inline.span(first.start, first.end)), None)
    if primary is None or primary.fragment is not None:
        return None
    description, description_span = _text_after(paragraph.inline, first.end)
    return Entry(
        style="list",
        name=primary.text.strip(),
        name_span=primary.text_span or primary.span,
        link=primary,
        links=links,
        description=description,
        description_span=description_span,
        span=item.span,
        section=doc.section_at(item.span.line),
        list_item=item,
        paragraph=paragraph,
    )


def _bold_entries(doc: Document) -> Iterator[Entry]:
    paragraphs = [p for p in doc.paragraphs if p.list_item is None and not p.in_quote]
    for index, paragraph in enumerate(paragraphs):
        pieces = _meaningful(paragraph.inline.pieces)
        if len(pieces) < 3 or pieces[0].kind != "strong_open":
            continue
        close = next((i for i, p in enumerate(pieces) if p.kind == "strong_close"), None)
        if close is None or any(p.kind == "link_open" for p in pieces[:close]):
            continue
        name = "".join(p.text for p in pieces[1:close] if p.kind in ("text", "text_special", "code_inline"))
        title_line = paragraph.span.line
        links = tuple(link for link in _links_in(doc, paragraph.span) if link.fragment is None)
        if not links:
            continue
        name_start, name_end = pieces[1].start, pieces[close - 1].end
        after = pieces[close].end
        last_link = max(link.span.end_line for link in links)
        description, description_span = _outside_links(paragraph.inline, after)
        span = paragraph.span
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        in_paragraph = last_link < paragraph.span.end_line or description_span is not None
        if following is not None and not in_paragraph and _is_description(following, doc):
            description = following.inline.plain_text.strip()
            description_span = following.span
            span = Span(span.line, span.column, following.span.end_line, following.span.end_column)
        yield Entry(
            style="bold-title",
            name=name.strip(),
            name_span=paragraph.inline.span(name_start, name_end),
            link=links[0],
            links=links,
            description=description,
            description_span=description_span,
            span=span,
            section=doc.section_at(title_line),
            paragraph=paragraph,
        )


def _outside_links(inline: Inline, offset: int) -> tuple[str, Span | None]:
    """Words after ``offset`` that are not inside a link nor link-group brackets, and their span."""
    depth = 0
    words: list[Piece] = []
    for piece in inline.pieces:
        if piece.start < offset:
            continue
        if piece.kind == "link_open":
            depth += 1
        elif piece.kind == "link_close":
            depth -= 1
        elif depth == 0 and piece.kind in ("text", "text_special", "code_inline", "softbreak"):
            if piece.text.strip(" []|,;") or words:
                words.append(piece)
    text = "".join(p.text if p.kind != "softbreak" else " " for p in words).strip(" []|")
    if not text:
        return "", None
    return text, inline.span(words[0].start, words[-1].end)


def _is_description(paragraph: Paragraph, doc: Document) -> bool:
    pieces = _meaningful(paragraph.inline.pieces)
    return bool(pieces) and pieces[0].kind != "strong_open" and doc.section_at(
        paragraph.span.line
    ) is not None


def _table_entry(doc: Document, row: TableRow) -> Entry | None:
    if row.header or not row.cells:
        return None
    for position, cell in enumerate(row.cells):
        pieces = _meaningful(cell.pieces)
        if pieces and pieces[0].kind == "link_open":
            span = cell.span(pieces[0].start, pieces[0].end)
            links = _links_in(doc, row.span)
            primary = next((link for link in links if link.span == span), None)
            if primary is None or primary.fragment is not None:
                return None
            rest = row.cells[position + 1 : position + 2]
            description = rest[0].plain_text.strip() if rest else ""
            description_span = rest[0].span(0, len(rest[0].content)) if rest and description else None
            return Entry(
                style="table",
                name=primary.text.strip(),
                name_span=primary.text_span or primary.span,
                link=primary,
                links=links,
                description=description,
                description_span=description_span,
                span=row.span,
                section=doc.section_at(row.span.line),
                row=row,
            )
    return None


def find_entries(doc: Document) -> list[Entry]:
    """Every entry of the document, in source order."""
    found: list[Entry] = []
    for item in doc.list_items:
        entry = _list_entry(doc, item)
        if entry is not None:
            found.append(entry)
    found.extend(_bold_entries(doc))
    for row in doc.table_rows:
        entry = _table_entry(doc, row)
        if entry is not None:
            found.append(entry)
    return sorted(found, key=lambda e: (e.span.line, e.span.column))

"""The Document: one parse of one file, with everything the rules read, with source positions."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Literal

from markdown_it.token import Token

from listlint.findings import Span
from listlint.parse import InlineSource, parse_tokens
from listlint.profile import phase
from listlint.slug import Slugger
from listlint.source import line_starts, newline_of, offset_of, split_lines

if TYPE_CHECKING:
    from listlint.entries import Entry
    from listlint.toc import Toc

LinkKind = Literal["inline", "reference", "autolink", "bare"]
BlockKind = Literal["paragraph", "heading", "table"]

_ANCHOR_ATTRIBUTE = re.compile(r"(?:id|name)\s*=", re.IGNORECASE)
_OMIT_FROM_TOC = re.compile(r"\s*omit (?:in|from) toc\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Piece:
    """One inline token with its offsets in the inline content."""

    kind: str
    text: str
    start: int
    end: int
    token: Token


@dataclass(frozen=True)
class Inline:
    """The inline content of one block: its pieces in order and the map back to the file."""

    content: str
    pieces: tuple[Piece, ...]
    source: InlineSource

    def span(self, start: int, end: int) -> Span:
        """File span of content offsets ``[start, end)``."""
        return self.source.span(start, end)

    @property
    def plain_text(self) -> str:
        """The text a reader sees: code spans and link text count, images and HTML do not."""
        return "".join(_plain(piece) for piece in self.pieces)


def _plain(piece: Piece) -> str:
    if piece.kind in ("text", "text_special", "code_inline"):
        return piece.text
    if piece.kind in ("softbreak", "hardbreak"):
        return " "
    return ""


@dataclass(frozen=True)
class Link:
    """A link of any kind: ``destination`` as written, ``url`` as markdown-it resolved it."""

    kind: LinkKind
    text: str
    destination: str
    url: str
    span: Span
    text_span: Span | None
    destination_span: Span | None
    reference: str | None
    image: bool
    has_image: bool
    block: BlockKind

    @property
    def fragment(self) -> str | None:
        """The ``#fragment`` of an in-document link, else None."""
        return self.destination[1:] if self.destination.startswith("#") else None


@dataclass(frozen=True)
class ReferenceDefinition:
    """``[label]: url "title"``."""

    label: str
    destination: str
    span: Span
    duplicate: bool


@dataclass(frozen=True)
class Heading:
    """An ATX or setext heading; ``anchor`` is the id GitHub gives it (with -1, -2 suffixes)."""

    level: int
    text: str
    anchor: str
    span: Span
    inline: Inline
    omit_from_toc: bool


@dataclass(frozen=True)
class HtmlAnchor:
    """An explicit HTML target: ``<a name="x">`` or any element's ``id="x"``."""

    name: str
    attribute: Literal["name", "id"]
    span: Span


@dataclass(frozen=True)
class Comment:
    """An HTML comment, stripped of ``<!--`` and ``-->``."""

    text: str
    span: Span
    inline: bool


@dataclass(frozen=True)
class Paragraph:
    """A paragraph, with where it sits: inside a list item and/or a blockquote."""

    span: Span
    inline: Inline
    list_item: ListItem | None
    in_quote: bool


@dataclass(frozen=True)
class ListItem:
    """A list item: marker, nesting depth (0 at top level), parent item and first paragraph."""

    span: Span
    depth: int
    ordered: bool
    marker: str
    marker_span: Span
    parent: ListItem | None
    paragraph: Paragraph | None = field(compare=False, default=None)


@dataclass(frozen=True)
class TableRow:
    """A table row; ``cells`` are the cells' inline contents."""

    span: Span
    cells: tuple[Inline, ...]
    header: bool


@dataclass(frozen=True)
class Section:
    """A heading and everything up to the next heading of the same or a higher level."""

    heading: Heading
    start_line: int
    end_line: int
    parent: Section | None


@dataclass
class Document:
    """Everything the rules read about one file. Built once by :func:`parse_document`."""

    path: str
    text: str
    lines: list[str]
    tokens: list[Token]
    headings: list[Heading] = field(default_factory=list)
    html_anchors: list[HtmlAnchor] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    references: list[ReferenceDefinition] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    list_items: list[ListItem] = field(default_factory=list)
    table_rows: list[TableRow] = field(default_factory=list)
    code_lines: frozenset[int] = frozenset()
    sections: list[Section] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    toc: Toc | None = None
    _section_starts: list[int] = field(default_factory=list, init=False, repr=False)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its line ending."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    @cached_property
    def newline(self) -> str:
        """The line ending the file uses: LF, CRLF or CR."""
        return newline_of(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return line_starts(self.text)

    def text_at(self, span: Span) -> str:
        """The source text of ``span``, line endings as written; empty for a span off the text."""
        starts = self._line_starts
        start = offset_of(self.text, starts, span.line, span.column)
        end = offset_of(self.text, starts, span.end_line, span.end_column)
        return self.text[start:end] if start is not None and end is not None else ""

    @cached_property
    def _link_starts(self) -> list[tuple[int, int]]:
        return [(link.span.line, link.span.column) for link in self.links]

    def links_within(self, span: Span) -> list[Link]:
        """The links that lie wholly inside ``span``, in order (links are kept in source order)."""
        starts = self._link_starts
        first = bisect.bisect_left(starts, (span.line, span.column))
        last = bisect.bisect_right(starts, (span.end_line, span.end_column))
        end = (span.end_line, span.end_column)
        return [
            link
            for link in self.links[first:last]
            if (link.span.end_line, link.span.end_column) <= end
        ]

    def anchors(self) -> dict[str, list[Heading | HtmlAnchor]]:
        """Every in-document link target: heading slugs and explicit HTML anchors."""
        targets: dict[str, list[Heading | HtmlAnchor]] = {}
        for heading in self.headings:
            targets.setdefault(heading.anchor, []).append(heading)
        for anchor in self.html_anchors:
            targets.setdefault(anchor.name, []).append(anchor)
        return targets

    def section_at(self, line: int) -> Section | None:
        """The innermost section that contains ``line``."""
        if len(self._section_starts) != len(self.sections):
            self._section_starts = [section.start_line for section in self.sections]
        index = bisect.bisect_right(self._section_starts, line) - 1
        found = self.sections[index] if index >= 0 else None
        while found is not None and found.end_line < line:
            found = found.parent
        return found


def _comments(content: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of each complete ``<!-- ... -->`` in ``content``, in linear time.

    (The regex ``<!--(.*?)-->`` rescans to the end for every unclosed ``<!--``: quadratic.)
    """
    position = 0
    while (start := content.find("<!--", position)) >= 0:
        end = content.find("-->", start + 4)
        if end < 0:
            return
        yield start, end + 3
        position = end + 3


class _AnchorFinder(HTMLParser):
    """Collects ``name``/``id`` attributes from an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, Literal["name", "id"]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.found.append((value, "id" if key == "id" else "name"))


def _anchor_tags(
    content: str, skipped: list[tuple[int, int]]
) -> Iterator[tuple[str, Literal["name", "id"], int]]:
    """(name, attribute, offset) of each anchor in ``content``, outside the ``skipped`` ranges.

    HTMLParser is quadratic on unclosed tags (``<a <a <a ...``), so it only ever sees one tag at a
    time: the text from one ``<`` to the next, and only when it has an ``id=`` or ``name=``.
    """
    finder = _AnchorFinder()
    ranges = iter(skipped)
    skip = next(ranges, None)
    position = content.find("<")
    while position >= 0:
        following = content.find("<", position + 1)
        while skip is not None and skip[1] <= position:
            skip = next(ranges, None)
        inside = skip is not None and skip[0] <= position
        tag = content[position : following if following >= 0 else len(content)]
        if not inside and _ANCHOR_ATTRIBUTE.search(tag):
            finder.reset()
            finder.found = []
            try:
                finder.feed(tag)
                finder.close()
            except (AssertionError, ValueError):  # HTMLParser rejects some malformed markup
                pass
            for name, attribute in finder.found:
                yield name, attribute, position
        position = following


def _literal(token: Token, child: Token, cursor: int) -> int:
    """Where the text of ``child`` is in the inline content, at or after ``cursor`` (or -1)."""
    return token.content.find(child.content, cursor)


def _pieces(token: Token) -> tuple[Piece, ...]:
    """The inline children with content offsets; plain text gets its offsets from its neighbours."""
    pieces: list[Piece] = []
    cursor = 0
    link_ends: list[int] = []
    for child in token.children or []:
        pos = (child.meta or {}).get("pos")
        if child.type in ("link_open", "image") and pos:
            label = child.meta.get("label") or (pos[0], pos[1])
            start, end = pos
            if child.type == "link_open" and child.markup not in ("autolink", "linkify"):
                link_ends.append(end)
                cursor = label[0]
            elif child.type == "link_open":
                link_ends.append(end)
                cursor = start + (1 if child.markup == "autolink" else 0)
            else:
                cursor = end
        elif child.type == "link_close":
            start = end = cursor
            if link_ends:
                cursor = link_ends.pop()
                start, end = end, cursor
        elif child.type == "text" and child.content and _literal(token, child, cursor) >= 0:
            # plain text is literal source: find it rather than trust a position, which is off
            # when markdown-it merged the text with an emptied emphasis delimiter (`**x** - y`)
            start = _literal(token, child, cursor)
            end = cursor = start + len(child.content)
        elif pos:
            start, end = pos
            cursor = max(cursor, end)
        else:
            start, end = cursor, cursor + len(child.content)
            cursor = end
        text = child.content if child.type != "image" else ""
        pieces.append(Piece(child.type, text, start, end, child))
    return tuple(pieces)


class _Builder:
    """Walks the block tokens once and fills a Document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.slugger = Slugger()
        self.items: list[ListItem] = []
        self.quote_depth = 0
        self.code_lines: set[int] = set()
        self.pending_paragraph: dict[int, Paragraph] = {}

    def span_of(self, token: Token) -> Span:
        first, last = token.map or (0, 1)
        last = max(last, first + 1)
        return Span(first + 1, 1, last, len(self.doc.line(last)) + 1)

    def inline(self, token: Token, from_column: int = 0) -> Inline:
        first = token.map[0] if token.map else 0
        source = InlineSource.locate(token.content, first, self.doc.lines, from_column)
        return Inline(token.content, _pieces(token), source)

    def build(self) -> None:
        tokens = self.doc.tokens
        index = 0
        while index < len(tokens):
            index = self.block(tokens, index)
        self.doc.code_lines = frozenset(self.code_lines)
        self.doc.sections = _sections(self.doc.headings, len(self.doc.lines))

    def block(self, tokens: list[Token], index: int) -> int:
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            self.heading(token, tokens[index + 1])
            return index + 3
        if kind == "paragraph_open":
            self.paragraph(token, tokens[index + 1])
            return index + 3
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.doc.list_items.extend([])  # items are added as they open
        elif kind == "list_item_open":
            self.list_item(token)
        elif kind == "list_item_close":
            self.items.pop()
        elif kind == "blockquote_open":
            self.quote_depth += 1
        elif kind == "blockquote_close":
            self.quote_depth -= 1
        elif kind == "tr_open":
            return self.table_row(tokens, index)
        elif kind in ("fence", "code_block"):
            first, last = token.map or (0, 0)
            self.code_lines.update(range(first + 1, last + 1))
        elif kind == "html_block":
            self.html(token.content, self.span_of(token), inline=False)
        elif kind == "definition":
            self.definition(token, duplicate=False)
        return index + 1

    def heading(self, token: Token, inline_token: Token) -> None:
        inline = self.inline(inline_token)
        self.collect_inline(inline, "heading")
        text = inline.plain_text
        omit = self.omitted_from_toc((token.map or [0])[0] + 1)
        self.doc.headings.append(
            Heading(
                level=int(token.tag[1]),
                text=text,
                anchor=self.slugger.slug(text),
                span=self.span_of(token),
                inline=inline,
                omit_from_toc=omit,
            )
        )

    def omitted_from_toc(self, line: int) -> bool:
        """Whether ``<!-- omit in toc -->`` ends the heading line or stands on the line before."""
        for comment in reversed(self.doc.comments):
            if comment.span.line < line - 1:
                return False
            if _OMIT_FROM_TOC.fullmatch(comment.text) and (
                comment.span.line == line if comment.inline else comment.span.line == line - 1
            ):
                return True
        return False

    def paragraph(self, token: Token, inline_token: Token) -> None:
        inline = self.inline(inline_token)
        self.collect_inline(inline, "paragraph")
        item = self.items[-1] if self.items else None
        paragraph = Paragraph(self.span_of(token), inline, item, self.quote_depth > 0)
        self.doc.paragraphs.append(paragraph)
        if item is not None and item.paragraph is None and item.span.line == paragraph.span.line:
            object.__setattr__(item, "paragraph", paragraph)

    def list_item(self, token: Token) -> None:
        span = self.span_of(token)
        line = self.doc.line(span.line)
        marker = token.markup or "-"
        column = len(line) - len(line.lstrip(" \t>"))
        if self.items and self.items[-1].marker_span.line == span.line:  # ``- - item``
            column = max(column, self.items[-1].marker_span.end_column - 1)
        if token.info:  # ordered: "1" + "."
            marker_text = token.info + marker
        else:
            marker_text = marker
        found = line.find(marker_text, column)
        column = found if found >= 0 else column
        marker_span = Span(span.line, column + 1, span.line, column + 1 + len(marker_text))
        item = ListItem(
            span=span,
            depth=len(self.items),
            ordered=bool(token.info),
            marker=marker,
            marker_span=marker_span,
            parent=self.items[-1] if self.items else None,
        )
        self.items.append(item)
        self.doc.list_items.append(item)

    def table_row(self, tokens: list[Token], index: int) -> int:
        row_token = tokens[index]
        header = False
        cells: list[Inline] = []
        cell_end = 0  # 0-based column where the previous cell's text ends
        index += 1
        while tokens[index].type != "tr_close":
            token = tokens[index]
            if token.type == "th_open":
                header = True
            if token.type == "inline":
                inline = self.inline(token, cell_end)
                self.collect_inline(inline, "table")
                cells.append(inline)
                cell_end = inline.source.position(len(inline.content))[1] - 1
            index += 1
        self.doc.table_rows.append(TableRow(self.span_of(row_token), tuple(cells), header))
        return index + 1

    def definition(self, token: Token, duplicate: bool) -> None:
        meta = token.meta or {}
        self.doc.references.append(
            ReferenceDefinition(
                label=str(meta.get("label", "")),
                destination=str(meta.get("url", "")),
                span=self.span_of(token),
                duplicate=duplicate,
            )
        )

    def html(self, content: str, span: Span, *, inline: bool, first_column: int = 1) -> None:
        comments = list(_comments(content))
        line, counted = span.line, 0
        for start, end in comments:
            line += content.count("\n", counted, start)
            counted = start
            text = content[start + 4 : end - 3]
            self.doc.comments.append(Comment(text, Span(line, 1, line, 1), inline))
        line, counted, line_start = 0, 0, 0
        for name, attribute, offset in _anchor_tags(content, comments):
            newlines = content.count("\n", counted, offset)
            if newlines:
                line += newlines
                line_start = content.rfind("\n", counted, offset) + 1
            counted = offset
            column = (first_column if line == 0 else 1) + offset - line_start
            number = span.line + line
            self.doc.html_anchors.append(
                HtmlAnchor(name, attribute, Span(number, column, number, column + 1))
            )

    def collect_inline(self, inline: Inline, block: BlockKind) -> None:
        pieces = inline.pieces
        for index, piece in enumerate(pieces):
            if piece.kind == "html_inline":
                span = inline.span(piece.start, piece.end)
                self.html(piece.text, span, inline=True, first_column=span.column)
            elif piece.kind in ("link_open", "image"):
                self.doc.links.append(self.link(inline, pieces, index, block))

    def link(self, inline: Inline, pieces: tuple[Piece, ...], index: int, block: BlockKind) -> Link:
        piece = pieces[index]
        token = piece.token
        meta = token.meta or {}
        url = str(token.attrs.get("href") or token.attrs.get("src") or "")
        image = piece.kind == "image"
        if image:
            text, has_image, label_text = token.content, True, token.content
        else:
            label = list(_until_close(pieces, index))
            label_text = "".join(_plain(p) for p in label)
            text = label_text
            has_image = any(p.kind == "image" for p in label)
        markup = token.markup
        kind: LinkKind
        if markup == "autolink":
            kind = "autolink"
        elif markup == "linkify":
            kind = "bare"
        else:
            kind = "inline" if meta.get("kind") == "inline" else "reference"
        label_range = meta.get("label")
        dest_range = meta.get("dest")
        destination = url
        if dest_range:
            destination = inline.content[dest_range[0] : dest_range[1]]
            if destination.startswith("<") and destination.endswith(">"):
                destination = destination[1:-1]
        elif kind in ("autolink", "bare"):
            destination = inline.content[piece.start : piece.end].strip("<>")
        return Link(
            kind=kind,
            text=text if not image else label_text,
            destination=destination,
            url=url,
            span=inline.span(piece.start, piece.end),
            text_span=inline.span(*label_range) if label_range else None,
            destination_span=inline.span(*dest_range) if dest_range else None,
            reference=meta.get("ref") if kind == "reference" else None,
            image=image,
            has_image=has_image,
            block=block,
        )


def _until_close(pieces: tuple[Piece, ...], index: int) -> Iterator[Piece]:
    depth = 0
    for position in range(index + 1, len(pieces)):  # not pieces[index + 1 :]: a copy per link
        piece = pieces[position]
        if piece.kind == "link_open":
            depth += 1
        elif piece.kind == "link_close":
            if depth == 0:
                return
            depth -= 1
        yield piece


def _sections(headings: list[Heading], line_count: int) -> list[Section]:
    ends = [line_count] * len(headings)
    waiting: list[int] = []  # headings whose section has not ended yet, levels increasing
    for number, heading in enumerate(headings):
        while waiting and headings[waiting[-1]].level >= heading.level:
            ends[waiting.pop()] = heading.span.line - 1
        waiting.append(number)
    sections: list[Section] = []
    open_sections: list[Section] = []
    for heading, end in zip(headings, ends, strict=True):
        while open_sections and open_sections[-1].heading.level >= heading.level:
            open_sections.pop()
        section = Section(
            heading, heading.span.line, end, open_sections[-1] if open_sections else None
        )
        sections.append(section)
        open_sections.append(section)
    return sections


def parse_document(text: str, path: str) -> Document:
    """Parse ``text`` (already decoded, BOM removed) into a Document."""
    with phase("parse"):
        tokens, env = parse_tokens(text)
    with phase("model"):
        doc = _model(path, text, tokens, env)
    from listlint.entries import find_entries
    from listlint.toc import find_toc

    with phase("model: entries"):
        doc.entries = find_entries(doc)
    with phase("model: toc"):
        doc.toc = find_toc(doc)
    return doc


def _model(path: str, text: str, tokens: list[Token], env: dict[str, Any]) -> Document:
    doc = Document(
        path=path, text=text, lines=split_lines(text.replace("\0", "\ufffd")), tokens=tokens
    )
    builder = _Builder(doc)
    builder.build()
    for duplicate in env.get("duplicate_refs", []):
        first, last = duplicate["map"]
        doc.references.append(
            ReferenceDefinition(
                label=str(duplicate["label"]),
                destination=str(duplicate["href"]),
                span=Span(first + 1, 1, last, len(doc.line(last)) + 1),
                duplicate=True,
            )
        )
    return doc

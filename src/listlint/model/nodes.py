"""The nodes of the document model: what one parse of a file is made of, with source positions.

Every node is frozen and compared by identity (two headings with the same text are two headings),
so nodes serve as dictionary keys. :class:`Blocks` is everything the block walk finds; the
entries and the TOC are read from it (:mod:`listlint.model.entries`, :mod:`listlint.model.toc`),
and :class:`listlint.model.document.Document` is the three together.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import Literal

from msgspec import Struct

from listlint.findings import Span
from listlint.model.inline import InlineSource
from listlint.source import line_starts, newline_of, offset_of
from listlint.urls import UrlFacts

LinkKind = Literal["inline", "reference", "autolink", "bare", "html"]  # html: an entry's <a href>
BlockKind = Literal["paragraph", "heading", "table"]


class Piece(Struct, frozen=True, eq=False):
    """One inline token: its kind, text and offsets in the inline content.

    ``markup`` is the token's markup (``**``, the backticks, ``linkify``); ``positioned`` is True
    when the parser recorded where the token came from (links, code, HTML, escapes), so that
    ``start``/``end`` cover the whole construct.
    """

    kind: str
    text: str
    start: int
    end: int
    markup: str
    positioned: bool


class Inline(Struct, frozen=True, eq=False):
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
        return "".join(plain(piece) for piece in self.pieces)


def plain(piece: Piece) -> str:
    """What a reader sees of one piece."""
    if piece.kind in ("text", "text_special", "code_inline"):
        return piece.text
    if piece.kind in ("softbreak", "hardbreak"):
        return " "
    return ""


class Link(Struct, frozen=True, eq=False):
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


class ReferenceDefinition(Struct, frozen=True, eq=False):
    """``[label]: url "title"``."""

    label: str
    destination: str
    span: Span
    duplicate: bool


class Heading(Struct, frozen=True, eq=False):
    """An ATX or setext heading; ``anchor`` is the id GitHub gives it (with -1, -2 suffixes);
    ``collapsed``: inside a ``<details>`` block, after its ``<summary>``."""

    level: int
    text: str
    anchor: str
    span: Span
    inline: Inline
    omit_from_toc: bool
    collapsed: bool = False


class HtmlAnchor(Struct, frozen=True, eq=False):
    """An explicit HTML target: ``<a name="x">`` or any element's ``id="x"``."""

    name: str
    attribute: Literal["name", "id"]
    span: Span


class Comment(Struct, frozen=True, eq=False):
    """An HTML comment, stripped of ``<!--`` and ``-->``."""

    text: str
    span: Span
    inline: bool


class Paragraph(Struct, frozen=True, eq=False):
    """A paragraph, with where it sits: inside a list item and/or a blockquote."""

    span: Span
    inline: Inline
    in_list: bool
    in_quote: bool


class ListItem(Struct, frozen=True, eq=False):
    """A list item: marker, nesting depth (0 at top level), parent item and the paragraph that
    starts on its first line (None for an empty item or one that starts with another block)."""

    span: Span
    depth: int
    ordered: bool
    marker: str
    marker_span: Span
    parent: ListItem | None
    paragraph: Paragraph | None


class TableRow(Struct, frozen=True, eq=False):
    """A table row; ``cells`` are the cells' inline contents."""

    span: Span
    cells: tuple[Inline, ...]
    header: bool


class Section(Struct, frozen=True, eq=False):
    """A heading and everything up to the next heading of the same or a higher level."""

    heading: Heading
    start_line: int
    end_line: int
    parent: Section | None


class Blocks(Struct, frozen=True, eq=False, dict=True):
    """Everything one walk over the parsed blocks finds, in document order, with positions.

    ``lists`` are the first and last line of each list that is not inside another list.
    """

    path: str
    text: str
    lines: tuple[str, ...]
    headings: tuple[Heading, ...]
    html_anchors: tuple[HtmlAnchor, ...]
    comments: tuple[Comment, ...]
    links: tuple[Link, ...]
    references: tuple[ReferenceDefinition, ...]
    paragraphs: tuple[Paragraph, ...]
    list_items: tuple[ListItem, ...]
    table_rows: tuple[TableRow, ...]
    lists: tuple[tuple[int, int], ...]
    code_lines: frozenset[int]
    sections: tuple[Section, ...]

    def line(self, number: int) -> str:
        """The text of 1-based line ``number`` without its line ending."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    @cached_property
    def _links_by_line(self) -> dict[int, tuple[Link, ...]]:
        found: dict[int, list[Link]] = {}
        for link in self.links:
            found.setdefault(link.span.line, []).append(link)
        return {line: tuple(links) for line, links in found.items()}

    def links_on(self, first: int, last: int | None = None) -> tuple[Link, ...]:
        """The links that start on line ``first`` (through ``last``), in document order."""
        by_line = self._links_by_line
        if last is None:
            return by_line.get(first, ())
        return tuple(link for line in range(first, last + 1) for link in by_line.get(line, ()))

    @cached_property
    def urls(self) -> UrlFacts:
        """The identity, project and parts of the document's URLs, each computed once."""
        return UrlFacts()

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

    def anchors(self) -> dict[str, list[Heading | HtmlAnchor]]:
        """Every in-document link target: heading slugs and explicit HTML anchors."""
        targets: dict[str, list[Heading | HtmlAnchor]] = {}
        for heading in self.headings:
            targets.setdefault(heading.anchor, []).append(heading)
        for anchor in self.html_anchors:
            targets.setdefault(anchor.name, []).append(anchor)
        return targets

    @cached_property
    def _section_starts(self) -> list[int]:
        return [section.start_line for section in self.sections]

    def section_at(self, line: int) -> Section | None:
        """The innermost section that contains ``line``."""
        index = bisect.bisect_right(self._section_starts, line) - 1
        found = self.sections[index] if index >= 0 else None
        while found is not None and found.end_line < line:
            found = found.parent
        return found

"""Building the model: one walk over markdown-it's block tokens into :class:`Blocks`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from markdown_it.token import Token
from msgspec import Struct

from listlint.findings import Span
from listlint.model.html import anchor_tags, comments
from listlint.model.inline import InlineSource
from listlint.model.nodes import (
    BlockKind,
    Blocks,
    Comment,
    Heading,
    HtmlAnchor,
    Inline,
    Link,
    LinkKind,
    ListItem,
    Paragraph,
    Piece,
    ReferenceDefinition,
    Section,
    TableRow,
    plain,
)
from listlint.slug import Slugger
from listlint.source import split_lines

_OMIT_FROM_TOC = re.compile(r"\s*omit (?:in|from) toc\s*", re.IGNORECASE)
_DETAILS_TAG = re.compile(r"<details\b|</summary\s*>|</details\s*>", re.IGNORECASE)


def build_blocks(path: str, text: str, tokens: list[Token], env: dict[str, Any]) -> Blocks:
    """The blocks of ``text`` (decoded, no BOM), from its tokens and parse environment."""
    builder = _Builder(split_lines(text.replace("\0", "\ufffd")))
    index = 0
    while index < len(tokens):
        index = builder.block(tokens, index)
    for duplicate in env.get("duplicate_refs", []):
        first, last = duplicate["map"]
        builder.references.append(
            ReferenceDefinition(
                label=str(duplicate["label"]),
                destination=str(duplicate["href"]),
                span=Span(first + 1, 1, last, len(builder.line(last)) + 1),
                duplicate=True,
            )
        )
    return Blocks(
        path=path,
        text=text,
        lines=tuple(builder.lines),
        headings=tuple(builder.headings),
        html_anchors=tuple(builder.html_anchors),
        comments=tuple(builder.comments),
        links=tuple(builder.links),
        references=tuple(builder.references),
        paragraphs=tuple(builder.paragraphs),
        list_items=builder.frozen_items(),
        table_rows=tuple(builder.table_rows),
        lists=tuple(builder.outer_lists),
        code_lines=frozenset(builder.code_lines),
        sections=_sections(builder.headings, len(builder.lines)),
    )


class _ItemDraft(Struct):
    """A list item while its content is walked: its paragraph is known only later."""

    span: Span
    depth: int
    ordered: bool
    marker: str
    marker_span: Span
    parent: int | None  # index of the parent's draft
    paragraph: Paragraph | None = None


class _Builder:
    """Walks the block tokens once, collecting every node."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.slugger = Slugger()
        self.headings: list[Heading] = []
        self.html_anchors: list[HtmlAnchor] = []
        self.comments: list[Comment] = []
        self.details: list[bool] = []  # open <details>: True once its </summary> is behind
        self.links: list[Link] = []
        self.references: list[ReferenceDefinition] = []
        self.paragraphs: list[Paragraph] = []
        self.table_rows: list[TableRow] = []
        self.outer_lists: list[tuple[int, int]] = []
        self.code_lines: set[int] = set()
        self.drafts: list[_ItemDraft] = []
        self.open_items: list[int] = []  # indexes of the drafts of the items being walked
        self.list_depth = 0
        self.quote_depth = 0

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def span_of(self, token: Token) -> Span:
        first, last = token.map or (0, 1)
        last = max(last, first + 1)
        return Span(first + 1, 1, last, len(self.line(last)) + 1)

    def inline(self, token: Token, from_column: int = 0) -> Inline:
        first = token.map[0] if token.map else 0
        source = InlineSource.locate(token.content, first, self.lines, from_column)
        return Inline(token.content, pieces(token), source)

    def frozen_items(self) -> tuple[ListItem, ...]:
        """The list items, in the order they open (a parent before its children)."""
        items: list[ListItem] = []
        for draft in self.drafts:
            items.append(
                ListItem(
                    span=draft.span,
                    depth=draft.depth,
                    ordered=draft.ordered,
                    marker=draft.marker,
                    marker_span=draft.marker_span,
                    parent=items[draft.parent] if draft.parent is not None else None,
                    paragraph=draft.paragraph,
                )
            )
        return tuple(items)

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
            if self.list_depth == 0 and token.map:
                self.outer_lists.append((token.map[0] + 1, token.map[1]))
            self.list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.list_depth -= 1
        elif kind == "list_item_open":
            self.list_item(token)
        elif kind == "list_item_close":
            self.open_items.pop()
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
            self.follow_details(token.content)
        elif kind == "definition":
            self.definition(token, duplicate=False)
        return index + 1

    def heading(self, token: Token, inline_token: Token) -> None:
        inline = self.inline(inline_token)
        self.collect_inline(inline, inline_token, "heading")
        text = inline.plain_text
        omit = self.omitted_from_toc((token.map or [0])[0] + 1)
        self.headings.append(
            Heading(
                level=int(token.tag[1]),
                text=text,
                anchor=self.slugger.slug(text),
                span=self.span_of(token),
                inline=inline,
                omit_from_toc=omit,
                collapsed=any(self.details),
            )
        )

    def follow_details(self, html: str) -> None:
        """Follow ``<details>`` blocks through an HTML block: which are open, and whether the
        text after their ``<summary>`` (hidden until a reader expands it) has begun."""
        for tag in _DETAILS_TAG.finditer(html):
            name = tag.group().lower()
            if name.startswith("<details"):
                self.details.append(False)
            elif self.details and name.startswith("</summary"):
                self.details[-1] = True
            elif self.details:
                self.details.pop()

    def omitted_from_toc(self, line: int) -> bool:
        """Whether ``<!-- omit in toc -->`` ends the heading line or stands on the line before."""
        for comment in reversed(self.comments):
            if comment.span.line < line - 1:
                return False
            if _OMIT_FROM_TOC.fullmatch(comment.text) and (
                comment.span.line == line if comment.inline else comment.span.line == line - 1
            ):
                return True
        return False

    def paragraph(self, token: Token, inline_token: Token) -> None:
        inline = self.inline(inline_token)
        self.collect_inline(inline, inline_token, "paragraph")
        item = self.drafts[self.open_items[-1]] if self.open_items else None
        paragraph = Paragraph(self.span_of(token), inline, item is not None, self.quote_depth > 0)
        self.paragraphs.append(paragraph)
        if item is not None and item.paragraph is None and item.span.line == paragraph.span.line:
            item.paragraph = paragraph

    def list_item(self, token: Token) -> None:
        span = self.span_of(token)
        line = self.line(span.line)
        marker = token.markup or "-"
        column = len(line) - len(line.lstrip(" \t>"))
        parent = self.drafts[self.open_items[-1]] if self.open_items else None
        if parent is not None and parent.marker_span.line == span.line:  # ``- - item``
            column = max(column, parent.marker_span.end_column - 1)
        if token.info:  # ordered: "1" + "."
            marker_text = token.info + marker
        else:
            marker_text = marker
        found = line.find(marker_text, column)
        column = found if found >= 0 else column
        marker_span = Span(span.line, column + 1, span.line, column + 1 + len(marker_text))
        self.drafts.append(
            _ItemDraft(
                span=span,
                depth=len(self.open_items),
                ordered=bool(token.info),
                marker=marker,
                marker_span=marker_span,
                parent=self.open_items[-1] if self.open_items else None,
            )
        )
        self.open_items.append(len(self.drafts) - 1)

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
                self.collect_inline(inline, token, "table")
                cells.append(inline)
                cell_end = inline.source.position(len(inline.content))[1] - 1
            index += 1
        self.table_rows.append(TableRow(self.span_of(row_token), tuple(cells), header))
        return index + 1

    def definition(self, token: Token, duplicate: bool) -> None:
        meta = token.meta or {}
        self.references.append(
            ReferenceDefinition(
                label=str(meta.get("label", "")),
                destination=str(meta.get("url", "")),
                span=self.span_of(token),
                duplicate=duplicate,
            )
        )

    def html(self, content: str, span: Span, *, inline: bool, first_column: int = 1) -> None:
        found = list(comments(content))
        line, counted = span.line, 0
        for start, end in found:
            line += content.count("\n", counted, start)
            counted = start
            text = content[start + 4 : end - 3]
            self.comments.append(Comment(text, Span(line, 1, line, 1), inline))
        line, counted, line_start = 0, 0, 0
        for name, attribute, offset in anchor_tags(content, found):
            newlines = content.count("\n", counted, offset)
            if newlines:
                line += newlines
                line_start = content.rfind("\n", counted, offset) + 1
            counted = offset
            column = (first_column if line == 0 else 1) + offset - line_start
            number = span.line + line
            self.html_anchors.append(
                HtmlAnchor(name, attribute, Span(number, column, number, column + 1))
            )

    def collect_inline(self, inline: Inline, token: Token, block: BlockKind) -> None:
        """Links and HTML of an inline token (whose children are ``inline.pieces``, in order)."""
        pieces = inline.pieces
        for index, (piece, child) in enumerate(zip(pieces, token.children or [], strict=True)):
            if piece.kind == "html_inline":
                span = inline.span(piece.start, piece.end)
                self.html(piece.text, span, inline=True, first_column=span.column)
            elif piece.kind in ("link_open", "image"):
                self.links.append(self.link(inline, index, child, block))

    def link(self, inline: Inline, index: int, token: Token, block: BlockKind) -> Link:
        pieces = inline.pieces
        piece = pieces[index]
        meta = token.meta or {}
        url = str(token.attrs.get("href") or token.attrs.get("src") or "")
        image = piece.kind == "image"
        if image:
            text, has_image, label_text = token.content, True, token.content
        else:
            label = list(_until_close(pieces, index))
            label_text = "".join(plain(p) for p in label)
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


def _sections(headings: list[Heading], line_count: int) -> tuple[Section, ...]:
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
    return tuple(sections)


def _literal(token: Token, child: Token, cursor: int) -> int:
    """Where the text of ``child`` is in the inline content, at or after ``cursor`` (or -1)."""
    return token.content.find(child.content, cursor)


def pieces(token: Token) -> tuple[Piece, ...]:
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
        elif (
            child.type == "text"
            and child.content
            and (found := _literal(token, child, cursor)) >= 0
        ):
            # plain text is literal source: find it rather than trust a position, which is off
            # when markdown-it merged the text with an emptied emphasis delimiter (`**x** - y`)
            start = found
            end = cursor = start + len(child.content)
        elif pos:
            start, end = pos
            cursor = max(cursor, end)
        else:
            start, end = cursor, cursor + len(child.content)
            cursor = end
        text = child.content if child.type != "image" else ""
        positioned = pos is not None and (start, end) == tuple(pos)
        pieces.append(Piece(child.type, text, start, end, child.markup, positioned))
    return tuple(pieces)

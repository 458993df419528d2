"""The one Markdown parse: markdown-it-py set up like GitHub, with positions on inline tokens.

markdown-it-py gives block tokens a line map but inline tokens no position. We wrap every inline
rule so that the first token a successful rule pushes records ``meta["pos"] = (start, end)``:
offsets into the inline source (``state.src``). Links also record where their label and
destination are. :class:`InlineSource` turns those offsets back into lines and columns of the file.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from listlint.findings import Span

InlineRule = Callable[[StateInline, bool], bool]


def _link_parts(state: StateInline, start: int, end: int) -> dict[str, Any]:
    """Offsets of a link's label and destination, re-found with markdown-it's own helpers."""
    image = state.src[start] == "!"
    saved = state.pos
    label_end = state.md.helpers.parseLinkLabel(state, start + image, not image)
    state.pos = saved
    label_start = start + 1 + image
    parts: dict[str, Any] = {"label": (label_start, label_end), "dest": None, "kind": "reference"}
    pos = label_end + 1
    if pos < end and state.src[pos] == "(":
        parts["kind"] = "inline"
        pos += 1
        while pos < end and state.src[pos] in " \t\n":
            pos += 1
        result = state.md.helpers.parseLinkDestination(state.src, pos, end)
        parts["dest"] = (pos, result.pos if result.ok else pos)
    elif pos < end and state.src[pos] == "[":
        close = state.src.find("]", pos, end)
        parts["ref"] = state.src[pos + 1 : close] if close > pos + 1 else None
    return parts


def _mark(token: Token, start: int, end: int) -> None:
    token.meta = {**(token.meta or {}), "pos": (start, end)}


def _tracking(name: str, rule: InlineRule) -> InlineRule:
    """Wrap an inline rule so that its first non-text token records where it came from."""
    links = name in ("link", "image")

    def tracked(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[count:]:
                if token.type != "text" and "pos" not in (token.meta or {}):
                    _mark(token, start, state.pos)
                    if links:
                        token.meta.update(_link_parts(state, start, state.pos))
                    break
        return True

    return tracked


def _tracking_delimiters(rule: InlineRule) -> InlineRule:
    """Emphasis and strikethrough push one text token per delimiter run; mark each of them."""

    def tracked(state: StateInline, silent: bool) -> bool:
        start, count, pending = state.pos, len(state.tokens), bool(state.pending)
        if not rule(state, silent):
            return False
        if not silent:
            offset = start
            for token in state.tokens[count + pending :]:  # the first flushes pending text
                _mark(token, offset, offset + len(token.content))
                offset += len(token.content)
        return True

    return tracked


def _tracking_linkify(rule: InlineRule) -> InlineRule:
    """Linkify takes back the scheme it had already passed as text: start the link there."""

    def tracked(state: StateInline, silent: bool) -> bool:
        start, count, pending = state.pos, len(state.tokens), len(state.pending)
        if not rule(state, silent):
            return False
        if not silent:
            new = state.tokens[count:]
            kept = len(new[0].content) if new and new[0].type == "text" else 0
            links = [token for token in new if token.type == "link_open"]
            if links:
                _mark(links[0], start - (pending - kept), state.pos)
        return True

    return tracked


@cache
def markdown() -> MarkdownIt:
    """The parser: CommonMark plus GitHub's tables, strikethrough and autolinks."""
    md = MarkdownIt("commonmark", {"linkify": True, "inline_definitions": True})
    md.enable(["table", "strikethrough", "linkify"])
    md.disable("text_join")  # keep escapes and entities as their own, positioned tokens
    md.linkify.set(  # type: ignore[union-attr]
        {"fuzzy_link": False, "fuzzy_email": False}
    )
    for rule in md.inline.ruler.__rules__:
        if rule.name in ("emphasis", "strikethrough"):
            rule.fn = _tracking_delimiters(rule.fn)
        elif rule.name == "linkify":
            rule.fn = _tracking_linkify(rule.fn)
        elif rule.name != "text":  # text pushes no token: plain text gets its place later
            rule.fn = _tracking(rule.name, rule.fn)
    md.inline.ruler.__cache__ = None
    return md


def parse_tokens(text: str) -> tuple[list[Token], dict[str, Any]]:
    """Block and inline tokens of ``text``, and the parse environment (references)."""
    env: dict[str, Any] = {}
    return markdown().parse(text, env), env


@dataclass(frozen=True)
class InlineSource:
    """Maps offsets in an inline token's content back to the file's lines and columns.

    markdown-it strips each line's indentation and turns the part of a tab it consumes into
    spaces, so a content line is ``pad`` spaces (perhaps not in the file) and then text that is
    literally in the file, from ``columns[i]`` on.
    """

    starts: tuple[int, ...]  # offset in the content where each content line starts
    lines: tuple[int, ...]  # 1-based file line of each content line
    columns: tuple[int, ...]  # 0-based file column where each content line's literal text starts
    pads: tuple[int, ...]  # leading spaces of each content line, before its literal text

    @classmethod
    def locate(
        cls, content: str, first_line: int, source_lines: list[str], from_column: int = 0
    ) -> InlineSource:
        """Find each line of ``content`` in the file, starting at 0-based ``first_line`` (and, on
        that line, at ``from_column``: a table cell after the ones before it)."""
        starts, lines, columns, pads = [], [], [], []
        offset = 0
        parts = content.split("\n")
        for index, part in enumerate(parts):
            number = first_line + index
            line = source_lines[number] if number < len(source_lines) else ""
            literal = part.lstrip(" ")
            last = index == len(parts) - 1
            starts.append(offset)
            lines.append(number + 1)
            columns.append(_literal_column(line, literal, last, from_column if index == 0 else 0))
            pads.append(len(part) - len(literal))
            offset += len(part) + 1
        return cls(tuple(starts), tuple(lines), tuple(columns), tuple(pads))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a content offset."""
        index = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        into = offset - self.starts[index] - self.pads[index]  # negative inside the padding
        return self.lines[index], max(self.columns[index] + into, 0) + 1

    def span(self, start: int, end: int) -> Span:
        """The file span of content offsets ``[start, end)``."""
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)


def _literal_column(line: str, literal: str, last: bool, from_column: int) -> int:
    """Where ``literal``, the text of a content line after its indentation, starts in ``line``.

    Every line but the last of a block ends the same way in the content and in the file; the
    last may have lost trailing spaces or a closing ``##``, and a table cell stands among others.
    """
    if not literal:
        return len(line) - len(line.lstrip())
    if not last and line.endswith(literal) and len(line) - len(literal) >= from_column:
        return len(line) - len(literal)
    found = line.find(literal, from_column)
    return found if found >= 0 else len(line) - len(line.lstrip())

"""Inline positions: where each piece of a block's inline content is in the file.

markdown-it-py gives inline tokens no position; :mod:`listlint.model.parse` records offsets into
the inline content for the tokens its rules push, the builder gives every child token its offsets
(plain text is found in the content), and :class:`InlineSource` maps content offsets to lines and
columns of the file.
"""

from __future__ import annotations

import bisect

from msgspec import Struct

from listlint.findings import Span


class InlineSource(Struct, frozen=True):
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
        if len(self.starts) == 1:  # one content line (most blocks of a list): no search
            line, shift = self.lines[0], self.columns[0] - self.pads[0] + 1
            return Span(line, max(shift + start, 1), line, max(shift + end, 1))
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

"""Findings and the text edits that fix them."""

from __future__ import annotations

from typing import Literal

from msgspec import Struct

# "info": only the links an --online run could not verify, listed in json output; never counted.
Severity = Literal["error", "warning", "info"]


class Span(Struct, frozen=True, order=True):
    """A region of the source: 1-based lines and columns, the end column exclusive; ordered
    by its start, then its end."""

    line: int
    column: int
    end_line: int
    end_column: int

    @property
    def last_line(self) -> int:
        """The last line the span covers: one ending at column 1 (just after a line ending)
        stops at the line before."""
        if self.end_line > self.line and self.end_column == 1:
            return self.end_line - 1
        return max(self.line, self.end_line)


class Edit(Struct, frozen=True):
    """Replace ``original``, the text between two 1-based positions (end exclusive), with ``text``.

    ``original`` is what the rule expects to find there, known independently of the positions
    (a link's destination as parsed, the marker as written): the fixer refuses an edit whose
    range holds anything else, so a wrong column can never corrupt a file.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    original: str

    @classmethod
    def replace(cls, span: Span, original: str, text: str) -> Edit:
        """An edit that replaces ``original``, found at ``span``, with ``text``."""
        return cls(span.line, span.column, span.end_line, span.end_column, text, original)

    @classmethod
    def insert(cls, line: int, column: int, text: str) -> Edit:
        """An edit that inserts ``text`` before 1-based ``column`` of ``line``."""
        return cls(line, column, line, column, text, "")


class Fix(Struct, frozen=True):
    """The edits that fix a finding; ``safe`` fixes are applied by ``--fix``."""

    edits: tuple[Edit, ...]
    message: str
    safe: bool = True


class Finding(Struct, frozen=True):
    """One problem found in one file."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: Severity
    message: str
    fix: Fix | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Report order: path, line, column, code."""
        return (self.path, self.line, self.column, self.code)

"""Reading list files: bytes in, text out, or one clear reason why not."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

from msgspec import Struct

BOM = "\ufeff"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LONE_CR = re.compile(r"\r(?!\n)")


def split_lines(text: str) -> list[str]:
    """Lines as markdown-it counts them (CRLF, CR and LF), without their endings."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def line_starts(text: str) -> list[int]:
    """Offset where each line starts (CRLF, CR and LF all end a line); ``[0]`` for no text."""
    starts = [0]
    starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
    if len(starts) > 1 and starts[-1] == len(text):
        starts.pop()
    return starts


def offset_of(text: str, starts: list[int], line: int, column: int) -> int | None:
    """The offset of a 1-based position (``starts`` from :func:`line_starts`), or None when it is
    not on its line: past the line's ending, or a line the text does not have (the position just
    after the last line is the end of the text)."""
    if line == len(starts) + 1 and column == 1:
        return len(text)
    if not (0 < line <= len(starts) and column > 0):
        return None
    offset = starts[line - 1] + column - 1
    line_end = starts[line] if line < len(starts) else len(text)
    return offset if offset <= line_end else None


def git_line_numbers(text: str) -> list[int] | None:
    """For each line of ``text`` (as :func:`split_lines` counts them), the 1-based number of the
    line git sees it in: git ends lines at LF only, so for git a lone CR ends no line. None when
    the text has no lone CR, so that git and listlint number its lines alike."""
    if _LONE_CR.search(text) is None:
        return None
    numbers = [1]
    for match in _LINE_BREAK.finditer(text):
        numbers.append(numbers[-1] + (match.group() != "\r"))
    if len(numbers) > 1 and text.endswith(("\n", "\r")):
        numbers.pop()
    return numbers


def newline_of(text: str) -> str:
    """The line ending a file uses (its first one): LF, CRLF or CR; LF when it has none."""
    match = _LINE_BREAK.search(text)
    return match.group() if match else "\n"


class InputError(Exception):
    """A file that cannot be linted, as one line naming the file and the reason."""


class Source(Struct, frozen=True):
    """A file's text (BOM removed) and what is needed to write it back unchanged."""

    path: str
    text: str
    bom: bool


def decode(data: bytes, path: str, max_size: int) -> Source:
    """Decode ``data`` as UTF-8, refusing binary files and files over ``max_size`` bytes."""
    if len(data) > max_size:
        raise InputError(f"{path}: file is over the {max_size:,}-byte limit")
    if b"\0" in data:
        raise InputError(f"{path}: binary file (contains NUL bytes), not Markdown")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    bom = text.startswith(BOM)
    return Source(path, text[1:] if bom else text, bom)


def read_source(path: Path, max_size: int) -> Source:
    """Read and decode one regular file, reading at most ``max_size`` bytes (and one more, to know).

    The file is opened without blocking and checked once open, so a FIFO, a device (a link to
    ``/dev/zero``) or a socket is refused instead of blocking or reading forever.
    """
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory with no Markdown files")
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                raise InputError(f"{name}: not a regular file (a FIFO, device or socket)")
            data = handle.read(max_size + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read: {error.strerror or error}") from None
    return decode(data, name, max_size)


def read_stdin(name: str, max_size: int) -> Source:
    """Read standard input, naming it ``name`` in reports."""
    return decode(sys.stdin.buffer.read(max_size + 1), name, max_size)

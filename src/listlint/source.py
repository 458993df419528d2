"""Reading list files: bytes in, text out, or one clear reason why not."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


class InputError(Exception):
    """A file that cannot be linted, as one line naming the file and the reason."""


@dataclass(frozen=True)
class Source:
    """A file's text (BOM removed) and what is needed to write it back unchanged."""

    path: str
    text: str
    bom: bool


def decode(data: bytes, path: str, max_size: int) -> Source:
    """Decode ``data`` as UTF-8, refusing binary files and files over ``max_size`` bytes."""
    if len(data) > max_size:
        raise InputError(f"{path}: file is {len(data):,} bytes, over the {max_size:,}-byte limit")
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
    """Read and decode one file."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory with no Markdown files")
        size = path.stat().st_size
        if size > max_size:
            raise InputError(f"{name}: file is {size:,} bytes, over the {max_size:,}-byte limit")
        data = path.read_bytes()
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

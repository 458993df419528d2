"""Applying fixes: text edits to source text, and writing files back safely."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from listlint.findings import Edit, Finding
from listlint.source import BOM

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def line_starts(text: str) -> list[int]:
    """Offset where each line starts (CRLF, CR and LF all end a line)."""
    starts: list[int] = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and starts:
            break
        starts.append(match.start())
    return starts or [0]


def _offset(starts: list[int], text: str, line: int, column: int) -> int:
    if line > len(starts):
        return len(text)
    return min(starts[line - 1] + column - 1, len(text))


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text``."""
    starts = line_starts(text)
    placed = sorted(
        (
            (
                _offset(starts, text, e.line, e.column),
                _offset(starts, text, e.end_line, e.end_column),
                e.text,
            )
            for e in edits
        ),
        reverse=True,
    )
    for start, end, replacement in placed:
        text = text[:start] + replacement + text[end:]
    return text


def apply_fixes(
    text: str, findings: Iterable[Finding], *, unsafe: bool = False
) -> tuple[str, list[Finding]]:
    """Apply the fixes that do not overlap one taken already; return the text and those fixed."""
    starts = line_starts(text)
    taken: list[tuple[int, int]] = []
    chosen: list[Edit] = []
    fixed = []
    for finding in findings:
        fix = finding.fix
        if fix is None or not (fix.safe or unsafe):
            continue
        ranges = [
            (
                _offset(starts, text, e.line, e.column),
                _offset(starts, text, e.end_line, e.end_column),
            )
            for e in fix.edits
        ]
        if any((s < te and ts < e) or s == e == ts == te for s, e in ranges for ts, te in taken):
            continue
        taken.extend(ranges)
        chosen.extend(fix.edits)
        fixed.append(finding)
    return apply_edits(text, chosen), fixed


def write_atomically(path: Path, text: str, bom: bool) -> None:
    """Replace ``path`` with ``text`` via a temporary file and a rename, keeping its permissions."""
    if not os.access(path, os.W_OK):
        raise PermissionError(f"{path}: file is not writable")
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write((BOM if bom else "") + text)
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

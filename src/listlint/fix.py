"""Applying fixes: text edits to source text, and writing files back safely."""

from __future__ import annotations

import bisect
import errno
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
    """Apply non-overlapping edits to ``text`` (in one pass: linear in the text and the edits)."""
    starts = line_starts(text)
    placed = sorted(
        (
            _offset(starts, text, e.line, e.column),
            _offset(starts, text, e.end_line, e.end_column),
            e.text,
        )
        for e in edits
    )
    pieces, cursor = [], 0
    for start, end, replacement in placed:
        pieces += [text[cursor:start], replacement]
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a range of ``taken`` (sorted, pairwise non-overlapping).

    Such ranges end in the order they start, so only the last one starting before ``end`` can reach
    past ``start``; the one starting at ``end`` matters when both are the same insertion point.
    """
    index = bisect.bisect_left(taken, (end, -1))
    if index and taken[index - 1][1] > start and taken[index - 1][0] < end:
        return True
    return index < len(taken) and taken[index] == (start, end) and start == end


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
        if any(_overlaps(taken, start, end) for start, end in ranges):
            continue
        for taken_range in ranges:
            bisect.insort(taken, taken_range)
        chosen.extend(fix.edits)
        fixed.append(finding)
    return apply_edits(text, chosen), fixed


def write_atomically(path: Path, text: str, bom: bool) -> None:
    """Replace ``path`` with ``text`` via a temporary file and a rename, keeping its permissions.

    A symbolic link is followed, so the file it points to is rewritten and the link stays. A file
    without any write permission bit is refused even for root, who could write it: its owner made it
    read-only on purpose.
    """
    path = Path(os.path.realpath(path))
    if not os.access(path, os.W_OK) or not os.stat(path).st_mode & 0o222:
        raise PermissionError(errno.EACCES, "file is read-only")
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

"""Applying fixes: text edits to source text, and writing files back safely."""

from __future__ import annotations

import bisect
import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from listlint.findings import Edit, Finding
from listlint.source import BOM, line_starts, offset_of, split_lines


def edit_range(text: str, starts: list[int], edit: Edit) -> tuple[int, int] | None:
    """Where ``edit`` applies in ``text``; None when its range does not hold ``edit.original``."""
    start = offset_of(text, starts, edit.line, edit.column)
    end = offset_of(text, starts, edit.end_line, edit.end_column)
    if start is None or end is None or end < start or text[start:end] != edit.original:
        return None
    return start, end


def _splice(text: str, placed: list[tuple[int, int, str]]) -> str:
    pieces, cursor = [], 0
    for start, end, replacement in sorted(placed):
        pieces += [text[cursor:start], replacement]
        cursor = max(cursor, end)
    pieces.append(text[cursor:])
    return "".join(pieces)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits to ``text`` (in one pass: linear in the text and the edits).

    Raises ValueError for an edit whose range does not hold its ``original``.
    """
    starts = line_starts(text)
    placed = []
    for edit in edits:
        found = edit_range(text, starts, edit)
        if found is None:
            raise ValueError(f"edit does not match the text: {edit}")
        placed.append((*found, edit.text))
    return _splice(text, placed)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a range of ``taken`` (sorted, pairwise non-overlapping).

    Such ranges end in the order they start, so only the last one starting before ``end`` can reach
    past ``start``; the one starting at ``end`` matters when both are the same insertion point.
    """
    index = bisect.bisect_left(taken, (end, -1))
    if index and taken[index - 1][1] > start and taken[index - 1][0] < end:
        return True
    return index < len(taken) and taken[index] == (start, end) and start == end


def removes_content(edit: Edit) -> bool:
    """Whether ``edit`` drops a non-blank character of the text it replaces (rather than only
    adding characters or changing whitespace)."""
    kept = iter(char for char in edit.text if not char.isspace())
    return not all(char in kept for char in edit.original if not char.isspace())


def reported(text: str, findings: Iterable[Finding]) -> frozenset[tuple[str, str]]:
    """Each finding as its code and the text of its line: what stays the same for a finding the
    user was shown, when edits elsewhere move it to another line."""
    lines = split_lines(text)
    return frozenset((f.code, lines[f.line - 1] if f.line <= len(lines) else "") for f in findings)


def held_back(
    text: str, findings: Iterable[Finding], shown: frozenset[tuple[str, str]]
) -> list[Finding]:
    """The findings whose fix would delete text although the user was not shown them (see
    :func:`apply_fixes`): ``--fix`` leaves them for the user to read first."""
    lines = split_lines(text)
    return [
        finding
        for finding in findings
        if finding.fix is not None
        and any(removes_content(edit) for edit in finding.fix.edits)
        and (finding.code, lines[finding.line - 1] if finding.line <= len(lines) else "")
        not in shown
    ]


def apply_fixes(
    text: str,
    findings: Iterable[Finding],
    *,
    unsafe: bool = False,
    shown: frozenset[tuple[str, str]] | None = None,
) -> tuple[str, list[Finding]]:
    """Apply the fixes that do not overlap one taken already; return the text and those fixed.

    A fix with an edit whose range does not hold the text it expects is refused whole: the
    finding stays reported, the text stays as it was. With ``shown`` (the passes after the first:
    :func:`reported` of the first report), a fix that would delete text is held back unless its
    finding was shown: else it answers a finding that the first pass's edits brought about, and
    the user has not seen what it would delete.
    """
    findings = list(findings)
    held = set(held_back(text, findings, shown)) if shown is not None else set()
    starts = line_starts(text)
    taken: list[tuple[int, int]] = []
    placed: list[tuple[int, int, str]] = []
    fixed = []
    for finding in findings:
        fix = finding.fix
        if fix is None or not (fix.safe or unsafe):
            continue
        if finding in held:
            continue
        ranges = [r for edit in fix.edits if (r := edit_range(text, starts, edit)) is not None]
        if len(ranges) != len(fix.edits) or any(_overlaps(taken, *r) for r in ranges):
            continue
        for (start, end), edit in zip(ranges, fix.edits, strict=True):
            bisect.insort(taken, (start, end))
            placed.append((start, end, edit.text))
        fixed.append(finding)
    return _splice(text, placed), fixed


def write_atomically(path: Path, text: str, bom: bool, read: str) -> None:
    """Replace ``path``'s text ``read`` with ``text``: a temporary file, then a rename.

    Refused, with nothing written, when the file no longer holds ``read`` (it was saved after
    listlint read it), is not a regular file, or has no write permission bit (even for root: its
    owner made it read-only on purpose). A symbolic link is followed, so the file it points to is
    rewritten and the link stays. Permissions, owner and group are kept; a file with several hard
    links, or whose owner the rename could not keep, is rewritten in place instead, so that it
    stays the same file.
    """
    path = Path(os.path.realpath(path))
    status = os.stat(path)
    if not stat.S_ISREG(status.st_mode):
        raise OSError(errno.EINVAL, "not a regular file")
    if not os.access(path, os.W_OK) or not status.st_mode & 0o222:
        raise PermissionError(errno.EACCES, "file is read-only")
    prefix = BOM if bom else ""
    expected = (prefix + read).encode("utf-8")
    with open(path, "rb") as handle:
        if handle.read(len(expected) + 1) != expected:
            raise OSError(errno.EAGAIN, "the file changed after listlint read it; run it again")
    data = (prefix + text).encode("utf-8")
    if status.st_nlink > 1:
        _write_in_place(path, data)
        return
    import shutil  # only a run that writes fixes needs these
    import tempfile

    handle_number, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(handle_number, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        shutil.copymode(path, temporary)
        if (status.st_uid, status.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(temporary, status.st_uid, status.st_gid)
            except PermissionError:
                Path(temporary).unlink()
                _write_in_place(path, data)
                return
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _write_in_place(path: Path, data: bytes) -> None:
    """Overwrite ``path`` itself (same inode, owner and links)."""
    with open(path, "r+b") as stream:
        stream.write(data)
        stream.truncate()
        stream.flush()
        os.fsync(stream.fileno())

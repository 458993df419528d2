"""Diff-aware linting: the lines changed since a git ref, and the findings that touch them."""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from listlint.findings import Finding
from listlint.source import split_lines

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    """git could not say what changed, as one line naming the file or ref."""


@dataclass(frozen=True)
class ChangedLines:
    """The 1-based lines added or changed since the ref; ``everything`` for a new file."""

    lines: frozenset[int]
    everything: bool = False

    def touched_by(self, finding: Finding) -> bool:
        """Whether any line of the finding's span is changed."""
        if self.everything:
            return True
        return any(line in self.lines for line in range(finding.line, finding.end_line + 1))

    def carried_to(self, before: str, after: str) -> ChangedLines:
        """These changes in ``after``, an edited ``before``: lines move with their text, and
        lines the edit wrote count as changed."""
        if self.everything or before == after:
            return self
        old, new = split_lines(before), split_lines(after)
        carried: set[int] = set()
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, old_start, _, new_start, new_end in matcher.get_opcodes():
            for offset, new_index in enumerate(range(new_start, new_end)):
                if tag != "equal" or old_start + offset + 1 in self.lines:
                    carried.add(new_index + 1)
        return ChangedLines(frozenset(carried))


def parse_hunks(diff: str) -> frozenset[int]:
    """The new-side line numbers of every hunk in a ``git diff -U0`` output."""
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start, count = int(match[1]), int(match[2] or "1")
        lines.update(range(start, start + count))
    return frozenset(lines)


def _git(directory: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", "-C", str(directory), *arguments],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and git is not installed") from None


def changed_lines(path: Path, ref: str) -> ChangedLines:
    """Lines of the file ``path`` (on disk) added or changed since ``ref``, by ``git diff -U0``.

    A file git does not track is new: every line counts as changed.
    """
    if ref.startswith("-"):
        raise GitError(f"--changed-since: {ref!r} is not a git ref")
    directory, name = path.parent, path.name
    diff = _git(
        directory,
        "diff",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        ref,
        "--",
        name,
    )
    if diff.returncode != 0:
        reason = (diff.stderr.strip().splitlines() or ["git diff failed"])[0]
        raise GitError(f"{path}: cannot diff against {ref!r}: {reason.removeprefix('fatal: ')}")
    if diff.stdout:
        return ChangedLines(parse_hunks(diff.stdout))
    tracked = _git(directory, "ls-files", "--error-unmatch", "--", name)
    return ChangedLines(frozenset()) if tracked.returncode == 0 else ChangedLines(frozenset(), True)


class ChangeFilter:
    """Keeps the findings on lines changed since a ref, following the text through fixes."""

    def __init__(self, ref: str, texts: Mapping[str, str]) -> None:
        """Ask git what changed in each file (path -> text as read from disk)."""
        self._originals = dict(texts)
        self._changed = {path: changed_lines(Path(path), ref) for path in texts}
        self._carried: dict[str, tuple[str, ChangedLines]] = {}

    def changes(self, path: str, text: str) -> ChangedLines:
        """The changed lines of ``path`` whose current text (perhaps fixed) is ``text``."""
        original, changed = self._originals[path], self._changed[path]
        if text == original:
            return changed
        cached = self._carried.get(path)
        if cached is None or cached[0] != text:
            cached = (text, changed.carried_to(original, text))
            self._carried[path] = cached
        return cached[1]

    def keep(self, findings: Iterable[Finding], texts: Mapping[str, str]) -> list[Finding]:
        """The findings with at least one line of their span changed."""
        return [f for f in findings if self.changes(f.path, texts[f.path]).touched_by(f)]

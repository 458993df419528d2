"""What a change did to the files of a run: the lines it added, the text it removed, its hunks.

One model, whichever way the change comes: ``git diff`` locally (``--changed-since REF``; git is
the source of truth, asked once per run and folder) or a pull request's patches on GitHub
(``listlint review``), both read by one unified-diff parser. The contribution rules (LL7xx) read
it through their context, ``--changed-since`` reports the findings it touches, the review comments
on its hunks and ``--online`` asks about the links it adds.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from msgspec import Struct, field
from msgspec.structs import replace

from listlint.findings import Finding
from listlint.source import git_line_numbers, split_lines

_HUNK = re.compile(r"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_FILE_HEADER = "diff --git "
_QUOTED_ESCAPE = re.compile(r'\\([0-7]{3}|[abtnvfr"\\])')
_ESCAPED = {
    "a": b"\a",
    "b": b"\b",
    "t": b"\t",
    "n": b"\n",
    "v": b"\v",
    "f": b"\f",
    "r": b"\r",
    '"': b'"',
    "\\": b"\\",
}


class GitError(Exception):
    """git could not say what changed, as one line naming the file or ref."""


class FileChange(Struct, frozen=True):
    """One file's change, seen from its new side.

    ``added``: the lines the change added (a changed line is removed and added); ``removed``: the
    text of the lines it removed, in order; ``hunks``: the lines each hunk shows (added and
    context lines), the only lines GitHub takes a review comment on, a multi-line one within one
    hunk. ``renumbered``: the numbers were converted from git's (the text has lone CRs, which end
    a line for listlint and not for git, nor for GitHub's comments).
    """

    path: str  # the repository path, as GitHub names it
    added: frozenset[int] = frozenset()
    removed: tuple[str, ...] = ()
    hunks: tuple[range, ...] = ()
    new_file: bool = False
    old_path: str | None = None  # the path before a rename
    renumbered: bool = False

    @property
    def changed(self) -> bool:
        """Whether the change touched the file at all."""
        return bool(self.added or self.removed or self.new_file or self.old_path)

    @property
    def removed_text(self) -> str:
        """The removed lines as one text."""
        return "\n".join(self.removed)

    def commentable(self, line: int) -> bool:
        """Whether GitHub accepts a review comment on new-side line ``line``."""
        return any(line in hunk for hunk in self.hunks)

    def same_hunk(self, first: int, last: int) -> bool:
        """Whether every line from ``first`` to ``last`` sits in one hunk."""
        return any(first in hunk and last in hunk for hunk in self.hunks)

    def touched_by(self, finding: Finding) -> bool:
        """Whether any line of the finding's span is an added line."""
        return any(line in self.added for line in range(finding.line, finding.end_line + 1))

    def carried_to(self, before: str, after: str) -> FileChange:
        """This change in ``after``, an edited ``before``: added lines move with their text, and
        the lines the edit wrote count as added."""
        if before == after:
            return self
        import difflib

        carried: set[int] = set()
        old, new = split_lines(before), split_lines(after)
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, old_start, _, new_start, new_end in matcher.get_opcodes():
            for offset, new_index in enumerate(range(new_start, new_end)):
                if tag != "equal" or old_start + offset + 1 in self.added:
                    carried.add(new_index + 1)
        return replace(self, added=frozenset(carried))

    def numbered_for(self, text: str) -> FileChange:
        """This change, numbered as listlint numbers the lines of ``text`` (the new side).

        Diffs number lines as git does, ended by LF only; they differ only where ``text`` has a
        lone CR.
        """
        numbers = git_line_numbers(text)
        if numbers is None or self.renumbered:
            return self
        hunks = []
        for hunk in self.hunks:
            inside = [line for line, git_line in enumerate(numbers, 1) if git_line in hunk]
            if inside:
                hunks.append(range(inside[0], inside[-1] + 1))
        added = (line for line, git_line in enumerate(numbers, 1) if git_line in self.added)
        return replace(self, added=frozenset(added), hunks=tuple(hunks), renumbered=True)


class Change(Struct, frozen=True):
    """A change to the files of a run: each file's :class:`FileChange` by its path as the run
    names it (none for a file it has no view of), and in review mode the pull request's
    description and repository (``owner/name``)."""

    files: Mapping[str, FileChange]
    description: str | None = None
    repository: str | None = None

    def numbered_for(self, texts: Mapping[str, str]) -> Change:
        """This change, numbered as listlint numbers the lines of ``texts`` (path -> text)."""
        files = {
            path: change.numbered_for(texts[path]) if path in texts else change
            for path, change in self.files.items()
        }
        return replace(self, files=files)


# -- one parser for unified diffs: git's (file headers, then hunks) and GitHub's patches (hunks) --


class _Hunks(Struct):
    """What the hunks of one file say, read line by line."""

    added: set[int] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    hunks: list[range] = field(default_factory=list)
    line: int = 0  # the next new-side line
    old_left: int = 0  # lines the current hunk header announced and not yet seen, on each side
    new_left: int = 0

    def read(self, lines: Iterable[str]) -> _Hunks:
        for raw in lines:
            header = _HUNK.match(raw)
            if header:
                self.line = int(header[2])
                self.old_left, self.new_left = int(header[1] or "1"), int(header[3] or "1")
                self.hunks.append(range(self.line, self.line + self.new_left))
            elif raw.startswith("\\") or (self.old_left <= 0 and self.new_left <= 0):
                continue  # "\ No newline at end of file", or text after the last hunk
            elif raw.startswith("-"):
                self.removed.append(raw[1:])
                self.old_left -= 1
            else:  # added, or context: " text", or "" where a tool stripped the lone space
                if raw.startswith("+"):
                    self.added.add(self.line)
                else:
                    self.old_left -= 1
                self.line += 1
                self.new_left -= 1
        return self

    def change(self, path: str, *, new_file: bool, old_path: str | None) -> FileChange:
        return FileChange(
            path,
            frozenset(self.added),
            tuple(self.removed),
            tuple(hunk for hunk in self.hunks if hunk),
            new_file=new_file,
            old_path=old_path,
        )


def parse_patch(
    patch: str | None, path: str, *, new_file: bool = False, old_path: str | None = None
) -> FileChange:
    """One file of a pull request from GitHub's ``patch`` (its hunks, no file headers); a file
    GitHub shows no patch for (binary, too large) has no lines."""
    hunks = _Hunks().read((patch or "").split("\n"))
    return hunks.change(path, new_file=new_file, old_path=old_path)


def parse_diff(diff: str) -> list[FileChange]:
    """The files of a ``git diff`` (``a/`` and ``b/`` prefixes), but for deleted ones."""
    changes = []
    for section in _file_sections(diff.split("\n")):
        change = _section_change(section)
        if change is not None:
            changes.append(change)
    return changes


def _file_sections(lines: Sequence[str]) -> Iterator[list[str]]:
    """Each file's lines, from its ``diff --git`` line (no hunk line can start so)."""
    section: list[str] | None = None
    for line in lines:
        if line.startswith(_FILE_HEADER):
            if section:
                yield section
            section = [line]
        elif section is not None:
            section.append(line)
    if section:
        yield section


def _section_change(section: list[str]) -> FileChange | None:
    """One file's change from its section of a ``git diff``; None for a deleted file."""
    body = next((n for n, line in enumerate(section) if line.startswith("@@")), len(section))
    new_path: str | None = _header_path(section[0])
    new_file, old_path, renamed = False, None, False
    for line in section[1:body]:
        if line.startswith("+++ "):
            new_path = _diff_path(line[4:], "b/")
        elif line.startswith("new file mode"):
            new_file = True
        elif line.startswith("deleted file mode"):
            return None
        elif line.startswith("rename from "):
            old_path, renamed = _unquote(line[len("rename from ") :]), True
        elif line.startswith("rename to "):
            new_path = _unquote(line[len("rename to ") :])
    if new_path is None:
        return None
    hunks = _Hunks().read(section[body:])
    return hunks.change(new_path, new_file=new_file, old_path=old_path if renamed else None)


def _header_path(header: str) -> str | None:
    """The path of a ``diff --git a/NAME b/NAME`` line, for a file with neither ``+++`` line nor
    rename (an empty new file, a mode change): both names are the same, so each is half."""
    names = header[len(_FILE_HEADER) :]
    half = (len(names) - 1) // 2
    old, new = _unquote(names[:half]), _unquote(names[half + 1 :])
    if names[half : half + 1] == " " and old[:2] == "a/" and new[:2] == "b/" and old[2:] == new[2:]:
        return new[2:]
    return None


def _diff_path(text: str, prefix: str) -> str | None:
    """A ``---``/``+++`` path: git adds a tab after a name with a space; /dev/null is none."""
    name = _unquote(text.removesuffix("\t"))
    return None if name == "/dev/null" else name.removeprefix(prefix)


def _unquote(name: str) -> str:
    """A path as git writes it: as is, or in double quotes with C escapes (octal for bytes)."""
    if len(name) < 2 or not (name.startswith('"') and name.endswith('"')):
        return name
    inner, data, done = name[1:-1], bytearray(), 0
    for escape in _QUOTED_ESCAPE.finditer(inner):
        data += inner[done : escape.start()].encode("utf-8")
        code = escape[1]
        data += bytes([int(code, 8) & 0xFF]) if len(code) == 3 else _ESCAPED[code]
        done = escape.end()
    data += inner[done:].encode("utf-8")
    return data.decode("utf-8", "replace")


# -- git, the source of truth for --changed-since --


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in ``folder`` (bytes: a lone CR must reach the parser as it is)."""
    try:
        return subprocess.run(
            [
                "git",
                "--literal-pathspecs",
                "-c",
                "core.quotePath=false",
                "-C",
                str(folder),
                *arguments,
            ],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and git is not installed") from None


def _asked(folder: Path, path: str, ref: str, *arguments: str) -> str:
    """git's output, or a :class:`GitError` naming ``path`` and ``ref``."""
    done = _git(folder, *arguments)
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").strip()
        reason = (stderr.splitlines() or ["git failed"])[0].removeprefix("fatal: ")
        raise GitError(f"{path}: cannot diff against {ref!r}: {reason}")
    return done.stdout.decode("utf-8", "replace")


def read_git_change(ref: str, texts: Mapping[str, str]) -> Change:
    """What changed since git ref ``ref`` in each file of ``texts`` (path -> text as read).

    One ``git diff`` per folder of files, and one ``git ls-files`` when a file is not in the
    diff: a file git does not track is new, all its lines added. Raises :class:`GitError`.
    """
    if ref.startswith("-"):
        raise GitError(f"--changed-since: {ref!r} is not a git ref")
    folders: dict[Path, list[str]] = {}
    for path in texts:
        folders.setdefault(Path(path).parent, []).append(path)
    files: dict[str, FileChange] = {}
    for folder, paths in folders.items():
        files.update(_folder_change(folder, paths, ref, texts))
    return Change(files)


def _folder_change(
    folder: Path, paths: Sequence[str], ref: str, texts: Mapping[str, str]
) -> dict[str, FileChange]:
    """The changes of the files ``paths``, all in ``folder``: paths relative to it, as
    ``--relative`` makes the diff name them."""
    names = {Path(path).name: path for path in paths}
    first = paths[0]
    prefix = _asked(folder, first, ref, "rev-parse", "--show-prefix").strip()
    diff = _asked(
        folder,
        first,
        ref,
        "diff",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        "--relative",
        "--src-prefix=a/",
        "--dst-prefix=b/",
        ref,
        "--",
        *names,
    )
    found: dict[str, FileChange] = {}
    for change in parse_diff(diff):
        if change.path in names:
            path = names[change.path]
            found[path] = replace(change, path=prefix + change.path).numbered_for(texts[path])
    missing = [name for name, path in names.items() if path not in found]
    if missing:
        listed = _asked(folder, first, ref, "ls-files", "-z", "--", *missing).split("\0")
        for name in missing:
            path, repository_path = names[name], prefix + name
            if name in listed:
                found[path] = FileChange(repository_path)
            else:
                lines = frozenset(range(1, len(split_lines(texts[path])) + 1))
                found[path] = FileChange(repository_path, lines, new_file=True)
    return found


class ChangeTracker:
    """A change followed through ``--fix`` passes: each file's added lines move with their text,
    and the lines the fixes wrote count as added."""

    def __init__(self, change: Change, texts: Mapping[str, str]) -> None:
        """``change`` to the files whose text as read is ``texts`` (path -> text)."""
        self.change = change
        self._originals = dict(texts)
        self._carried: dict[str, tuple[str, FileChange]] = {}

    def now(self, texts: Mapping[str, str]) -> Change:
        """The change in ``texts``, the files' current (perhaps fixed) text."""
        files = dict(self.change.files)
        for path, change in self.change.files.items():
            text, original = texts.get(path), self._originals.get(path)
            if text is None or original is None or text == original:
                continue
            cached = self._carried.get(path)
            if cached is None or cached[0] != text:
                cached = (text, change.carried_to(original, text))
                self._carried[path] = cached
            files[path] = cached[1]
        return replace(self.change, files=files)

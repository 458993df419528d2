"""Which files of the working directory ``listlint review`` may read, and how GitHub names them.

The working directory is the pull request's checkout: a symbolic link in it (``notes.md ->
../secret.md``) would make the review quote a file it must never see. Only regular files that lie
inside the working directory are read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from listlint.config import Config, ConfigError, ConfigFinder

from .render import escape


def repo_path(path: str) -> str:
    """A path as GitHub names it: relative to the checkout, with ``/``."""
    resolved = Path(path)
    if resolved.is_absolute() and resolved.is_relative_to(Path.cwd()):
        resolved = resolved.relative_to(Path.cwd())
    return PurePosixPath(resolved.as_posix()).as_posix()


def plain_path(path: str) -> bool:
    """Whether ``path`` names a file the way GitHub does: relative, no ``.``/``..``, no controls."""
    parts = path.split("/")
    return (
        all(part not in ("", ".", "..") for part in parts)
        and "\\" not in path
        and all(ord(char) >= 32 for char in path)
    )


def unreadable(path: str, root: Path) -> str | None:
    """Why ``listlint review`` must not read ``path``: a link, not a regular file, outside ``root``.

    ``None`` when it may (or when it does not exist: the linter reports that).
    """
    try:
        mode = os.lstat(path).st_mode
        inside = Path(path).resolve().is_relative_to(root)
    except FileNotFoundError:
        return None
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop on Python 3.10
        return f"cannot be read ({error})"
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return "is not a regular file"
    if not inside:
        return "lies outside the workspace"
    return None


def expand(target: str, config: str | None) -> list[str]:
    """A folder's Markdown files (excludes applied, no folder links followed), or the target."""
    from listlint.files import markdown_files

    if not os.path.isdir(target) or os.path.islink(target):
        return [target]
    try:
        found = ConfigFinder(config).for_path(Path(target))
    except ConfigError:
        found = Config()  # the linter reports the error for each file
    return [str(path) for path in markdown_files(Path(target), found)]


def readable_files(targets: Iterable[str], config: str | None) -> tuple[list[str], list[str]]:
    """The files below ``targets`` that may be read, and a note for each one that may not."""
    root = Path.cwd().resolve()
    files: list[str] = []
    notes: list[str] = []
    for target in targets:
        for path in [target] if unreadable(target, root) else expand(target, config):
            why = unreadable(path, root)
            if why is None:
                files.append(path)
            else:
                notes.append(f"{escape(repo_path(path))} {why}: listlint did not read it.")
    return files, notes

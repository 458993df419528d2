"""Setting an online run up from the command line: settings, cache, GitHub access, scopes."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from listlint.online.cache import Cache, default_path
from listlint.online.resolve import SystemResolver
from listlint.online.run import GitHubAccess, OnlineRun
from listlint.online.select import AddedLines, removed_text
from listlint.online.settings import OnlineSettings


def git_scope(path: str, ref: str) -> AddedLines | None:
    """``--changed-since REF``: the lines of ``path`` added since ``ref`` and the text removed.

    None (every link) for a file git does not know. git's failures were reported already by
    ``--changed-since`` itself (which runs first), so here they only mean: every link.
    """
    from listlint.changes import GitError, changed_lines

    try:
        changed = changed_lines(Path(path), ref)
    except GitError:
        return None
    if changed.everything:
        return None
    directory, name = Path(path).parent, Path(path).name
    diff = subprocess.run(
        ["git", "--literal-pathspecs", "-C", str(directory), "diff", "-U0", "--no-color",
         "--no-ext-diff", "--no-textconv", "--no-renames", ref, "--", name],
        capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
    )  # fmt: skip
    return AddedLines(changed.lines, removed_text(diff.stdout))


def scopes_for(paths: Sequence[str], changed_since: str | None) -> dict[str, AddedLines | None]:
    """What to check in each file: every link, or with ``--changed-since`` the added ones."""
    return {path: git_scope(path, changed_since) if changed_since else None for path in paths}


def online_run(
    scopes: Mapping[str, AddedLines | None],
    section: Mapping[str, Any],
    *,
    use_cache: bool,
    progress: TextIO | None,
    environ: Mapping[str, str] = os.environ,
) -> OnlineRun:
    """The online step for the files of ``scopes``, configured by ``[tool.listlint.online]``."""
    settings = OnlineSettings.from_config(section)
    cache = Cache(default_path() if use_cache else None, settings.cache_hours * 3600, time.time())
    return OnlineRun(
        settings,
        scopes,
        cache,
        SystemResolver(),
        github=GitHubAccess.from_environ(environ),
        progress=progress,
    )

"""Setting an online run up from the command line: settings, cache, GitHub access, scopes."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from typing import Any, TextIO

from listlint.changes import Change, FileChange
from listlint.online.cache import Cache, default_path
from listlint.online.resolve import SystemResolver
from listlint.online.run import GitHubAccess, OnlineRun
from listlint.online.settings import OnlineSettings


def scopes_for(paths: Sequence[str], change: Change | None) -> dict[str, FileChange | None]:
    """What to check in each file: every link, or in a change only the links it adds."""
    if change is None:
        return dict.fromkeys(paths)
    return {path: change.files.get(path, FileChange(path)) for path in paths}


def online_run(
    scopes: Mapping[str, FileChange | None],
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

"""The online cache: good answers for a while, and how long each link has been unverifiable.

One JSON file, ``$XDG_CACHE_HOME/listlint/online.json`` (``~/.cache/listlint`` by default).
Successes (a link that works, a repository that exists) are kept for ``ttl`` seconds; failures
are never kept, so a dead link is asked again next run. For links that could not be verified
it keeps only a count of consecutive runs (for LL603). The file is replaced atomically; a
missing, unreadable or foreign file is an empty cache.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from listlint.online.facts import Hop, LinkResult, Repository, RepositoryResult

VERSION = 1


def default_path() -> Path:
    """``$XDG_CACHE_HOME/listlint/online.json``, or under ``~/.cache``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "listlint" / "online.json"


class Cache:
    """Cached answers, read once and written once per run."""

    def __init__(self, path: Path | None, ttl: float, now: float) -> None:
        """``path`` None: a cache that remembers nothing (``--no-cache``)."""
        self._path = path
        self._ttl = ttl
        self._now = now
        self._data: dict[str, dict[str, Any]] = {"links": {}, "unverified": {}, "repositories": {}}
        if path is not None:
            self._data.update(_read(path))

    def _fresh(self, table: str, key: str) -> dict[str, Any] | None:
        entry = self._data[table].get(key)
        if not isinstance(entry, dict):
            return None
        checked = entry.get("checked")
        if not isinstance(checked, (int, float)) or not 0 <= self._now - checked < self._ttl:
            return None
        return entry

    def link(self, key: str) -> LinkResult | None:
        """A good answer for the link ``key`` younger than the time to live."""
        entry = self._fresh("links", key)
        try:
            return _link_from(entry["result"]) if entry else None
        except (KeyError, TypeError, ValueError):
            return None

    def repository(self, name: str) -> RepositoryResult | None:
        """The facts of repository ``name`` (lower case), when fresh."""
        entry = self._fresh("repositories", name)
        try:
            return _repository_from(entry["result"]) if entry else None
        except (KeyError, TypeError, ValueError):
            return None

    def remember_link(self, key: str, result: LinkResult) -> LinkResult:
        """Keep a good answer; count an unverified one. Returns it with its unverified count."""
        links, unverified = self._data["links"], self._data["unverified"]
        if result.state == "ok":
            links[key] = {"checked": self._now, "result": asdict(result)}
        else:
            links.pop(key, None)
        if result.state != "unverified":
            unverified.pop(key, None)
            return result
        previous = unverified.get(key, {}).get("runs", 0)
        runs = (previous if isinstance(previous, int) else 0) + 1
        unverified[key] = {"runs": runs, "last": self._now}
        return LinkResult(
            result.state, result.reason, result.status, result.hops, result.moved_to, runs
        )

    def remember_repository(self, name: str, result: RepositoryResult) -> None:
        """Keep a repository's facts (not a failed lookup)."""
        table = self._data["repositories"]
        if result.state == "found":
            table[name] = {"checked": self._now, "result": asdict(result)}
        else:
            table.pop(name, None)

    def save(self) -> None:
        """Write the cache, without expired entries; a failure costs only the next run's time."""
        if self._path is None:
            return
        data: dict[str, Any] = {"version": VERSION}
        for table in ("links", "repositories"):
            data[table] = {k: v for k, v in self._data[table].items() if self._fresh(table, k)}
        data["unverified"] = self._data["unverified"]
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self._path.parent, delete=False, suffix=".tmp"
            ) as stream:
                json.dump(data, stream, default=_iso)
            os.replace(stream.name, self._path)
        except OSError:
            pass


def _read(path: Path) -> dict[str, dict[str, Any]]:
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(loaded, dict) or loaded.get("version") != VERSION:
        return {}
    tables = ("links", "unverified", "repositories")
    return {t: loaded[t] for t in tables if isinstance(loaded.get(t), dict)}


def _iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


def _link_from(data: dict[str, Any]) -> LinkResult:
    return LinkResult(
        state=data["state"],
        reason=str(data["reason"]),
        status=data["status"],
        hops=tuple(Hop(int(h["status"]), str(h["url"]), str(h["location"])) for h in data["hops"]),
        moved_to=data["moved_to"],
    )


def _repository_from(data: dict[str, Any]) -> RepositoryResult:
    facts = data["repository"]
    repository = None
    if facts is not None:
        last = facts["last_commit_at"]
        repository = Repository(
            name_with_owner=str(facts["name_with_owner"]),
            archived=bool(facts["archived"]),
            created_at=datetime.fromisoformat(facts["created_at"]),
            last_commit_at=datetime.fromisoformat(last) if last else None,
            license=facts["license"],
            stars=int(facts["stars"]),
        )
    return RepositoryResult(data["state"], str(data["reason"]), repository)

"""``[tool.listlint.online]``: the settings of an online run, with their defaults.

The keys and their documentation are in ``schemas/config.schema.json`` (``online``); the
configuration was validated against it before it gets here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from listlint.patterns import UserPattern

USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36 listlint"
)


@dataclass(frozen=True)
class OnlineSettings:
    """How links are requested and for how long good answers are remembered."""

    timeout: float = 10.0  # seconds for one request, connecting included
    concurrency: int = 32  # requests under way at once
    per_host: int = 4  # requests under way at once to one host
    retries: int = 2  # further attempts after a timeout, a refused connection, 429, 502-504
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_wait: float = 30.0  # longest Retry-After (or rate-limit reset) honoured, in seconds
    max_redirects: int = 10
    cache_hours: float = 24.0  # how long a good answer is kept
    accept: frozenset[int] = frozenset()  # statuses that count as good besides 2xx
    exclude: tuple[str, ...] = ()  # regular expressions of URLs never requested
    user_agent: str = USER_AGENT

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> OnlineSettings:
        """The settings of ``[tool.listlint.online]`` (a validated mapping; missing: defaults)."""
        defaults = cls()
        return cls(
            timeout=float(section.get("timeout", defaults.timeout)),
            concurrency=int(section.get("concurrency", defaults.concurrency)),
            per_host=int(section.get("per-host-concurrency", defaults.per_host)),
            retries=int(section.get("retries", defaults.retries)),
            backoff=float(section.get("backoff", defaults.backoff)),
            max_wait=float(section.get("max-wait", defaults.max_wait)),
            max_redirects=int(section.get("max-redirects", defaults.max_redirects)),
            cache_hours=float(section.get("cache-hours", defaults.cache_hours)),
            accept=frozenset(int(code) for code in section.get("accept", ())),
            exclude=tuple(str(pattern) for pattern in section.get("exclude", ())),
        )

    def excluder(self) -> Exclusions:
        """A matcher of the ``exclude`` patterns, bounded in time like every user pattern."""
        return Exclusions(tuple(UserPattern(p) for p in self.exclude))


@dataclass(frozen=True)
class Exclusions:
    """The URLs the configuration says never to request."""

    patterns: tuple[UserPattern, ...]

    def __call__(self, url: str) -> bool:
        """Whether ``url`` matches an ``exclude`` pattern."""
        return any(pattern.search(url) for pattern in self.patterns)

"""What an online run learnt: each checked link's answer and each repository's facts.

Pure data and the URL keys they are filed under; standard library only, so the rules can read
it without importing the network code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

LinkState = Literal["ok", "dead", "unverified"]
RepositoryState = Literal["found", "not-found", "unverified"]

# First path segments of github.com pages that are not repositories of an owner.
_NOT_OWNERS = frozenset({
    "about", "account", "apps", "blog", "collections", "contact", "customer-stories",
    "enterprise", "events", "explore", "features", "gist", "issues", "login", "marketplace",
    "new", "notifications", "orgs", "organizations", "pricing", "pulls", "readme", "search",
    "security", "settings", "site", "sponsors", "stars", "topics", "trending", "users",
})  # fmt: skip


def link_key(url: str) -> str | None:
    """The URL a link is requested (and cached) as, or None when it is not http(s).

    The fragment goes (servers never see it); scheme and host are lower-cased and a default port
    dropped; the path and query stay as written, since servers may tell them apart.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    return urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def repository_of(url: str, host: str) -> str | None:
    """``owner/name`` when ``url`` is the page of a repository on ``host`` (``github.com``).

    Only the repository's own page counts (``/owner/name``, a trailing slash or ``.git``, any
    fragment or query): links to a file, an issue or a release inside it are checked as links.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() not in (
        host,
        f"www.{host}",
    ):
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) != 2 or segments[0].lower() in _NOT_OWNERS:
        return None
    owner, name = segments[0], segments[1].removesuffix(".git")
    if not name or not all(c.isalnum() or c in "-_." for c in owner + name):
        return None
    return f"{owner}/{name}"


@dataclass(frozen=True)
class Hop:
    """One redirect: ``url`` answered ``status`` with ``Location: location`` (made absolute)."""

    status: int
    url: str
    location: str


@dataclass(frozen=True)
class LinkResult:
    """How a link answered.

    ``ok``: a success (2xx or an accepted status) at the end of its redirects; ``dead``: a
    definite failure (404, 410, an unknown host, a connection refused twice); ``unverified``:
    anything that says nothing about the link (403, 429, 5xx, a timeout, a TLS error).
    ``moved_to`` is where its permanent redirects lead, when that is worth linking instead.
    ``unverified_runs`` counts the consecutive runs, this one included, that could not verify it.
    """

    state: LinkState
    reason: str
    status: int | None = None
    hops: tuple[Hop, ...] = ()
    moved_to: str | None = None
    unverified_runs: int = 0


@dataclass(frozen=True)
class Repository:
    """What GitHub says about a repository; dates are timezone-aware."""

    name_with_owner: str
    archived: bool
    created_at: datetime
    last_commit_at: datetime | None  # on the default branch; None for an empty repository
    license: str | None  # SPDX id, or GitHub's name for it; None when GitHub finds none
    stars: int


@dataclass(frozen=True)
class RepositoryResult:
    """A repository lookup: ``found`` with its facts, ``not-found``, or ``unverified`` (why)."""

    state: RepositoryState
    reason: str = ""
    repository: Repository | None = None


@dataclass(frozen=True)
class OnlineFacts:
    """Everything the LL6xx rules read, filed by :func:`link_key` and ``owner/name`` (lower case).

    A URL that was not checked (excluded, not on an added line, not http) has no entry: the
    rules say nothing about it.
    """

    checked_at: datetime
    github_host: str = "github.com"
    links: Mapping[str, LinkResult] = field(default_factory=dict)
    repositories: Mapping[str, RepositoryResult] = field(default_factory=dict)

    def link(self, url: str) -> LinkResult | None:
        """The answer of the link ``url``, if it was checked."""
        key = link_key(url)
        return self.links.get(key) if key is not None else None

    def repository(self, url: str) -> tuple[str, RepositoryResult] | None:
        """``(owner/name as linked, lookup)`` for a repository page that was looked up."""
        name = repository_of(url, self.github_host)
        if name is None:
            return None
        found = self.repositories.get(name.lower())
        return (name, found) if found is not None else None

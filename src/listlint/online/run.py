"""One run's online checks: pick the URLs, ask the cache, then the web and GitHub, in one batch."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TextIO
from urllib.parse import urlsplit

from listlint.changes import FileChange
from listlint.model.document import Document
from listlint.online.cache import Cache
from listlint.online.facts import (
    LinkResult,
    OnlineFacts,
    RepositoryResult,
    repository_of,
)
from listlint.online.progress import Progress
from listlint.online.resolve import Resolver
from listlint.online.select import urls_to_check
from listlint.online.settings import OnlineSettings

DEFAULT_API_URL = "https://api.github.com"


@dataclass(frozen=True)
class GitHubAccess:
    """Where repository facts come from: the API, a token, and the host whose pages are repos."""

    api_url: str
    token: str
    host: str

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> GitHubAccess | None:
        """``GITHUB_TOKEN``, ``GITHUB_API_URL`` and ``GITHUB_SERVER_URL``; None without a token.

        Without ``GITHUB_SERVER_URL`` the repository host is the API's (``api.`` dropped), so
        ``https://api.github.com`` means ``github.com``.
        """
        token = environ.get("GITHUB_TOKEN", "").strip()
        if not token:
            return None
        api_url = (environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
        server = environ.get("GITHUB_SERVER_URL") or api_url
        host = urlsplit(server).netloc.lower().removeprefix("api.")
        return cls(api_url, token, host)


@dataclass
class Tally:
    """What the run did, for its summary."""

    links: int = 0  # distinct links looked at
    cached: int = 0  # of them answered by the cache
    repositories: int = 0
    repository_pages: int = 0  # repository pages checked as web pages, for want of a token
    requests: Counter[str] = field(default_factory=Counter)  # per URL, redirect hops included
    github_requests: int = 0


@dataclass
class OnlineRun:
    """The online step of one lint run, called with the parsed documents before the rules run.

    ``scopes`` names the files to check: None for every link of a file, its
    :class:`~listlint.changes.FileChange` for only the links the change adds. The first call
    asks; later calls (``--fix`` passes) return the same facts.
    """

    settings: OnlineSettings
    scopes: Mapping[str, FileChange | None]
    cache: Cache
    resolver: Resolver
    github: GitHubAccess | None = None
    progress: TextIO | None = None
    facts: OnlineFacts | None = None
    documents: list[Document] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)

    def __call__(self, docs: Sequence[Document]) -> OnlineFacts:
        """The facts about ``docs``' links, asked for once."""
        if self.facts is None:
            self.documents = [doc for doc in docs if doc.path in self.scopes]
            self.facts = self._resolve(self.documents)
        return self.facts

    def _resolve(self, docs: Sequence[Document]) -> OnlineFacts:
        keys = urls_to_check(docs, self.scopes, self.settings.excluder())
        host = self.github.host if self.github else "github.com"
        repositories: dict[str, str] = {}  # lower case -> as linked first
        links: list[str] = []
        for key in keys:
            name = repository_of(key, host)
            if name is None or self.github is None:
                links.append(key)
                self.tally.repository_pages += name is not None
            else:
                repositories.setdefault(name.lower(), name)
        known_links = {k: found for k in links if (found := self.cache.link(k)) is not None}
        known_repositories = {
            k: facts for k in repositories if (facts := self.cache.repository(k)) is not None
        }
        ask_links = [k for k in links if k not in known_links]
        ask_repositories = [name for k, name in repositories.items() if k not in known_repositories]
        progress = Progress(len(ask_links) + len(ask_repositories), self.progress)
        try:
            answered, answered_repositories = asyncio.run(
                self._ask(ask_links, ask_repositories, progress)
            )
        finally:
            progress.close()
        for key, result in answered.items():
            answered[key] = self.cache.remember_link(key, result)
        for name, lookup in answered_repositories.items():
            self.cache.remember_repository(name, lookup)
        self.cache.save()
        self.tally.links, self.tally.cached = len(links), len(known_links)
        self.tally.repositories = len(repositories)
        return OnlineFacts(
            checked_at=datetime.now(timezone.utc),
            github_host=host,
            links={**known_links, **answered},
            repositories={**known_repositories, **answered_repositories},
        )

    async def _ask(
        self, links: Sequence[str], repositories: Sequence[str], progress: Progress
    ) -> tuple[dict[str, LinkResult], dict[str, RepositoryResult]]:
        """Check the links and look the repositories up at the same time."""
        looked_up: asyncio.Future[dict[str, RepositoryResult]] | None = None
        if repositories and self.github is not None:
            looked_up = asyncio.ensure_future(
                asyncio.to_thread(self._look_up, self.github, repositories, progress)
            )
        answered: dict[str, LinkResult] = {}
        if links:
            from listlint.online.http import check_links

            answered, requests = await check_links(
                links, self.settings, self.resolver, progress.advance
            )
            self.tally.requests = requests
        found = await looked_up if looked_up is not None else {}
        return answered, {name.lower(): result for name, result in found.items()}

    def _look_up(
        self, github: GitHubAccess, names: Sequence[str], progress: Progress
    ) -> dict[str, RepositoryResult]:
        from listlint.online.repositories import RepositoryLookup

        lookup = RepositoryLookup(
            github.api_url,
            github.token,
            max_wait=self.settings.max_wait,
            backoff=self.settings.backoff,
            timeout=self.settings.timeout,
        )
        try:
            return lookup.lookup(names, progress.advance)
        finally:
            self.tally.github_requests = lookup.requests

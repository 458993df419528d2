"""Repository facts from GitHub's GraphQL API, through PyGithub, fifty repositories a request.

Why GraphQL: one query asks for fifty repositories at once (aliases), with the date of the last
commit on each default branch, and costs one point of the 5,000 an hour; REST needs two
requests a repository (the repository, then its default branch's last commit), three for a
renamed one (a 301 to follow). Conditional REST requests (ETag, 304) spare the rate limit but
not the requests. See ``benchmarks/online.py`` for the measured counts. GraphQL resolves a
renamed repository itself: its ``nameWithOwner`` then differs from the linked name.

``GITHUB_API_URL`` is honoured (GitHub Enterprise Server: ``https://HOST/api/v3``, GraphQL at
``/api/graphql``, which PyGithub derives). Rate limits are waited out up to ``max_wait``; a
lookup that still fails leaves its repositories unverified, never reported as missing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import requests
from github import Auth, Github, GithubException

from listlint.online.facts import Repository, RepositoryResult
from listlint.online.http import requested_wait

BATCH = 50
ATTEMPTS = 4
PAUSE = 0.25  # seconds between two requests, PyGithub's default for reads

for _name in ("github", "urllib3"):  # their warnings would add to listlint's own lines
    logging.getLogger(_name).addHandler(logging.NullHandler())

FIELDS = """
fragment Facts on Repository {
  nameWithOwner
  isArchived
  createdAt
  stargazerCount
  licenseInfo { spdxId name }
  defaultBranchRef { target { ... on Commit { committedDate } } }
}"""


def batch_query(count: int) -> str:
    """A query for ``count`` repositories, aliased ``r0``… with variables ``$o0``/``$n0``…."""
    variables = ", ".join(f"$o{i}: String!, $n{i}: String!" for i in range(count))
    fields = " ".join(
        f"r{i}: repository(owner: $o{i}, name: $n{i}) {{ ...Facts }}" for i in range(count)
    )
    return f"query({variables}) {{ {fields} }}{FIELDS}"


def _date(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def repository_from(node: Mapping[str, Any]) -> Repository:
    """The facts of one ``repository`` node of the answer."""
    license_info = node.get("licenseInfo") or {}
    target = (node.get("defaultBranchRef") or {}).get("target") or {}
    committed = target.get("committedDate")
    return Repository(
        name_with_owner=str(node["nameWithOwner"]),
        archived=bool(node["isArchived"]),
        created_at=_date(node["createdAt"]),
        last_commit_at=_date(committed) if committed else None,
        license=license_info.get("spdxId") or license_info.get("name") or None,
        stars=int(node["stargazerCount"]),
    )


def read_batch(names: Sequence[str], data: Mapping[str, Any]) -> dict[str, RepositoryResult]:
    """The results of one answered batch: found, not found, or unverified with GitHub's word."""
    answers = data.get("data") or {}
    problems: dict[str, Mapping[str, Any]] = {}
    for error in data.get("errors") or []:
        path = error.get("path") or []
        if path:
            problems[str(path[0])] = error
    results = {}
    for index, name in enumerate(names):
        alias = f"r{index}"
        node = answers.get(alias)
        problem = problems.get(alias, {})
        if node:
            results[name] = RepositoryResult("found", repository=repository_from(node))
        elif problem.get("type") == "NOT_FOUND":
            results[name] = RepositoryResult("not-found", "GitHub has no such repository")
        else:
            reason = str(problem.get("message") or "GitHub did not answer for it")
            results[name] = RepositoryResult("unverified", reason)
    return results


class RateLimited(Exception):
    """GitHub asks to wait (``wait`` seconds when it says how long)."""

    def __init__(self, wait: float | None) -> None:
        super().__init__(wait)
        self.wait = wait


class RepositoryLookup:
    """Looks repositories up in batches; ``requests`` counts the GraphQL requests sent."""

    def __init__(
        self, api_url: str, token: str, *, max_wait: float, backoff: float, timeout: float
    ) -> None:
        self._github = Github(
            auth=Auth.Token(token),
            base_url=api_url,
            retry=0,
            lazy=True,
            timeout=max(int(timeout), 1),
            # PyGithub spaces POSTs a second apart, as GitHub asks for requests that create
            # content; these POSTs are queries, so they get the spacing of reads.
            seconds_between_requests=PAUSE,
            seconds_between_writes=PAUSE,
        )
        self._max_wait = max_wait
        self._backoff = backoff
        self.requests = 0

    def _post(self, names: Sequence[str]) -> dict[str, Any]:
        variables: dict[str, str] = {}
        for index, name in enumerate(names):
            variables[f"o{index}"], variables[f"n{index}"] = name.split("/", 1)
        requester = self._github.requester
        self.requests += 1
        try:
            headers, data = requester.requestJsonAndCheck(
                "POST",
                requester.graphql_url,
                input={"query": batch_query(len(names)), "variables": variables},
            )
        except GithubException as error:
            lower = {k.lower(): v for k, v in (error.headers or {}).items()}
            message = str(error.message or error.data or "")
            if error.status == 429 or (
                error.status == 403
                and ("retry-after" in lower or lower.get("x-ratelimit-remaining") == "0"
                     or "rate limit" in message.lower())
            ):  # fmt: skip
                raise RateLimited(requested_wait(lower, time.time())) from None
            raise
        errors = data.get("errors") or []
        if any(e.get("type") == "RATE_LIMITED" for e in errors):
            lower = {k.lower(): v for k, v in headers.items()}
            raise RateLimited(requested_wait(lower, time.time()))
        return dict(data)

    def _batch(self, names: Sequence[str]) -> dict[str, RepositoryResult]:
        """One batch, retried after rate limits, 5xx answers and network failures."""
        reason, wait = "", 0.0
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(wait)
            try:
                return read_batch(names, self._post(names))
            except RateLimited as limited:
                wait = limited.wait if limited.wait is not None else self._backoff * 2**attempt
                reason = f"GitHub's rate limit (wait {wait:.0f} s)"
                if wait > self._max_wait:
                    break
            except GithubException as error:
                reason = f"GitHub answered {error.status}"
                if error.status == 401:
                    reason = "GitHub refused the token (401)"
                if error.status < 500:
                    break
                wait = self._backoff * 2**attempt
            except requests.RequestException as error:
                reason = f"cannot reach GitHub: {type(error).__name__}"
                wait = self._backoff * 2**attempt
        return {name: RepositoryResult("unverified", reason) for name in names}

    def lookup(
        self, names: Sequence[str], on_checked: Callable[[int], None] = lambda count: None
    ) -> dict[str, RepositoryResult]:
        """Every repository's result, by the name asked (``owner/name``)."""
        results: dict[str, RepositoryResult] = {}
        for start in range(0, len(names), BATCH):
            batch = names[start : start + BATCH]
            results.update(self._batch(batch))
            on_checked(len(batch))
        return results

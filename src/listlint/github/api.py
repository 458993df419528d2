"""The GitHub API calls of a review run, through PyGithub (imported here only).

Every call goes through :meth:`PullRequestClient._call`: rate limits, 5xx answers and dropped
connections are retried after a bounded wait, everything else fails at once, and every failure
leaves this module as a one-line :class:`ReviewError` (or :class:`WriteDenied` /
:class:`ReviewRejected` where the caller has a fallback). urllib3 itself retries nothing: a POST
retried blindly after GitHub already acted on it would post twice.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from github import Auth, Github, GithubException
from github.PullRequestComment import PullRequestComment

from listlint.source import InputError, decode

from .context import PullRequestRef, ReviewError
from .plan import PostedComment
from .render import ReviewComment, fingerprint_of
from .seen import Seen, seen_in

ACTIONS_BOT = "github-actions[bot]"
ATTEMPTS = 6  # the first try and five retries
SECONDARY_WAIT = 60  # backoff units to wait on a secondary rate limit that names no time
DENIED = "resource not accessible by integration"

# PyGithub and urllib3 log through the standard library; without a handler of their own, Python's
# last-resort handler would add their warnings to the one-line errors on stderr.
for _name in ("github", "urllib3"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

T = TypeVar("T")


class WriteDenied(ReviewError):
    """The token can read but not write (a fork's PR, or no ``pull-requests: write``)."""


class ReviewRejected(ReviewError):
    """GitHub answered 422 to the review: a comment off the diff, or a body over a limit."""


@dataclass(frozen=True)
class ChangedFile:
    """One entry of ``pulls/{n}/files``; ``previous_path`` is the path before a rename."""

    path: str
    status: str
    patch: str | None
    previous_path: str | None = None


def _message(error: GithubException) -> str:
    data = error.data
    message = error.message or (data.get("message") if isinstance(data, dict) else None)
    return str(message or "")


def rate_limited(status: int, headers: Mapping[str, str], message: str) -> bool:
    """Whether an answer is a rate limit rather than a refusal.

    A 403 is both GitHub's "this token may not" and its rate limit; the rate limit says so in a
    header (``retry-after``, ``x-ratelimit-remaining: 0``) or in its message.
    """
    lower = {key.lower(): value for key, value in headers.items()}
    if status == 429:
        return True
    return status == 403 and (
        "retry-after" in lower
        or lower.get("x-ratelimit-remaining") == "0"
        or "rate limit" in message.lower()
    )


def requested_wait(headers: Mapping[str, str], now: float) -> float | None:
    """The wait a rate-limit answer asks for (``retry-after``, or until the reset), if any."""
    lower = {key.lower(): value for key, value in headers.items()}
    after = lower.get("retry-after", "").strip()
    if after.isdigit():
        return float(after)
    reset = lower.get("x-ratelimit-reset", "").strip()
    if lower.get("x-ratelimit-remaining") == "0" and reset.isdigit():
        return max(int(reset) - now, 0.0) + 1  # +1: the reset falls somewhere in that second
    return None


def _describe(status: int, message: str, what: str) -> str:
    return f"{what}: GitHub answered {status}" + (f" ({message})" if message else "")


def _final(error: GithubException, what: str, *, write: bool, not_found: str | None) -> ReviewError:
    """The one-line error for an answer that retrying would not change."""
    message = _message(error)
    if error.status == 401:
        return ReviewError(f"{what}: bad credentials (401): check the token")
    if error.status == 404 and not_found:
        return ReviewError(not_found)
    if write and error.status in (403, 404):
        return WriteDenied(_describe(error.status, message, what))
    if write and error.status == 422:
        return ReviewRejected(_describe(error.status, message, what))
    return ReviewError(_describe(error.status, message, what))


class PullRequestClient:
    """The calls one review run makes on one pull request."""

    def __init__(
        self,
        pull: PullRequestRef,
        *,
        api_url: str,
        token: str,
        per_page: int,
        max_wait: float,
        backoff: float,
        throttle: float | None,
        login: str | None,
    ) -> None:
        intervals: dict[str, Any] = {}
        if throttle is not None:
            intervals = {
                "seconds_between_requests": throttle,
                "seconds_between_writes": throttle,
            }
        self._pull = pull
        self._max_wait = max_wait
        self._backoff = backoff
        self._login = login
        self._github = Github(
            auth=Auth.Token(token),
            base_url=api_url,
            per_page=per_page,
            retry=0,
            lazy=True,
            **intervals,
        )
        self._repo = self._github.get_repo(pull.repository)
        self._pr = self._repo.get_pull(pull.number)
        self._listed: dict[int, PullRequestComment] = {}

    def _wait(self, what: str, attempt: int, reason: str, asked: float | None) -> None:
        """Sleep before retry ``attempt`` (1-based); refuse a wait over ``max_wait``."""
        if asked is not None and asked > self._max_wait:
            raise ReviewError(
                f"{what}: rate limited, and the wait of {asked:.0f}s exceeds --max-wait"
            )
        if attempt >= ATTEMPTS:
            raise ReviewError(f"{what}: {reason}; gave up after {ATTEMPTS} attempts")
        if asked is None:
            units = SECONDARY_WAIT if reason == "rate limited" else 1
            asked = min(self._backoff * units * 2 ** (attempt - 1), self._max_wait)
        time.sleep(asked)

    def _call(
        self,
        what: str,
        action: Callable[[], T],
        *,
        write: bool = False,
        not_found: str | None = None,
    ) -> T:
        """Run ``action``, retrying rate limits, 5xx answers and network failures.

        A write is only retried when repeating it is harmless: ``action`` must check whether an
        earlier attempt took effect (see :meth:`post_review`).
        """
        attempt = 0
        while True:
            attempt += 1
            try:
                return action()
            except GithubException as error:
                headers = error.headers or {}
                if rate_limited(error.status, headers, _message(error)):
                    reason, asked = "rate limited", requested_wait(headers, time.time())
                elif error.status >= 500:
                    reason, asked = f"GitHub answered {error.status}", None
                else:
                    raise _final(error, what, write=write, not_found=not_found) from None
            except requests.RequestException as error:
                reason, asked = f"{type(error).__name__}: {error}", None
            self._wait(what, attempt, reason, asked)

    def login(self) -> str:
        """Whose comments are listlint's: ``--bot-login``, the token's user, or the Actions bot.

        ``GET /user`` names the owner of a user token; the Actions ``GITHUB_TOKEN`` (an app
        installation token) is refused it with 403, and posts as ``github-actions[bot]``.
        """
        if self._login is None:

            def viewer() -> str:
                try:
                    return str(self._github.get_user().login)
                except GithubException as error:
                    headers = error.headers or {}
                    if error.status == 403 and not rate_limited(403, headers, _message(error)):
                        return ACTIONS_BOT
                    raise

            self._login = self._call("reading the token's user", viewer)
        return self._login

    def _mine(self, user: Any) -> bool:
        login = getattr(user, "login", None)
        return isinstance(login, str) and login.lower() == self.login().lower()

    def head_sha(self) -> str:
        """The pull request's current head commit (this is the call that finds out it exists)."""
        missing = f"pull request #{self._pull.number} not found in {self._pull.repository} (404)"
        return self._call(
            "reading the pull request", lambda: str(self._pr.head.sha), not_found=missing
        )

    def changed_files(self) -> list[ChangedFile]:
        """Every file of the pull request, all pages."""
        return self._call(
            "listing the pull request's files",
            lambda: [
                ChangedFile(f.filename, f.status, f.patch, f.previous_filename)
                for f in self._pr.get_files()
            ],
        )

    def description(self) -> str:
        """The pull request's description (its body), as :meth:`head_sha` read it."""
        return self._call("reading the pull request", lambda: str(self._pr.body or ""))

    def file_text(self, path: str, max_size: int) -> str | None:
        """A regular file's text in the head commit, or ``None`` (missing, a link, not UTF-8...)."""

        def read() -> str | None:
            try:
                found = self._repo.get_contents(path, ref=self._pull.head_sha)
            except GithubException as error:
                if error.status == 404:
                    return None
                raise
            # GitHub answers for a link to a file with that file, under its own path
            if isinstance(found, list) or found.type != "file" or found.path != path:
                return None
            if found.size > max_size:
                return None
            if found.encoding == "base64":  # GitHub inlines files up to 1 MB
                data = base64.b64decode(found.content or "")
            else:
                data = base64.b64decode(self._repo.get_git_blob(found.sha).content)
            try:
                return decode(data, path, max_size).text
            except InputError:
                return None

        return self._call(f"reading {path} from the pull request", read)

    def posted_comments(self) -> list[PostedComment]:
        """listlint's earlier review comments, and whether anyone replied to each.

        A comment is listlint's when the token's account wrote it and its body opens with
        listlint's marker; a marker in anyone else's comment counts for nothing. Only the other
        comments are asked for ``in_reply_to_id`` (PyGithub fetches a comment again when GitHub
        left that field out, as it does for first comments).
        """

        def listing() -> tuple[list[tuple[int, str]], set[int]]:
            ours: list[tuple[int, str]] = []
            replied: set[int] = set()
            for comment in self._pr.get_review_comments():
                fingerprint = fingerprint_of(comment.body or "")
                if fingerprint is not None and self._mine(comment.user):
                    ours.append((comment.id, fingerprint))
                    self._listed[comment.id] = comment
                elif comment.in_reply_to_id is not None:
                    replied.add(comment.in_reply_to_id)
            return ours, replied

        ours, replied = self._call("listing review comments", listing)
        return [PostedComment(id_, fp, id_ in replied) for id_, fp in ours]

    def _own_review_bodies(self) -> list[str]:
        return self._call(
            "listing reviews",
            lambda: [r.body or "" for r in self._pr.get_reviews() if self._mine(r.user)],
        )

    def seen_in_review_bodies(self) -> Seen:
        """Fingerprints recorded in the bodies of listlint's earlier reviews."""
        return seen_in(self._own_review_bodies())

    def post_review(
        self, body: str, comments: Sequence[ReviewComment], commit_sha: str, run_marker: str
    ) -> None:
        """Post one ``COMMENT`` review on ``commit_sha``, at most once.

        ``body`` carries ``run_marker``, unique to this run: before trying again after a failure,
        listlint looks for its review, since GitHub may have created it before the answer was lost.
        """
        commit = self._repo.get_commit(commit_sha)
        tried = False

        def create() -> None:
            nonlocal tried
            if tried and any(run_marker in text for text in self._own_review_bodies()):
                return
            tried = True
            self._pr.create_review(
                commit=commit, body=body, event="COMMENT", comments=list(comments)
            )

        self._call("posting the review", create, write=True)

    def _node_id(self, comment_id: int) -> str:
        return self._call("reading a comment", lambda: self._listed[comment_id].node_id)

    def minimized(self, comment_ids: Sequence[int]) -> set[int]:
        """Which of these listed comments are already minimized (one GraphQL query)."""
        if not comment_ids:
            return set()
        node_ids = {self._node_id(comment_id): comment_id for comment_id in comment_ids}
        query = (
            "query($ids: [ID!]!) { nodes(ids: $ids) "
            "{ ... on Minimizable { isMinimized } ... on Node { id } } }"
        )
        _, data = self._call(
            "reading comment state",
            lambda: self._github.requester.graphql_query(query, {"ids": list(node_ids)}),
        )
        nodes = (data.get("data") or {}).get("nodes") or []
        return {node_ids[node["id"]] for node in nodes if node and node.get("isMinimized")}

    def minimize(self, comment_id: int) -> None:
        """Hide a listed comment as outdated (GraphQL ``minimizeComment``; REST has none).

        Minimizing twice is harmless, so a failed attempt is simply repeated.
        """
        node_id = self._node_id(comment_id)
        self._call(
            "minimizing a stale comment",
            lambda: self._github.requester.graphql_named_mutation(
                "minimizeComment",
                {"subjectId": node_id, "classifier": "OUTDATED"},
                "minimizedComment { isMinimized }",
            ),
            write=True,
        )

    def delete(self, comment_id: int) -> None:
        """Delete a review comment; one already gone (a retry, or someone else) is done."""

        def remove() -> None:
            try:
                self._listed[comment_id].delete()
            except GithubException as error:
                if error.status != 404:
                    raise

        self._call("deleting a stale comment", remove, write=True)

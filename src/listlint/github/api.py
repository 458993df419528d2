"""The GitHub API calls of a review run, through PyGithub (imported here only).

Every PyGithub failure leaves this module as a one-line :class:`ReviewError`, or as
:class:`WriteDenied` / :class:`ReviewRejected` where the caller has a fallback.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import requests
from github import Auth, Github, GithubException, GithubRetry
from github.GithubException import RateLimitExceededExceedsMaxWait, RateLimitExceededException
from github.PullRequestComment import PullRequestComment
from urllib3 import BaseHTTPResponse

from .context import PullRequestRef, ReviewError
from .plan import PostedComment
from .render import ReviewComment, body_fingerprints, fingerprint_of


class WriteDenied(ReviewError):
    """The token can read but not write (a fork's PR, or no ``pull-requests: write``)."""


class ReviewRejected(ReviewError):
    """GitHub answered 422 to the review, typically for a comment off the diff."""


@dataclass(frozen=True)
class ChangedFile:
    """One entry of ``pulls/{n}/files``."""

    path: str
    status: str
    patch: str | None


class BoundedRetry(GithubRetry):
    """PyGithub's retry that also refuses a ``Retry-After`` over ``max_rate_limit_wait``."""

    def increment(self, *args: Any, **kwargs: Any) -> Any:
        response: BaseHTTPResponse | None = kwargs.get("response") or (
            args[2] if len(args) > 2 else None
        )
        if response is not None and self.max_rate_limit_wait is not None:
            wait = self.get_retry_after(response)
            if wait is not None and wait > self.max_rate_limit_wait:
                raise RateLimitExceededExceedsMaxWait(
                    response.status, None, dict(response.headers), wait=wait
                )
        return super().increment(*args, **kwargs)


def _describe(error: GithubException, what: str) -> str:
    message = error.message or (error.data.get("message") if isinstance(error.data, dict) else None)
    return f"{what}: GitHub answered {error.status}" + (f" ({message})" if message else "")


@contextmanager
def _calling(what: str, *, not_found: str | None = None) -> Iterator[None]:
    """Turn PyGithub and network failures into one-line errors (``not_found`` words a 404)."""
    try:
        yield
    except RateLimitExceededExceedsMaxWait as error:
        raise ReviewError(
            f"{what}: rate limited, and the wait of {error.wait or 0:.0f}s exceeds --max-wait"
        ) from None
    except RateLimitExceededException as error:
        raise ReviewError(f"{what}: rate limited, retries exhausted ({error.status})") from None
    except GithubException as error:
        if error.status == 401:
            raise ReviewError(f"{what}: bad credentials (401): check the token") from None
        if error.status == 404 and not_found:
            raise ReviewError(not_found) from None
        raise ReviewError(_describe(error, what)) from None
    except requests.RequestException as error:
        raise ReviewError(f"{what}: {type(error).__name__}: {error}") from None


@contextmanager
def _writing(what: str) -> Iterator[None]:
    """Like :func:`_calling`; 403/404 become :class:`WriteDenied`, 422 :class:`ReviewRejected`."""
    with _calling(what):
        try:
            yield
        except RateLimitExceededException:
            raise
        except GithubException as error:
            if error.status in (403, 404):
                raise WriteDenied(_describe(error, what)) from None
            if error.status == 422:
                raise ReviewRejected(_describe(error, what)) from None
            raise


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
        throttle: float | None,
    ) -> None:
        retry = BoundedRetry(
            total=5,
            backoff_factor=0.5,
            secondary_rate_wait=min(60.0, max_wait),
            max_rate_limit_wait=max_wait,
            status_forcelist=[*range(500, 600), 429],
            raise_on_status=False,
        )
        intervals: dict[str, Any] = {}
        if throttle is not None:
            intervals = {
                "seconds_between_requests": throttle,
                "seconds_between_writes": throttle,
            }
        self._pull = pull
        self._github = Github(
            auth=Auth.Token(token),
            base_url=api_url,
            per_page=per_page,
            retry=retry,
            lazy=True,
            **intervals,
        )
        self._pr = self._github.get_repo(pull.repository).get_pull(pull.number)
        self._listed: dict[int, PullRequestComment] = {}

    def head_sha(self) -> str:
        """The pull request's current head commit (this is the call that finds out it exists)."""
        missing = f"pull request #{self._pull.number} not found in {self._pull.repository} (404)"
        with _calling("reading the pull request", not_found=missing):
            return self._pr.head.sha

    def changed_files(self) -> list[ChangedFile]:
        """Every file of the pull request, all pages."""
        with _calling("listing the pull request's files"):
            return [ChangedFile(f.filename, f.status, f.patch) for f in self._pr.get_files()]

    def posted_comments(self) -> list[PostedComment]:
        """listlint's earlier review comments, and whether anyone replied to each.

        A comment whose body opens with listlint's marker was posted by listlint as a thread's first
        comment; only the others are asked for ``in_reply_to_id`` (PyGithub fetches a comment again
        when GitHub left that field out, as it does for first comments).
        """
        with _calling("listing review comments"):
            ours: list[tuple[int, str]] = []
            replied: set[int] = set()
            for comment in self._pr.get_review_comments():
                fingerprint = fingerprint_of(comment.body or "")
                if fingerprint is not None:
                    ours.append((comment.id, fingerprint))
                    self._listed[comment.id] = comment
                elif comment.in_reply_to_id is not None:
                    replied.add(comment.in_reply_to_id)
        return [PostedComment(id_, fp, id_ in replied) for id_, fp in ours]

    def fingerprints_in_review_bodies(self) -> frozenset[str]:
        """Fingerprints listed in the bodies of listlint's earlier reviews."""
        with _calling("listing reviews"):
            bodies = [review.body or "" for review in self._pr.get_reviews()]
        return frozenset().union(*(body_fingerprints(body) for body in bodies))

    def post_review(self, body: str, comments: Sequence[ReviewComment], commit_sha: str) -> None:
        """Post one ``COMMENT`` review on ``commit_sha``."""
        commit = self._github.get_repo(self._pull.repository).get_commit(commit_sha)
        with _writing("posting the review"):
            self._pr.create_review(
                commit=commit, body=body, event="COMMENT", comments=list(comments)
            )

    def _node_id(self, comment_id: int) -> str:
        with _calling("reading a comment"):
            return self._listed[comment_id].node_id

    def minimized(self, comment_ids: Sequence[int]) -> set[int]:
        """Which of these listed comments are already minimized (one GraphQL query)."""
        if not comment_ids:
            return set()
        node_ids = {self._node_id(comment_id): comment_id for comment_id in comment_ids}
        query = (
            "query($ids: [ID!]!) { nodes(ids: $ids) "
            "{ ... on Minimizable { isMinimized } ... on Node { id } } }"
        )
        with _calling("reading comment state"):
            _, data = self._github.requester.graphql_query(query, {"ids": list(node_ids)})
        nodes = (data.get("data") or {}).get("nodes") or []
        return {node_ids[node["id"]] for node in nodes if node and node.get("isMinimized")}

    def minimize(self, comment_id: int) -> None:
        """Hide a listed comment as outdated (GraphQL ``minimizeComment``; REST has none)."""
        node_id = self._node_id(comment_id)
        with _writing("minimizing a stale comment"):
            self._github.requester.graphql_named_mutation(
                "minimizeComment",
                {"subjectId": node_id, "classifier": "OUTDATED"},
                "minimizedComment { isMinimized }",
            )

    def delete(self, comment_id: int) -> None:
        """Delete a review comment."""
        with _writing("deleting a stale comment"):
            self._pr.get_review_comment(comment_id).delete()

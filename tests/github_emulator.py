"""A stateful stand-in for the parts of the GitHub API that ``listlint review`` uses, on 127.0.0.1.

It serves one repository with one pull request, paginates like GitHub (``per_page``, ``page``,
``Link``), checks every review comment against the patches it serves (answering 422 in GitHub's
error shape when a comment is off the diff), enforces GitHub's size limit on review and comment
bodies, serves the head commit's files (contents and blob API), stores what was posted and by whom,
and can be told to fail: a read-only token, rate limits, and faults injected on one route (a 502
or a dropped connection, before or after the request took effect).
Two kinds of token: the Actions ``GITHUB_TOKEN`` (``viewer`` is ``None``: it posts as
``github-actions[bot]`` and ``GET /user`` answers 403) or a user's token (``GET /user`` names them).
Its patch reading is written separately from ``listlint.changes`` on purpose.
Below it, :func:`pull_request` sets up a pull request under review (checkout, event, environment)
for the ``test_github_*`` modules.
"""

from __future__ import annotations

import argparse
import base64
import difflib
import hashlib
import itertools
import json
import posixpath
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import pytest

from listlint.github import review

DOCS = "https://docs.github.com/rest"
BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}
MAX_BODY = 65_536  # characters in a review body or a comment body
CONTENTS_INLINE = 1024 * 1024  # larger files come from the contents API without their content
DROP = 0  # a fault "status": close the connection without answering


def right_side_hunks(patch: str) -> list[set[int]]:
    """For each hunk of a unified patch, the new-file line numbers it shows (added and context)."""
    hunks: list[set[int]] = []
    new_line = 0
    for text in patch.splitlines():
        header = re.match(r"@@ -[0-9,]+ \+([0-9]+)", text)
        if header:
            new_line = int(header.group(1))
            hunks.append(set())
        elif hunks and text[:1] in (" ", "+"):
            hunks[-1].add(new_line)
            new_line += 1
    return hunks


@dataclass
class RateLimit:
    """One injected rate-limit answer."""

    status: int
    headers: dict[str, str]
    message: str


@dataclass
class Fault:
    """An injected failure of requests to one route; ``after``: the request takes effect first."""

    method: str
    route: str
    status: int
    after: bool
    headers: dict[str, str]
    message: str


@dataclass
class Emulator:
    """The state; tests read and change it directly."""

    repository: str = "octo/awesome"
    number: int = 7
    head_sha: str = "a" * 40
    description: str = ""  # the pull request's body
    token: str = "ghs_test_token_not_a_secret"
    viewer: dict[str, Any] | None = None
    files: list[dict[str, Any]] = field(default_factory=list)
    tree: dict[str, dict[str, Any]] = field(default_factory=dict)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    comments: list[dict[str, Any]] = field(default_factory=list)
    minimized: set[str] = field(default_factory=set)
    deleted: list[int] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    mutations: list[str] = field(default_factory=list)
    deny_writes: bool = False
    rate_limits: list[RateLimit] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    after_files_listed: Callable[[], None] | None = None
    enterprise: bool = False  # GitHub Enterprise Server layout: REST under /api/v3, /api/graphql
    issues: list[dict[str, Any]] = field(default_factory=list)
    projects: dict[str, dict[str, Any]] = field(default_factory=dict)  # other repos' facts
    renamed: dict[str, str] = field(default_factory=dict)  # old "owner/name" -> current, lower
    origin: str = ""
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1000))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add_file(self, filename: str, patch: str | None, status: str = "modified") -> None:
        """Add a changed file to the pull request."""
        self.files.append({"filename": filename, "status": status, "patch": patch})

    def put(self, path: str, text: str) -> None:
        """Make ``path`` a file of the head commit with this content."""
        data = text.encode("utf-8")
        sha = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
        self.tree[path] = {"type": "file", "data": data, "sha": sha}

    def put_link(self, path: str, target: str) -> None:
        """Make ``path`` a symbolic link of the head commit."""
        self.tree[path] = {"type": "symlink", "target": target, "sha": "1" * 40}

    def issue_as(
        self, user: dict[str, Any], body: str, labels: list[str], state: str = "open"
    ) -> dict[str, Any]:
        """Someone opens an issue."""
        issue = self._issue({"title": "Someone's issue", "body": body, "labels": labels}, user)
        issue["state"] = state
        self.issues.append(issue)
        return issue

    def _issue(self, fields: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
        number = next(self._ids)
        return {
            "id": number,
            "node_id": f"I_{number}",
            "number": number,
            "title": fields.get("title", ""),
            "body": fields.get("body"),
            "state": "open",
            "state_reason": None,
            "labels": [{"name": name} for name in fields.get("labels", [])],
            "user": user,
            "url": self._api(f"/issues/{number}"),
            "html_url": f"https://github.example/{self.repository}/issues/{number}",
        }

    def _issues(
        self, method: str, path: str, route: str, query: dict[str, str], body: Any
    ) -> tuple[int, dict[str, str], Any] | None:
        """The issues API: list (state, labels filters; paginated), create, read, edit."""
        if route == "/issues" and method == "GET":
            state = query.get("state", "open")
            wanted = {name for name in query.get("labels", "").split(",") if name}
            listed = [
                i
                for i in reversed(self.issues)  # newest first, as GitHub sorts by default
                if state in ("all", i["state"])
                and wanted <= {label["name"] for label in i["labels"]}
            ]
            return self._page(path, query, listed)
        one = re.fullmatch(r"/issues/(\d+)", route)
        if not (route == "/issues" and method == "POST") and one is None:
            return None
        if method != "GET" and self.deny_writes:
            return self._forbidden()
        if method != "GET" and len((body or {}).get("body") or "") > MAX_BODY:
            errors = [f"body is too long (maximum is {MAX_BODY} characters)"]
            return 422, {}, {"message": "Validation Failed", "errors": errors, "status": "422"}
        if one is None:
            issue = self._issue(body, self.author)
            self.issues.append(issue)
            return 201, {}, issue
        found = [i for i in self.issues if i["number"] == int(one.group(1))]
        if not found:
            return _not_found()
        if method == "PATCH":
            for key in ("title", "body", "state", "state_reason"):
                if key in body:
                    found[0][key] = body[key]
        return 200, {}, found[0]

    def add_project(
        self,
        name: str,
        *,
        archived: bool = False,
        created: str = "2015-01-01T00:00:00Z",
        last_commit: str | None = "2026-01-01T00:00:00Z",
        license: str | None = "MIT",
        stars: int = 100,
        renamed_from: str | None = None,
    ) -> None:
        """A repository the list links, with the facts GitHub keeps about it."""
        self.projects[name.lower()] = {
            "nameWithOwner": name,
            "isArchived": archived,
            "createdAt": created,
            "stargazerCount": stars,
            "licenseInfo": {"spdxId": license, "name": license} if license else None,
            "defaultBranchRef": {"name": "main", "target": {"committedDate": last_commit}}
            if last_commit
            else None,
        }
        if renamed_from:
            self.renamed[renamed_from.lower()] = name.lower()

    def project(self, name: str) -> dict[str, Any] | None:
        """A repository by any name it had (GitHub follows renames)."""
        key = name.lower()
        return self.projects.get(self.renamed.get(key, key))

    @property
    def author(self) -> dict[str, Any]:
        """Who the token posts as."""
        return self.viewer or BOT

    def comment_as(self, user: dict[str, Any], path: str, line: int, body: str) -> dict[str, Any]:
        """Someone else starts a review thread."""
        comment = self._comment({"path": path, "line": line, "side": "RIGHT", "body": body}, user)
        self.comments.append(comment)
        return comment

    def review_as(self, user: dict[str, Any], body: str) -> dict[str, Any]:
        """Someone else posts a review with this body."""
        review = self._review(body, user)
        self.reviews.append(review)
        return review

    def fail(
        self,
        method: str,
        route: str,
        *,
        status: int = 502,
        after: bool = False,
        count: int = 1,
        headers: dict[str, str] | None = None,
        message: str = "Server Error",
    ) -> None:
        """Fail the next ``count`` requests to ``route`` (a path below the repository)."""
        fault = Fault(method, route, status, after, headers or {}, message)
        self.faults.extend([fault] * count)

    def reply(self, comment_id: int, body: str, login: str = "maintainer") -> dict[str, Any]:
        """A person answers a review comment."""
        parent = next(c for c in self.comments if c["id"] == comment_id)
        reply = self._comment(
            {**parent, "body": body, "in_reply_to_id": comment_id},
            user={"login": login, "type": "User"},
        )
        self.comments.append(reply)
        return reply

    def rate_limit(self, kind: str, *, count: int = 1, wait: int = 0) -> None:
        """Rate-limit the next ``count`` requests: ``primary``, ``secondary`` or ``retry-after``."""
        reset = str(int(time.time()) + wait)
        if kind == "primary":
            limit = RateLimit(
                403,
                {"x-ratelimit-remaining": "0", "x-ratelimit-reset": reset},
                "API rate limit exceeded for installation ID 1.",
            )
        elif kind == "secondary":
            limit = RateLimit(
                403,
                {"retry-after": str(wait)},
                "You have exceeded a secondary rate limit.",
            )
        else:
            limit = RateLimit(429, {"retry-after": str(wait)}, "Too many requests.")
        self.rate_limits.extend([limit] * count)

    # -- resources --

    def _api(self, path: str) -> str:
        return f"{self.base_url}/repos/{self.repository}{path}"

    @property
    def base_url(self) -> str:
        """What ``GITHUB_API_URL`` is set to."""
        return self.origin + ("/api/v3" if self.enterprise else "")

    def pull(self) -> dict[str, Any]:
        return {
            "id": 1,
            "node_id": "PR_1",
            "number": self.number,
            "state": "open",
            "title": "Add entries",
            "body": self.description,
            "url": self._api(f"/pulls/{self.number}"),
            "head": {"sha": self.head_sha, "ref": "feature", "label": "fork:feature"},
            "base": {"sha": "b" * 40, "ref": "main", "label": "octo:main"},
        }

    def _comment(
        self, fields: dict[str, Any], user: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        number = next(self._ids)
        comment = {
            key: fields[key]
            for key in (
                "path",
                "line",
                "side",
                "start_line",
                "start_side",
                "body",
                "in_reply_to_id",
                "pull_request_review_id",
            )
            if fields.get(key) is not None
        }
        comment.update(
            id=number,
            node_id=f"PRRC_{number}",
            user=user or self.author,
            commit_id=self.head_sha,
            original_line=fields.get("line"),
            url=self._api(f"/pulls/comments/{number}"),
            html_url=f"https://github.example/{self.repository}/pull/{self.number}#discussion_r{number}",
        )
        return comment

    def comment_problems(self, comment: dict[str, Any]) -> list[str]:
        """GitHub's reasons to refuse one review comment, if any."""
        patch = next(
            (f.get("patch") for f in self.files if f["filename"] == comment.get("path")),
            None,
        )
        if patch is None:
            return [f"Path {comment.get('path')!r} could not be resolved"]
        if comment.get("side", "RIGHT") != "RIGHT" or comment.get("start_side", "RIGHT") != "RIGHT":
            return ["Only RIGHT side comments are expected here"]
        line, start = (
            comment.get("line"),
            comment.get("start_line", comment.get("line")),
        )
        if not isinstance(line, int) or not isinstance(start, int) or start > line:
            return ["Line could not be resolved"]
        if not any(
            {start, line} <= hunk and set(range(start, line + 1)) <= hunk
            for hunk in right_side_hunks(patch)
        ):
            return ["Pull request review thread line must be part of the diff"]
        return []

    # -- requests --

    def handle(
        self, method: str, url: str, headers: dict[str, str], body: Any
    ) -> tuple[int, dict[str, str], Any]:
        """Answer a request: (status, headers, JSON body); status ``DROP`` closes the connection."""
        split = urlsplit(url)
        path, query = split.path, {k: v[0] for k, v in parse_qs(split.query).items()}
        with self._lock:
            self.requests.append((method, path))
            if self.rate_limits:
                limit = self.rate_limits.pop(0)
                return (
                    limit.status,
                    limit.headers,
                    {"message": limit.message, "documentation_url": DOCS},
                )
            if headers.get("authorization") not in (
                f"token {self.token}",
                f"Bearer {self.token}",
            ):
                return (
                    401,
                    {},
                    {
                        "message": "Bad credentials",
                        "documentation_url": DOCS,
                        "status": "401",
                    },
                )
            route = self._route(path)
            fault = next((f for f in self.faults if f.method == method and f.route == route), None)
            if fault is None:
                return self._answer(method, path, route, query, body)
            self.faults.remove(fault)
            if fault.after:
                self._answer(method, path, route, query, body)
            payload = {"message": fault.message, "documentation_url": DOCS}
            return fault.status, fault.headers, payload

    def _route(self, path: str) -> str | None:
        """The path below the repository (``""`` for the repository itself), ``/user``, or None."""
        if path == ("/api/graphql" if self.enterprise else "/graphql"):
            return "/graphql"
        if self.enterprise:
            if not path.startswith("/api/v3/"):
                return None
            path = path.removeprefix("/api/v3")
        if path == "/user":
            return path
        prefix = f"/repos/{self.repository}"
        return path[len(prefix) :] if path.startswith(prefix) else None

    def _answer(  # noqa: C901 -- one branch per emulated endpoint
        self, method: str, path: str, route: str | None, query: dict[str, str], body: Any
    ) -> tuple[int, dict[str, str], Any]:
        if route == "/graphql":
            return self._graphql(body)
        if route is None and method == "GET":
            project = self.rest_project(path.removeprefix("/api/v3"))
            if project is not None:
                return project
        if route == "/user":
            return (200, {}, self.viewer) if self.viewer else self._forbidden()
        pulls = f"/pulls/{self.number}"
        if method == "GET" and route == "":
            return (
                200,
                {},
                {
                    "full_name": self.repository,
                    "name": self.repository.split("/")[1],
                    "url": self._api(""),
                },
            )
        if method == "GET" and route == pulls:
            return 200, {}, self.pull()
        issues = self._issues(method, path, route or "", query, body)
        if issues is not None:
            return issues
        if method == "GET" and route == f"{pulls}/files":
            listed = self._page(path, query, [dict(f) for f in self.files])
            if self.after_files_listed is not None:
                self.after_files_listed()
            return listed
        if method == "GET" and route == f"{pulls}/comments":
            return self._page(path, query, self.comments)
        if method == "GET" and route == f"{pulls}/reviews":
            return self._page(path, query, self.reviews)
        if method == "POST" and route == f"{pulls}/reviews":
            return self._create_review(body)
        if method == "GET" and route and route.startswith("/contents/"):
            return self._contents(unquote(route.removeprefix("/contents/")), query)
        blob = re.fullmatch(r"/git/blobs/([0-9a-f]{40})", route or "")
        if method == "GET" and blob:
            return self._blob(blob.group(1))
        one_comment = re.fullmatch(r"/pulls/comments/(\d+)", route or "")
        if method == "GET" and one_comment:
            found = [c for c in self.comments if c["id"] == int(one_comment.group(1))]
            return (200, {}, found[0]) if found else _not_found()
        if method == "DELETE" and one_comment:
            return self._delete(int(one_comment.group(1)))
        return _not_found()

    def _contents(self, path: str, query: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        entry = self.tree.get(path)
        if query.get("ref") != self.head_sha or entry is None:
            return _not_found()
        if entry["type"] == "symlink":  # a link to a file is answered with that file
            target = posixpath.normpath(posixpath.join(posixpath.dirname(path), entry["target"]))
            if self.tree.get(target, {}).get("type") == "file":
                path, entry = target, self.tree[target]
        answer = {
            "type": entry["type"],
            "name": path.rsplit("/", 1)[-1],
            "path": path,
            "sha": entry["sha"],
            "url": self._api(f"/contents/{path}"),
        }
        if entry["type"] == "symlink":
            return 200, {}, {**answer, "target": entry["target"], "size": len(entry["target"])}
        data: bytes = entry["data"]
        inline = len(data) <= CONTENTS_INLINE
        content = base64.encodebytes(data).decode() if inline else ""
        encoding = "base64" if inline else "none"
        return 200, {}, {**answer, "size": len(data), "encoding": encoding, "content": content}

    def _blob(self, sha: str) -> tuple[int, dict[str, str], Any]:
        found = [e for e in self.tree.values() if e["sha"] == sha and e["type"] == "file"]
        if not found:
            return _not_found()
        data: bytes = found[0]["data"]
        content = base64.encodebytes(data).decode()
        return 200, {}, {"sha": sha, "size": len(data), "encoding": "base64", "content": content}

    def _page(
        self, path: str, query: dict[str, str], items: list[dict[str, Any]]
    ) -> tuple[int, dict[str, str], Any]:
        per_page = min(int(query.get("per_page", "30")), 100)
        page = max(int(query.get("page", "1")), 1)
        last = max(1, -(-len(items) // per_page))
        links = []
        for rel, number in (
            ("prev", page - 1),
            ("next", page + 1),
            ("last", last),
            ("first", 1),
        ):
            if 1 <= number <= last and (
                (rel in ("last", "first") and page != number) or rel in ("prev", "next")
            ):
                link = f"{self.base_url}{path}?{urlencode({'per_page': per_page, 'page': number})}"
                links.append(f'<{link}>; rel="{rel}"')
        headers = {"link": ", ".join(links)} if links else {}
        return 200, headers, items[(page - 1) * per_page : page * per_page]

    def _forbidden(self) -> tuple[int, dict[str, str], Any]:
        return (
            403,
            {},
            {
                "message": "Resource not accessible by integration",
                "documentation_url": DOCS,
                "status": "403",
            },
        )

    def _create_review(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        if self.deny_writes:
            return self._forbidden()
        errors = []
        if body.get("commit_id") != self.head_sha:
            errors.append("commit_id is not part of the pull request")
        if body.get("event") not in (None, "COMMENT", "APPROVE", "REQUEST_CHANGES"):
            errors.append(f"Unexpected event {body.get('event')!r}")
        if body.get("event") == "COMMENT" and not body.get("body") and not body.get("comments"):
            errors.append("Body is required for COMMENT reviews without comments")
        if len(body.get("body") or "") > MAX_BODY:
            errors.append(f"Body is too long (maximum is {MAX_BODY} characters)")
        for comment in body.get("comments", []):
            errors += self.comment_problems(comment)
            if len(comment.get("body") or "") > MAX_BODY:
                errors.append(f"Comment body is too long (maximum is {MAX_BODY} characters)")
        if errors:
            self.rejected.append(body)
            return (
                422,
                {},
                {
                    "message": "Unprocessable Entity",
                    "errors": errors,
                    "documentation_url": f"{DOCS}/pulls/reviews#create-a-review-for-a-pull-request",
                    "status": "422",
                },
            )
        review = self._review(body.get("body", ""), self.author, body.get("event"))
        self.reviews.append(review)
        for comment in body.get("comments", []):
            self.comments.append(self._comment({**comment, "pull_request_review_id": review["id"]}))
        return 200, {}, review

    def _review(
        self, body: str, user: dict[str, Any], event: str | None = "COMMENT"
    ) -> dict[str, Any]:
        number = next(self._ids)
        return {
            "id": number,
            "node_id": f"PRR_{number}",
            "user": user,
            "body": body,
            "state": "COMMENTED" if event == "COMMENT" else "PENDING",
            "commit_id": self.head_sha,
            "submitted_at": "2026-01-01T00:00:00Z",
            "pull_request_url": self._api(f"/pulls/{self.number}"),
            "html_url": f"https://github.example/{self.repository}/pull/{self.number}#pullrequestreview-{number}",
        }

    def _delete(self, number: int) -> tuple[int, dict[str, str], Any]:
        if self.deny_writes:
            return self._forbidden()
        if not any(c["id"] == number for c in self.comments):
            return _not_found()
        self.comments = [c for c in self.comments if c["id"] != number]
        self.deleted.append(number)
        return 204, {}, None

    def _graphql(self, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        query, variables = body.get("query", ""), body.get("variables", {})
        known = {c["node_id"] for c in self.comments}
        if "minimizeComment" in query:
            if self.deny_writes:
                return (
                    200,
                    {},
                    {
                        "data": {"minimizeComment": None},
                        "errors": [
                            {
                                "type": "FORBIDDEN",
                                "message": "Resource not accessible by integration",
                            }
                        ],
                    },
                )
            subject = variables["input"]["subjectId"]
            if subject not in known or variables["input"].get("classifier") not in (
                "OUTDATED",
                "RESOLVED",
                "DUPLICATE",
                "OFF_TOPIC",
            ):
                return (
                    200,
                    {},
                    {
                        "data": None,
                        "errors": [{"message": f"Could not resolve {subject}"}],
                    },
                )
            self.minimized.add(subject)
            self.mutations.append("minimizeComment")
            return (
                200,
                {},
                {"data": {"minimizeComment": {"minimizedComment": {"isMinimized": True}}}},
            )
        lookups = re.findall(r"(\w+): repository\(owner: \$(\w+), name: \$(\w+)\)", query)
        if lookups:
            return 200, {}, self._repositories(lookups, variables)
        if re.search(r"\bnodes\(ids:", query):
            nodes = [
                {"id": i, "isMinimized": i in self.minimized} if i in known else None
                for i in variables["ids"]
            ]
            return 200, {}, {"data": {"nodes": nodes}}
        return 200, {}, {"errors": [{"message": "unsupported query"}]}

    def _repositories(
        self, lookups: list[tuple[str, str, str]], variables: dict[str, str]
    ) -> dict[str, Any]:
        """A batched ``repository(owner:, name:)`` query, aliases and all, as GraphQL answers."""
        data: dict[str, Any] = {}
        errors = []
        for alias, owner, name in lookups:
            wanted = f"{variables[owner]}/{variables[name]}"
            found = self.project(wanted)
            data[alias] = found
            if found is None:
                errors.append(
                    {
                        "type": "NOT_FOUND",
                        "path": [alias],
                        "message": f"Could not resolve to a Repository with the name '{wanted}'.",
                    }
                )
        return {"data": data, **({"errors": errors} if errors else {})}

    def rest_project(self, path: str) -> tuple[int, dict[str, str], Any] | None:
        """REST ``/repos/{owner}/{name}`` and ``/commits/{branch}``, for the GraphQL comparison.

        A renamed repository answers 301 with its new location, as GitHub does.
        """
        match = re.fullmatch(r"/repos/([^/]+/[^/]+)(/commits/main)?", path)
        if match is None or match.group(1).lower() == self.repository.lower():
            return None
        key = match.group(1).lower()
        if key in self.renamed:
            suffix = match.group(2) or ""
            new = self.projects[self.renamed[key]]["nameWithOwner"]
            return 301, {"location": f"{self.base_url}/repos/{new}{suffix}"}, {"message": "Moved"}
        found = self.projects.get(key)
        if found is None:
            return _not_found()
        if match.group(2):
            date = (found["defaultBranchRef"] or {}).get("target", {}).get("committedDate")
            return 200, {}, {"sha": "c" * 40, "commit": {"committer": {"date": date}}}
        return (
            200,
            {},
            {
                "full_name": found["nameWithOwner"],
                "name": found["nameWithOwner"].split("/")[1],
                "archived": found["isArchived"],
                "created_at": found["createdAt"],
                "stargazers_count": found["stargazerCount"],
                "default_branch": "main",
                "url": f"{self.base_url}/repos/{found['nameWithOwner']}",
            },
        )


def _not_found() -> tuple[int, dict[str, str], Any]:
    return 404, {}, {"message": "Not Found", "documentation_url": DOCS, "status": "404"}


class _Handler(BaseHTTPRequestHandler):
    emulator: Emulator

    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else {}
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, extra, payload = self.emulator.handle(self.command, self.path, headers, body)
        if status == DROP:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json; charset=utf-8")
        self.send_header("content-length", str(len(data)))
        if "x-ratelimit-remaining" not in extra:
            self.send_header("x-ratelimit-limit", "5000")
            self.send_header("x-ratelimit-remaining", "4999")
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = do_PATCH = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@contextmanager
def serve(emulator: Emulator) -> Iterator[Emulator]:
    """Run the emulator on 127.0.0.1 (a free port) for the duration of the block."""
    handler = type("Handler", (_Handler,), {"emulator": emulator})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    emulator.origin = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    try:
        yield emulator
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- a pull request under review: the checkout, the event, and the emulator serving it --

BASE = """# Awesome Things

A list.

## Tools

- [alpha](https://alpha.example) - First tool.
- [beta](https://beta.example) - Second tool.

## Books

- [gamma](https://gamma.example) - A book.
"""
# The pull request adds three entries: two with trailing whitespace, one clean.
HEAD = BASE.replace(
    "- [beta](https://beta.example) - Second tool.\n",
    "- [beta](https://beta.example) - Second tool.\n"
    "- [delta](https://delta.example) - Thanks @octocat.   \n"
    "- [epsilon](https://epsilon.example) - Clean.\n"
    "- [zeta](https://zeta.example) - Spaces.\t \n",
)
DELTA, ZETA = 9, 11
CRITICAL = "<!-- listlint-disable LL999 -->\n"  # LL591, an error: a suppression naming no rule


def github_patch(old: str, new: str) -> str:
    """The ``patch`` GitHub serves for a file: unified hunks without the ``---``/``+++`` header."""
    lines = difflib.unified_diff(old.splitlines(True), new.splitlines(True), n=3)
    return "".join(list(lines)[2:]).rstrip("\n")


@dataclass
class PullRequest:
    """A checkout of the head commit, the event file, and the emulated GitHub serving the PR."""

    github: Emulator
    checkout: Path
    event: Path
    summary: Path
    output: Path

    def change(self, path: str, old: str, new: str) -> None:
        """Make the PR change ``path`` from ``old`` to ``new`` (in the checkout and on GitHub)."""
        target = self.checkout / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(new, encoding="utf-8")
        self.github.files = [f for f in self.github.files if f["filename"] != path]
        self.github.add_file(path, github_patch(old, new), "added" if not old else "modified")
        self.github.put(path, new)

    def push(self, path: str, old: str, new: str, sha: str) -> None:
        """A new commit: the file changes and the head moves."""
        self.change(path, old, new)
        self.github.head_sha = sha
        self.event.write_text(json.dumps({"pull_request": {"number": 7, "head": {"sha": sha}}}))

    def review(self, *options: str) -> int:
        """Run ``listlint review`` the way the Action does (tiny page size and waits)."""
        parser = argparse.ArgumentParser()
        review.add_arguments(parser)
        tiny = ["--per-page", "2", "--throttle", "0", "--max-wait", "3", "--backoff", "0.001"]
        return review.run(parser.parse_args([*tiny, *options]))

    def outputs(self) -> dict[str, str]:
        lines = self.output.read_text().splitlines()
        return dict(line.split("=", 1) for line in lines[-4:])

    def posts(self) -> list[tuple[str, str]]:
        return [(method, path) for method, path in self.github.requests if method != "GET"]


@contextmanager
def pull_request(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, enterprise: bool = False
) -> Iterator[PullRequest]:
    """An emulated pull request changing README.md from BASE to HEAD, with the checkout as cwd."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7, "head": {"sha": "a" * 40}}}))
    with serve(Emulator(enterprise=enterprise)) as github:
        monkeypatch.chdir(checkout)
        for name, value in {
            "GITHUB_API_URL": github.base_url,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_TOKEN": github.token,
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
            "GITHUB_OUTPUT": str(tmp_path / "output.txt"),
        }.items():
            monkeypatch.setenv(name, value)
        pull = PullRequest(
            github, checkout, event, tmp_path / "summary.md", tmp_path / "output.txt"
        )
        pull.change("README.md", BASE, HEAD)
        yield pull

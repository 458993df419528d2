"""``listlint report-issue``: keep one tracking issue up to date with a whole-list run's report.

The scheduled workflow (``docs/workflows/listlint-health.yml``) runs ``listlint --online
--output-format json`` on the list and hands the report to this command, which finds its issue
(open or closed, opened by the token's account, carrying the marker), edits it in place, opens
one the first time there is something to report, reopens it when problems come back, and closes
it when nothing is left. Reads are retried after rate limits and 5xx answers; the creation is
never repeated blindly (listlint looks for the issue again first).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, TypeVar

import requests
from github import Auth, Github, GithubException

from listlint.findings import Finding

from .api import ACTIONS_BOT, ATTEMPTS, rate_limited, requested_wait
from .context import DEFAULT_API_URL, ReviewError, _finding, _load_json
from .render import MAX_BODY
from .tracking import MARKER, issue_body

T = TypeVar("T")
TITLE = "Link and list health (listlint)"
LABEL = "listlint"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``listlint report-issue``."""
    parser.add_argument("report", metavar="REPORT", help="a `listlint --output-format json` report")
    parser.add_argument("--title", default=TITLE, help="the issue's title (default: %(default)s)")
    parser.add_argument(
        "--label", default=LABEL, help="the label that marks the issue (default: %(default)s)"
    )
    parser.add_argument(
        "--bot-login",
        metavar="LOGIN",
        help="the account the token acts as, for a GitHub App's token (NAME[bot])",
    )
    parser.add_argument("--token", help="GitHub token (default: $GITHUB_TOKEN)")
    parser.add_argument(
        "--max-wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="longest wait for a rate limit (default: %(default)s)",
    )
    parser.add_argument(  # the first wait before a retry; tests make it tiny
        "--backoff", type=float, default=1.0, metavar="SECONDS", help=argparse.SUPPRESS
    )


def run(args: argparse.Namespace) -> int:
    """Update the tracking issue; 0 done, 2 error (reported on one line)."""
    try:
        print(f"listlint report-issue: {_report(args, os.environ)}")
    except ReviewError as error:
        print(f"listlint report-issue: error: {error}", file=sys.stderr)
        return 2
    return 0


def read_report(path: str) -> list[Finding]:
    """The findings of a json report, checked against ``report.schema.json``."""
    import json
    from importlib import resources

    import jsonschema

    data = _load_json(path, "report")
    text = resources.files("listlint").joinpath("schemas/report.schema.json").read_text("utf-8")
    validator = jsonschema.Draft202012Validator(json.loads(text))
    problem = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if problem is not None:
        raise ReviewError(f"report {path} is not a listlint json report: {problem.message}")
    return [_finding(item) for item in data]


def _locator(environ: Mapping[str, str]) -> Callable[[Finding], str | None]:
    """Links to each finding's line in the run's commit, when the Actions variables say which."""
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    sha = environ.get("GITHUB_SHA")
    if not (server and repository and sha):
        return lambda finding: None
    base = f"{server.rstrip('/')}/{repository}/blob/{sha}"
    return lambda finding: f"{base}/{finding.path}#L{finding.line}"


def _run_url(environ: Mapping[str, str]) -> str | None:
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    number = environ.get("GITHUB_RUN_ID")
    return f"{server.rstrip('/')}/{repository}/actions/runs/{number}" if server and number else None


def _report(args: argparse.Namespace, environ: Mapping[str, str]) -> str:
    findings = read_report(args.report)
    repository = environ.get("GITHUB_REPOSITORY")
    token = args.token or environ.get("GITHUB_TOKEN")
    if not repository:
        raise ReviewError("GITHUB_REPOSITORY is not set: run this in GitHub Actions, or set it")
    if not token:
        raise ReviewError("no token: set GITHUB_TOKEN or pass --token")
    api_url = (environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
    client = IssueClient(repository, api_url, token, args)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    body = issue_body(findings, when=when, run_url=_run_url(environ), locate=_locator(environ))
    assert len(body) <= MAX_BODY
    issue = client.find(args.label)
    if not findings:
        if issue is None or issue.state == "closed":
            return "nothing to report, and no open tracking issue."
        client.edit(issue, body=body, state="closed", state_reason="completed")
        return f"nothing left to report: closed #{issue.number}."
    if issue is None:
        number = client.create(args.title, body, args.label)
        return f"opened #{number}."
    reopened = issue.state == "closed"
    client.edit(issue, body=body, state="open")
    return f"{'reopened' if reopened else 'updated'} #{issue.number}."


class IssueClient:
    """The calls of one ``report-issue`` run, through PyGithub."""

    def __init__(self, repository: str, api_url: str, token: str, args: argparse.Namespace):
        self._github = Github(auth=Auth.Token(token), base_url=api_url, retry=0, lazy=True)
        self._repo = self._github.get_repo(repository)
        self._login: str | None = args.bot_login
        self._max_wait = args.max_wait
        self._backoff = args.backoff

    def _call(self, what: str, action: Callable[[], T]) -> T:
        """Run ``action``; retry rate limits, 5xx answers and dropped connections."""
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return action()
            except GithubException as error:
                headers = error.headers or {}
                message = str(error.message or "")
                if rate_limited(error.status, headers, message):
                    asked = requested_wait(headers, time.time())
                elif error.status >= 500:
                    asked = None
                else:
                    detail = f" ({message})" if message else ""
                    raise ReviewError(f"{what}: GitHub answered {error.status}{detail}") from None
            except requests.RequestException as error:
                asked = None
                if attempt == ATTEMPTS:
                    raise ReviewError(f"{what}: {type(error).__name__}") from None
            wait = asked if asked is not None else self._backoff * 2 ** (attempt - 1)
            if wait > self._max_wait or attempt == ATTEMPTS:
                break
            time.sleep(wait)
        raise ReviewError(f"{what}: rate limited or failing; gave up")

    def login(self) -> str:
        """Whose issue counts: ``--bot-login``, the token's user, or the Actions bot."""
        if self._login is None:

            def viewer() -> str:
                try:
                    return str(self._github.get_user().login)
                except GithubException as error:
                    if error.status == 403 and not rate_limited(403, error.headers or {}, ""):
                        return ACTIONS_BOT
                    raise

            self._login = self._call("reading the token's user", viewer)
        return self._login

    def find(self, label: str) -> Any:
        """listlint's tracking issue: the newest one with the label, the marker and our author."""
        me = self.login().lower()

        def search() -> Any:
            for issue in self._repo.get_issues(state="all", labels=[label]):
                mine = (issue.user.login or "").lower() == me
                if mine and issue.pull_request is None and MARKER in (issue.body or ""):
                    return issue
            return None

        return self._call("looking for the tracking issue", search)

    def create(self, title: str, body: str, label: str) -> int:
        """Open the issue; after a failure, look for it before trying again."""
        tried = False

        def open_issue() -> int:
            nonlocal tried
            if tried:
                found = self.find(label)
                if found is not None:
                    return int(found.number)
            tried = True
            return int(self._repo.create_issue(title=title, body=body, labels=[label]).number)

        return self._call("opening the tracking issue", open_issue)

    def edit(self, issue: Any, **changes: Any) -> None:
        """Edit the issue in place (editing twice is harmless, so a failure is retried)."""
        self._call(f"editing #{issue.number}", lambda: issue.edit(**changes))

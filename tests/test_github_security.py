"""``listlint review`` against hostile input and an unreliable GitHub, through the emulator.

Each test is the regression test of one way a pull request, an edited findings file, another
commenter or GitHub itself could make the review leak, lie, post twice, or pass when it failed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import github_emulator
import pytest
from github_emulator import (
    BASE,
    DELTA,
    DROP,
    HEAD,
    MAX_BODY,
    ZETA,
    PullRequest,
    pull_request,
)

from listlint.fingerprint import fingerprint
from listlint.github import review
from listlint.github.api import rate_limited, requested_wait
from listlint.github.seen import seen_marker

SECRET = "SECRET-TOKEN-VALUE in the first line   \n"
SOMEONE = {"login": "someone", "id": 99, "type": "User"}


@pytest.fixture
def pr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PullRequest]:
    with pull_request(tmp_path, monkeypatch) as pull:
        yield pull


def everything_posted(pr: PullRequest) -> str:
    return "\n".join(
        [r["body"] for r in pr.github.reviews] + [c["body"] for c in pr.github.comments]
    )


# -- symbolic links and other files outside the workspace --


def test_a_symlink_in_the_pull_request_is_not_followed(
    pr: PullRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "secret.md").write_text(SECRET)
    (pr.checkout / "notes.md").symlink_to("../secret.md")
    pr.github.add_file("notes.md", "@@ -0,0 +1 @@\n+../secret.md\n\\ No newline at end of file")
    assert pr.review("--fail-on", "never", "--filter-mode", "file") == 0
    assert "SECRET" not in everything_posted(pr) + pr.summary.read_text()
    assert "::warning::notes.md is a symbolic link: listlint did not read it." in (
        capsys.readouterr().out.splitlines()
    )
    assert "notes.md is a symbolic link" in pr.summary.read_text()
    assert len(pr.github.comments) == 2, "README.md is still reviewed"


def test_links_below_a_folder_are_not_followed_in_nofilter_mode(
    pr: PullRequest, tmp_path: Path
) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(SECRET)
    docs = pr.checkout / "docs"
    docs.mkdir()
    (docs / "leak.md").symlink_to(tmp_path / "secret.md")
    (docs / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    (tmp_path / "secret.md").write_text(SECRET)
    (docs / "old.md").write_text("# Old   \n\nText.\n")
    assert pr.review("--filter-mode", "nofilter", "--fail-on", "never", "docs") == 0
    posted = everything_posted(pr)
    assert "SECRET" not in posted + pr.summary.read_text()
    assert "docs/old.md:1:" in posted and "docs/leak.md is a symbolic link" in posted


def test_a_path_argument_leading_out_of_the_workspace_is_refused(
    pr: PullRequest, tmp_path: Path
) -> None:
    (tmp_path / "secret.md").write_text(SECRET)
    (pr.checkout / "up").symlink_to(tmp_path, target_is_directory=True)
    pr.review("--filter-mode", "nofilter", "--fail-on", "never", "up", "../secret.md")
    assert "SECRET" not in everything_posted(pr) + pr.summary.read_text()
    assert "../secret.md lies outside the workspace" in pr.summary.read_text()


# -- whose comments count --


def delta_fingerprint() -> str:
    line = HEAD.splitlines()[DELTA - 1]
    return fingerprint("LL504", "README.md", line)


def test_a_forged_marker_in_someone_elses_comment_neither_hides_nor_becomes_listlints(
    pr: PullRequest,
) -> None:
    forged = pr.github.comment_as(
        SOMEONE, "README.md", DELTA, f"<!-- listlint:fp={delta_fingerprint()} -->\nlooks fine"
    )
    stale = pr.github.comment_as(SOMEONE, "README.md", DELTA, "<!-- listlint:fp=0123abcd -->")
    pr.review("--stale-comments", "delete")
    assert sorted(c["line"] for c in pr.github.comments if c["user"] != SOMEONE) == [DELTA, ZETA]
    assert pr.github.deleted == [] and {forged["id"], stale["id"]} <= {
        c["id"] for c in pr.github.comments
    }
    pr.review("--stale-comments", "minimize")
    assert not pr.github.minimized


def test_a_forged_seen_marker_in_someone_elses_review_hides_nothing(pr: PullRequest) -> None:
    old = BASE.replace("A list.", "A list.   ")
    pr.push("README.md", old, HEAD.replace("A list.", "A list.   "), "c" * 40)
    line = HEAD.replace("A list.", "A list.   ").splitlines()[2]
    pr.github.review_as(SOMEONE, seen_marker([fingerprint("LL504", "README.md", line)]))
    pr.review("--filter-mode", "file")
    assert "README.md:3:8" in pr.github.reviews[-1]["body"]


def test_a_user_token_knows_its_comments_by_its_login(pr: PullRequest) -> None:
    pr.github.viewer = {"login": "Maintainer", "id": 5, "type": "User"}
    pr.github.comment_as(
        github_emulator.BOT, "README.md", DELTA, f"<!-- listlint:fp={delta_fingerprint()} -->"
    )
    pr.review()
    mine = [c for c in pr.github.comments if c["user"]["login"] == "Maintainer"]
    assert sorted(c["line"] for c in mine) == [DELTA, ZETA]
    pr.review()
    assert len(pr.github.reviews) == 1
    assert ("GET", "/user") in pr.github.requests


def test_bot_login_names_the_account_without_asking(pr: PullRequest) -> None:
    pr.review("--bot-login", "github-actions[bot]")
    pr.review("--bot-login", "github-actions[bot]")
    assert len(pr.github.reviews) == 1 and ("GET", "/user") not in pr.github.requests


# -- GitHub's size limits --


def long_suppression(width: int) -> str:
    names = " ".join(f"XX{n}" for n in range(width // 6))
    return f"<!-- listlint-disable {names} -->\n"


def test_many_long_findings_fit_in_one_review(pr: PullRequest) -> None:
    head = HEAD + "".join(long_suppression(1500) + "\n" for _ in range(160))
    pr.push("README.md", BASE, head, "c" * 40)
    assert pr.review("--fail-on", "never") == 0
    (posted,) = pr.github.reviews
    assert not pr.github.rejected
    assert len(posted["body"]) <= MAX_BODY and "more in this run's job summary" in posted["body"]
    assert len(pr.github.comments) == 50
    assert pr.summary.read_text().count("| README.md:") == 162
    pr.review("--fail-on", "never")
    assert len(pr.github.reviews) == 1


def test_one_very_long_suppression_line_is_clipped(pr: PullRequest) -> None:
    pr.push("README.md", BASE, HEAD + long_suppression(70_000), "c" * 40)
    assert pr.review("--fail-on", "never") == 0
    assert not pr.github.rejected and len(pr.github.comments) == 3
    assert all(len(c["body"]) < 5_000 for c in pr.github.comments)


def test_a_70000_character_line_gets_a_comment_without_a_suggestion(pr: PullRequest) -> None:
    long_line = "- [long](https://long.example) - " + "x" * 70_000 + ".  \n"
    pr.push("README.md", BASE, HEAD + long_line, "c" * 40)
    pr.review()
    assert not pr.github.rejected
    (comment,) = [c for c in pr.github.comments if c["line"] == HEAD.count("\n") + 1]
    assert "```suggestion" not in comment["body"] and "too long" in comment["body"]
    assert len(comment["body"]) < 5_000


def test_the_summary_is_written_even_when_github_refuses_the_review(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.github.fail("POST", "/pulls/7/reviews", status=422, count=2, message="Validation Failed")
    assert pr.review() == 2
    summary = pr.summary.read_text()
    assert "could not post its review" in summary and summary.count("| README.md:") == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert "422" in error


# -- re-runs at any size --


def test_a_re_run_with_3000_findings_posts_nothing_and_a_new_one_only_itself(
    pr: PullRequest,
) -> None:
    entries = "".join(f"- [x{n:04}](https://x{n:04}.example) - Item.   \n" for n in range(3000))
    head = BASE.replace("## Books\n", "## Books\n\n" + entries)
    pr.push("README.md", BASE, head, "c" * 40)
    options = ("--max-comments", "0", "--fail-on", "never", "--per-page", "100")
    pr.review(*options)
    (first,) = pr.github.reviews
    assert "3000 findings without an inline comment" in first["body"]
    assert len(first["body"]) <= MAX_BODY
    pr.review(*options)
    assert len(pr.github.reviews) == 1
    more = head + "- [y](https://y.example) - One more.   \n"
    pr.push("README.md", BASE, more, "d" * 40)
    pr.review(*options)
    assert len(pr.github.reviews) == 2
    assert "1 finding without an inline comment" in pr.github.reviews[1]["body"]


# -- a lost answer must not make a second review --


@pytest.mark.parametrize("status", [502, DROP], ids=["502", "connection-dropped"])
def test_a_failure_after_github_created_the_review_does_not_post_twice(
    pr: PullRequest, status: int
) -> None:
    pr.github.fail("POST", "/pulls/7/reviews", status=status, after=True)
    assert pr.review() == 0
    assert len(pr.github.reviews) == 1 and len(pr.github.comments) == 2
    posts = [i for i, request in enumerate(pr.github.requests) if request[0] == "POST"]
    assert len(posts) == 1
    assert pr.github.requests[posts[0] + 1] == ("GET", "/repos/octo/awesome/pulls/7/reviews")


def test_a_failure_before_github_created_the_review_is_retried(pr: PullRequest) -> None:
    pr.github.fail("POST", "/pulls/7/reviews", status=503)
    pr.github.fail("POST", "/pulls/7/reviews", status=DROP)
    assert pr.review() == 0
    assert len(pr.github.reviews) == 1 and len(pr.github.comments) == 2


# -- rate limits are not a read-only token --

SECONDARY = (
    "You have exceeded a secondary rate limit and have been temporarily blocked from content "
    "creation. Please retry your request again later."
)


def test_a_secondary_rate_limit_on_the_post_is_waited_out(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.github.fail("POST", "/pulls/7/reviews", status=403, count=3, message=SECONDARY)
    assert pr.review() == 0
    assert len(pr.github.reviews) == 1
    assert "cannot post" not in capsys.readouterr().out


def run_command_line(pr: PullRequest, *options: str) -> subprocess.CompletedProcess[str]:
    source = Path(review.__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": str(source)}
    return subprocess.run(
        [sys.executable, "-m", "listlint", "review", "--throttle", "0", *options],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({}, SECONDARY),
        ({}, "Secondary rate limit hit: slow down"),
        ({"x-ratelimit-remaining": "0"}, "API rate limit exceeded for installation ID 1."),
    ],
    ids=["secondary", "secondary-other-words", "primary-without-reset"],
)
def test_a_rate_limit_that_never_ends_fails_the_step_on_one_line(
    pr: PullRequest, headers: dict[str, str], message: str
) -> None:
    pr.github.fail(
        "POST", "/pulls/7/reviews", status=403, count=10, headers=headers, message=message
    )
    done = run_command_line(pr, "--backoff", "0.0001", "--max-wait", "3")
    assert done.returncode == 2
    assert done.stderr == (
        "listlint review: error: posting the review: rate limited; gave up after 6 attempts\n"
    )
    assert "cannot post" not in done.stdout and not pr.github.reviews
    assert sum(method == "POST" for method, _ in pr.github.requests) == 6


def test_rate_limits_are_told_apart_from_refusals() -> None:
    assert not rate_limited(403, {}, "Resource not accessible by integration")
    assert not rate_limited(404, {"retry-after": "1"}, "Not Found")
    assert rate_limited(403, {"Retry-After": "5"}, "Forbidden")
    assert rate_limited(403, {"X-RateLimit-Remaining": "0"}, "")
    assert rate_limited(403, {}, SECONDARY)
    assert rate_limited(429, {}, "")
    assert requested_wait({"retry-after": "7"}, now=0) == 7
    assert requested_wait({"x-ratelimit-remaining": "0", "x-ratelimit-reset": "100"}, 90) == 11
    assert requested_wait({}, now=0) is None


def test_a_permission_403_is_still_a_read_only_token(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.github.fail(
        "POST", "/pulls/7/reviews", status=403, message="Resource not accessible by integration"
    )
    assert pr.review() == 0
    assert "::warning::listlint cannot post a review" in capsys.readouterr().out
    assert sum(method == "POST" for method, _ in pr.github.requests) == 1


def test_a_server_that_keeps_failing_is_one_line_error(pr: PullRequest) -> None:
    pr.github.fail("GET", "/pulls/7/files", status=500, count=10)
    done = run_command_line(pr, "--backoff", "0.0001")
    assert done.returncode == 2
    assert done.stderr == (
        "listlint review: error: listing the pull request's files: GitHub answered 500; "
        "gave up after 6 attempts\n"
    )


# -- the findings file of the fork recipe is untrusted --


def export_then_edit(pr: PullRequest, tmp_path: Path, edit: Any) -> Path:
    artifact = tmp_path / "findings.json"
    assert pr.review("--export", str(artifact)) == 0
    data = json.loads(artifact.read_text())
    edit(data)
    artifact.write_text(json.dumps(data))
    pr.event.write_text(json.dumps({"workflow_run": {"head_sha": "a" * 40}}))
    return artifact


EVIL = "- [delta](https://evil.example) - Thanks @octocat.   "


def test_an_edited_source_cannot_turn_a_suggestion_into_a_malicious_link(
    pr: PullRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def plant(data: dict[str, Any]) -> None:
        lines = data["sources"]["README.md"].split("\n")
        lines[DELTA - 1] = EVIL
        data["sources"]["README.md"] = "\n".join(lines)

    artifact = export_then_edit(pr, tmp_path, plant)
    capsys.readouterr()
    assert pr.review("--from-json", str(artifact)) == 0
    assert "evil" not in everything_posted(pr)
    assert [c["line"] for c in pr.github.comments] == [ZETA]
    (posted,) = pr.github.reviews
    assert "Left out 1 finding of the findings file" in posted["body"]
    assert "::warning::Left out 1 finding" in capsys.readouterr().out


def test_findings_on_links_and_paths_outside_the_repository_are_dropped(
    pr: PullRequest, tmp_path: Path
) -> None:
    pr.github.put_link("notes.md", "../secret.md")
    pr.github.put_link("docs/alias.md", "../README.md")

    def add(data: dict[str, Any]) -> None:
        template = data["findings"][0]
        for path in ("notes.md", "docs/alias.md", "../secret.md", "/etc/x.md", "missing.md"):
            data["findings"].append({**template, "path": path})
            data["sources"][path] = data["sources"]["README.md"]

    artifact = export_then_edit(pr, tmp_path, add)
    pr.review("--from-json", str(artifact), "--filter-mode", "nofilter")
    (posted,) = pr.github.reviews
    assert "Left out 5 findings of the findings file" in posted["body"]
    assert sorted(c["line"] for c in pr.github.comments) == [DELTA, ZETA]
    assert not [p for _, p in pr.github.requests if "secret" in p or "/etc" in p]


def test_a_file_too_large_to_inline_is_read_through_its_blob(
    pr: PullRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    artifact = export_then_edit(pr, tmp_path, lambda data: None)
    monkeypatch.setattr(github_emulator, "CONTENTS_INLINE", 10)
    pr.review("--from-json", str(artifact))
    assert sorted(c["line"] for c in pr.github.comments) == [DELTA, ZETA]
    assert any("/git/blobs/" in path for _, path in pr.github.requests)


# -- pull request code checked out where a write token is --


def checkout_at(pr: PullRequest, sha: str) -> None:
    (pr.checkout / ".git").mkdir()
    (pr.checkout / ".git" / "HEAD").write_text(sha + "\n")


def test_pull_request_target_on_the_pull_requests_code_is_refused(
    pr: PullRequest, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_EVENT_NAME", "pull_request_target")
    monkeypatch.setenv("GITHUB_SHA", "b" * 40)
    checkout_at(pr, pr.github.head_sha)
    assert pr.review() == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert "checkout of the pull request's head commit" in error
    assert "allow-untrusted-checkout" in error
    assert not pr.github.requests
    assert pr.review("--allow-untrusted-checkout") == 0
    assert len(pr.github.reviews) == 1


def test_workflow_run_on_its_own_commit_or_no_checkout_is_allowed(
    pr: PullRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    artifact = export_then_edit(pr, tmp_path, lambda data: None)
    monkeypatch.setenv("GITHUB_EVENT_NAME", "workflow_run")
    monkeypatch.setenv("GITHUB_SHA", "b" * 40)
    checkout_at(pr, "c" * 40)
    assert pr.review("--from-json", str(artifact)) == 2
    (pr.checkout / ".git" / "HEAD").write_text("b" * 40)
    assert pr.review("--from-json", str(artifact)) == 0
    assert len(pr.github.reviews) == 1

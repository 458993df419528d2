"""``listlint review`` end to end: the real linter and PyGithub against the GitHub emulator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from github_emulator import (
    BASE,
    CRITICAL,
    DELTA,
    HEAD,
    ZETA,
    Emulator,
    PullRequest,
    pull_request,
)

from listlint.github import review


@pytest.fixture
def pr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[PullRequest]:
    with pull_request(tmp_path, monkeypatch, enterprise=getattr(request, "param", False)) as pull:
        yield pull


def comment_lines(github: Emulator) -> list[tuple[str, int]]:
    return sorted((c["path"], c["line"]) for c in github.comments)


def test_first_run_posts_one_review_with_comments_on_the_offending_added_lines(
    pr: PullRequest,
) -> None:
    assert pr.review("--fail-on", "warning") == 1
    (posted,) = pr.github.reviews
    assert comment_lines(pr.github) == [("README.md", DELTA), ("README.md", ZETA)]
    delta = next(c for c in pr.github.comments if c["line"] == DELTA)
    assert (
        "```suggestion\n- [delta](https://delta.example) - Thanks @octocat.\n```" in delta["body"]
    )
    assert "@octocat" not in delta["body"].split("```suggestion")[0]
    assert posted["commit_id"] == pr.github.head_sha and posted["state"] == "COMMENTED"
    assert pr.outputs() == {"findings": "2", "errors": "0", "warnings": "2", "comments": "2"}
    assert "Review posted with 2 inline comments" in pr.summary.read_text()


def test_a_re_run_posts_nothing(pr: PullRequest) -> None:
    pr.review()
    before = len(pr.github.requests)
    assert pr.review("--fail-on", "warning") == 1
    assert len(pr.github.reviews) == 1 and len(pr.github.comments) == 2
    assert [m for m, _ in pr.github.requests[before:]] == ["GET"] * (
        len(pr.github.requests) - before
    )
    assert "nothing posted" in pr.summary.read_text()


def test_review_bodies_are_read_only_when_a_finding_needs_the_body(pr: PullRequest) -> None:
    pr.review()
    assert not any(
        path.endswith("/reviews") for method, path in pr.github.requests if method == "GET"
    )


def test_file_mode_lists_findings_off_the_diff_in_the_body_once(pr: PullRequest) -> None:
    old = BASE.replace("A list.", "A list.   ")
    pr.push("README.md", old, HEAD.replace("A list.", "A list.   "), "c" * 40)
    pr.review("--filter-mode", "file")
    (posted,) = pr.github.reviews
    assert "README.md:3:8" in posted["body"] and "<details>" in posted["body"]
    assert comment_lines(pr.github) == [("README.md", DELTA), ("README.md", ZETA)]
    pr.review("--filter-mode", "file")
    assert len(pr.github.reviews) == 1


def test_warnings_do_not_fail_the_check_by_default_but_errors_do(pr: PullRequest) -> None:
    assert pr.review() == 0
    pr.push("README.md", BASE, HEAD + CRITICAL, "c" * 40)
    assert pr.review() == 1
    assert pr.review("--fail-on", "never") == 0


def test_a_new_finding_after_a_push_gets_only_its_own_comment(pr: PullRequest) -> None:
    pr.review()
    pr.push("README.md", BASE, HEAD + "- [eta](https://eta.example) - More.  \n\n", "c" * 40)
    pr.review()
    assert len(pr.github.reviews) == 2
    assert [
        c["line"]
        for c in pr.github.comments
        if c["pull_request_review_id"] == pr.github.reviews[1]["id"]
    ] == [16]


@pytest.mark.parametrize("how", ["minimize", "delete", "keep"])
def test_a_comment_whose_finding_was_fixed_is_handled_per_stale_comments(
    pr: PullRequest, how: str
) -> None:
    pr.review()
    delta = next(c for c in pr.github.comments if c["line"] == DELTA)
    pr.push("README.md", BASE, HEAD.replace("@octocat.   \n", "@octocat.\n"), "c" * 40)
    pr.review("--stale-comments", how)
    assert len(pr.github.reviews) == 1, "nothing new to say: no review"
    assert pr.github.minimized == ({delta["node_id"]} if how == "minimize" else set())
    assert pr.github.deleted == ([delta["id"]] if how == "delete" else [])
    pr.review("--stale-comments", how)
    assert pr.github.minimized == ({delta["node_id"]} if how == "minimize" else set())
    assert pr.github.mutations == (["minimizeComment"] if how == "minimize" else [])


def test_a_stale_comment_that_cannot_be_minimized_is_only_a_warning(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.review()
    pr.push("README.md", BASE, HEAD.replace("@octocat.   \n", "@octocat.\n"), "c" * 40)
    pr.github.deny_writes = True
    assert pr.review() == 0
    assert "::warning::listlint could not minimize stale comments" in capsys.readouterr().out
    assert not pr.github.minimized


def test_a_comment_someone_replied_to_is_left_alone(pr: PullRequest) -> None:
    pr.review()
    delta = next(c for c in pr.github.comments if c["line"] == DELTA)
    pr.github.reply(delta["id"], "Fixed, thanks!")
    pr.push("README.md", BASE, HEAD.replace("@octocat.   \n", "@octocat.\n"), "c" * 40)
    pr.review("--stale-comments", "delete")
    pr.review("--stale-comments", "minimize")
    assert not pr.github.deleted and not pr.github.minimized
    assert pr.posts() == [("POST", "/repos/octo/awesome/pulls/7/reviews")]


@pytest.mark.parametrize("pr", [True], indirect=True, ids=["enterprise"])
def test_github_enterprise_server_paths_serve_rest_and_graphql(pr: PullRequest) -> None:
    pr.review()
    pr.push("README.md", BASE, HEAD.replace("@octocat.   \n", "@octocat.\n"), "c" * 40)
    pr.review()
    assert len(pr.github.comments) == 2 and pr.github.mutations == ["minimizeComment"]
    assert {path.split("/")[1] for _, path in pr.github.requests} == {"api"}


def test_a_token_that_cannot_write_falls_back_to_annotations_and_the_summary(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.github.deny_writes = True
    pr.push("README.md", BASE, HEAD + CRITICAL, "c" * 40)
    assert pr.review() == 1
    assert not pr.github.reviews
    lines = capsys.readouterr().out.splitlines()
    commands = [line for line in lines if line.startswith(("::error file", "::warning file"))]
    assert [c.split(" ")[0] for c in commands] == ["::error", "::warning", "::warning"]
    assert "file=README.md,line=9," in commands[1]
    summary = pr.summary.read_text()
    assert "cannot write" in summary and summary.count("| README.md:") == 3


def test_every_page_of_files_and_comments_is_read(pr: PullRequest) -> None:
    for n in range(120):
        pr.github.add_file(f"assets/{n:03}.png", None, "added")
    pr.change("docs/more.md", "", "# More   \n\nText.\n")
    pr.review("--per-page", "100")
    assert comment_lines(pr.github)[-1] == ("docs/more.md", 1)
    assert sum(path.endswith("/files") for _, path in pr.github.requests) == 2
    for n in range(5):  # other people's comments push listlint's onto later pages
        pr.github.reply(pr.github.comments[0]["id"], f"note {n}")
    pr.review()
    assert len(pr.github.reviews) == 1


def test_a_422_from_github_moves_the_comments_into_the_review_body(pr: PullRequest) -> None:
    def someone_pushes() -> None:
        pr.github.files[0]["patch"] = "@@ -1,1 +1,1 @@\n-# Awesome\n+# Awesome Things"

    pr.github.after_files_listed = someone_pushes
    pr.review()
    assert len(pr.github.rejected) == 1
    (posted,) = pr.github.reviews
    assert not pr.github.comments
    assert (
        posted["body"].count("- README.md:") == 2
        and "refused the inline comments" in posted["body"]
    )


@pytest.mark.parametrize("kind", ["primary", "secondary", "retry-after"])
def test_a_short_rate_limit_is_waited_out(pr: PullRequest, kind: str) -> None:
    pr.github.rate_limit(kind, count=2, wait=0)
    assert pr.review() == 0
    assert len(pr.github.reviews) == 1


@pytest.mark.parametrize("kind", ["primary", "retry-after"])
def test_a_rate_limit_longer_than_max_wait_is_one_line_error(
    pr: PullRequest, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    pr.github.rate_limit(kind, count=1, wait=3600)
    assert pr.review() == 2
    (error,) = [
        line for line in capsys.readouterr().err.splitlines() if line.startswith("listlint")
    ]
    assert "rate limited" in error and "exceeds --max-wait" in error


def test_a_bad_token_is_one_line_error_that_does_not_print_the_token(
    pr: PullRequest, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_wrong_secret_value")
    assert pr.review() == 2
    captured = capsys.readouterr()
    assert (
        captured.err == "listlint review: error: reading the pull request: "
        "bad credentials (401): check the token\n"
    )
    assert "ghp_wrong_secret_value" not in captured.out + captured.err


def test_an_unknown_pull_request_is_one_line_error(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.event.write_text(json.dumps({"pull_request": {"number": 99, "head": {"sha": "a" * 40}}}))
    assert pr.review() == 2
    assert (
        capsys.readouterr().err
        == "listlint review: error: pull request #99 not found in octo/awesome (404)\n"
    )


def test_a_missing_event_file_is_one_line_error(
    pr: PullRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.event.unlink()
    assert pr.review() == 2
    assert (
        capsys.readouterr().err == f"listlint review: error: event file {pr.event} does not exist\n"
    )


def test_a_push_event_is_refused(pr: PullRequest, capsys: pytest.CaptureFixture[str]) -> None:
    pr.event.write_text(json.dumps({"ref": "refs/heads/main"}))
    assert pr.review() == 2
    assert "no pull request" in capsys.readouterr().err


def test_paths_limit_the_review_to_files_below_them(pr: PullRequest) -> None:
    pr.change("docs/more.md", "", "# More   \n\nText.\n")
    pr.review("docs")
    assert comment_lines(pr.github) == [("docs/more.md", 1)]


def test_nofilter_mode_also_reviews_unchanged_files_below_paths(pr: PullRequest) -> None:
    (pr.checkout / "docs").mkdir()
    (pr.checkout / "docs" / "old.md").write_text("# Old   \n\nText.\n")
    pr.change("docs/new.md", "", "# New   \n\nText.\n")
    pr.review("--filter-mode", "nofilter", "docs")
    assert comment_lines(pr.github) == [("docs/new.md", 1)]
    (posted,) = pr.github.reviews
    assert posted["body"].count("- docs/old.md:1:") == 1


def test_the_two_workflow_recipe_exports_then_posts_from_json(
    pr: PullRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pr.github.deny_writes = True
    artifact = tmp_path / "findings.json"
    assert pr.review("--export", str(artifact)) == 0
    assert not pr.github.reviews and "::warning file=README.md,line=9" in capsys.readouterr().out
    pr.github.deny_writes = False
    (pr.checkout / "README.md").write_text(
        BASE
    )  # workflow_run checks out the base branch, not PR code
    pr.event.write_text(
        json.dumps({"workflow_run": {"head_sha": "a" * 40, "event": "pull_request"}})
    )
    pr.review("--from-json", str(artifact))
    assert comment_lines(pr.github) == [("README.md", DELTA), ("README.md", ZETA)]
    pr.review("--from-json", str(artifact))
    assert len(pr.github.reviews) == 1


def test_a_findings_file_from_another_commit_is_refused(
    pr: PullRequest, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    artifact = tmp_path / "findings.json"
    pr.review("--export", str(artifact))
    pr.event.write_text(json.dumps({"workflow_run": {"head_sha": "f" * 40}}))
    assert pr.review("--from-json", str(artifact)) == 2
    assert "another repository or commit" in capsys.readouterr().err
    assert not pr.github.reviews


def test_the_command_line_runs_the_review(pr: PullRequest) -> None:
    source = Path(review.__file__).parents[2]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(source), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-m", "listlint", "review", "--throttle", "0"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert pr.github.token not in done.stdout + done.stderr
    assert len(pr.github.comments) == 2


CORPUS = Path("/work/shared/corpus/lists/sindresorhus__awesome-nodejs.md")


@pytest.mark.skipif(not CORPUS.exists(), reason=f"corpus list {CORPUS} is not on this machine")
def test_broken_entries_added_to_a_real_list_get_comments_exactly_on_their_lines(
    pr: PullRequest,
) -> None:
    original = CORPUS.read_text(encoding="utf-8")
    lines = original.splitlines(True)
    at = next(i for i, line in enumerate(lines) if line.startswith("- [") and i > len(lines) // 2)
    broken = [
        "- [listlint-one](https://example.com/one) - Trailing spaces.   \n",
        "- [listlint-two](https://example.com/two) - Ping @someone, then a tab.\t\n",
    ]
    changed = "".join([*lines[:at], broken[0], lines[at], broken[1], *lines[at + 1 :]])
    pr.github.files = []
    pr.change("README.md", original, changed)
    pr.review("--per-page", "100")
    assert len(pr.github.reviews) == 1
    assert comment_lines(pr.github) == [("README.md", at + 1), ("README.md", at + 3)]
    assert all("```suggestion" in c["body"] for c in pr.github.comments)
    assert pr.github.rejected == []
    pr.review("--per-page", "100")
    assert len(pr.github.reviews) == 1


def test_importing_the_review_command_does_not_import_pygithub() -> None:
    source = Path(review.__file__).parents[2]
    code = "import sys, listlint.cli, listlint.github.review; print('github' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(source)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout == "False\n"


@pytest.mark.parametrize(
    ("tamper", "complaint"),
    [
        (lambda data: data["findings"][0].update(severity="fatal"), "findings: 'fatal' is not one"),
        (lambda data: data["findings"][0].update(line="9"), "findings: '9' is not of type"),
        (lambda data: data["pull_request"].update(number="7"), "pull_request must hold"),
        (lambda data: data.update(listlint_review=2), "not a version 1 listlint review export"),
    ],
    ids=["severity", "line", "number", "version"],
)
def test_a_tampered_findings_file_is_refused_on_one_line(
    pr: PullRequest,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    tamper: Callable[[dict[str, Any]], None],
    complaint: str,
) -> None:
    artifact = tmp_path / "findings.json"
    pr.review("--export", str(artifact))
    data = json.loads(artifact.read_text())
    tamper(data)
    artifact.write_text(json.dumps(data))
    pr.event.write_text(json.dumps({"workflow_run": {"head_sha": "a" * 40}}))
    capsys.readouterr()
    assert pr.review("--from-json", str(artifact)) == 2
    (error,) = capsys.readouterr().err.splitlines()
    assert error.startswith(f"listlint review: error: findings file {artifact} is malformed: ")
    assert complaint in error
    assert not pr.github.reviews

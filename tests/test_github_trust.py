"""Whether ``listlint review`` may run on the checkout it finds, for the event it runs on."""

from __future__ import annotations

from pathlib import Path

from listlint.github.trust import checked_out_commit, checkout_refusal

from conftest import git

WORKFLOW, HEAD, OTHER = "b" * 40, "a" * 40, "c" * 40


def test_pull_request_events_never_refuse() -> None:
    assert checkout_refusal("pull_request", WORKFLOW, HEAD, HEAD) is None
    assert checkout_refusal("", WORKFLOW, HEAD, HEAD) is None


def test_privileged_events_refuse_anything_but_their_own_commit_or_no_checkout() -> None:
    for event in ("pull_request_target", "workflow_run"):
        assert checkout_refusal(event, WORKFLOW, HEAD, None) is None
        assert checkout_refusal(event, WORKFLOW, HEAD, WORKFLOW) is None
        assert "pull request's head commit" in str(checkout_refusal(event, WORKFLOW, HEAD, HEAD))
        assert "commit cccccccccccc" in str(checkout_refusal(event, WORKFLOW, HEAD, OTHER))
        assert "cannot identify" in str(checkout_refusal(event, WORKFLOW, HEAD, ""))


def test_the_checked_out_commit_is_read_like_git_reads_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    assert checked_out_commit(repo) is None
    git(repo, "init", "-q", "-b", "main")
    git(repo, "commit", "-q", "--allow-empty", "-m", "one")
    head = git(repo, "rev-parse", "HEAD").strip()
    assert checked_out_commit(repo) == head  # a loose branch ref
    git(repo, "pack-refs", "--all")
    assert checked_out_commit(repo) == head  # a packed one
    git(repo, "checkout", "-q", "--detach")
    assert checked_out_commit(repo) == head  # a detached HEAD
    git(repo, "worktree", "add", "-q", str(tmp_path / "other"), "-b", "other")
    assert checked_out_commit(tmp_path / "other") == head  # a worktree's .git file
    (repo / ".git" / "HEAD").write_text("ref: refs/heads/nowhere\n")
    assert checked_out_commit(repo) == ""
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / ".git").write_text("not a gitdir line\n")
    assert checked_out_commit(tmp_path / "odd") == ""

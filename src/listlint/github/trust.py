"""Whether the working directory holds code listlint must not run on: the pull request's own.

``pull_request_target`` and ``workflow_run`` workflows run with the base repository's write token
and secrets. With the pull request's code checked out, anything that code can influence runs with
that token, so ``listlint review`` refuses unless told otherwise. The checkout is recognised from
the files git keeps in ``.git`` (git itself is not run in a directory the pull request controls):
only the workflow's own commit (``GITHUB_SHA``) or no checkout at all counts as trusted.
"""

from __future__ import annotations

import re
from pathlib import Path

PRIVILEGED_EVENTS = ("pull_request_target", "workflow_run")
_SHA = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_UNKNOWN = ""


def _git_dir(root: Path) -> Path | None:
    dot_git = root / ".git"
    if dot_git.is_dir():
        return dot_git
    if dot_git.is_file():  # a worktree or submodule: "gitdir: <path>"
        text = dot_git.read_text(encoding="utf-8", errors="replace").strip()
        if not text.startswith("gitdir:"):
            raise OSError(f"{dot_git} is not a gitdir link")
        return root / text.removeprefix("gitdir:").strip()
    return None


def _resolve(ref: str, git_dir: Path, common: Path) -> str:
    for folder in (git_dir, common):
        loose = folder / ref
        if loose.is_file():
            return loose.read_text(encoding="utf-8", errors="replace").strip()
    packed = common / "packed-refs"
    if packed.is_file():
        for line in packed.read_text(encoding="utf-8", errors="replace").splitlines():
            sha, _, name = line.partition(" ")
            if name == ref:
                return sha
    return _UNKNOWN


def checked_out_commit(root: Path) -> str | None:
    """The commit checked out at ``root``; ``None`` without a checkout, ``""`` if unreadable."""
    try:
        git_dir = _git_dir(root)
        if git_dir is None:
            return None
        common = git_dir
        if (git_dir / "commondir").is_file():
            common = git_dir / (git_dir / "commondir").read_text(encoding="utf-8").strip()
        head = (git_dir / "HEAD").read_text(encoding="utf-8", errors="replace").strip()
        for _ in range(5):  # a symbolic ref may point to another
            if not head.startswith("ref:"):
                break
            head = _resolve(head.removeprefix("ref:").strip(), git_dir, common)
    except OSError:
        return _UNKNOWN
    return head if _SHA.fullmatch(head) else _UNKNOWN


def checkout_refusal(
    event_name: str, workflow_sha: str, pull_head_sha: str, checked_out: str | None
) -> str | None:
    """Why listlint must not run on this checkout for this event, or ``None`` when it may."""
    if event_name not in PRIVILEGED_EVENTS or checked_out is None or checked_out == workflow_sha:
        return None
    if checked_out == pull_head_sha:
        what = "the pull request's head commit"
    elif checked_out:
        what = f"commit {checked_out[:12]}, not this workflow's own commit"
    else:
        what = "a commit listlint cannot identify"
    return (
        f"the working directory is a checkout of {what}, on a `{event_name}` event that runs with "
        "a write token: listlint refuses to run on pull request code there (see docs/security.md; "
        "use `pull_request` or the two-workflow recipe, or opt in with allow-untrusted-checkout)"
    )

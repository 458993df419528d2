"""The pre-commit hooks, driven by the real pre-commit in temporary git repositories.

pre-commit installs listlint from a snapshot commit of this checkout (working tree included) into
its own environment, as it does for users, so these tests need git, pre-commit and the package
registry. The snapshot is tagged with the ``rev`` of the snippet in docs/pre-commit.md, so the
snippet is tested exactly as written, with only its ``repo:`` URL pointed at the snapshot.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import GIT_IDENTITY, git

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "pre-commit.md"
SNIPPET = re.compile(r"<!-- pre-commit-snippet[^>]*-->\n```yaml\n(.*?)```", re.DOTALL)

CONFIG = 'select = ["LL2", "LL5"]  # TOC and structure rules: the test stays about the hooks\n'
CLEAN = "# Tools\n\nA list of tools.\n\n## Editors\n\n- [ed](https://ed.example) - The editor.\n"
BROKEN_ENTRY = "- [vi](https://vi.example) - The visual editor.   \n"
CLEAN_ENTRY = "- [vi](https://vi.example) - The visual editor.\n"
WITH_TOC = (
    "# Tools\n\n## Contents\n\n- [Editors](#editors)\n\n"
    "## Editors\n\n- [ed](https://ed.example) - The editor.\n"
)
FIX_CONFIG = """\
repos:
  - repo: {url}
    rev: {rev}
    hooks:
      - id: listlint-fix
"""
CHANGED_CONFIG = """\
repos:
  - repo: {url}
    rev: {rev}
    hooks:
      - id: listlint
        args: [--changed-since, HEAD]
"""


def _pre_commit_command() -> list[str] | None:
    if importlib.util.find_spec("pre_commit") is not None:
        return [sys.executable, "-m", "pre_commit"]
    found = shutil.which("pre-commit")
    return [found] if found else None


PRE_COMMIT = _pre_commit_command()
pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed"),
    pytest.mark.skipif(not (ROOT / ".pre-commit-hooks.yaml").is_file(), reason="no checkout"),
]


@dataclass(frozen=True)
class HookSource:
    """A snapshot of this checkout, committed and tagged; the environment pre-commit runs in."""

    url: str
    rev: str
    env: dict[str, str]


def _run(
    command: Sequence[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900
    )


@pytest.fixture(scope="session")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> HookSource:
    """This checkout's files (tracked and untracked, not ignored) committed in a new repository."""
    env = {**os.environ, **GIT_IDENTITY}
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    for leaked in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "PYTHONPATH", "VIRTUAL_ENV"):
        env.pop(leaked, None)
    listed = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard", env=env)
    snapshot = tmp_path_factory.mktemp("listlint-snapshot")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    git(snapshot, "init", "-q", env=env)
    git(snapshot, "add", "-A", env=env)
    git(snapshot, "commit", "-q", "-m", "snapshot of the listlint checkout", env=env)
    rev = "v0.0.0-test"
    git(snapshot, "tag", rev, env=env)
    return HookSource(snapshot.as_uri(), rev, env)


@pytest.fixture
def list_repo(tmp_path: Path, hook_source: HookSource) -> Iterator[Path]:
    """A fresh git repository holding a clean list, its configuration and a first commit."""
    repo = tmp_path / "awesome-tools"
    repo.mkdir()
    git(repo, "init", "-q", env=hook_source.env)
    (repo / ".listlint.toml").write_text(CONFIG, encoding="utf-8")
    (repo / "README.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", "-A", env=hook_source.env)
    git(repo, "commit", "-q", "-m", "start the list", env=hook_source.env)
    yield repo


def _try_repo(repo: Path, source: HookSource, hook: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` one hook on the staged files (it installs into a fresh store)."""
    assert PRE_COMMIT is not None
    command = [*PRE_COMMIT, "try-repo", source.url, hook, "--ref", source.rev, "--color", "never"]
    return _run(command, repo, source.env)


def _configure(repo: Path, source: HookSource, config: str) -> None:
    """Write and stage ``.pre-commit-config.yaml``; its hooks install once into the shared store."""
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", ".pre-commit-config.yaml", env=source.env)


def _run_hooks(repo: Path, source: HookSource) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    return _run([*PRE_COMMIT, "run", "--color", "never"], repo, source.env)


def _stage(repo: Path, source: HookSource, text: str) -> None:
    (repo / "README.md").write_text(text, encoding="utf-8", newline="")
    git(repo, "add", "README.md", env=source.env)


def test_try_repo_check_hook_fails_on_a_broken_entry_and_prints_the_finding(
    list_repo: Path, hook_source: HookSource
) -> None:
    _stage(list_repo, hook_source, CLEAN + BROKEN_ENTRY)

    run = _try_repo(list_repo, hook_source, "listlint")

    assert run.returncode == 1, run.stdout + run.stderr
    assert re.search(r"^listlint\.+Failed$", run.stdout, re.MULTILINE), run.stdout
    assert "README.md:8:48: LL504" in run.stdout


def test_documented_snippet_refuses_a_broken_commit_and_accepts_a_clean_one(
    list_repo: Path, hook_source: HookSource
) -> None:
    """docs/pre-commit.md's snippet, only its repo: and rev: pointed at a snapshot of this checkout,
    guards real ``git commit``s in a repository without a listlint configuration."""
    assert PRE_COMMIT is not None
    found = SNIPPET.search(DOC.read_text(encoding="utf-8"))
    assert found
    config, repos = re.subn(r"(?m)^(\s*- repo:\s*)\S+", rf"\g<1>{hook_source.url}", found[1])
    config, revs = re.subn(r"(?m)^(\s*rev:\s*)\S+", rf"\g<1>{hook_source.rev}", config)
    assert (repos, revs) == (1, 1)
    git(list_repo, "rm", "-q", ".listlint.toml", env=hook_source.env)
    _configure(list_repo, hook_source, config)
    installed = _run([*PRE_COMMIT, "install"], list_repo, hook_source.env)
    assert installed.returncode == 0, installed.stderr
    _stage(list_repo, hook_source, CLEAN + BROKEN_ENTRY)

    refused = _run(["git", "commit", "-m", "add vi"], list_repo, hook_source.env)

    assert refused.returncode != 0, refused.stdout
    assert "README.md:8:48: LL504" in refused.stdout + refused.stderr
    _stage(list_repo, hook_source, CLEAN + CLEAN_ENTRY)

    accepted = _run(["git", "commit", "-m", "add vi"], list_repo, hook_source.env)

    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert re.search(r"^listlint\.+Passed$", accepted.stderr, re.MULTILINE), accepted.stderr
    assert git(list_repo, "log", "-1", "--format=%s", env=hook_source.env) == "add vi\n"


def test_fix_hook_fixes_and_fails_once_then_passes(
    list_repo: Path, hook_source: HookSource
) -> None:
    _configure(list_repo, hook_source, FIX_CONFIG.format(url=hook_source.url, rev=hook_source.rev))
    linters = "\n## Linters\n\n- [ruff](https://ruff.example) - A linter."
    unfixed = WITH_TOC + linters + "  "  # not in the TOC, trailing whitespace, no final newline
    _stage(list_repo, hook_source, unfixed)

    first = _run_hooks(list_repo, hook_source)

    assert first.returncode == 1, first.stdout + first.stderr
    assert re.search(r"^listlint \(fix\)\.+Failed$", first.stdout, re.MULTILINE), first.stdout
    assert "files were modified by this hook" in first.stdout
    fixed = WITH_TOC.replace("(#editors)\n", "(#editors)\n- [Linters](#linters)\n") + linters + "\n"
    assert (list_repo / "README.md").read_text(encoding="utf-8") == fixed
    git(list_repo, "add", "README.md", env=hook_source.env)

    second = _run_hooks(list_repo, hook_source)

    assert second.returncode == 0, second.stdout + second.stderr
    assert re.search(r"^listlint \(fix\)\.+Passed$", second.stdout, re.MULTILINE), second.stdout


def test_changed_since_head_holds_a_commit_only_to_the_lines_it_adds(
    list_repo: Path, hook_source: HookSource
) -> None:
    """A list with a backlog in a subfolder, guarded by ``--changed-since HEAD``."""
    assert PRE_COMMIT is not None
    (list_repo / "lists").mkdir()
    backlog = CLEAN.replace("The editor.", "The editor. ")  # an old LL504 on line 7
    (list_repo / "lists" / "LIST.md").write_text(backlog, encoding="utf-8")
    git(list_repo, "add", "-A", env=hook_source.env)
    git(list_repo, "commit", "-q", "-m", "the list as it was", env=hook_source.env)
    _configure(
        list_repo, hook_source, CHANGED_CONFIG.format(url=hook_source.url, rev=hook_source.rev)
    )
    installed = _run([*PRE_COMMIT, "install"], list_repo, hook_source.env)
    assert installed.returncode == 0, installed.stderr

    (list_repo / "lists" / "LIST.md").write_text(backlog + BROKEN_ENTRY, encoding="utf-8")
    git(list_repo, "add", "-A", env=hook_source.env)
    refused = _run(["git", "commit", "-m", "add vi"], list_repo, hook_source.env)

    assert refused.returncode != 0
    assert "lists/LIST.md:8:48: LL504" in refused.stdout + refused.stderr
    assert "LIST.md:7:" not in refused.stdout + refused.stderr

    (list_repo / "lists" / "LIST.md").write_text(backlog + CLEAN_ENTRY, encoding="utf-8")
    git(list_repo, "add", "-A", env=hook_source.env)
    accepted = _run(["git", "commit", "-m", "add vi"], list_repo, hook_source.env)

    assert accepted.returncode == 0, accepted.stdout + accepted.stderr


def test_the_hook_manifest_and_the_documented_config_are_valid(tmp_path: Path) -> None:
    assert PRE_COMMIT is not None
    found = SNIPPET.search(DOC.read_text(encoding="utf-8"))
    assert found
    (tmp_path / "config.yaml").write_text(found[1], encoding="utf-8")

    manifest = _run(
        [*PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml"], ROOT, {**os.environ}
    )
    config = _run(
        [*PRE_COMMIT, "validate-config", str(tmp_path / "config.yaml")], ROOT, {**os.environ}
    )

    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    assert config.returncode == 0, config.stdout + config.stderr


def test_readme_shows_the_tested_snippet() -> None:
    docs = SNIPPET.search((ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8"))
    assert docs is not None
    assert docs.group(1) in (ROOT / "README.md").read_text(encoding="utf-8")

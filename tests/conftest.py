"""Shared test helpers: lint a string, run the CLI, find ../shared."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from listlint.config import Selection
from listlint.facts import DocumentFacts, ProjectFacts
from listlint.findings import Finding
from listlint.model.document import Document, parse_document
from listlint.rule import Context, DocumentRule, Problem, ProjectContext, ProjectRule, Rule
from listlint.run import Run, RunOptions, run

# Hypothesis: a quick profile for the developer's loop, a long one for the soak step of .ci/run.
settings.register_profile(
    "quick",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "soak",
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SOAK = os.environ.get("LISTLINT_SOAK") == "1"
settings.load_profile("soak" if SOAK else "quick")

# Hermetic: listlint's validation stamps go to a fresh folder, never the user's cache.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="listlint-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(autouse=True)
def _no_real_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Online checks in tests resolve no real name and reach no real GitHub.

    The default resolver of ``--online`` refuses every name (tests pass their own, mapping test
    names to 127.0.0.x), and the GitHub variables of the developer's shell are cleared (tests
    that need them point them at the emulator).
    """
    from listlint.online import setup

    class NoResolver:
        async def addresses(self, host: str) -> list[str]:
            raise OSError(f"tests resolve no real name ({host})")

    monkeypatch.setattr(setup, "SystemResolver", NoResolver)
    for name in ("GITHUB_TOKEN", "GITHUB_API_URL", "GITHUB_SERVER_URL"):
        monkeypatch.delenv(name, raising=False)


def find_shared() -> Path | None:
    """The read-only ../shared folder beside the project, when present."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared"
        if (candidate / "corpus").is_dir():
            return candidate
    return None


SHARED = find_shared()


def require_shared() -> Path:
    """../shared, or skip the test with a reason."""
    if SHARED is None:
        pytest.skip("../shared (the real-list corpus) is not present beside the project")
    return SHARED


def lint_paths(
    paths: Sequence[str],
    *,
    isolated: bool = False,
    selection: Selection | None = None,
    config: str | None = None,
) -> Run:
    """One run over ``paths``, as the command line does it (no fixing)."""
    options = RunOptions(paths, config, isolated, selection or Selection())
    return run(options)


def lint_file(path: Path, select: Sequence[str] | None = None) -> Run:
    """Lint one file with no configuration, optionally only some rules."""
    selection = Selection(select=list(select)) if select is not None else None
    return lint_paths([str(path)], isolated=True, selection=selection)


def lint_text(tmp_path: Path, text: str, select: Sequence[str] | None = None) -> list[Finding]:
    """Write ``text`` to a file and lint it."""
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8", newline="")
    report = lint_file(path, select)
    assert not report.errors, report.errors
    return report.findings


def parse(text: str) -> Document:
    """The Document of ``text``."""
    return parse_document(text, "README.md")


def check_rule(
    rule: Rule,
    docs: Sequence[Document],
    options: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[tuple[Document, Problem]]:
    """What a document or project rule reports on ``docs`` (project rules compare them all), with
    its default options updated by ``options``, and the facts the engine would give it."""
    merged = {**rule.defaults(), **(options or {})}
    settings = settings or {}
    if isinstance(rule, ProjectRule):
        project = ProjectFacts(docs, settings)
        return list(rule.check(ProjectContext(merged, settings, project)))
    assert isinstance(rule, DocumentRule)
    found = []
    for doc in docs:
        context = Context(merged, settings, DocumentFacts(doc, settings))
        found.extend((doc, problem) for problem in rule.check(doc, context))
    return found


def run_cli(
    *args: str, cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m listlint`` in a subprocess and capture its output."""
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "listlint", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": path},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


# A fixed identity and no user or system git configuration, for repositories made by tests.
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *arguments: str, env: dict[str, str] | None = None) -> str:
    """Run git in ``repo`` with :data:`GIT_IDENTITY` (or ``env``); fail the test on error."""
    done = subprocess.run(
        ["git", *arguments],
        cwd=repo,
        env=env or {**os.environ, **GIT_IDENTITY},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """One line when the real-list corpus is missing: what was skipped, and how to get it."""
    if SHARED is None:
        terminalreporter.write_line(
            "corpus tests skipped: ../shared/corpus (the real lists) is not beside the project; "
            "place the steering repository's shared/ folder next to it to run them"
        )

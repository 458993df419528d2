"""``action.yml``: documented inputs, no expressions in scripts, arguments built right."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")

ACTION = Path(__file__).resolve().parents[1] / "action.yml"


def action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return loaded


def step(step_id: str) -> dict[str, Any]:
    return next(s for s in action()["runs"]["steps"] if s.get("id") == step_id)


def test_the_inputs_and_their_defaults_are_the_documented_ones() -> None:
    defaults = {name: spec.get("default") for name, spec in action()["inputs"].items()}
    assert defaults == {
        "github-token": "${{ github.token }}",
        "paths": "",
        "config": "",
        "fail-on": "error",
        "filter-mode": "added",
        "max-comments": "50",
        "stale-comments": "minimize",
        "export": "",
        "from-json": "",
        "bot-login": "",
        "allow-untrusted-checkout": "false",
        "online": "false",
    }


def test_outputs_are_the_finding_counts_of_the_review_step() -> None:
    outputs = action()["outputs"]
    for name in ("findings", "errors", "warnings", "comments"):
        assert outputs[name]["value"] == f"${{{{ steps.review.outputs.{name} }}}}"


def test_no_script_contains_an_expression() -> None:
    scripts = [s["run"] for s in action()["runs"]["steps"] if "run" in s]
    assert scripts and all("${{" not in script for script in scripts)


def test_python_is_set_up_without_touching_the_jobs_environment() -> None:
    assert step("python")["with"]["update-environment"] is False


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_review_script_passes_inputs_as_arguments(tmp_path: Path) -> None:
    bin_dir = tmp_path / "venv" / "bin"
    bin_dir.mkdir(parents=True)
    shim = bin_dir / "python"
    shim.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    (tmp_path / "a.md").write_text("")
    env = {
        **os.environ,
        "VENV": str(tmp_path / "venv"),
        "INPUT_PATHS": "docs  README.md\n*.md",
        "INPUT_CONFIG": "",
        "INPUT_FAIL_ON": "warning",
        "INPUT_FILTER_MODE": "file",
        "INPUT_MAX_COMMENTS": "5",
        "INPUT_STALE_COMMENTS": "delete",
        "INPUT_EXPORT": "",
        "INPUT_FROM_JSON": "",
        "INPUT_BOT_LOGIN": "my-app[bot]",
        "INPUT_ALLOW_UNTRUSTED_CHECKOUT": "true",
        "INPUT_ONLINE": "true",
    }
    done = subprocess.run(
        ["bash", "-c", step("review")["run"]],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [
        "-I",
        "-m",
        "listlint",
        "review",
        "--fail-on",
        "warning",
        "--filter-mode",
        "file",
        "--max-comments",
        "5",
        "--stale-comments",
        "delete",
        "--bot-login",
        "my-app[bot]",
        "--allow-untrusted-checkout",
        "--online",
        "--",
        "docs",
        "README.md",
        "*.md",
    ]


def test_every_python_the_action_starts_runs_isolated() -> None:
    scripts = "\n".join(s["run"] for s in action()["runs"]["steps"] if "run" in s)
    starts = re.findall(r'"\$(?:PYTHON|bin/python)"( -I)?', scripts)
    assert len(starts) == 3 and all(starts)
    assert "$bin/listlint" not in scripts
    assert step_named("Install")["working-directory"] == "${{ runner.temp }}"


def step_named(prefix: str) -> dict[str, Any]:
    return next(s for s in action()["runs"]["steps"] if s.get("name", "").startswith(prefix))


PLANTED = {
    "venv.py": "venv",
    "pip/__init__.py": "pip",
    "pip/__main__.py": "pip",
    "listlint/__init__.py": "listlint",
    "listlint/__main__.py": "listlint",
    "sitecustomize.py": "sitecustomize",
}


def hostile_checkout(tmp_path: Path) -> tuple[Path, Path]:
    """A checkout whose modules, if ever imported, leave a mark in ``ran``."""
    checkout, ran = tmp_path / "checkout", tmp_path / "ran"
    ran.mkdir()
    for name, mark in PLANTED.items():
        path = checkout / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"open({str(ran / mark)!r}, 'w').close()\n")
    return checkout, ran


def run_step(step_id: str, checkout: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run a step's script the way the runner does, in the pull request's checkout at worst."""
    return subprocess.run(
        ["bash", "-e", "-c", step_id],
        env={**os.environ, "PYTHONPATH": str(checkout), **env},
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_install_step_runs_no_module_of_the_checkout(tmp_path: Path) -> None:
    checkout, ran = hostile_checkout(tmp_path)
    venv = tmp_path / "venv"
    env = {
        "PYTHON": sys.executable,
        "ACTION_PATH": str(tmp_path / "no-such-action"),  # pip fails fast, offline
        "VENV": str(venv),
        "PIP_NO_INDEX": "1",
    }
    done = run_step(step_named("Install")["run"], checkout, env)
    assert (venv / "bin" / "python").exists(), done.stderr
    assert "no-such-action" in done.stderr, "pip itself ran and failed on the missing path"
    assert sorted(p.name for p in ran.iterdir()) == []
    control = run_step('"$PYTHON" -m venv "$VENV.control"', checkout, env)
    assert (ran / "venv").exists(), control.stderr  # the planted module does run without -I


@pytest.mark.skipif(sys.prefix == sys.base_prefix, reason="needs listlint installed in a venv")
@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_the_review_step_runs_the_installed_listlint_not_the_checkouts(tmp_path: Path) -> None:
    checkout, ran = hostile_checkout(tmp_path)
    env = {
        name: ""
        for name in step("review")["env"]
        if name.startswith("INPUT_") or name == "GITHUB_TOKEN"
    }
    env |= {"VENV": sys.prefix, "INPUT_FAIL_ON": "error", "INPUT_FILTER_MODE": "added"}
    env |= {"INPUT_MAX_COMMENTS": "5", "INPUT_STALE_COMMENTS": "keep", "GITHUB_REPOSITORY": ""}
    done = run_step(step("review")["run"], checkout, env)
    assert done.returncode == 2
    assert done.stderr.startswith("listlint review: error: GITHUB_REPOSITORY is not set")
    assert sorted(p.name for p in ran.iterdir()) == []
    control = run_step('"$VENV/bin/python" -m listlint --version', checkout, env)
    assert (ran / "listlint").exists(), control.stderr  # the planted package does run without -I


DOCS = ACTION.parent / "docs"


def test_the_documented_sample_is_the_shipped_workflow_file() -> None:
    text = (DOCS / "github-action.md").read_text(encoding="utf-8")
    sample = text.split("```yaml\n", 1)[1].split("```\n", 1)[0]
    shipped = (DOCS / "workflows" / "listlint.yml").read_text(encoding="utf-8")
    assert sample == "".join(line for line in shipped.splitlines(True) if not line.startswith("#"))


def test_no_documented_workflow_runs_pull_request_code_with_a_write_token() -> None:
    for path in sorted((DOCS / "workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
        assert "pull_request_target" not in triggers, path
        steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
        if "workflow_run" in triggers:
            assert not any(s.get("uses", "").startswith("actions/checkout") for s in steps), path
        else:
            assert workflow["permissions"].get("contents") == "read", path

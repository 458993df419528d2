"""``action.yml``: documented inputs, no expressions in scripts, arguments built right."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
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
    shim = bin_dir / "listlint"
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
        "review",
        "--fail-on",
        "warning",
        "--filter-mode",
        "file",
        "--max-comments",
        "5",
        "--stale-comments",
        "delete",
        "--",
        "docs",
        "README.md",
        "*.md",
    ]


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

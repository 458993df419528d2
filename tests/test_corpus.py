"""Every real list (newest and historical) lints without a crash, and its JSON report validates."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from listlint.findings import Finding
from listlint.reporters.json import render
from listlint.rule import find_rule

from conftest import SHARED, lint_paths, require_shared

LISTS = sorted((SHARED / "corpus").glob("*/*.md")) if SHARED else []


def test_corpus_is_present() -> None:
    require_shared()
    assert len(LISTS) > 100


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            path,
            id=f"{path.parent.name}/{path.name}",
            marks=pytest.mark.soak if path.parent.name == "history" else (),
        )
        for path in LISTS
    ],
)
def test_real_list_lints_and_json_validates(path: Path) -> None:
    report = lint_paths([str(path)], isolated=True)
    assert report.errors == []
    schema = json.loads(
        resources.files("listlint").joinpath("schemas/report.schema.json").read_text()
    )
    jsonschema.validate(json.loads(render(report.findings)), schema)
    lines = path.read_text(encoding="utf-8").count("\n") + 1
    for finding in report.findings:
        assert 1 <= finding.line <= finding.end_line <= lines, finding
        assert fix_as_declared(finding), finding


def fix_as_declared(finding: Finding) -> bool:
    """Whether the finding's fix is what its rule's metadata promises (``listlint rules``)."""
    rule = find_rule(finding.code)
    assert rule is not None
    fix = finding.fix
    return {
        "never": fix is None,
        "always": fix is not None and fix.safe,
        "unsafe": fix is None or not fix.safe,
        "sometimes": True,
    }[rule.fixable]

"""Every fixture in fixtures/<family>/ shows one defect, and its `.clean` twin shows none.

A fixture named `LL504-trailing-whitespace.md` must produce at least one LL504 finding; the twin
`LL504-trailing-whitespace.clean.md` must produce none of that code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, lint_file

DEFECTS = sorted(
    p for p in FIXTURES.glob("*/LL[0-9][0-9][0-9]*.md") if not p.name.endswith(".clean.md")
)
CLEAN = sorted(FIXTURES.glob("*/LL[0-9][0-9][0-9]*.clean.md"))


def _code(path: Path) -> str:
    return path.name[:5]


@pytest.mark.parametrize("path", DEFECTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_defect_fixture_is_reported(path: Path) -> None:
    report = lint_file(path)
    assert not report.errors
    assert _code(path) in {f.code for f in report.findings}


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_twin_is_not_reported(path: Path) -> None:
    report = lint_file(path)
    assert not report.errors
    assert [f for f in report.findings if f.code == _code(path)] == []


def test_every_defect_fixture_has_a_clean_twin() -> None:
    missing = [p.name for p in DEFECTS if not p.with_name(p.stem + ".clean.md").exists()]
    assert missing == []


def test_bundled_example_list_is_clean() -> None:
    report = lint_file(FIXTURES / "example-list.md")
    assert (report.errors, report.findings) == ([], [])

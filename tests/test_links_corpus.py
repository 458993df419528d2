"""The link rules on the real lists in the shared corpus: the seed defects, and no false alarms."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.config import Selection
from listlint.findings import Finding

from conftest import lint_paths, require_shared


@pytest.fixture
def lists() -> Path:
    """corpus/lists of ../shared (the test is skipped without it)."""
    return require_shared() / "corpus" / "lists"


def link_findings(path: Path) -> list[Finding]:
    report = lint_paths([str(path)], isolated=True, selection=Selection(select=["LL1"]))
    assert not report.errors
    return report.findings


def test_the_four_seed_defects_are_reported_at_their_columns(lists: Path) -> None:
    found = link_findings(lists / "hussius__deeplearning-biology__seed.md")
    positions = {(f.code, f.line, f.column) for f in found}
    assert ("LL101", 70, 61) in positions  # missing `]` after [Github](…)
    assert ("LL101", 100, 135) in positions  # missing `[` before [paper](…)
    assert ("LL106", 59, 121) in positions  # destination broken over lines 59-60
    assert ("LL110", 184, 122) in positions  # [arxiv] pointing to GitHub


def test_seed_messages_show_the_fix(lists: Path) -> None:
    found = link_findings(lists / "hussius__deeplearning-biology__seed.md")
    messages = {f.line: f.message for f in found if f.code in ("LL101", "LL110")}
    assert messages[70] == "missing `]` after `[Github](…)`; write `[[Github](…)]`"
    assert messages[100] == "missing `[` before `[paper](…)`; write `[[paper](…)]`"
    assert "names arXiv" in messages[184] and "github.com" in messages[184]


@pytest.mark.parametrize(
    "name",
    [
        "avelino__awesome-go.md",
        "sindresorhus__awesome.md",
        "vinta__awesome-python.md",
        "sindresorhus__awesome-nodejs.md",
    ],
)
def test_well_kept_lists_have_no_link_syntax_errors(lists: Path, name: str) -> None:
    found = link_findings(lists / name)
    assert [
        f for f in found if f.code in ("LL101", "LL102", "LL103", "LL105", "LL108", "LL110")
    ] == []


def test_awesome_rust_errors_are_its_three_real_slips(lists: Path) -> None:
    found = link_findings(lists / "rust-unofficial__awesome-rust.md")
    errors = [(f.code, f.line) for f in found if f.severity == "error"]
    assert errors == [
        ("LL108", 774),  # a badge whose destination is itself a `[…](…)` link
        ("LL108", 1652),  # the same badge slip
        ("LL101", 2128),  # `[[pe-sign]](…)` among 492 `[[crate](…)]` links
    ]

"""Every fixture in fixtures/<family>/ shows one defect, and its `.clean` twin shows none.

A fixture named `LL504-trailing-whitespace.md` must produce its LL504 findings at the positions
below (the link family's, with their own options, are in test_links_fixtures.py); the twin
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


# (line, column) of each finding of the fixture's own code, per fixture (family/name).
POSITIONS: dict[str, list[tuple[int, int]]] = {
    "anchors/LL201-dead-fragment": [(3, 16)],
    "anchors/LL202-toc-missing-heading": [(11, 1)],
    "anchors/LL203-toc-dead-entry": [(6, 3)],
    "anchors/LL204-toc-order": [(6, 1)],
    "anchors/LL205-toc-level": [(7, 1)],
    "anchors/LL206-toc-text": [(6, 4)],
    "anchors/LL207-ambiguous-anchor": [(17, 1)],
    "anchors/LL208-fragment-case": [(3, 16)],
    "duplicates/LL401-paper-list": [(12, 17)],
    "duplicates/LL401-same-url": [(10, 4)],
    "duplicates/LL402-same-name-fork": [(7, 4)],
    "duplicates/LL403-repeated-link": [(5, 122)],
    "duplicates/LL404-duplicated-toc": [(9, 1)],
    "entries/LL301-name-not-link": [(10, 1)],
    "entries/LL302-en-dash-separator": [(10, 41)],
    "entries/LL302-missing-separator": [(10, 41)],
    "entries/LL302-sub-list-separator": [(20, 40)],
    "entries/LL303-missing-description": [(15, 1)],
    "entries/LL304-description-on-title-line": [(21, 115)],
    "entries/LL305-description-blank-line": [(22, 1)],
    "entries/LL306-title-link-space": [(21, 11)],
    "entries/LL307-link-group-spacing": [(21, 61)],
    "entries/LL309-doubled-marker": [(10, 1)],
    "entries/LL309-no-space-after-marker": [(10, 1)],
    "entries/LL310-description-capital": [(11, 44)],
    "entries/LL311-description-ending": [(11, 44)],
    "entries/LL312-doubled-punctuation": [(11, 44)],
    "entries/LL313-description-repeats-name": [(11, 44)],
    "entries/LL320-list-marker": [(18, 1)],
    "entries/LL321-list-indent": [(11, 1)],
    "entries/LL330-alphabetical-order": [(51, 4)],
    "entries/LL340-entry-outside-section": [(3, 4)],
    "entries/LL341-entry-in-toc": [(9, 4)],
    "structure/LL501-heading-increment": [(5, 1)],
    "structure/LL502-multiple-h1": [(5, 1)],
    "structure/LL503-empty-section": [(3, 1)],
    "structure/LL504-trailing-whitespace": [(3, 59)],
    "structure/LL505-missing-final-newline": [(3, 59)],
    "structure/LL506-heading-missing-space": [(7, 1)],
    "structure/LL507-empty-heading": [(5, 1)],
    "structure/LL508-heading-level-mismatch": [(17, 1)],
    "structure/LL509-title-level": [(3, 1)],
    "structure/LL590-unused-suppression": [(3, 1)],
    "structure/LL591-unknown-suppression-rule": [(3, 1)],
}


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def _code(path: Path) -> str:
    return path.name[:5]


@pytest.mark.parametrize("path", DEFECTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_defect_fixture_is_reported(path: Path) -> None:
    report = lint_file(path)
    assert not report.errors
    found = [(f.line, f.column) for f in report.findings if f.code == _code(path)]
    if path.parent.name == "links":
        assert found  # positions: test_links_fixtures.py
    else:
        assert found == POSITIONS[_name(path)]


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_twin_is_not_reported(path: Path) -> None:
    report = lint_file(path)
    assert not report.errors
    assert [f for f in report.findings if f.code == _code(path)] == []


def test_every_defect_fixture_has_a_clean_twin() -> None:
    missing = [p.name for p in DEFECTS if not p.with_name(p.stem + ".clean.md").exists()]
    assert missing == []


def test_every_defect_fixture_states_its_positions() -> None:
    named = {_name(p) for p in DEFECTS if p.parent.name != "links"}
    assert named == set(POSITIONS)


def test_bundled_example_list_is_clean() -> None:
    report = lint_file(FIXTURES / "example-list.md")
    assert (report.errors, report.findings) == ([], [])

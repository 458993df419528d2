"""Link rules (LL1xx) on their fixtures: each defect file yields exactly its findings, each clean
twin none of them. Fixtures of opt-in rules live in fixtures/links/opt-in/ (the generic fixture test
runs only the default rules)."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.config import Selection
from listlint.findings import Finding

from conftest import lint_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "links"

# Defect fixture -> the (code, line, column) of every link finding it must produce.
EXPECTED: dict[str, list[tuple[str, int, int]]] = {
    "LL101-missing-closing-bracket": [("LL101", 7, 61)],
    "LL101-missing-opening-bracket": [("LL101", 7, 66)],
    "LL101-missing-closing-paren": [("LL101", 7, 126)],
    "LL101-wrong-closer": [("LL101", 7, 92)],
    "LL101-misplaced-bracket": [("LL101", 7, 113)],
    "LL101-stray-bracket": [("LL101", 7, 18)],
    "LL101-unmatched-bracket": [("LL101", 7, 25)],
    "LL101-unwrapped-link": [("LL101", 7, 29)],
    "LL101-brackets-inside-link-text": [("LL101", 10, 34)],
    "LL102-reversed": [("LL102", 7, 3)],
    "LL102-space-between": [("LL102", 7, 10)],
    "LL102-no-parentheses": [("LL102", 7, 3)],
    "LL102-missing-paren": [("LL102", 7, 44)],
    "LL102-swapped-paren": [("LL102", 7, 83)],
    "LL102-space-in-destination": [("LL102", 7, 35)],
    "LL102-not-a-url": [("LL102", 7, 14)],
    "LL102-javascript": [("LL102", 7, 14)],
    "LL102-missing-closing-bracket": [("LL102", 7, 12)],
    "LL102-link-inside-link": [("LL102", 7, 3)],
    "LL102-bracket-for-paren": [("LL102", 7, 44)],
    "LL103-undefined-reference": [("LL103", 7, 3)],
    "LL104-unused-reference": [("LL104", 10, 1)],
    "LL104-duplicate-definition": [("LL104", 10, 1)],
    "LL105-empty-text": [("LL105", 7, 3)],
    "LL105-whitespace-text": [("LL105", 7, 3)],
    "LL105-empty-destination": [("LL105", 7, 3)],
    "LL105-empty-link": [("LL105", 7, 65)],
    "LL106-line-break": [("LL106", 7, 82)],
    "LL106-padded": [("LL106", 7, 37)],
    "LL106-space-in-angle-brackets": [("LL106", 7, 12)],
    "LL107-link-text-spaces": [("LL107", 7, 4)],
    "LL108-misspelt-scheme": [("LL108", 7, 11)],
    "LL108-missing-colon": [("LL108", 7, 11)],
    "LL108-missing-scheme": [("LL108", 7, 15)],
    "LL108-domain-as-path": [("LL108", 7, 12)],
    "LL108-invalid-host": [("LL108", 7, 10)],
    "LL108-doubled-scheme": [("LL108", 7, 11)],
    "LL108-disallowed-scheme": [("LL108", 7, 14)],
    "LL108-link-as-destination": [("LL108", 7, 131)],
    "LL108-stray-parenthesis": [("LL108", 7, 11)],
    "LL108-bad-percent-escape": [("LL108", 7, 11)],
    "LL109-missing-file": [("LL109", 7, 22)],
    "LL110-label-contradicts-url": [("LL110", 7, 87)],
    "LL111-bare-url": [("LL111", 9, 3)],
    "LL112-http-with-https-available": [("LL112", 8, 18)],
    "LL112-known-https-host": [("LL112", 7, 14)],
    "opt-in/LL113-http-link": [("LL113", 7, 9)],
}


def link_findings(path: Path, *, with_opt_in: bool = False) -> list[Finding]:
    """Findings of the link family (plus the opt-in LL113 when asked) for one file."""
    selection = Selection(select=["LL1", "LL113"] if with_opt_in else ["LL1"])
    report = lint_paths([str(path)], isolated=True, selection=selection)
    assert not report.errors
    return [finding for finding in report.findings if finding.code.startswith("LL1")]


def _opt_in(name: str) -> bool:
    return name.startswith("opt-in/")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_defect_fixture_reports_exactly_its_findings(name: str) -> None:
    found = link_findings(FIXTURES / f"{name}.md", with_opt_in=_opt_in(name))
    assert [(f.code, f.line, f.column) for f in found] == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_clean_twin_reports_nothing(name: str) -> None:
    assert link_findings(FIXTURES / f"{name}.clean.md", with_opt_in=_opt_in(name)) == []


def test_every_fixture_is_listed_and_has_a_clean_twin() -> None:
    files = [p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("LL1*.md")]
    defects = {name[: -len(".md")] for name in files if not name.endswith(".clean.md")}
    twins = {name[: -len(".clean.md")] for name in files if name.endswith(".clean.md")}
    assert defects == set(EXPECTED) == twins


def test_every_link_rule_has_a_fixture() -> None:
    from listlint.rule import all_rules

    codes = {rule.code for rule in all_rules() if rule.code.startswith("LL1")}
    assert codes == {name.rpartition("/")[2][:5] for name in EXPECTED}


def test_must_not_flag_constructs() -> None:
    """Wikipedia parentheses, autolinks, code, badges, mailto:, resolving references, anchors."""
    assert link_findings(FIXTURES / "must-not-flag.clean.md", with_opt_in=False) == []

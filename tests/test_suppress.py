"""Suppression comments, and the findings about suppressions themselves."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_text

LINE = "- [a](https://a.org) - A. \n"


def codes_by_line(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(tmp_path, text)]


def test_disable_next_line(tmp_path: Path) -> None:
    text = f"# T\n\n<!-- listlint-disable-next-line LL504 -->\n{LINE}\n{LINE}"
    assert codes_by_line(tmp_path, text) == [(6, "LL504")]


def test_disable_line_inline_comment(tmp_path: Path) -> None:
    text = "# T\n\n- [a](https://a.org) - A. <!-- listlint-disable-line trailing-whitespace --> \n"
    assert codes_by_line(tmp_path, text) == []


def test_disable_and_enable_a_block(tmp_path: Path) -> None:
    text = f"# T\n\n<!-- listlint-disable LL5 -->\n\n{LINE}\n<!-- listlint-enable LL5 -->\n\n{LINE}"
    assert codes_by_line(tmp_path, text) == [(9, "LL504")]


def test_disable_without_codes_means_every_rule(tmp_path: Path) -> None:
    text = f"# T\n\n<!-- listlint-disable -->\n\n{LINE}\n## Empty\n"
    assert codes_by_line(tmp_path, text) == []


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path: Path) -> None:
    text = "# T\n\n<!-- listlint-disable-next-line LL504 -->\n- [a](https://a.org) - A.\n"
    assert codes_by_line(tmp_path, text) == [(3, "LL590")]


def test_a_suppression_naming_an_unknown_rule_is_reported(tmp_path: Path) -> None:
    text = "# T\n\n<!-- listlint-disable-next-line LL999 -->\n- [a](https://a.org) - A.\n"
    findings = lint_text(tmp_path, text)
    assert [(f.line, f.code) for f in findings] == [(3, "LL591")]
    assert "LL999" in findings[0].message

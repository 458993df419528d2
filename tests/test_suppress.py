"""Suppression comments, and the findings about suppressions themselves."""

from __future__ import annotations

from pathlib import Path

from conftest import lint_text

LINE = "- [a](https://a.org) - A. \n"
OTHER = "- [b](https://b.org) - B. \n"  # a second entry, not a duplicate of LINE (LL401)


def codes_by_line(tmp_path: Path, text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in lint_text(tmp_path, text)]


def test_disable_next_line(tmp_path: Path) -> None:
    text = f"# T\n\n<!-- listlint-disable-next-line LL504 -->\n{LINE}\n{OTHER}"
    assert codes_by_line(tmp_path, text) == [(6, "LL504")]


def test_disable_line_inline_comment(tmp_path: Path) -> None:
    text = "# T\n\n- [a](https://a.org) - A. <!-- listlint-disable-line trailing-whitespace --> \n"
    assert codes_by_line(tmp_path, text) == []


def test_disable_and_enable_a_block(tmp_path: Path) -> None:
    block = f"<!-- listlint-disable LL5 -->\n\n{LINE}\n<!-- listlint-enable LL5 -->"
    text = f"# T\n\n{block}\n\n{OTHER}"
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


# --- the comments a list already has for awesome-lint and markdownlint -------------------------

TWICE = "- [a](https://a.org) - A.\n- [b](https://b.org) - B.\n- [a](https://a.org) - A again.\n"


def test_awesome_lint_disable_and_enable_of_double_link_suppress_duplicates(
    tmp_path: Path,
) -> None:
    text = (
        f"# T\n\n## S\n\n<!--lint disable double-link-->\n{TWICE}<!--lint enable double-link-->\n"
    )
    assert codes_by_line(tmp_path, text) == []
    assert codes_by_line(tmp_path, f"# T\n\n## S\n\n{TWICE}") == [(7, "LL401")]


def test_awesome_lint_ignore_covers_the_next_block(tmp_path: Path) -> None:
    ignored = "- [a](https://a.org) - A.\n- [a](https://a.org) - A again.\n"
    reported = "- [c](https://c.org) - C.\n- [c](https://c.org) - C again.\n"
    text = f"# T\n\n## S\n\n<!--lint ignore double-link-->\n\n{ignored}\n{reported}"
    assert codes_by_line(tmp_path, text) == [(11, "LL401")]


def test_markdownlint_comments_cover_the_listlint_rules_of_their_rules(tmp_path: Path) -> None:
    text = "# T\n\n<!-- markdownlint-disable-next-line MD051 -->\nSee [x](#nowhere).\n"
    assert codes_by_line(tmp_path, text) == []
    text = "# T\n\n<!-- markdownlint-disable-next-line MD009 -->\nSee [x](#nowhere).\n"
    assert codes_by_line(tmp_path, text) == [(4, "LL201")]


def test_other_linters_comments_are_never_unused_nor_unknown(tmp_path: Path) -> None:
    text = (
        "# T\n\n<!--lint disable awesome-spell-check-->\n<!--lint disable double-link-->\n"
        "<!-- markdownlint-disable MD013 -->\n\n- [a](https://a.org) - A.\n"
    )
    assert codes_by_line(tmp_path, text) == []


def test_a_markdownlint_disable_of_everything_leaves_the_duplicate_rules_on(
    tmp_path: Path,
) -> None:
    text = f"<!-- markdownlint-disable -->\n# T\n\n## S\n\n{TWICE}"
    assert codes_by_line(tmp_path, text) == [(8, "LL401")]

"""The LL3xx entry rules: one defect per fixture, clean twins, fixes, the seed and awesome-lint."""

from __future__ import annotations

from pathlib import Path

import pytest
from _entries_helpers import FIXTURES, entry_problems, fix_text, lint_text, shared_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.model.document import parse_document
from listlint.rule import find_rule

from conftest import check_rule

EXPECTED = {
    "LL301-name-not-link": [("LL301", 10)],
    "LL302-en-dash-separator": [("LL302", 10)],
    "LL302-missing-separator": [("LL302", 10)],
    "LL303-missing-description": [("LL303", 15)],
    "LL304-description-on-title-line": [("LL304", 21)],
    "LL305-description-blank-line": [("LL305", 22)],
    "LL306-title-link-space": [("LL306", 21)],
    "LL307-link-group-spacing": [("LL307", 21)],
    "LL309-doubled-marker": [("LL309", 10)],
    "LL309-no-space-after-marker": [("LL309", 10)],
    "LL310-description-capital": [("LL310", 11)],
    "LL311-description-ending": [("LL311", 11)],
    "LL312-doubled-punctuation": [("LL312", 11)],
    "LL313-description-repeats-name": [("LL313", 11)],
    "LL320-list-marker": [("LL320", 18)],
    "LL321-list-indent": [("LL321", 11)],
    "LL330-alphabetical-order": [("LL330", 51)],
    "LL340-entry-outside-section": [("LL340", 3)],
    "LL341-entry-in-toc": [("LL341", 9)],
}

# fixes that turn the defect file into exactly its clean twin
FIXED_TO_CLEAN = {
    "LL302-en-dash-separator",
    "LL304-description-on-title-line",
    "LL305-description-blank-line",
    "LL306-title-link-space",
    "LL307-link-group-spacing",
    "LL309-doubled-marker",
    "LL309-no-space-after-marker",
    "LL312-doubled-punctuation",
    "LL320-list-marker",
    "LL321-list-indent",
}


def test_every_fixture_has_an_expectation_and_a_clean_twin() -> None:
    defects = {
        p.name[: -len(".md")] for p in FIXTURES.glob("*.md") if not p.name.endswith(".clean.md")
    }
    assert defects == set(EXPECTED)
    assert all((FIXTURES / f"{name}.clean.md").is_file() for name in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_defect_fixture_reports_exactly_its_code_and_line(name: str) -> None:
    assert lint_text((FIXTURES / f"{name}.md").read_text("utf-8")) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_clean_twin_reports_nothing_in_the_family(name: str) -> None:
    assert lint_text((FIXTURES / f"{name}.clean.md").read_text("utf-8")) == []


@pytest.mark.parametrize("name", sorted(FIXED_TO_CLEAN))
def test_safe_fix_turns_the_defect_into_its_clean_twin(name: str) -> None:
    code = EXPECTED[name][0][0]
    fixed = fix_text((FIXTURES / f"{name}.md").read_text("utf-8"), code)
    assert fixed == (FIXTURES / f"{name}.clean.md").read_text("utf-8")
    assert fix_text(fixed, code) == fixed  # idempotent


def test_alphabetical_order_fix_is_unsafe_and_sorts_the_list() -> None:
    text = (FIXTURES / "LL330-alphabetical-order.md").read_text("utf-8")
    assert fix_text(text, "LL330") == text
    assert fix_text(text, "LL330", unsafe=True) == (
        FIXTURES / "LL330-alphabetical-order.clean.md"
    ).read_text("utf-8")


def test_fixes_keep_crlf_line_endings() -> None:
    text = (FIXTURES / "LL305-description-blank-line.md").read_text("utf-8").replace("\n", "\r\n")
    fixed = fix_text(text, "LL305")
    assert "\r\n\r\nDeep learning infrastructure" in fixed
    assert "\n" not in fixed.replace("\r\n", "")


def test_messages_quote_the_inferred_convention() -> None:
    doc = parse_document((FIXTURES / "LL311-description-ending.md").read_text("utf-8"), "x.md")
    rule = find_rule("LL311")
    assert rule is not None
    ((_, problem),) = check_rule(rule, [doc])
    assert "6 of 7 descriptions in this document end with '.', '!'" in problem.message


def test_a_list_without_a_clear_majority_has_no_convention() -> None:
    text = "# T\n\n## S\n\n" + "".join(
        f"- [n{i}](https://e.com/{i}) - Description {i}{'.' if i % 2 else ''}\n" for i in range(8)
    )
    assert [c for c, _ in lint_text(text)] == []


def test_configured_style_applies_without_a_majority() -> None:
    text = "# T\n\n## S\n\n- [a](https://e.com/a) - lower start and no period\n"
    assert lint_text(text) == []
    assert lint_text(text, {"entries": {"style": "awesome"}}) == [("LL310", 5), ("LL311", 5)]


def test_custom_style_requires_link_labels() -> None:
    text = (
        "# T\n\n## S\n\n**Tool** [[github](https://github.com/a/b)][[paper](https://doi.org/1)]\n\n"
        "Does x.\n\n**Other** [[github](https://github.com/c/d)]\n\nDoes y.\n"
    )
    settings = {"entries": {"style": {"base": "bold-title", "labels": ["paper"]}}}
    assert lint_text(text, settings) == [("LL308", 9)]


def test_sorted_setting_turns_ordering_on_and_off() -> None:
    text = (
        "# T\n\n## S\n\n- [b](https://e.com/b) - Second.\n"
        "- [a](https://e.com/a) - First.\n- [c](https://e.com/c) - Third.\n"
    )
    assert lint_text(text) == []
    assert lint_text(text, {"entries": {"sorted": True}}) == [("LL330", 6)]
    sorted_text = (FIXTURES / "LL330-alphabetical-order.md").read_text("utf-8")
    assert lint_text(sorted_text, {"entries": {"sorted": False}}) == []


def test_schema_accepts_named_and_custom_styles_and_rejects_unknown_keys(tmp_path: Path) -> None:
    from listlint.config import ConfigError, load_config

    good = tmp_path / "good.toml"
    good.write_text(
        '[entries]\nstyle = { base = "awesome", separator = " — ", ending = "" }\nsorted = true\n'
    )
    assert load_config(good).settings()["entries"]["sorted"] is True
    for bad in (
        'style = "fancy"',
        'style = { separator = " - ", colour = "red" }',
        'sorted = "yes"',
    ):
        path = tmp_path / "bad.toml"
        path.write_text(f"[entries]\n{bad}\n")
        with pytest.raises(ConfigError):
            load_config(path)


def _corpus_list(name: str) -> Path:
    corpus = shared_corpus()
    if corpus is None:
        pytest.skip("shared corpus not found above the tests folder")
    return corpus / "lists" / name


def test_seed_reports_exactly_the_issue_findings() -> None:
    text = _corpus_list("hussius__deeplearning-biology__seed.md").read_text("utf-8")
    assert lint_text(text) == [
        ("LL304", 100),  # description on the title line
        ("LL306", 111),  # **Title**[[...  (missing space before the links)
        ("LL306", 115),
        ("LL306", 143),
        ("LL306", 147),
        ("LL307", 184),  # ] [ between link groups
        ("LL305", 185),  # description on the next line, no blank line
        ("LL307", 282),
        ("LL306", 317),
        ("LL306", 321),
        ("LL306", 325),
    ]


# awesome-lint's list-item fixtures: file -> the LL3 problems expected with style "awesome"
AWESOME_LINT = {
    "0.md": [],
    "2.md": [],
    "3.md": [("LL311", 10)],  # awesome-lint also reports `[foo]()`: a link problem (LL1xx) here
    "5.md": [],
    "6.md": [],
    "7.md": [],
    "8.md": [],
    "9.md": [],
    "10.md": [("LL309", 1)],
}


def _awesome_lint_fixture(name: str) -> str:
    corpus = shared_corpus()
    if corpus is None:
        pytest.skip("shared peer fixtures not found above the tests folder")
    path = corpus.parent / "peer-fixtures" / "awesome-lint" / "fixtures" / "list-item" / name
    return path.read_text("utf-8")


@pytest.mark.parametrize("name", sorted(AWESOME_LINT))
def test_awesome_lint_list_item_fixtures(name: str) -> None:
    found = lint_text(_awesome_lint_fixture(name), {"entries": {"style": "awesome"}})
    assert [f for f in found if f[0] != "LL340"] == AWESOME_LINT[name]


def test_awesome_lint_invalid_fixture_reports_each_invalid_item() -> None:
    text = _awesome_lint_fixture("1.md")
    lines = {line for _, line in lint_text(text, {"entries": {"style": "awesome"}})}
    assert {
        3,
        4,
        5,
        8,
        9,
        10,
        12,
        13,
        16,
        19,
        73,
        74,
    } <= lines  # casing, separators, endings, names
    assert set(range(37, 53)) | set(range(54, 70)) <= lines  # punctuation after a quoted end


MARKDOWN_BITS = [
    "- ",
    "* ",
    "  - ",
    "\t- ",
    "1. ",
    "-",
    "**",
    "__",
    "[",
    "]",
    "(",
    ")",
    "[x](https://x.org)",
    "[y](#y)",
    "![i](i.png)",
    " - ",
    " – ",
    ": ",
    "`c`",
    ".",
    "..",
    ",",
    "\n",
    "\n\n",
    "# H\n",
    "## S\n",
    "| a | b |\n|---|---|\n",
    "word ",
    "Word ",
    "(part of X) ",
    "> ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MARKDOWN_BITS), max_size=60))
def test_the_family_never_crashes_and_reports_inside_the_document(bits: list[str]) -> None:
    text = "".join(bits)
    doc = parse_document(text, "fuzz.md")
    lines = len(doc.lines)
    for style in ("auto", "awesome", "bold-title"):
        for _, problem in entry_problems(doc, {"entries": {"style": style}}):
            assert 1 <= problem.span.line <= max(lines, 1)
            for edit in problem.fix.edits if problem.fix else ():
                assert 1 <= edit.line <= edit.end_line <= max(lines, 1)

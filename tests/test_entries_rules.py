"""The LL3xx entry rules: one defect per fixture, clean twins, fixes, the seed and awesome-lint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _entries_helpers import FIXTURES, entry_problems, fix_text, lint_text, shared_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.model.document import parse_document
from listlint.rule import find_rule
from listlint.rules._entries import analyse_lists

from conftest import check_rule

EXPECTED = {
    "LL301-name-not-link": [("LL301", 10)],
    "LL302-en-dash-separator": [("LL302", 10)],
    "LL302-missing-separator": [("LL302", 10)],
    "LL302-sub-list-separator": [("LL302", 20)],
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
    "LL302-sub-list-separator",
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


@pytest.mark.properties
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


def found(text: str, settings: dict[str, Any] | None = None) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of every LL3 problem in ``text``."""
    doc = parse_document(text, "test.md")
    return [
        (code, p.span.line, p.span.column, p.message) for code, p in entry_problems(doc, settings)
    ]


def described(count: int, start: int = 1, separator: str = " - ") -> str:
    """``count`` ordinary entries, capitalised, ending with a period."""
    return "".join(
        f"- [Tool{n}](https://tool{n}.example.com){separator}Provides feature {n}.\n"
        for n in range(start, start + count)
    )


# Metadata is not the description ------------------------------------------------------------


def test_language_tags_markers_and_bylines_are_not_judged_as_descriptions() -> None:
    text = (
        "# L\n\n## Tools\n\n"
        "- [CellPhoneDB](https://github.com/a/c) - [python] - Publicly available ligands.\n"
        "- [CITE-seq-Count](https://github.com/H/csc) - [python] Cite-seq-Count is a package.\n"
        "- [Boost](https://github.com/boostorg) :zap: - A large collection of libraries.\n"
        "- [Online Learning](https://github.com/lendle/OnlineLearning.jl) **[Deprecated]**\n"
        "- [Presentation](https://example.org/pres) - by [Helio Junior](https://github.com/hj).\n"
        "- [Defaults](https://example.org/defaults) - By default, widgets are stateless.\n"
        "- [EBI course](https://gitlab.com/m/ws) | [website](https://m.gitlab.io/ws/)\n"
        "- [android-jobs](https://github.com/a/android-jobs) _In Chinese_ - Android positions.\n"
        "- [Grunt](https://gruntjs.com) *(deprecated)* - Task runner.\n" + described(10)
    )
    assert found(text) == []


def test_trailing_version_tags_and_placeholders_are_not_endings() -> None:
    rows = "".join(
        f"| [**API{n}**](https://api{n}.example.com/) | Lets you do thing {n}. | **N/A** |\n"
        for n in range(1, 11)
    )
    text = (
        "# APIs\n\n## Google\n\n| API | Description | Auth |\n|---|---|---|\n"
        "| [**Gmail API**](https://developers.google.com/gmail/api/) | The Gmail REST API. _v1_ "
        "| **N/A** |\n"
        "| [**Licenses API**](https://developer.github.com/v3/licenses/) | **N/A** | **N/A** |\n"
        + rows
    )
    assert found(text) == []


def test_an_ellipsis_after_a_mark_and_an_elision_are_not_doubled_punctuation() -> None:
    text = (
        "# L\n\n## Tools\n\n"
        "- [rust-bert](https://github.com/g/rust-bert) - NLP models (BERT, GPT2,...).\n"
        "- [eCAL](https://github.com/c/ecal) - Message protocols (protobuf, capnproto ..).\n"
        "- [Etc](https://github.com/e/etc) - Lists, queues; ... and maps!…\n"
        "- [Typo](https://github.com/t/typo) - Fast linter,.\n" + described(10)
    )
    assert [(code, line) for code, line, *_ in found(text)] == [("LL312", 8)]


def test_cjk_full_stops_end_descriptions_and_the_fix_adds_one() -> None:
    rows = "".join(f"- [T{n}](https://t{n}.example) - 第{n}个工具。\n" for n in range(10))
    text = "# 列表\n\n## 工具\n\n" + rows + "- [K](https://k.example) - 终端工具\n"
    assert found(text) == [
        (
            "LL311",
            15,
            28,
            "description of 'K' does not end with punctuation; end it with '。' (10 of 11 "
            "descriptions in this document end with '.', '!', '?', '…' or '。')",
        )
    ]
    assert fix_text(text, "LL311", unsafe=True).endswith("终端工具。\n")


def test_a_leading_emoji_shortcode_is_not_the_descriptions_first_word() -> None:
    rows = "".join(f"- [T{n}](https://t{n}.example) - The tool {n}.\n" for n in range(5))
    text = "# List\n\n## Tools\n\n" + rows + "- [Floaty](https://f.example) - :heart: Heart rate.\n"
    assert [code for code, *_ in found(text)] == []  # vsouza/awesome-ios: `:heart: Floating …`
    lowered = text.replace(":heart: Heart rate.", ":heart: the best tool.")
    assert [(code, message.split(" (")[0]) for code, _, _, message in found(lowered)] == [
        ("LL310", "description of 'Floaty' starts with lowercase 'the'")
    ]


def test_no_capital_convention_where_descriptions_are_mostly_not_latin() -> None:
    rows = "".join(f"- [T{n}](https://t{n}.example) - 第{n}个工具\n" for n in range(10))
    text = (
        "# 列表\n\n## 工具\n\n" + rows + "- [A](https://a.example) - Shell 测试框架\n"
        "- [B](https://b.example) - shell 测试框架\n"
    )
    assert [code for code, *_ in found(text)] == []


# Conventions are decided where the evidence is, and messages quote that population ----------


def test_a_sub_list_with_its_own_separator_is_one_finding() -> None:
    text = (
        "# Docker\n\n## Tools\n\n" + described(40) + "\n## Tutorials\n\n"
        "- [T1](https://t.example/1): Learn one.\n- [T2](https://t.example/2): Learn two.\n"
        "- [T3](https://t.example/3): Learn three.\n\n## Videos\n\n"
        "- [V1](https://v.example/1) Watch one.\n- [V2](https://v.example/2) Watch two.\n"
        "- [V3](https://v.example/3) Watch three.\n- [V4](https://v.example/4) Watch four.\n"
    )
    evidence = "(40 of 47 entries in this document separate name and description that way)"
    assert found(text) == [
        (
            "LL302",
            48,
            28,
            f"this list (3 entries) separates with ': ', unlike the document; write ' - ' "
            f"{evidence}",
        ),
        (
            "LL302",
            54,
            28,
            "this list (4 entries) runs name and description together, unlike the document; "
            f"write ' - ' {evidence}",
        ),
    ]
    fixed = fix_text(text, "LL302")  # the safe fix rewrites the ': ' list only
    assert "- [T1](https://t.example/1) - Learn one." in fixed
    assert "- [V1](https://v.example/1) Watch one." in fixed


def test_a_sub_list_judges_its_own_entries_in_a_mixed_document() -> None:
    periods = "".join(f"- [P{n}](https://p{n}.example) - Does {n}.\n" for n in range(9))
    bare = "".join(f"- [B{n}](https://b{n}.example) - Does {n}\n" for n in range(9))
    text = (
        "# L\n\n## With\n\n" + periods + "- [Odd](https://odd.example) - Does odd\n\n"
        "## Without\n\n" + bare
    )
    assert found(text) == [
        (
            "LL311",
            14,
            32,
            "description of 'Odd' does not end with punctuation; end it with '.' "
            "(9 of 10 descriptions of this list end with '.', '!', '?', '…' or '。')",
        )
    ]


def test_a_list_reported_for_its_endings_does_not_also_ask_its_one_right_entry_to_change() -> None:
    text = (
        "# L\n\n## Tools\n\n"
        + described(20)
        + "\n## Stars\n\n"
        + "".join(f"- [S{n}](https://s{n}.example) - A star rating view\n" for n in range(4))
    )
    text += "- [Rate](https://r.example) - An emoji-like rating view.\n"  # vsouza/awesome-ios
    assert [(code, line) for code, line, *_ in found(text) if code == "LL311"] == [("LL311", 28)]


def test_a_prose_list_is_its_own_convention_for_separator_and_capital() -> None:
    text = (
        "# L\n\n## Tools\n\n" + described(20) + "\n## Docs\n\n"
        "- [DevDocs](https://devdocs.io) is an API documentation reader.\n"
        "- [docco](https://ashkenas.com/docco/) is a literate documentation generator.\n"
        "- [dox](https://github.com/tj/dox) is a JavaScript documentation generator.\n"
    )
    assert found(text) == []


# One slip, one finding ------------------------------------------------------------------------


def test_order_is_reported_once_on_the_entry_that_moved() -> None:
    sorted_sections = "".join(
        f"## S{n}\n\n- [Alpha{n}](https://a.example/{n}1) - A.\n"
        f"- [Beta{n}](https://a.example/{n}2) - B.\n- [Gamma{n}](https://a.example/{n}3) - C.\n\n"
        for n in range(10)
    )
    text = (
        "# Sorted\n\n" + sorted_sections + "## Misplaced\n\n"
        "- [Omega](https://c.example/1) - Moved to the top by mistake.\n"
        "- [Alpha](https://c.example/2) - A.\n- [Beta](https://c.example/3) - B.\n"
        "- [Delta](https://c.example/5) - D.\n- [Gamma](https://c.example/4) - C.\n\n"
        "## Official\n\n- [Moby](https://m.example) - M.\n- [Docker Hub](https://h.example) - H.\n"
        "- [Docker Compose](https://c.example) - C.\n- [Docker Registry](https://r.example) - R.\n"
    )
    assert found(text) == [
        (
            "LL330",
            65,
            4,
            "'Omega' is out of alphabetical order: it belongs after 'Gamma' "
            "(10 of 12 lists in this document are sorted alphabetically)",
        )
    ]


def test_a_list_indented_together_is_one_finding() -> None:
    text = (
        "# C++\n\n## CLI\n\n- [Argh](https://github.com/a/argh) - Argument handler.\n"
        " - [argparse](https://github.com/p/argparse) - Argument parser.\n"
        " - [args](https://github.com/t/args) - Header-only parser.\n"
        " - [CLI11](https://github.com/c/cli11) - CLI parsing.\n\n## Other\n\n" + described(20)
    )
    assert found(text) == [
        (
            "LL321",
            6,
            1,
            "3 of the 4 items of this list are indented with ' '; indent them with '' "
            "(21 of 24 items at depth 0 in this document are indented that way)",
        )
    ]
    assert " - [args]" not in fix_text(text, "LL321")


# Cross-references, notes, language switchers --------------------------------------------------


def test_cross_references_notes_and_broken_links_are_not_entries_without_links() -> None:
    text = (
        "# Payments\n\n## Tools\n\n- [Venmo](#payments)\n"
        "- More in [awful-ai](https://github.com/daviddao/awful-ai)\n"
        "- Meetup [Washington DC] (https://www.meetup.com/DCFlutter/)\n"
        "- Gender: [#1](https://gist.github.com/g/1) & [#2](https://medium.com/g/2) - Complex.\n"
        + described(10)
        + "\n## Payments\n\n- [PayPal](https://paypal.com) - Online payments.\n"
    )
    assert [code for code, *_ in found(text)] == []


def test_a_list_of_per_language_catalogues_is_entries_not_a_table_of_contents() -> None:
    languages = ["Arabic", "Burmese", "Chinese", "Czech", "Dutch", "French", "German", "Nepali"]
    languages += ["Polish", "Japanese"]
    text = "# Free Books\n\n## Books\n\n" + "".join(
        f"+ [{language} / native](books/free-books-{n}.md)\n"
        for n, language in enumerate(languages)
    )
    doc = parse_document(text, "test.md")
    analysis = analyse_lists(doc)
    assert not analysis.navigation and not analysis.toc
    assert [code for code, *_ in found(text) if code == "LL341"] == []


def test_groups_that_each_link_back_to_the_top_hold_entries_not_a_table_of_contents() -> None:
    text = (  # keon/awesome-nlp: every language group links back to the contents
        "# Awesome X\n\n## Libraries\n\n"
        "- **Python** | [Back to Top](#awesome-x)\n"
        "  - [spaCy](https://github.com/explosion/spaCy) - Industrial-strength NLP.\n"
        "  - [NLTK](https://www.nltk.org/) - Natural Language Toolkit.\n"
        "- **Java** | [Back to Top](#awesome-x)\n"
        "  - [OpenNLP](https://opennlp.apache.org/) - Apache OpenNLP.\n"
    )
    analysis = analyse_lists(parse_document(text, "test.md"))
    assert not analysis.navigation and not analysis.toc
    assert [code for code, *_ in found(text) if code == "LL341"] == []


def test_only_a_described_web_entry_in_a_real_table_of_contents_is_reported() -> None:
    toc = "".join(f"- [Section {n}](#section-{n})\n" for n in range(1, 6))
    text = (
        "# Tools\n\n## Contents\n\n" + toc + "- [Contributing](CONTRIBUTING.md) - How to help.\n"
        "- [Awesome Zsh](https://github.com/unixorn/awesome-zsh-plugins)\n"
        "- [yapf](https://github.com/google/yapf) - Formatter from Google.\n"
    )
    assert [(code, line) for code, line, *_ in found(text) if code == "LL341"] == [("LL341", 12)]


def test_a_language_switcher_is_navigation() -> None:
    text = (
        "# Coding Interview University\n\n- [Español](translations/README-es.md)\n"
        "- [German](translations/README-de.md)\n- [简体中文](translations/README-cn.md)\n\n"
        "## Topics\n\n- [Big-O](https://example.org/bigo) - Notation.\n"
    )
    assert found(text) == []


def test_an_entry_out_of_order_is_placed_by_the_case_insensitive_order() -> None:
    names = ["avatica", "bgc", "firebirdsql", "go-adodb", "gofreetds", "FreeTDS", "pq"]
    sorted_lists = "".join(
        f"\n## S{n}\n\n- [a{n}](https://a.example/{n}) - A.\n- [b{n}](https://b.example/{n}) - B."
        f"\n- [c{n}](https://c.example/{n}) - C.\n"
        for n in range(5)
    )
    text = "# L\n\n## Drivers\n\n" + "".join(
        f"- [{name}](https://x.example/{name}) - X.\n" for name in names
    )
    doc = parse_document(text + sorted_lists, "test.md")
    found = [p.message for code, p in entry_problems(doc) if code == "LL330"]
    assert (
        len(found) == 1 and "'FreeTDS' is out of alphabetical order: it belongs after " in found[0]
    )
    assert "after 'firebirdsql'" in found[0]


def test_a_prose_bullet_list_is_not_held_to_the_entries_marker() -> None:
    entries = "".join(f"- [e{n}](https://e.example/{n}) - E {n}.\n" for n in range(12))
    text = f"# L\n\n## Tools\n\n{entries}\n## Team\n\n* Alice, maintainer.\n* Bob, reviewer.\n"
    assert [code for code, _ in lint_text(text) if code == "LL320"] == []
    slip = text + "\n## More\n\n* [x](https://x.example) - X.\n* [y](https://y.example) - Y.\n"
    assert ("LL320", 25) in lint_text(slip)


PUNCTUATION = st.sampled_from([*'ab .,;!?"\u201d\u2026\t', "..", "x."])


@settings(max_examples=300, deadline=None)
@given(st.lists(PUNCTUATION, max_size=12).map("".join))
def test_doubled_punctuation_prefilter_never_hides_a_match(prose: str) -> None:
    from listlint.rules.ll312_doubled_punctuation import _DOUBLED, _may_double

    if _DOUBLED.search(prose):
        assert _may_double(prose)

"""The TOC rules learn each list's own conventions (coverage, nesting, order, text) from its
majority, and report only what breaks them: one finding per defect, with a message that says
two different things. Cases from real lists, minimised (the reviewer's reproductions)."""

from __future__ import annotations

import pytest
from _toc_helpers import findings, fixed, lines, where

# --- coverage: decided level by level, and per branch (issue item 1) ---------------------------

H2_TOC_WITH_ONE_H3 = lines(
    "# List",
    "## Contents",
    "- [Apps](#apps)",
    "- [Tools](#tools)",
    "- [Web](#web)",
    "## Apps",
    "### Desktop",
    "## Tools",
    "### Web",
    "### CLI",
)


def test_an_h3_listed_by_exception_is_one_finding_on_its_entry() -> None:
    found = findings(H2_TOC_WITH_ONE_H3, ["LL2"])
    assert where(found) == [("LL205", 5, 1)]
    assert found[0].message == (
        "TOC entry `Web` is listed at the top level, but its heading (`### Web`, line 9) is a "
        "sub-section of `Tools` (the TOC lists h3 headings only by exception); nest the entry "
        "under `Tools`"
    )


def test_the_exception_is_nested_under_its_section_and_nothing_else_changes() -> None:
    assert fixed(H2_TOC_WITH_ONE_H3, ["LL2"]) == H2_TOC_WITH_ONE_H3.replace(
        "- [Web](#web)", "  - [Web](#web)"
    )


def test_a_level_the_toc_mostly_lists_is_expected_whole() -> None:
    text = lines(
        "## Contents",
        "- [Apps](#apps)",
        "  - [Desktop](#desktop)",
        "- [Tools](#tools)",
        "  - [Web](#web)",
        "## Apps",
        "### Desktop",
        "## Tools",
        "### Web",
        "### CLI",
    )
    found = findings(text, ["LL2"])
    assert where(found) == [("LL202", 10, 1)]
    assert "(it lists 2 of the 3 h3 headings); add it under `Tools`" in found[0].message
    assert fixed(text, ["LL2"]) == text.replace(
        "  - [Web](#web)\n", "  - [Web](#web)\n  - [CLI](#cli)\n"
    )


def test_a_branch_whose_sub_sections_are_listed_is_covered_on_its_own() -> None:
    text = lines(
        "## Contents",
        "- [Languages](#languages)",
        "  - [Go](#go)",
        "  - [Rust](#rust)",
        "- [Tools](#tools)",
        "- [Books](#books)",
        "## Languages",
        "### Go",
        "### Rust",
        "### Zig",
        "## Tools",
        "### Linters",
        "### Editors",
        "### Formatters",
        "### Debuggers",
        "## Books",
        "### Novels",
    )
    found = findings(text, ["LL2"])
    assert where(found) == [("LL202", 10, 1)]
    assert "it lists 2 of the 3 sub-sections of `Languages` under it" in found[0].message


def test_depth_exception_from_a_real_list() -> None:
    # Solido/awesome-flutter, minimised: `Editors` is one h3 of four, followed by another.
    text = lines(
        "# Awesome X",
        "## Contents",
        "- [Tools](#tools)",
        "- [Editors](#editors)",
        "- [Books](#books)",
        "## Tools",
        "### Linters",
        "- [a](https://a.example) - A.",
        "### Editors",
        "- [b](https://b.example) - B.",
        "### Formatters",
        "- [b](https://b.example) - B.",
        "## Books",
        "### Novels",
        "- [c](https://c.example) - C.",
    )
    assert where(findings(text)) == [("LL205", 4, 1)]


# --- nesting: the title (and Contents) listed beside the sections (issue item 2) ----------------

TITLE_BESIDE = lines(
    "# Awesome X",
    "## Contents",
    "- [Awesome X](#awesome-x)",
    "- [Contents](#contents)",
    "- [Tools](#tools)",
    "    - [Linters](#linters)",
    "- [Books](#books)",
    "## Tools",
    "### Linters",
    "- [a](https://a.example) - A.",
    "## Books",
    "- [c](https://c.example) - C.",
)


def test_a_toc_that_lists_the_title_beside_the_sections_is_clean() -> None:
    assert findings(TITLE_BESIDE) == []


def test_a_toc_with_the_title_as_root_is_clean_too() -> None:
    text = TITLE_BESIDE.replace("- [Contents](#contents)\n", "").replace(
        "- [Tools](#tools)\n    - [Linters](#linters)\n- [Books](#books)",
        "    - [Tools](#tools)\n        - [Linters](#linters)\n    - [Books](#books)",
    )
    assert findings(text) == []


TITLE_ROOT_WITH_BADGE = lines(
    "# Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    "## Contents",
    "- [Awesome X](#awesome-x)",
    "  - [Tools](#tools)",
    "  - [Editors](#editors)",
    "## Tools",
    "- [t](https://t.example) - T.",
    "## Editors",
    "- [e](https://e.example) - E.",
)


def test_a_title_root_entry_that_misses_the_badge_s_dash_is_retargeted_to_the_title() -> None:
    found = findings(TITLE_ROOT_WITH_BADGE)
    assert where(found) == [("LL203", 3, 3)]
    assert found[0].message == (
        "TOC entry `Awesome X` points to `#awesome-x`, the title `Awesome X` (line 1) is "
        "`#awesome-x-`: retarget it"
    )
    assert found[0].fix is not None and found[0].fix.safe
    assert fixed(TITLE_ROOT_WITH_BADGE) == TITLE_ROOT_WITH_BADGE.replace(
        "(#awesome-x)", "(#awesome-x-)"
    )


def test_regenerating_keeps_the_title_root_entry_as_the_root() -> None:
    found = findings(TITLE_ROOT_WITH_BADGE, ["LL209"], ())
    assert found[0].message.startswith(
        "the table of contents differs from its headings in 1 entry;"
    )
    assert fixed(TITLE_ROOT_WITH_BADGE, ["LL209"], (), unsafe=True) == (
        TITLE_ROOT_WITH_BADGE.replace("(#awesome-x)", "(#awesome-x-)")
    )


def test_only_the_entry_that_breaks_the_convention_is_reported_with_both_remedies() -> None:
    text = TITLE_BESIDE.replace(
        "    - [Linters](#linters)\n", "    - [Linters](#linters)\n    - [Terminals](#terminals)\n"
    ).replace("## Books", "## Terminals\n- [b](https://b.example) - B.\n## Books")
    found = findings(text)
    assert where(found) == [("LL205", 7, 1)]
    assert found[0].message == (
        "TOC entry `Terminals` is listed under `Tools`, but its heading (`## Terminals`, line 12) "
        "is a section of its own; move the entry to the top level, or make the heading `###`"
    )
    assert found[0].fix is not None and not found[0].fix.safe  # two remedies: the user chooses
    assert fixed(text, unsafe=True) == text.replace(
        "    - [Terminals](#terminals)", "- [Terminals](#terminals)"
    )


# --- one defect, one finding (issue item 4) ----------------------------------------------------


def test_a_renamed_heading_is_one_finding_with_one_fix() -> None:
    text = lines(
        "## Contents",
        "- [Tools](#tools)",
        "- [SQL Lite](#sql-lite)",
        "## Tools",
        "- [a](https://a.example) - A.",
        "## SQLite",
        "- [b](https://b.example) - B.",
    )
    found = findings(text)
    assert where(found) == [("LL203", 3, 3)]
    assert found[0].message == (
        "TOC entry `SQL Lite` points to `#sql-lite`, the heading is now `SQLite` (line 6, "
        "`#sqlite`): retarget it"
    )
    assert fixed(text) == text.replace("(#sql-lite)", "(#sqlite)")  # the text is LL206's


def test_a_case_only_fragment_is_one_finding() -> None:
    text = lines(
        "## Contents",
        "- [Tools](#tools)",
        "- [AI Tools](#AI-Tools)",
        "## Tools",
        "- [a](https://a.example) - A.",
        "## AI Tools",
        "- [b](https://b.example) - B.",
    )
    assert where(findings(text)) == [("LL208", 3, 3)]


def test_a_heading_moved_under_another_is_reported_as_misplaced_not_also_out_of_order() -> None:
    text = lines(
        "## Contents",
        "- [Elixir](#elixir)",
        "- [Elm](#elm)",
        "- [JavaScript](#javascript)",
        "- [Ruby](#ruby)",
        "    - [Rails](#rails)",
        "## Elixir",
        "- [a](https://a.example) - A.",
        "## JavaScript",
        "- [b](https://b.example) - B.",
        "### Elm",
        "- [c](https://c.example) - C.",
        "### Vue",
        "- [e](https://e.example) - E.",
        "## Ruby",
        "### Rails",
        "- [d](https://d.example) - D.",
    )
    found = findings(text, ignore=("LL209", "LL202"))
    assert where(found) == [("LL205", 3, 1)]
    assert found[0].fix is not None and found[0].fix.safe
    assert fixed(text, ignore=("LL209", "LL202")) == text.replace("- [Elm](#elm)\n", "").replace(
        "- [JavaScript](#javascript)\n", "- [JavaScript](#javascript)\n    - [Elm](#elm)\n"
    )


def test_the_dead_entry_is_paired_with_the_unlisted_heading_where_it_stands() -> None:
    # josephmisiti/awesome-machine-learning: `#rust-nlp` is not the Ruby `NLP`, already listed.
    text = lines(
        "## Contents",
        "- [Ruby](#ruby)",
        "    - [NLP](#ruby-nlp)",
        "- [Rust](#rust)",
        "    - [NLP](#rust-nlp)",
        "## Ruby",
        '<a name="ruby-nlp"></a>',
        "### NLP",
        "- [a](https://a.example) - A.",
        "## Rust",
        "### NLP",
        "- [b](https://b.example) - B.",
    )
    found = findings(text)
    assert where(found) == [("LL203", 5, 7)]
    assert "its heading `NLP` (line 11) is `#nlp-1`: retarget it" in found[0].message


def test_an_entry_for_a_removed_section_is_deleted() -> None:
    text = lines(
        "## Contents",
        "- [Tools](#tools)",
        "- [Gone](#gone)",
        "## Tools",
        "- [a](https://a.example) - A.",
    )
    found = findings(text)
    assert where(found) == [("LL203", 3, 3)]
    assert "which no heading has any more; remove the entry" in found[0].message
    assert fixed(text) == text.replace("- [Gone](#gone)\n", "")


def test_an_entry_landing_on_a_deeper_namesake_is_one_finding_on_the_entry() -> None:
    # luong-komorebi/Awesome-Linux-Software history: `#utilities` is the h3 under `Audio`.
    text = lines(
        "## Contents",
        "- [Audio](#audio)",
        "- [Utilities](#utilities)",
        "## Audio",
        "### Players",
        "- [a](https://a.example) - A.",
        "### Utilities",
        "- [b](https://b.example) - B.",
        "## Utilities",
        "### Disk",
        "- [c](https://c.example) - C.",
    )
    found = findings(text)
    assert where(found) == [("LL207", 3, 3)]
    assert found[0].message == (
        "TOC entry `Utilities` links to `#utilities`, the `### Utilities` heading on line 7 "
        "under `Audio`; the `## Utilities` heading on line 9 is `#utilities-1`"
    )
    assert fixed(text) == text.replace("(#utilities)", "(#utilities-1)")


# --- finding the TOC, and what its text may leave out -------------------------------------------


def test_a_shortcode_in_the_toc_heading_and_a_chapter_toc_below() -> None:
    # trimstray/the-book-of-secret-knowledge: the main TOC has a `:anger:`; a chapter has its own.
    text = lines(
        "# Awesome X",
        "## :anger: &nbsp;Table of Contents",
        "- [Tools](#tools)",
        "- [One-liners](#one-liners)",
        "## Tools",
        "- [a](https://a.example) - A.",
        "## One-liners",
        "##### Table of Contents",
        "- [tar](#tool-tar)",
        "##### Tool: tar",
        "`tar xf x.tar`",
        "## Misc",
        "- [d](https://d.example) - D.",
    )
    found = findings(text, ignore=("LL209", "LL501"))
    assert where(found) == [("LL202", 12, 1)]
    assert "table of contents on line 2" in found[0].message


def test_a_prefix_the_toc_drops_and_back_to_top_links_are_not_text_differences() -> None:
    text = lines(
        "## Contents",
        "- [tar](#tool-tar)",
        "- [grep](#tool-grep)",
        "- [CLI Tools](#cli-tools-toc)",
        "## Tool: tar",
        "- [a](https://a.example) - A.",
        "## Tool: grep",
        "- [b](https://b.example) - B.",
        "## CLI Tools [<sup>[TOC]</sup>](#contents)",
        "- [c](https://c.example) - C.",
    )
    assert findings(text) == []


def test_a_new_entry_drops_the_prefix_the_others_drop() -> None:
    text = lines(
        "## Contents",
        "- [tar](#tool-tar)",
        "- [grep](#tool-grep)",
        "## Tool: tar",
        "- [a](https://a.example) - A.",
        "## Tool: grep",
        "- [b](https://b.example) - B.",
        "## Tool: sed",
        "- [c](https://c.example) - C.",
    )
    assert fixed(text) == text.replace(
        "- [grep](#tool-grep)\n", "- [grep](#tool-grep)\n- [sed](#tool-sed)\n"
    )


def test_look_alike_letters_are_named() -> None:
    text = lines("## Contents", "- [Работа c cетью](#работа-с-сетью)", "## Работа с сетью", "x")
    (found,) = findings(text)
    assert where([found]) == [("LL206", 2, 4)]
    assert found.message.endswith(
        ": look-alike letters, `c` (U+0063 LATIN SMALL LETTER C) where the heading has `с` "
        "(U+0441 CYRILLIC SMALL LETTER ES)"
    )


@pytest.mark.parametrize(
    ("contributing", "license_"),
    [("贡献", "许可证"), ("Mitwirken", "Lizenz"), ("Contribuir", "Licencia")],
)
def test_optional_sections_in_other_languages(contributing: str, license_: str) -> None:
    text = lines(
        "## 目录",
        "- [工具](#工具)",
        "- [书籍](#书籍)",
        "## 工具",
        "- [a](https://a.example) - A.",
        "## 书籍",
        "- [b](https://b.example) - B.",
        f"## {contributing}",
        "x",
        f"## {license_}",
        "CC0",
    )
    assert findings(text) == []


def test_sections_without_entries_are_not_expected_in_a_toc_of_entry_sections() -> None:
    # Lissy93/awesome-privacy: a notice-only stub and a trailing appendix.
    text = lines(
        "## Contents",
        "- [Editors](#editors)",
        "- [Players](#players)",
        "## Editors",
        "- [a](https://a.example) - A.",
        "## Terminals",
        "⚠️ This section is still a work in progress.",
        "## Players",
        "- [b](https://b.example) - B.",
        "## The Website",
        "Run `npm start`.",
    )
    assert findings(text) == []


def test_prose_sections_are_expected_in_a_toc_of_prose_sections() -> None:
    text = lines(
        "## Contents",
        "- [Intro](#intro)",
        "- [Usage](#usage)",
        "## Intro",
        "Text.",
        "## Usage",
        "Text.",
        "## Troubleshooting",
        "Text.",
    )
    assert where(findings(text)) == [("LL202", 8, 1)]


# --- order: the document's, or the alphabet's ---------------------------------------------------

SORTED_TOC = lines(
    "## Contents",
    "- [Algorithms](#algorithms)",
    "- [Compilers](#compilers)",
    "- [Security](#security)",
    "- [Systems](#systems)",
    "## Systems",
    "- [a](https://a.example) - A.",
    "## Compilers",
    "- [b](https://b.example) - B.",
    "## Algorithms",
    "- [c](https://c.example) - C.",
    "## Security",
    "- [d](https://d.example) - D.",
)


def test_an_alphabetical_toc_over_an_unsorted_body_is_a_choice() -> None:
    assert findings(SORTED_TOC) == []


def test_an_entry_that_breaks_the_alphabet_is_reported_and_moved() -> None:
    sorted_toc = lines(
        "## Contents",
        "- [Algorithms](#algorithms)",
        "- [Compilers](#compilers)",
        "- [Databases](#databases)",
        "- [Networks](#networks)",
        "- [Security](#security)",
        "- [Systems](#systems)",
        *(f"## {name}\n- [x](https://x.example) - X." for name in SECTIONS),
    )
    text = sorted_toc.replace("- [Databases](#databases)\n", "").replace(
        "- [Systems](#systems)\n", "- [Systems](#systems)\n- [Databases](#databases)\n"
    )
    found = findings(text)
    assert where(found) == [("LL204", 7, 1)]
    assert found[0].message == (
        "TOC entry `Databases` breaks the alphabetical order of its siblings; it belongs after "
        "`Compilers`"
    )
    assert fixed(text) == sorted_toc


SECTIONS = ("Databases", "Systems", "Security", "Networks", "Compilers", "Algorithms")


def test_a_missing_heading_goes_to_its_alphabetical_place() -> None:
    text = SORTED_TOC + lines("## Databases", "- [e](https://e.example) - E.")
    assert fixed(text) == text.replace(
        "- [Compilers](#compilers)\n", "- [Compilers](#compilers)\n- [Databases](#databases)\n"
    )


def test_a_toc_in_document_order_reports_a_moved_section() -> None:
    text = lines(
        "## Contents",
        "- [Linters](#linters)",
        "- [Editors](#editors)",
        "## Editors",
        "- [a](https://a.example) - A.",
        "## Linters",
        "- [b](https://b.example) - B.",
    )
    found = findings(text)
    assert where(found) == [("LL204", 2, 1)]
    assert found[0].message == (
        "TOC entry `Linters` is out of order: its heading is on line 6, so the entry belongs "
        "after `Editors`"
    )


# --- a renamed heading's entry that stands in its place is not also out of order ---------------

RENAMED_IN_PLACE = lines(
    "# X",
    "## Contents",
    "- [Alpha](#alpha)",
    "- [Beta Tools](#beta-tool)",
    "- [Gamma](#gamma)",
    "- [Delta](#delta)",
    "## Alpha",
    "## Beta Tools",
    "## Gamma",
    "## Delta",
)


def test_a_retargeted_entry_in_its_place_is_only_the_dead_entry() -> None:
    assert where(findings(RENAMED_IN_PLACE, ["LL2"])) == [("LL203", 4, 3)]

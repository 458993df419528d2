"""Heading structure (LL5xx): defects GitHub renders badly, reported where the list's own
structure shows them, not where it makes a deliberate choice."""

from __future__ import annotations

import pytest
from _toc_helpers import findings, fixed, lines, where

LL5 = ["LL5"]

# --- LL506: `###Title` is no heading ------------------------------------------------------------


def test_a_heading_without_a_space_is_reported_and_fixed() -> None:
    text = lines("# Awesome X", "", "###Web Feed Reader", "", "- [a](https://a.example) - A.")
    found = findings(text, LL5)
    assert [(f.code, f.line, f.column, f.end_column) for f in found] == [("LL506", 3, 1, 19)]
    assert found[0].message == (
        "`###Web Feed Reader` is not a heading: GitHub needs a space after `###`; write "
        "`### Web Feed Reader`"
    )
    assert fixed(text, LL5) == text.replace("###Web", "### Web")


@pytest.mark.parametrize(
    "line",
    ["#include <stdio.h>", "#hashtag", "#1 priority", "#!/bin/sh", "- ###Item", "> ###Quote"],
)
def test_hashes_that_are_no_heading_are_left_alone(line: str) -> None:
    assert findings(lines("# T", "", line, "", "text"), ["LL506"]) == []


def test_a_single_hash_before_a_title_or_cjk_is_a_heading_meant() -> None:
    text = lines("# T", "", "#Awesome Tools", "", "#金融数据", "", "text")
    assert where(findings(text, ["LL506"])) == [("LL506", 3, 1), ("LL506", 5, 1)]


# --- LL507: an empty heading --------------------------------------------------------------------


def test_an_empty_heading_is_reported_once() -> None:
    text = lines(
        "# Awesome X", "## Apps", "###", "- [b](https://b.example) - B.", "###", "### PWA", "x"
    )
    found = findings(text, LL5)
    assert where(found) == [("LL507", 3, 1), ("LL507", 5, 1)]
    assert found[0].message == "empty `###` heading; give it a title, or remove it"


def test_a_heading_made_of_an_image_is_not_empty() -> None:
    text = lines("# ![Awesome](logo.png)", "", "## Apps", "- [b](https://b.example) - B.")
    assert findings(text, ["LL507", "LL503"]) == []


def test_a_heading_that_is_only_an_in_page_link_is_a_toc_label_not_an_empty_section() -> None:
    text = lines(
        "# Awesome X",
        "## Languages",
        "| [Python](#python) |",
        "|---|",
        "### [Multiple Languages](#multiple-languages-1)",
        "### [Python](#python)",
        "## Multiple Languages",
        "- [m](https://m.example) - M.",
        "## Python",
        "- [p](https://p.example) - P.",
        "## Go",
        "## Rust",
        "- [r](https://r.example) - R.",
    )
    assert where(findings(text, ["LL503"])) == [("LL503", 11, 1)]  # `## Go` is a section


# --- LL508: a heading whose level differs from its TOC siblings' -------------------------------

OUTLIER = lines(
    "# Awesome X",
    "## Contents",
    "- [Tools](#tools)",
    "    - [Linters](#linters)",
    "    - [Editors](#editors)",
    "    - [Formatters](#formatters)",
    "- [Books](#books)",
    "## Tools",
    "### Linters",
    "- [a](https://a.example) - A.",
    "## Editors",
    "- [b](https://b.example) - B.",
    "### Formatters",
    "- [c](https://c.example) - C.",
    "## Books",
    "- [d](https://d.example) - D.",
)


def test_a_heading_one_level_too_high_among_its_toc_siblings() -> None:
    found = findings(OUTLIER)
    assert where(found) == [("LL508", 11, 1)]
    assert found[0].message == (
        "`## Editors` is h2, but the table of contents lists it under `Tools` among h3 headings "
        "(`Linters`, `Formatters`); make it `###`"
    )
    assert fixed(OUTLIER) == OUTLIER.replace("## Editors", "### Editors")


def test_an_outlier_listed_among_many_takes_its_listed_sub_sections_along() -> None:
    # rshipp/awesome-malware-analysis, shaped as an outlier: `# Resources` swallows `Related`.
    text = lines(
        "# Awesome X",
        "## Contents",
        "- [Tools](#tools)",
        "- [Books](#books)",
        "- [Resources](#resources)",
        "    - [Blogs](#blogs)",
        "- [Related](#related)",
        "## Tools",
        "- [a](https://a.example) - A.",
        "## Books",
        "- [a](https://a.example) - A.",
        "# Resources",
        "## Blogs",
        "- [a](https://a.example) - A.",
        "## Related",
        "- [a](https://a.example) - A.",
    )
    found = findings(text, ["LL508", "LL502", "LL2"])
    assert where(found) == [("LL508", 12, 1)]
    assert found[0].message.endswith("make it `##`, and its 1 sub-section one level deeper")
    assert fixed(text, ["LL508"]) == text.replace("# Resources", "## Resources").replace(
        "## Blogs", "### Blogs"
    )


def test_a_deeper_heading_that_is_the_last_sub_section_of_the_one_before() -> None:
    # deeplearning-biology at 2666552: the maintainer later made `Generative models` `##`.
    text = lines(
        "## Table of contents",
        "* [Proteomics](#proteomics)",
        "* [Metabolomics](#metabolomics)",
        "* [Generative models](#generative-models)",
        "* [Genomics](#genomics)",
        "## Proteomics",
        "- [a](https://a.example) - A.",
        "## Metabolomics",
        "- [a](https://a.example) - A.",
        "### Generative models",
        "- [a](https://a.example) - A.",
        "## Genomics",
        "- [a](https://a.example) - A.",
    )
    assert where(findings(text)) == [("LL508", 10, 1)]


def test_a_flat_toc_shows_a_heading_that_swallows_its_siblings() -> None:
    # ChristosChristofidis/awesome-deep-learning: `## Researchers` among `###`.
    text = lines(
        "## Contents",
        "- [Books](#books)",
        "- [Researchers](#researchers)",
        "- [Websites](#websites)",
        "### Books",
        "- [a](https://a.example) - A.",
        "## Researchers",
        "- [b](https://b.example) - B.",
        "### Websites",
        "- [c](https://c.example) - C.",
    )
    assert where(findings(text)) == [("LL508", 7, 1)]


def test_a_setext_outlier_has_no_fix() -> None:
    text = OUTLIER.replace("## Editors\n", "\nEditors\n-------\n")
    (found,) = findings(text)
    assert found.code == "LL508" and found.fix is None


# --- LL509: the title, when the list has no `#` heading ------------------------------------------


def test_an_h2_title_beside_its_sections() -> None:
    text = lines(
        '<p align="center"><img src="logo.svg" alt="logo"></p>',
        "",
        "## Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        "> A curated list of X.",
        "",
        "## Resources",
        "- [a](https://a.example) - A.",
        "## Projects",
        "- [b](https://b.example) - B.",
    )
    found = findings(text, LL5)
    assert where(found) == [("LL509", 3, 1)]
    assert found[0].message == (
        "the list's title `Awesome X` is h2, a sibling of its own `##` sections (`Resources`, "
        "...); make it `#`"
    )
    assert fixed(text, LL5) == text.replace("## Awesome X", "# Awesome X")


def test_a_bold_title() -> None:
    text = lines(
        "**Awesome X**", "", "A curated list.", "", "## Resources", "- [a](https://a.example)"
    )
    found = findings(text, LL5)
    assert where(found) == [("LL509", 1, 1)]
    assert found[0].fix is not None and not found[0].fix.safe
    assert fixed(text, LL5, unsafe=True) == text.replace("**Awesome X**", "# Awesome X")


@pytest.mark.parametrize(
    "text",
    [
        lines("## BY SUBJECT", "### Index", "- [A](#a)", "### A", "- [a](https://a.example)"),
        lines("<h1>Awesome X</h1>", "", "## Awesome Y", "## Resources", "- [a](https://a.example)"),
        lines("## Intro", "Text.", "## Resources", "- [a](https://a.example)"),
        lines("# Awesome X", "## Awesome Y", "## Resources", "- [a](https://a.example)"),
    ],
    ids=["sections-below-the-title", "html-title", "not-a-title", "has-an-h1"],
)
def test_no_title_finding(text: str) -> None:
    assert findings(text, ["LL509"]) == []


# --- LL502 and LL501: second titles and level jumps, deliberate ones aside ----------------------


def test_a_second_title_after_an_html_title() -> None:
    text = lines(
        '<h1 align="center">Awesome X</h1>',
        "",
        "## Tools",
        "- [a](https://a.example) - A.",
        "# Resources",
        "- [b](https://b.example) - B.",
    )
    found = findings(text, ["LL502"])
    assert where(found) == [("LL502", 5, 1)]
    assert (
        found[0].message
        == "second h1 (the title is the HTML `<h1>` on line 1); use ## for sections"
    )


def test_parts_the_toc_lists_as_parts_are_a_choice() -> None:
    text = lines(
        "# Awesome X",
        "## Contents",
        "- [Software](#software)",
        "    - [Editors](#editors)",
        "- [Resources](#resources)",
        "    - [Books](#books)",
        "# Software",
        "## Editors",
        "- [a](https://a.example) - A.",
        "# Resources",
        "## Books",
        "- [b](https://b.example) - B.",
    )
    assert findings(text, LL5) == []


def test_a_second_h1_listed_among_sections_is_reported() -> None:
    text = lines(
        "# Awesome X",
        "## Contents",
        "- [Tools](#tools)",
        "- [Books](#books)",
        "- [Guides](#guides)",
        "## Tools",
        "- [a](https://a.example) - A.",
        "## Books",
        "- [b](https://b.example) - B.",
        "# Guides",
        "- [c](https://c.example) - C.",
    )
    assert where(findings(text, LL5)) == [("LL502", 10, 1)]


def test_a_level_jump_the_list_makes_throughout_is_its_style() -> None:
    sections = "".join(
        f"## L{n}\n#### Topic {n}\n- [a](https://a.example) - A.\n" for n in range(3)
    )
    assert findings("# T\n" + sections, ["LL501"]) == []
    two = "".join(f"## L{n}\n#### Topic {n}\nx\n" for n in range(2))
    assert where(findings("# T\n" + two, ["LL501"])) == [("LL501", 3, 1), ("LL501", 6, 1)]


def test_a_details_summary_stands_for_the_level_its_first_heading_skips() -> None:
    # akullpp/awesome-java: each category a <details> block, its summary the h3, then ####
    text = (
        "# T\n\n## Projects\n\n<details>\n<summary><strong>CLI</strong></summary>\n\n"
        "#### Argument Parsing\n\n- [a](https://a.example) - A.\n\n"
        "###### Deeper\n\n- [b](https://b.example) - B.\n\n</details>\n"
    )
    # a jump inside the block is still a jump
    assert where(findings(text, ["LL501"])) == [("LL501", 12, 1)]
    assert where(findings(text.replace("<details>\n", ""), ["LL501"]))[0] == ("LL501", 7, 1)


# --- LL503: the title is never an empty section -------------------------------------------------


def test_a_title_followed_by_a_cover_image_heading_is_not_an_empty_section() -> None:
    text = lines(
        "# Awesome Things [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        '# [<img src="https://example.com/cover.png">](https://github.com/example/things)',
        "",
        "## Tools",
        "",
        "- [Alpha](https://alpha.example.com) - First tool.",
    )
    assert where(findings(text, LL5)) == [("LL502", 3, 1)]

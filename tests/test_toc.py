"""Finding a table of contents, and writing it again in the list's own style."""

from __future__ import annotations

import pytest

from listlint.facts import DocumentFacts
from listlint.fix import apply_edits
from listlint.model.document import parse_document
from listlint.model.toc import Toc
from listlint.rules._toc_rewrite import rewrite_fix


def toc_of(text: str) -> Toc:
    toc = parse_document(text, "README.md").toc
    assert toc is not None
    return toc


def rewritten(text: str) -> str:
    """The text after the TOC rewrite (unchanged when the TOC is already right)."""
    doc = parse_document(text, "README.md")
    analysis = DocumentFacts(doc, {}).toc
    assert analysis is not None
    fix = rewrite_fix(doc, analysis)
    return text if fix is None else apply_edits(text, fix.edits)


BODY = "\n## Alpha\n\n### Alpha One\n\n## Beta\n"


# --- detection -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("<!-- toc -->", "<!-- tocstop -->"),
        ("<!-- START doctoc generated TOC please keep comment here -->", "<!-- END doctoc -->"),
        ('<!-- BEGIN mktoc {"min_depth": 2} -->', "<!-- END mktoc -->"),
        ("<!-- TOC -->", "<!-- /TOC -->"),
        ("<!-- MarkdownTOC depth=4 -->", "<!-- /MarkdownTOC -->"),
    ],
)
def test_toc_between_marker_comments(start: str, end: str) -> None:
    toc = toc_of(f"# L\n\n{start}\n\n- [Alpha](#alpha)\n- [Beta](#beta)\n\n{end}\n{BODY}")
    assert toc.kind == "markers"
    assert (toc.start_line, toc.end_line) == (3, 8)
    assert [item.fragment for item in toc.items] == ["alpha", "beta"]


@pytest.mark.parametrize(
    "title",
    [
        "Contents",
        "Table of Contents",
        "TOC",
        "Index",
        "📖 Inhaltsverzeichnis",
        "目录",
        "Содержание",
    ],
)
def test_toc_under_a_contents_heading(title: str) -> None:
    toc = toc_of(f"# L\n\n## {title}\n\n- [Alpha](#alpha)\n- Beta\n{BODY}")
    assert toc.kind == "heading"
    assert toc.heading is not None and toc.heading.text == title
    assert [item.text for item in toc.items] == ["Alpha", "Beta"]
    assert toc.items[1].fragment is None and toc.items[1].heading is not None  # matched by text


def test_toc_inferred_from_the_first_list_of_in_document_links() -> None:
    text = (
        "# L\n\nIntro.\n\n- [Alpha](#alpha)\n  - [Alpha One](#alpha-one)\n- [Beta](#beta)\n" + BODY
    )
    toc = toc_of(text)
    assert toc.kind == "inferred"
    first, child = toc.items[0], toc.items[1]
    assert (child.text, child.fragment, child.depth, child.marker) == (
        "Alpha One",
        "alpha-one",
        1,
        "-",
    )
    assert child.parent is first and child.span.line == 6
    assert child.heading is not None and child.heading.text == "Alpha One"


def test_no_toc_when_the_link_list_comes_after_the_entries() -> None:
    text = "# L\n\n- [Tool](https://example.com) - A tool.\n\nSee:\n\n"
    text += "- [A](#a)\n- [B](#b)\n- [C](#c)\n"
    assert parse_document(text, "README.md").toc is None


def test_fragments_are_decoded() -> None:
    toc = toc_of("## Contents\n\n- [Café](#caf%C3%A9)\n\n## Café\n")
    assert toc.items[0].fragment == "café" and toc.items[0].heading is not None


def test_explicit_anchor_leads_to_its_heading() -> None:
    toc = toc_of('## Contents\n\n- [Tools](#tools)\n\n<a name="tools"></a>\n## Tools 🔧\n')
    heading = toc.items[0].heading
    assert heading is not None and heading.anchor == "tools-"


# --- the rewrite ---------------------------------------------------------------------------------


def test_rewrite_keeps_markers_indentation_and_explicit_anchors() -> None:
    text = (
        "# L\n\n## Contents\n"
        "* [Beta](#b)\n"
        "* [Alpha](#a)\n"
        "    + [Alpha One](#a1)\n"
        "\n"
        "## Alpha <a name='a'></a>\n\n### Alpha One <a name='a1'></a>\n\n"
        "### Alpha Two <a name='a2'></a>\n\n"
        "## Beta <a name='b'></a>\n"
    )
    assert rewritten(text).split("\n")[3:8] == [
        "* [Alpha](#a)",
        "    + [Alpha One](#a1)",
        "    + [Alpha Two](#a2)",
        "* [Beta](#b)",
        "",
    ]


def test_rewrite_uses_slugs_when_the_toc_does_and_writes_headings_as_markdown() -> None:
    text = (
        "## Contents\n\n- [Alpha](#alpha)\n  - [Beta](#beta)\n\n## Alpha\n\n### Beta\n\n"
        "### Gamma `code` &amp; \\[more\\] <a name='g'></a>\n"
    )
    assert rewritten(text).split("\n")[2:6] == [
        "- [Alpha](#alpha)",
        "  - [Beta](#beta)",
        "  - [Gamma `code` &amp; \\[more\\]](#gamma-code--more-)",
        "",
    ]


def test_rewrite_keeps_tabs_loose_lists_and_bold_links() -> None:
    text = "## Contents\n\n* **[Alpha](#alpha)**\n\n* **[Beta](#beta)**\n\n"
    text += "\t* **[Beta One](#beta-one)**\n"
    text += "\n## Beta\n\n### Beta One\n\n### Beta Two\n\n## Alpha\n"
    new = rewritten(text)
    assert new.split("\n")[2:10] == [
        "* **[Beta](#beta)**",
        "",
        "\t* **[Beta One](#beta-one)**",
        "",
        "\t* **[Beta Two](#beta-two)**",
        "",
        "* **[Alpha](#alpha)**",
        "",
    ]
    assert rewritten(new) == new


def test_rewrite_numbers_ordered_lists() -> None:
    text = (
        "## Contents\n\n1. [Beta](#beta)\n2. [Alpha](#alpha)\n\n## Alpha\n\n## Beta\n\n## Gamma\n"
    )
    assert rewritten(text).split("\n")[2:5] == [
        "1. [Alpha](#alpha)",
        "2. [Beta](#beta)",
        "3. [Gamma](#gamma)",
    ]


def test_rewrite_keeps_a_consistent_case_change_and_dropped_emoji() -> None:
    text = "## Contents\n\n- [alpha](#-alpha)\n\n## 🅰 Alpha\n\n## 🐝 Beta\n"
    # 🅰 is a letter-like symbol github-slugger keeps (Alphabetic), 🐝 is dropped
    doc = parse_document(text, "README.md")
    assert [h.anchor for h in doc.headings[1:]] == ["🅰-alpha", "-beta"]
    text = "## Contents\n\n- [alpha](#-alpha)\n\n## 🐝 Alpha\n\n## 🐝 Beta\n"
    assert rewritten(text).split("\n")[2:4] == ["- [alpha](#-alpha)", "- [beta](#-beta)"]


def test_rewrite_keeps_crlf_line_endings() -> None:
    text = (
        "## Contents\r\n\r\n- [Beta](#beta)\r\n- [Alpha](#alpha)\r\n\r\n## Alpha\r\n\r\n## Beta\r\n"
    )
    assert rewritten(text) == text.replace(
        "- [Beta](#beta)\r\n- [Alpha](#alpha)", "- [Alpha](#alpha)\r\n- [Beta](#beta)"
    )


def test_no_rewrite_when_the_toc_holds_entries_that_are_not_headings() -> None:
    text = "## Contents\n\n- [Beta](#beta)\n- [Alpha](#alpha)\n- [Docs](https://example.com)\n"
    text += "\n## Alpha\n\n## Beta\n"
    assert rewritten(text) == text


def test_rewrite_repairs_a_near_miss_and_drops_a_dead_entry() -> None:
    text = "## Contents\n\n- [Install](#installaton)\n- [Gone](#gone)\n\n## Installation\n"
    assert rewritten(text).split("\n")[2:4] == ["- [Installation](#installation)", ""]


def test_no_rewrite_that_would_empty_the_toc() -> None:
    text = "## Contents\n\n- [Gone](#gone)\n- [Lost](#lost)\n\n## Alpha\n"
    assert rewritten(text) == text

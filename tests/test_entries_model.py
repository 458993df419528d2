"""The entries model: every common entry style is recognised, with its parts and its place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _entries_helpers import shared_corpus

from listlint.model.document import parse_document
from listlint.model.entries import Entry


def entries_of(text: str) -> list[Entry]:
    return list(parse_document(text, "test.md").entries)


def only(text: str) -> Entry:
    (entry,) = entries_of(text)
    return entry


def test_awesome_list_item() -> None:
    entry = only("## Linters\n\n- [ruff](https://github.com/astral-sh/ruff) - Fast linter.\n")
    assert (entry.style, entry.name, entry.url) == (
        "list",
        "ruff",
        "https://github.com/astral-sh/ruff",
    )
    assert (entry.separator, entry.description, entry.description_layout) == (
        " - ",
        "Fast linter.",
        "inline",
    )
    assert entry.section is not None and entry.section.heading.text == "Linters"
    assert entry.span.line == 3
    assert entry.description_span is not None and entry.description_span.column == 47


def test_ordered_item_without_separator() -> None:
    entry = only("1.  [Deep Learning](http://www.deeplearningbook.org/) by Yoshua Bengio (2015)\n")
    assert entry.list_item is not None and entry.list_item.ordered
    assert (entry.name, entry.separator, entry.description, entry.byline) == (
        "Deep Learning",
        "",
        "",
        "by Yoshua Bengio (2015)",
    )


def test_bold_link_with_trailing_bracket_group() -> None:
    entry = only(
        "- **[Bioperl](https://github.com/bioperl/bioperl-live)** - Perl tools. "
        "[ [paper-2002](https://doi.org/1) | [web](https://bioperl.org) ]\n"
    )
    assert entry.bold and entry.name == "Bioperl"
    assert entry.description == "Perl tools."
    assert [link.text for link in entry.other_links] == ["paper-2002", "web"]


def test_crate_link_group_and_trailing_badge() -> None:
    entry = only(
        "* [ad-si/Woxi](https://github.com/ad-si/Woxi) [[woxi](https://crates.io/crates/woxi)] - "
        "An interpreter. [![CI](https://img.shields.io/b.svg)](https://ci.example/woxi)\n"
    )
    assert entry.name == "ad-si/Woxi"
    assert entry.description == "An interpreter."
    assert [link.text for link in entry.other_links][:1] == ["woxi"]


def test_leading_badges_and_emoji_before_the_name() -> None:
    assert (
        only("- ![v3](img/v3.png) [Bugsnag](https://github.com/b/b) - Reports errors.\n").name
        == "Bugsnag"
    )
    assert only("- \U0001f64d [foo](https://foo.example) - Valid.\n").name == "foo"


def test_part_of_sub_entry_and_group_label() -> None:
    text = (
        "- ORMs\n"
        "  - [django.db.models](https://github.com/django/django) - "
        "(part of Django) The Django ORM.\n"
    )
    entry = only(text)
    assert (entry.part_of, entry.description, entry.group) == ("Django", "The Django ORM.", "ORMs")
    assert entry.depth == 1 and entry.parent is None


def test_nested_entry_knows_its_parent_entry() -> None:
    parent, child = entries_of(
        "- [Python](https://github.com/vinta/awesome-python#readme)\n"
        "\t- [Asyncio](https://github.com/timofurrer/awesome-asyncio#readme) - Async I/O.\n"
    )
    assert child.parent is parent and child.depth == 1


def test_status_marker_and_tags_are_not_description() -> None:
    entry = only(
        "- [Socioboard](https://github.com/s/s) `⚠` - Social media management. "
        "([Demo](https://demo.example)) `GPL-3.0` `Nodejs`\n"
    )
    assert (entry.separator, entry.description) == (" - ", "Social media management.")


def test_bold_title_with_description_below() -> None:
    entry = only(
        "## Genomics\n\n**DeepVariant** [[github](https://github.com/google/deepvariant)]"
        "[[paper](https://doi.org/1)]\n\nA variant caller.\n"
    )
    assert (entry.style, entry.name, entry.description_layout) == (
        "bold-title",
        "DeepVariant",
        "below",
    )
    assert entry.description == "A variant caller."
    assert (entry.title_gap, [gap for gap, _ in entry.link_gaps]) == (" ", ["]["])
    assert entry.span.end_line == 5


def test_bold_title_layouts_on_the_title_line_and_the_next() -> None:
    inline = only("## G\n\n**A** [[github](https://github.com/a/a)] Does x.\n")
    next_line = only("## G\n\n**A** [[github](https://github.com/a/a)]\nDoes x.\n")
    assert (inline.description_layout, next_line.description_layout) == ("inline", "next-line")


def test_bold_prose_without_link_groups_is_not_an_entry() -> None:
    assert (
        entries_of("**Awesome Go has no fee**, but see [sponsors](https://example.com/s).\n") == []
    )


def test_table_row() -> None:
    text = (
        "| API | Description | Auth |\n|---|---|---|\n"
        "| [Cat Facts](https://cat.example) | Daily cat facts | No |\n"
    )
    entry = only(text)
    assert (entry.style, entry.name, entry.description) == ("table", "Cat Facts", "Daily cat facts")


def test_toc_links_are_not_entries() -> None:
    assert entries_of("- [Linters](#linters)\n- [Formatters](#formatters)\n") == []


# Independent counts: lines a grep finds, per list. Each pattern is the list's documented entry
# shape (corpus/SOURCES.md "entry style" column); TOC lines (`](#`) are left out.
CORPUS_COUNTS = [
    ("hussius__deeplearning-biology__seed.md", r"^\*\*[^*]+\*\*", "bold-title", 68),
    ("hussius__deeplearning-biology.md", r"^\*\*[^*]+\*\*", "bold-title", 102),
    ("ChristosChristofidis__awesome-deep-learning.md", r"^\s*[0-9]+\.\s+\[", "list", 605),
    ("public-apis__public-apis.md", r"^\| *\[", "table", 1706),
    ("academic__awesome-datascience.md", r"^\| *\[", "table", 180),
    ("sindresorhus__awesome.md", r"^\s*- \[", "list", 684),
    ("sindresorhus__awesome-nodejs.md", r"^\s*- \[", "list", 591),
    ("avelino__awesome-go.md", r"^\s*[-*] \[", "list", 3033),
    ("vinta__awesome-python.md", r"^\s*- \[", "list", 501),
    ("danielecook__Awesome-Bioinformatics.md", r"^\s*[-*] (\*\*|__)\[", "list", 131),
]


@pytest.mark.parametrize(("name", "pattern", "style", "count"), CORPUS_COUNTS)
def test_entries_found_match_an_independent_count(
    name: str, pattern: str, style: str, count: int
) -> None:
    corpus = shared_corpus()
    if corpus is None:
        pytest.skip("shared corpus not found above the tests folder")
    path: Path = corpus / "lists" / name
    text = path.read_text("utf-8")
    grep = {
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if re.search(pattern, line) and "](#" not in line
    }
    found = {e.span.line for e in parse_document(text, name).entries if e.style == style}
    if "Bioinformatics" in name:  # the grep counts bold-link items only
        found = {e.span.line for e in parse_document(text, name).entries if e.bold}
    assert len(grep) == count
    assert found == grep


def test_special_shapes_on_real_lists() -> None:
    corpus = shared_corpus()
    if corpus is None:
        pytest.skip("shared corpus not found above the tests folder")
    python = (corpus / "lists" / "vinta__awesome-python.md").read_text("utf-8")
    part_of = [e for e in parse_document(python, "p").entries if e.part_of]
    assert len(part_of) == python.count("(part of ")
    rust = (corpus / "lists" / "rust-unofficial__awesome-rust.md").read_text("utf-8")
    crates = re.findall(
        r"^\s*[-*] \[[^]]*\]\([^)]*\) \[\[[^]]*\]\(https://crates\.io", rust, re.MULTILINE
    )
    with_crate = [
        e
        for e in parse_document(rust, "r").entries
        if any(link.url.startswith("https://crates.io") for link in e.other_links[:1])
        and e.description
        and "crates.io" not in e.description
    ]
    assert len(with_crate) >= len(crates) == 453

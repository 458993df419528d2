"""The entries model: every common entry style is recognised, with its parts and its place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _entries_helpers import shared_corpus

from listlint.findings import Span
from listlint.model.document import parse_document
from listlint.model.entries import Entry, count_styles


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


# Every shape a real list uses is an entry (issue: unrecognised styles were silent) -------------


def test_blockquote_entry_with_kbd_metadata_and_a_br_before_its_description() -> None:
    entry = only(
        "## Tools\n\n> **[Alpha](https://github.com/a/alpha)** <kbd>★ 3.8k</kbd> "
        "<kbd>MIT</kbd> 🟢<br>Test library.\n"
    )
    assert (entry.style, entry.name, entry.url, entry.bold) == (
        "quote",
        "Alpha",
        "https://github.com/a/alpha",
        True,
    )
    assert (entry.description, entry.metadata, entry.separator) == (
        "Test library.",
        ("★ 3.8k", "MIT", "🟢"),
        "<br>",
    )
    assert entry.name_span == Span(3, 6, 3, 11)
    assert entry.description_span == Span(3, 81, 3, 94)


def test_task_list_item_is_an_entry() -> None:
    entry = only("## Plan\n\n- [ ] [MIT 6.824](https://www.youtube.com/watch?v=cQP8WApzIQQ)\n")
    assert (entry.style, entry.name, entry.name_span) == ("list", "MIT 6.824", Span(3, 8, 3, 17))


@pytest.mark.parametrize(
    ("text", "name", "span"),
    [
        (  # a paper line: date | title | authors | venue
            "- **2016-12** | Deep A | *A. Author* | [Nature](https://doi.org/10.1000/a)\n",
            "Deep A",
            Span(3, 17, 3, 23),
        ),
        (
            "- Meetup [Egypt](https://www.meetup.com/flutter-nyc/)\n",
            "Meetup Egypt",
            Span(3, 3, 3, 54),
        ),
        (  # a label, then the linked title: the link names the entry
            "- [ ] **START HERE**: [The System Design Primer](https://github.com/d/sdp)\n",
            "The System Design Primer",
            Span(3, 23, 3, 75),
        ),
        (
            "- [ ] List of DP problems (each is short):\n"
            "  [Dynamic Programming (video)](https://www.youtube.com/playlist?list=P)\n",
            "Dynamic Programming (video)",
            Span(4, 3, 4, 73),
        ),
        (  # a task box is not part of the name
            "- [ ] Meetup [Egypt](https://www.meetup.com/flutter-nyc/)\n",
            "Meetup Egypt",
            Span(3, 7, 3, 58),
        ),
        (  # a bold title, then the link to the paper
            "- **Dropout** (2014), N. Srivastava et al. [[pdf]](https://example.org/d.pdf)\n",
            "Dropout",
            Span(3, 5, 3, 12),
        ),
        (  # a numbered citation paragraph
            '**[1]** LeCun, Yann. "**Deep learning**." Nature (2015). '
            "[[pdf]](https://example.org/nature.pdf)\n",
            "Deep learning",
            Span(3, 25, 3, 38),
        ),
        (  # an HTML link starting the line, then a description
            '&nbsp;&nbsp; <a href="https://neovim.io/"><b>neovim</b></a> - An editor.<br>\n',
            "neovim",
            Span(3, 43, 3, 56),
        ),
    ],
)
def test_text_before_the_link_makes_a_mention_entry(text: str, name: str, span: Span) -> None:
    entry = only(f"## Section\n\n{text}")
    assert (entry.style, entry.name, entry.name_span, entry.description) == (
        "mention",
        name,
        span,
        "",
    )
    assert not entry.named


def test_table_row_titled_in_its_first_cell_and_linked_in_the_last() -> None:
    entry = only(
        "## Week 2\n\n| **Paper** | **Links** |\n| --- | --- |\n"
        "| 1) **MusicGen** - a music model. | [Paper](https://arxiv.org/abs/2306.05284), "
        "[Tweet](https://x.com/a/status/1) |\n"
    )
    assert (entry.style, entry.name, entry.name_span) == ("mention", "MusicGen", Span(5, 8, 5, 16))
    assert [link.text for link in entry.links] == ["Paper", "Tweet"]


def test_notes_cross_references_and_banners_are_not_entries() -> None:
    assert entries_of("## A\n\n- More in [awful-ai](https://github.com/daviddao/awful-ai)\n") == []
    assert entries_of("## A\n\n- [Week 2](./#week-2)\n- See [Payments](#payments)\n") == []
    assert entries_of('# T\n\n<a href="https://sponsor.example">Sponsor</a> - Thanks.\n') == []


def test_store_and_demo_sub_items_are_the_parent_entrys_metadata() -> None:
    found = entries_of(
        "## TV\n\n- [Moonlight](https://github.com/moonlight-stream/moonlight-ios)\n"
        "  - [` App Store`](https://apps.apple.com/app/id1) "
        "<a href='https://example.org/1.png'>`Screenshot 1`</a>\n"
        "  - `2025` `c`\n"
    )
    assert [entry.name for entry in found] == ["Moonlight"]


def test_a_courses_materials_under_it_are_its_metadata() -> None:
    # prakhar1989/awesome-courses: each course links its pages below it, often the course page
    found = entries_of(
        "## Systems\n\n- [CS 2043](https://cs.example/2043) **Unix Tools** *Cornell*\n"
        "\t- A course on the shell.\n"
        "\t- [Syllabus](https://cs.example/2043)\n"
        "\t- [Lecture Notes, Videos & Assignments](https://cs.example/2043/all)\n"
        "\t- [Course Site](https://cs.example/2043)\n"
        "\t- [Lecture Notes](https://cs.example/2043/notes) Spring 2015 lectures\n"
    )
    # a material with words of its own is listed as its parent's sub-entry
    assert [entry.name for entry in found] == ["CS 2043", "Lecture Notes"]


def test_a_link_mentioned_in_a_sub_items_prose_belongs_to_the_parent_entry() -> None:
    found = entries_of(
        "## Security\n\n- [CSCI 4968](https://github.com/RPISEC/MBE) **Binary Exploitation**\n"
        "\t- This repository contains the materials used by [RPISEC](http://rpis.ec) to\n"
        "teach binary exploitation at [RPI](http://rpi.edu) in Spring 2015.\n"
    )
    assert [(e.name, e.style, e.parent.name if e.parent else None) for e in found] == [
        ("CSCI 4968", "list", None),
        ("This repository contains the materials used by RPISEC", "mention", "CSCI 4968"),
    ]


def test_an_html_summary_is_the_entry_and_its_resource_sub_items_are_metadata() -> None:
    # best-of lists: the entry is a <details><summary> block, its package pages a list below it
    block = (
        '<details><summary><b><a href="https://github.com/a/{0}">{0}</a></b> - A {0}.</summary>\n\n'
        "- [GitHub](https://github.com/a/{0}) (👨\u200d💻 120 · ⏱️ 17.06.2025):\n"
        "- [PyPi](https://pypi.org/project/{0}) (📥 22M / month):\n"
        "- [Conda](https://anaconda.org/conda-forge/{0}) (📥 370K):\n"
        "- [npm](https://www.npmjs.com/package/{0})\n"
        "- [Docker Hub](https://hub.docker.com/r/a/{0})\n"
        "</details>\n"
    )
    found = entries_of("## Frameworks\n\n" + block.format("alpha") + block.format("beta"))
    assert [(e.name, e.style) for e in found] == [("alpha", "mention"), ("beta", "mention")]
    # under a parent item that is no entry, too; a described top-level item stays an entry
    grouped = entries_of(
        "## Hosts\n\n- **Alpha**, a framework\n"
        "  - [Docs](https://alpha.example/docs)\n"
        "- [GitHub](https://github.com) - Where code lives.\n"
    )
    assert [entry.name for entry in grouped] == ["GitHub"]


def test_count_styles() -> None:
    doc = parse_document(
        "## A\n\n- [a](https://a.example) - A.\n- Meetup [b](https://b.example)\n\n"
        "> [c](https://c.example)<br>C.\n",
        "x.md",
    )
    assert count_styles(doc.entries) == {"list": 1, "mention": 1, "quote": 1}


# Metadata is not the description (issue: tags read as descriptions) --------------------------


@pytest.mark.parametrize(
    ("item", "separator", "description", "metadata"),
    [
        (  # a language tag between two separators
            "[CellPhoneDB](https://github.com/a/c) - [python] - Publicly available ligands.",
            " - ",
            "Publicly available ligands.",
            ("python",),
        ),
        (  # a language tag after the separator, with no second separator
            "[CITE-seq-Count](https://github.com/Hoohm/CITE-seq-Count) - [python] Cite-seq-Count "
            "is a python package.",
            " - ",
            "Cite-seq-Count is a python package.",
            ("python",),
        ),
        (  # a GitHub emoji code before the separator
            "[Boost](https://github.com/boostorg) :zap: - A large collection of libraries.",
            " - ",
            "A large collection of libraries.",
            (":zap:",),
        ),
        (  # a status marker and nothing else
            "[Online Learning](https://github.com/lendle/OnlineLearning.jl) **[Deprecated]**",
            "",
            "",
            ("Deprecated",),
        ),
        (  # a star count
            "[Flutter](https://github.com/f/f) [1290⭐] - Cross-platform UI toolkit.",
            " - ",
            "Cross-platform UI toolkit.",
            ("1290⭐",),
        ),
        (  # a label note, then a line break as the separator
            "[Julia](https://github.com/JuliaLang/julia) _(label: good first issue)_ <br> "
            "A language.",
            " <br> ",
            "A language.",
            ("(label: good first issue)",),
        ),
        (  # a short emphasised note before the separator
            "[android-jobs](https://github.com/android-cn/android-jobs) _In Chinese_ – Android "
            "positions.",
            " – ",
            "Android positions.",
            ("In Chinese",),
        ),
        (  # a short emphasised note alone: no description
            "[awesome-python-cn](https://github.com/jobbole/awesome-python-cn) _In Chinese_",
            "",
            "",
            ("In Chinese",),
        ),
        (  # an emphasised note in parentheses
            "[Grunt](https://gruntjs.com) *(deprecated)* - Task runner.",
            " - ",
            "Task runner.",
            ("(deprecated)",),
        ),
        (  # trailing licence tags that Markdown leaves as text
            "[Kaitai Struct](https://kaitai.io) - Binary structure language. [GPLv3+][MIT]",
            " - ",
            "Binary structure language.",
            ("GPLv3+", "MIT"),
        ),
        (  # a link group after a pipe is another link of the entry, not a description
            "[**EBI** Single cell RNA-seq tutorial](https://gitlab.com/m/ws) | "
            "[website](https://m.gitlab.io/ws/)",
            "",
            "",
            ("website",),
        ),
        (  # a second name joined to the first
            "[xlwt](https://github.com/python-excel/xlwt) / "
            "[xlrd](https://github.com/python-excel/xlrd)：读写 Excel 文件。",
            "：",
            "读写 Excel 文件。",
            (),
        ),
        (  # a second name that ends the item (keon/awesome-nlp): no description
            "[Indonesian Treebank](https://example.org/t) and [UD Indonesian](https://example.org/u)",
            "",
            "",
            (),
        ),
    ],
)
def test_metadata_around_the_description(
    item: str, separator: str, description: str, metadata: tuple[str, ...]
) -> None:
    entry = only(f"## Tools\n\n- {item}\n")
    assert (entry.separator, entry.description, entry.metadata) == (
        separator,
        description,
        metadata,
    )


def test_an_attribution_is_a_byline_not_a_description() -> None:
    entry = only(
        "## Books\n\n- [The Vue Handbook](https://example.org/vue) by Flavio Copes. (2018)\n"
    )
    assert (entry.description, entry.byline) == ("", "by Flavio Copes. (2018)")
    linked = only(
        "## Talks\n\n- [Presentation](https://example.org/p) - by [Helio](https://github.com/h).\n"
    )
    assert (linked.description, linked.byline) == ("", "by Helio.")


def test_trailing_version_and_placeholder_in_a_table() -> None:
    versioned, placeholder = entries_of(
        "## Google\n\n| API | Description | Auth |\n|---|---|---|\n"
        "| [**Gmail API**](https://developers.google.com/gmail/api/) | The Gmail REST API. _v1_ | "
        "**N/A** |\n"
        "| [**Licenses API**](https://developer.github.com/v3/licenses/) | **N/A** | **N/A** |\n"
    )
    assert (versioned.description, versioned.metadata) == ("The Gmail REST API.", ("v1",))
    assert versioned.description_span == Span(5, 63, 5, 82)
    assert (placeholder.description, placeholder.metadata) == ("", ("N/A",))


def test_a_table_row_named_by_its_linked_title_not_by_its_date() -> None:
    entry = only(
        "## Milestones\n\n| Date | keywords | Paper |\n| --- | --- | --- |\n"
        "| 2017-06 | Transformers | [Attention Is All You Need](https://arxiv.org/pdf/1706) |\n"
    )
    assert (entry.style, entry.name, entry.name_span) == (
        "mention",
        "Attention Is All You Need",
        Span(5, 29, 5, 54),
    )

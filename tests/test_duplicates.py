"""Specification of the duplicate rules (LL4xx)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from listlint.facts import DocumentFacts
from listlint.findings import Span
from listlint.model.document import Document, parse_document
from listlint.model.entries import Entry
from listlint.model.nodes import Link
from listlint.rule import Rule, find_rule
from listlint.rules import _duplicates as dup

from conftest import check_rule, lint_paths

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "duplicates"

# Defect fixture -> the (code, line) findings of the LL4 family it must yield, and nothing else.
EXPECTED = {
    "LL401-same-url.md": [("LL401", 10)],
    "LL401-paper-list.md": [("LL401", 12)],
    "LL402-same-name-fork.md": [("LL402", 7)],
    "LL403-repeated-link.md": [("LL403", 5)],
    "LL404-duplicated-toc.md": [("LL404", 9)],
}


def family_findings(*paths: Path) -> list[tuple[str, int]]:
    report = lint_paths([str(p) for p in paths], isolated=True)
    return [(f.code, f.line) for f in report.findings if f.code.startswith("LL4")]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_defect_fixture_yields_exactly_its_finding(name: str) -> None:
    assert family_findings(FIXTURES / name) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_clean_twin_yields_nothing(name: str) -> None:
    assert family_findings(FIXTURES / name.replace(".md", ".clean.md")) == []


def rule_of(code: str) -> Rule:
    found = find_rule(code)
    assert found is not None
    return found


def run(
    code: str,
    *texts: str,
    options: Mapping[str, Any] | None = None,
    settings: Mapping[str, Any] | None = None,
) -> list[tuple[str, int, str]]:
    """(path, line, message) of rule ``code`` over documents a.md, b.md, ... linted together."""
    rule = rule_of(code)
    docs = [parse_document(text, f"{chr(97 + i)}.md") for i, text in enumerate(texts)]
    return [
        (doc.path, p.span.line, p.message) for doc, p in check_rule(rule, docs, options, settings)
    ]


def lines_of(code: str, *texts: str, **kwargs: Any) -> list[int]:
    return [line for _, line, _ in run(code, *texts, **kwargs)]


# LL401 duplicate-url -------------------------------------------------------------------------


def cross_listed_apps(apps: int, repeated: int) -> str:
    """A generated app list: ``apps`` apps under "Games", the first ``repeated`` of them also
    under "Tools" (each app filed under each of its categories)."""
    games = "".join(f"- [App {n}](https://github.com/o/app{n}) - App {n}.\n" for n in range(apps))
    tools = "".join(
        f"- [App {n}](https://github.com/o/app{n}) - App {n}.\n" for n in range(repeated)
    )
    return f"# Apps\n\n## Games\n\n{games}\n## Tools\n\n{tools}"


def test_a_list_that_files_many_entries_under_several_sections_cross_lists_on_purpose() -> None:
    assert run("LL401", cross_listed_apps(100, 20)) == []
    assert run("LL404", cross_listed_apps(100, 20)) == []


def test_cross_listing_needs_twenty_repeats_and_five_percent_of_the_entries() -> None:
    assert len(run("LL401", cross_listed_apps(100, 19))) == 19
    assert len(run("LL401", cross_listed_apps(500, 20))) == 20


def test_a_cross_listing_list_still_reports_copies_in_one_section_and_under_another_name() -> None:
    text = cross_listed_apps(100, 20)
    text += "- [App 5](https://github.com/o/app5) - App 5.\n"  # twice under "Tools"
    text += "- [Other](https://github.com/o/app6) - App 6.\n"  # another name
    assert [line for _, line, _ in run("LL401", text)] == [128, 129]


def test_cross_listing_can_be_turned_off() -> None:
    found = run("LL401", cross_listed_apps(100, 20), options={"cross-listing": False})
    assert len(found) == 20


def test_same_url_names_the_earlier_occurrence() -> None:
    text = "# L\n\n- [ADAGE](https://github.com/greenelab/adage) - Autoencoders.\n" * 1
    text += "- [ADAGE](https://github.com/greenelab/adage/) - Autoencoders.\n"
    assert run("LL401", text) == [("a.md", 4, 'duplicate of "ADAGE" at line 3 (same URL)')]


def test_url_variants_are_one_url() -> None:
    text = """# L

- [a](https://arxiv.org/abs/1806.06975) - Paper.
- [a](http://arxiv.org/pdf/1806.06975v2.pdf) - Paper.
- [b](https://github.com/Owner/Repo) - Tool.
- [b](https://github.com/owner/repo/tree/main?utm_source=x) - Tool.
"""
    assert lines_of("LL401", text) == [4, 6]


def test_same_url_in_another_section_says_where() -> None:
    text = "# L\n\n## A\n\n- [x](https://x.io) - X.\n\n## B\n\n- [x](https://x.io) - X.\n"
    assert run("LL401", text)[0][2] == 'duplicate of "x" at line 5 under "A" (same URL)'


def test_same_url_under_another_name_suggests_a_wrong_link() -> None:
    text = "# L\n\n- [Feast](https://github.com/gojek/feast) - Features.\n"
    text += "- [PyTorch Geometric Temporal](https://github.com/gojek/feast) - Graphs.\n"
    message = run("LL401", text)[0][2]
    assert message.startswith('duplicate of "Feast" at line 3 (same URL under another name')
    assert "fix its link" in message


def test_files_of_one_run_are_checked_together() -> None:
    first = "# A\n\n- [jq](https://github.com/jqlang/jq) - JSON processor.\n"
    second = "# B\n\n- [jq](https://github.com/jqlang/jq) - JSON processor.\n"
    assert run("LL401", first, second) == [("b.md", 3, 'duplicate of "jq" at a.md:3 (same URL)')]


def test_cross_file_can_be_switched_off(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\n- [jq](https://github.com/jqlang/jq) - JSON.\n")
    (tmp_path / "b.md").write_text("# B\n\n- [jq](https://github.com/jqlang/jq) - JSON.\n")
    assert family_findings(tmp_path / "a.md", tmp_path / "b.md") == [("LL401", 3)]
    (tmp_path / ".listlint.toml").write_text("cross-file = false\n")
    report = lint_paths([str(tmp_path / "a.md"), str(tmp_path / "b.md")])
    assert [f.code for f in report.findings if f.code.startswith("LL4")] == []


@pytest.mark.parametrize(
    "pointer",
    ["See above.", "see DeepCpG above", "Also listed under Methylation below.", "(above)"],
)
def test_an_entry_pointing_back_is_allowed(pointer: str) -> None:
    text = f"# L\n\n## A\n\n- [x](https://x.io) - X.\n\n## B\n\n- [x](https://x.io) - {pointer}\n"
    assert run("LL401", text) == []


def test_bold_title_repeat_with_see_above_is_allowed() -> None:
    entry = "**DeepCpG**\n[[paper](http://dx.doi.org/10.1186/s13059-017-1189-z)]\n"
    entry += "[[code](https://github.com/cangermueller/deepcpg)]\n"
    text = f"# L\n\n## Methylation\n\n{entry}\nPredicts methylation.\n\n"
    text += f"## Single-cell\n\n{entry}\nSee above.\n"
    assert run("LL401", text) == [] and run("LL404", text) == []


def test_components_linking_their_parent_are_allowed() -> None:
    text = """# L

## Web

- [django](https://github.com/django/django) - Web framework.

## ORM

- [django.db.models](https://github.com/django/django) - (part of Django) The ORM.

## Build

- [uv-build](https://github.com/astral-sh/uv) - Build backend.

## Tools

- [uv](https://github.com/astral-sh/uv) - Package manager.
"""
    assert run("LL401", text) == []


def test_a_courses_pages_under_it_are_not_listings() -> None:
    course = (
        "- [CS 2043](https://cs.example/2043) **Unix Tools** *Cornell*\n"
        "\t- This course is taught by [Ada](https://ada.example) at\n"
        "the [Institute](https://institute.example) in the spring.\n"
        "\t- [Syllabus](https://cs.example/2043)\n"
        "\t- [Lectures](https://cs.example/2043/schedule)\n"
        "\t- [Assignments](https://cs.example/2043/schedule)\n"
        "- [CS 3410](https://cs.example/3410) **Organization** *Cornell*\n"
        "\t- This course is also taught by [Ada](https://ada.example) at\n"
        "the [Institute](https://institute.example) in the fall.\n"
    )
    assert run("LL401", "## Systems\n\n" + course) == []


def test_sub_entries_sharing_a_url_are_still_duplicates() -> None:
    # academic/awesome-datascience: t-SNE linked the PCA page, a copy-paste slip
    text = (
        "## Methods\n\n- [Dimension Reduction](https://en.wikipedia.org/wiki/Dimensionality)\n"
        "  - [Principal Component Analysis (PCA)](https://scikit-learn.org/decomposition#pca)\n"
        "  - [t-SNE; t-distributed Stochastic Neighbor Embedding]"
        "(https://scikit-learn.org/decomposition#pca)\n"
    )
    assert lines_of("LL401", text) == [5]


def test_allow_list_in_the_settings() -> None:
    text = "# L\n\n- [x](https://x.io) - X.\n- [y](https://y.io) - Y.\n- [x](https://x.io) - X.\n"
    assert lines_of("LL401", text) == [5]
    for allowed in (["https://www.x.io/"], ["X"]):
        assert run("LL401", text, settings={"duplicates": {"allow": allowed}}) == []


def test_badges_toc_and_back_to_top_links_are_not_entries() -> None:
    text = """# L

- [Tools](#tools)

## Tools

- [a](https://a.io) - A. [![ci](https://ci.io/b.svg)](https://ci.io)
- [b](https://b.io) - B. [![ci](https://ci.io/b.svg)](https://ci.io)

**[back to top](#l)**

- [Tools](#tools)

**[back to top](#l)**
"""
    assert run("LL401", text) == []


PER_LANGUAGE = """# ML

## C++

### General-Purpose

- [MXNet](https://github.com/apache/mxnet) - Deep learning.

## Python

### General-Purpose

- [MXNet](https://github.com/apache/mxnet) - Deep learning.

## R

### General-Purpose

- [caret](https://github.com/topepo/caret) - Training.
"""


def test_one_listing_per_parallel_section_is_allowed() -> None:
    assert run("LL401", PER_LANGUAGE) == []
    assert lines_of("LL401", PER_LANGUAGE, options={"parallel-sections": False}) == [13]


def test_sections_pasted_twice_are_not_parallel() -> None:
    text = "# L\n\n## A\n\n### News\n\n- [x](https://x.io) - X.\n\n## B\n\n### News\n\n"
    text += "- [x](https://x.io) - X.\n"
    assert lines_of("LL401", text) == [13]


# LL402 similar-entry -------------------------------------------------------------------------


def test_same_name_and_description_with_another_url() -> None:
    text = "# L\n\n- [flac](https://github.com/eaburns/flac) - A native Go FLAC decoder.\n"
    text += "- [flac](https://github.com/mewkiz/flac) - A native Go FLAC decoder.\n"
    assert run("LL402", text) == [
        ("a.md", 4, 'duplicate of "flac" at line 3 (same name and description, another URL)')
    ]


def test_same_name_same_project_other_page() -> None:
    text = (
        "# L\n\n- [soda](https://github.com/gobuffalo/pop/tree/master/soda) - Migrations and ORM.\n"
    )
    text += "- [pop/soda](https://github.com/gobuffalo/pop) - Migrations and ORM.\n"
    assert run("LL402", text)[0][2].endswith("(same name, same project github.com/gobuffalo/pop)")


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Same name, different projects.
        (
            "[jwt](https://github.com/pascaldekloe/jwt) - JWT library.",
            "[jwt](https://github.com/cristalhq/jwt) - Fast JSON Web Tokens.",
        ),
        # Numbers make another name.
        (
            "[SweetAlert](https://github.com/t4t5/sweetalert) - Alert replacement.",
            "[SweetAlert2](https://github.com/sweetalert2/sweetalert2) - Alert replacement.",
        ),
        # A difference inside a word makes another name.
        (
            "[Open Government, Australia](https://data.gov.au) - Government Open Data",
            "[Open Government, Austria](https://data.gv.at) - Government Open Data",
        ),
        # One owner's blog and Twitter account are two resources.
        (
            "[Renee](https://becomingadatascientist.com) - My path to data science.",
            "[Renee](https://twitter.com/BecomingDataSci) - My path to data science.",
        ),
        # Another page of the same project (its style guide).
        (
            "[cockroach](https://github.com/cockroachdb/cockroach) - Distributed SQL.",
            "[CockroachDB](https://github.com/cockroachdb/cockroach/blob/master/docs/style.md)",
        ),
    ],
)
def test_alike_entries_that_are_not_duplicates(first: str, second: str) -> None:
    assert run("LL402", f"# L\n\n- {first}\n- {second}\n") == []


def test_name_variants_are_one_name() -> None:
    text = "# L\n\n- [Taiga](https://taiga.io) - Agile project management.\n"
    text += "- [Taiga.io](https://github.com/kaleidos-ventures/taiga) - Agile project management.\n"
    text += "- [Lets-Chat](https://sdelements.github.io/lets-chat) - Chat for small teams.\n"
    text += "- [Let's Chat](https://github.com/sdelements/lets-chat) - Chat for small teams.\n"
    assert lines_of("LL402", text) == [4, 6]


# LL403 repeated-link-in-entry ----------------------------------------------------------------


def test_same_link_twice_in_one_entry() -> None:
    text = "# L\n\n**Gene graphs** [[github](https://github.com/o/r)] [[arxiv](https://github.com/o/r/)]\n"
    assert run("LL403", text) == [
        (
            "a.md",
            3,
            '"arxiv" links the same URL as "github" in this entry; '
            'point "arxiv" at its own resource or remove it',
        )
    ]


def test_demo_link_to_the_entry_itself_and_badges_are_fine() -> None:
    text = "# L\n\n- [Kutt](https://kutt.it) - Shortener. ([Demo](https://kutt.it)) "
    text += "[![b](https://img.io/k.svg)](https://kutt.it)\n"
    assert run("LL403", text) == []


# LL404 duplicate-block -----------------------------------------------------------------------


def test_a_section_pasted_twice_is_one_block() -> None:
    section = "## Podcasts\n\n- [A](https://a.fm)\n- [B](https://b.fm)\n- [C](https://c.fm)\n\n"
    text = f"# L\n\n{section}## Other\n\n- [D](https://d.io)\n\n{section}"
    assert run("LL404", text) == [
        ("a.md", 13, "lines 13-17 repeat lines 3-7 (4 lines); delete one copy")
    ]


def test_a_template_every_section_repeats_is_not_a_copy() -> None:
    template = "**Libraries**\n\n[Back to Top](#l)\n\n### Libraries\n\n"  # keon/awesome-nlp
    text = "# L\n\n" + "".join(
        f"## {language}\n\n{template}- [{language}NLP](https://{language}.org) - NLP.\n\n"
        for language in ("Python", "Java", "Rust")
    )
    assert run("LL404", text) == []
    pasted = "## Python\n\n" + template + "- [A](https://a.org) - A.\n- [B](https://b.org) - B.\n"
    assert [line for _, line, _ in run("LL404", f"# L\n\n{pasted}\n{pasted}")] == [14]


def test_an_indented_sub_toc_is_not_a_copy() -> None:
    text = "# L\n\n- [S](#s)\n  - [A](#a)\n  - [B](#b)\n  - [C](#c)\n\n## S\n\n"
    text += "- [A](#a)\n- [B](#b)\n- [C](#c)\n\n### A\n\n### B\n\n### C\n"
    assert run("LL404", text) == []


# Scale -----------------------------------------------------------------------------------------


def generated_document(entries: int) -> Document:
    """A document of ``entries`` distinct entries plus two planted duplicates, built directly.

    Parsing is not what is measured here (and is not linear yet), so the entries are made
    without Markdown: 100 sections, unique names and URLs, one URL variant and one fork.
    """
    specs = []
    for number in range(entries):
        name = pronounceable(number * 7919 % 1_000_003)
        url = f"https://github.com/owner{number % 977}/{name}"
        specs.append((name, url, f"A made-up tool, number {number}."))
    (first, _, first_description), (second, _, second_description) = specs[:2]
    specs.append((first, f"https://github.com/owner0/{first}/", first_description))
    specs.append((second, f"https://github.com/fork/{second}", second_description))
    lines, entries = [], []
    for line, (name, url, description) in enumerate(specs, 1):
        text = f"- [{name}]({url}) - {description}"
        span = Span(line, 1, line, len(text) + 1)
        link = Link("inline", name, url, url, span, span, span, None, False, False, "paragraph")
        lines.append(text)
        entries.append(Entry("list", name, span, link, (link,), description, span, span, None))
    empty = parse_document("", "big.md")
    return replace(empty, lines=tuple(lines), entries=tuple(entries))


def pronounceable(number: int) -> str:
    """A distinct made-up word per number ("bakodu"), like real project names."""
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    word = ""
    while True:
        number, digit = divmod(number, len(syllables))
        word += syllables[digit]
        if not number:
            return word


@pytest.fixture
def scored_pairs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[dup.Item, dup.Item]]:
    """Every pair of entries whose names :func:`same_name` scores, as the rules run."""
    scored: list[tuple[dup.Item, dup.Item]] = []
    same_name = dup.same_name

    def recorded(a: dup.Item, b: dup.Item, threshold: float) -> bool:
        scored.append((a, b))
        return same_name(a, b, threshold)

    monkeypatch.setattr(dup, "same_name", recorded)
    return scored


def test_candidate_pairs_grow_linearly_with_the_entries(
    scored_pairs: list[tuple[dup.Item, dup.Item]],
) -> None:
    """Blocking, not comparing every pair: the names scored stay a small multiple of the entries."""
    doc = generated_document(50_000)
    found = {code: lines_of_doc(code, doc) for code in ("LL401", "LL402", "LL403", "LL404")}
    assert found == {"LL401": [50_001], "LL402": [50_002], "LL403": [], "LL404": []}
    assert len(scored_pairs) < 3 * 50_000


def lines_of_doc(code: str, doc: Document) -> list[int]:
    rule = rule_of(code)
    return [p.span.line for _, p in check_rule(rule, [doc])]


def test_cross_file_command_line_flag_overrides_the_setting(tmp_path: Path) -> None:
    from listlint.cli import main

    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# A\n\n- [jq](https://github.com/jqlang/jq) - JSON.\n")
    files = [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    assert main(["--no-config", "-q", "--select", "LL401", "--no-cross-file", *files]) == 0
    (tmp_path / ".listlint.toml").write_text("cross-file = false\n")
    assert main(["-q", "--select", "LL401", "--cross-file", *files]) == 1


def test_a_name_thousands_of_entries_share_is_compared_within_its_project(
    scored_pairs: list[tuple[dup.Item, dup.Item]],
) -> None:
    """ "GitHub" naming 3,000 repositories is a label: compared by project, not with every other."""
    entries = [f"- [GitHub](https://github.com/o/r{n}) - Repository {n}.\n" for n in range(3000)]
    entries.append("- [GitHub](https://github.com/o/r7/wiki) - Repository 7.\n")
    assert lines_of("LL402", "# L\n\n" + "".join(entries)) == [3003]
    assert len(scored_pairs) < 2 * 3000


# Every entry style takes part (issue: unrecognised styles let exact copies through) ------------


def located(code: str, *texts: str, paths: tuple[str, ...] = ()) -> list[tuple[str, int, int, str]]:
    """(path, line, column, message) of rule ``code`` over documents linted together."""
    names = paths or tuple(f"{chr(97 + i)}.md" for i in range(len(texts)))
    docs = [parse_document(text, name) for text, name in zip(texts, names, strict=True)]
    return [
        (doc.path, p.span.line, p.span.column, p.message)
        for doc, p in check_rule(rule_of(code), docs)
    ]


@pytest.mark.parametrize(
    ("copy", "column", "name"),
    [
        (
            "> **[Alpha](https://github.com/a/alpha)** <kbd>★ 3.8k</kbd><br>Test library.\n",
            6,
            "Alpha",
        ),
        (
            "- **2016-12** | Deep A | *A. Author* | [Nature](https://doi.org/10.1000/a)\n",
            17,
            "Deep A",
        ),
        (
            "- **Dropout** (2014), N. Srivastava et al. [[pdf]](https://example.org/dropout.pdf)\n",
            5,
            "Dropout",
        ),
        (
            '**[1]** LeCun. "**Deep learning**." (2015). [[pdf]](https://example.org/dl.pdf)\n',
            19,
            "Deep learning",
        ),
        ('&nbsp; <a href="https://neovim.io/"><b>neovim</b></a> - An editor.<br>\n', 37, "neovim"),
        ("- [ ] [MIT 6.824](https://www.youtube.com/watch?v=cQP8WApzIQQ)\n", 8, "MIT 6.824"),
    ],
)
def test_an_exact_copy_is_reported_in_every_entry_style(copy: str, column: int, name: str) -> None:
    text = f"# L\n\n## A\n\n{copy}\n## B\n\n{copy}"
    assert located("LL401", text) == [
        ("a.md", 9, column, f'duplicate of "{name}" at line 5 under "A" (same URL)')
    ]


def test_a_table_row_linking_a_paper_in_its_last_cell() -> None:
    head = "| **Paper** | **Links** |\n| --- | --- |\n"
    text = (
        f"# Papers\n\n## Week 2\n\n{head}"
        "| 1) **MusicGen** - a music model. | [Paper](https://arxiv.org/abs/2306.05284) |\n\n"
        f"## Week 1\n\n{head}"
        "| 1) **MusicGen** - a single-stage model. | [Paper](https://arxiv.org/abs/2306.05284) |\n"
    )
    assert located("LL401", text) == [
        ("a.md", 13, 8, 'duplicate of "MusicGen" at line 7 under "Week 2" (same URL)')
    ]


def test_a_wrong_link_after_text_says_so() -> None:
    text = (
        "# Flutter\n\n- Meetup [Egypt](https://www.meetup.com/flutter-nyc/)\n"
        "- Meetup [NYC](https://www.meetup.com/flutter-nyc/)\n"
    )
    assert located("LL401", text) == [
        (
            "a.md",
            4,
            3,
            'duplicate of "Meetup Egypt" at line 3 (same URL under another name: if "Meetup NYC" '
            "is another project, fix its link)",
        )
    ]


# Translations are compared only with their own language ------------------------------------


def test_translations_are_not_duplicates_of_the_original() -> None:
    entries = "".join(f"- [App{n}](https://app{n}.example) - App {n}.\n" for n in range(5))
    original, japanese = f"# Apps\n\n{entries}", f"# アプリ\n\n{entries}"
    paths = ("README-ja.md", "README.md")
    assert located("LL401", japanese, original, paths=paths) == []
    assert located("LL402", japanese, original, paths=paths) == []
    copy = japanese + "- [App0](https://app0.example) - App 0.\n"
    assert located("LL401", copy, original, paths=paths) == [
        ("README-ja.md", 8, 4, 'duplicate of "App0" at line 3 (same URL)')
    ]


def test_language_of_each_file() -> None:
    paths = [
        "README.md",
        "README-ja.md",
        "README.zh-CN.md",
        "README_ZH-CN.md",
        "readme.zh.md",
        "translations/README-es.md",
        "translations/how-to.md",
        "docs/HOWTO.md",
        "docs/HOWTO-ar.md",
        "i18n/ja/guide.md",
        "docs/en/index.md",
        "docs/zh-CN/index.md",
        "my/notes.md",
        "how-to.md",
    ]
    assert dup.languages(paths) == {
        "README.md": "",
        "README-ja.md": "ja",
        "README.zh-CN.md": "zh-cn",
        "README_ZH-CN.md": "zh-cn",
        "readme.zh.md": "zh",
        "translations/README-es.md": "es",
        "translations/how-to.md": "",
        "docs/HOWTO.md": "",
        "docs/HOWTO-ar.md": "ar",
        "i18n/ja/guide.md": "ja",
        "docs/en/index.md": "en",
        "docs/zh-CN/index.md": "zh-cn",
        "my/notes.md": "",
        "how-to.md": "",
    }


def test_three_letter_country_and_region_tags_are_languages() -> None:
    paths = [
        "docs/HOWTO.md",
        "docs/HOWTO-fil.md",
        "docs/HOWTO-np.md",
        "docs/HOWTO-pt_BR.md",
        "docs/HOWTO-es-419.md",
        "docs/HOWTO-zh-Hant.md",
        "notes.md",
        "notes-old.md",
        "notes-mon.md",
    ]
    assert dup.languages(paths) == {
        "docs/HOWTO.md": "",
        "docs/HOWTO-fil.md": "fil",
        "docs/HOWTO-np.md": "np",
        "docs/HOWTO-pt_BR.md": "pt-br",
        "docs/HOWTO-es-419.md": "es-419",
        "docs/HOWTO-zh-Hant.md": "zh-hant",
        "notes.md": "",
        "notes-old.md": "",
        "notes-mon.md": "",  # an English word, not Mongolian
    }
    links = "- [About Pull Requests](https://docs.github.com/pr)\n"
    assert (
        located("LL401", links, links, links, paths=("HOWTO.md", "HOWTO-fil.md", "HOWTO-np.md"))
        == []
    )


def test_navigation_and_language_switchers_are_not_duplicates() -> None:
    text = (
        "# Shell\n\n- [Español](README-es.md)\n- [Deutsch](README-de.md)\n\n"
        "## Contents\n\n- [Shells](#shells)\n- [See also](#see-also)\n\n## Shells\n\n"
        "- [fish](https://fishshell.com) - A shell.\n\n## See also\n\n"
        "- [Español](README-es.md) - This list in Spanish.\n"
    )
    assert located("LL401", text) == []


# Templated names, two stores, one inserted letter ----------------------------------------------


def test_templated_names_sequels_and_languages_are_different_names() -> None:
    pdf = "Compiled from StackOverflow documentation (PDF)"
    text = (
        f"# Books\n\n## C\n\n- [C Notes for Professionals](https://goalkicker.com/CBook/) - {pdf}\n"
        "- [Essential C](https://example.org/essential/c/) - Krzysztof Kowalczyk, contributors\n\n"
        f"## C#\n\n- [C# Notes for Professionals](https://goalkicker.com/CSharpBook/) - {pdf}\n"
        "- [Essential C#](https://example.org/essential/cs/) - Krzysztof Kowalczyk, contributors"
        "\n\n"
        f"## R\n\n- [R Notes for Professionals](https://goalkicker.com/RBook/) - {pdf}\n\n"
        "## Courses\n\n"
        "- [Computer Science I](https://cse.example.edu/cs1.pdf) - Chris Bourke (PDF)\n"
        "- [Computer Science II](https://cse.example.edu/cs2.pdf) - Chris Bourke (PDF)\n"
    )
    assert located("LL402", text) == []


def test_one_plugin_in_two_stores_is_not_a_duplicate() -> None:
    description = "i18n binding from arb files by Localizely."
    text = (
        "# Flutter\n\n## VSCode\n\n- [Flutter Intl](https://marketplace.visualstudio.com/items"
        f"?itemName=localizely.flutter-intl) - {description}\n\n## IntelliJ\n\n"
        "- [Flutter Intl](https://plugins.jetbrains.com/plugin/13666-flutter-intl) - "
        f"{description}\n"
    )
    assert located("LL402", text) == []


def test_names_one_inserted_letter_apart_meet() -> None:
    description = "A library for parsing and extracting data from HTML and XML with CSS selectors."
    text = (
        "# Elixir\n\n## HTML\n\n"
        f"- [meeseeks](https://github.com/mischov/meeseeks) - {description}\n"
        f"\n## XML\n\n- [meseeks](https://gitlab.com/mirror/meeseeks) - {description}\n"
    )
    assert located("LL402", text) == [
        (
            "a.md",
            9,
            4,
            'duplicate of "meeseeks" at line 5 under "HTML" '
            "(same name and description, another URL)",
        )
    ]


# The exemptions no longer hide real duplicates ---------------------------------------------------


def test_the_same_repository_under_a_new_name_in_another_section_is_reported() -> None:
    text = (
        "# Node\n\n## Filesystem\n\n- [trash](https://github.com/sindresorhus/trash) - Move files "
        "to the trash.\n\n## Command-line utilities\n\n"
        "- [trash-files](https://github.com/sindresorhus/trash) - Move files to the trash.\n\n"
        "## Charts\n\n- [Circular Chart](https://github.com/xqwzts/flutter-redux-todo-list) - "
        "Animated radial and pie charts.\n\n## Redux\n\n"
        "- [Flutter Redux Todo](https://github.com/xqwzts/flutter-redux-todo-list) - Todo app.\n"
    )
    assert located("LL401", text) == [
        ("a.md", 9, 4, 'duplicate of "trash" at line 5 under "Filesystem" (same URL)'),
        (
            "a.md",
            17,
            4,
            'duplicate of "Circular Chart" at line 13 under "Charts" (same URL under another '
            'name: if "Flutter Redux Todo" is another project, fix its link)',
        ),
    ]


def test_two_sections_sharing_only_a_miscellaneous_subsection_are_not_parallel() -> None:
    entry = "- [vue-mc](https://github.com/f/vue-mc) - Models and Collections for Vue.js.\n"
    text = (
        f"# Vue\n\n## Components\n\n### Forms\n\n{entry}\n### Miscellaneous\n\n"
        "- [a](https://a.example) - A.\n\n## Utilities\n\n### State\n\n"
        f"{entry}\n### Miscellaneous\n\n- [b](https://b.example) - B.\n\n"
        "## Tools\n\n### Miscellaneous\n\n- [c](https://c.example) - C.\n"
    )
    assert located("LL401", text) == [
        ("a.md", 17, 4, 'duplicate of "vue-mc" at line 7 under "Forms" (same URL)')
    ]


# Sub-items that are the parent's metadata --------------------------------------------------------


def test_app_store_sub_items_are_not_entries_nor_blocks() -> None:
    app = (
        "- [Clendar](https://github.com/vinhnx/Clendar): Minimal calendar\n"
        "  - [` App Store`](https://apps.apple.com/app/id1548102041) "
        "<a href='https://example.org/1.png'>`Screenshot 1`</a>\n"
        "  - `2026` `swift`\n  - ☆`727`\n"
    )
    other = (
        "- [VLC](https://github.com/videolan/vlc-ios): Media player\n"
        "  - [` App Store`](https://apps.apple.com/app/id2) "
        "<a href='https://example.org/2.png'>`Screenshot 1`</a>\n"
    )
    text = f"# Apps\n\n## Calendar\n\n{app}{other}\n## Productivity\n\n{app}"
    assert located("LL402", text) == []
    assert located("LL404", text) == []
    assert located("LL401", text) == [
        ("a.md", 14, 4, 'duplicate of "Clendar" at line 5 under "Calendar" (same URL)')
    ]


def test_a_word_extended_in_a_templated_name_is_another_name() -> None:
    author = "Krzysztof Kowalczyk, StackOverflow Contributors"
    text = (
        f"# Books\n\n- [Essential C](https://example.org/essential/c/) - {author}\n"
        f"- [Essential CSS](https://example.org/essential/css/) - {author}\n"
    )
    assert located("LL402", text) == []


def test_a_third_copy_is_reported_against_the_first_one() -> None:
    text = (
        "# L\n\n## Data\n\n- [Storage](https://arxiv.org/abs/2108.09373) - Meta.\n\n"
        "## Papers\n\n- [Storage](https://arxiv.org/abs/2108.09373) - Meta.\n"
        "- [Other](https://other.example) - Other.\n"
        "- [Storage](https://arxiv.org/abs/2108.09373v4) - Meta.\n"
    )
    assert [(line, message) for _, line, _, message in located("LL401", text)] == [
        (9, 'duplicate of "Storage" at line 5 under "Data" (same URL)'),
        (11, 'duplicate of "Storage" at line 5 under "Data" (same URL)'),
    ]


def test_a_labelled_or_ticked_mention_is_named_by_its_linked_title() -> None:
    text = (
        "# Plan\n\n## Design\n\n"
        "- [ ] **START HERE**: [The System Design Primer](https://github.com/d/sdp)\n"
        "- [ ] List of DP problems: [Dynamic Programming](https://youtube.com/playlist?list=P)\n"
        "- review: [The System Design Primer](https://github.com/d/sdp)\n"
        "- [Dynamic Programming](https://youtube.com/playlist?list=P) - Playlist.\n"
    )
    assert [message for *_, message in located("LL401", text)] == [
        'duplicate of "The System Design Primer" at line 5 (same URL)',
        'duplicate of "Dynamic Programming" at line 6 (same URL)',
    ]


# Blocking finds what comparing every pair finds ------------------------------------------------

NAME_PARTS = st.sampled_from(["a", "b", "ab", "ba", "abc", "x1", "2", "-", "kalo", "mira", "."])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(NAME_PARTS, min_size=1, max_size=6).map("".join), min_size=2, max_size=25),
    st.sampled_from([0, 50, 80, 90, 95, 100]),
)
def test_blocked_pairs_are_every_pair_of_the_same_name(names: list[str], threshold: int) -> None:
    text = "# L\n\n" + "".join(f"- [{n}](https://e.org/{i}) - D.\n" for i, n in enumerate(names))
    doc = parse_document(text, "list.md")
    found = dup.items([DocumentFacts(doc, {})])

    def alike(item: dup.Item) -> tuple[str, str]:  # entries of even order are interchangeable
        return item.name, item.url if item.order % 2 else ""

    firsts: dict[tuple[str, str], dup.Item] = {}
    for item in found:
        firsts.setdefault(alike(item), item)
    blocked = dup.similar_name_pairs(found, threshold, alike, lambda item: ())
    every = [
        (a, b)
        for b in found
        for a in found[: b.order]
        if firsts[alike(a)] is a and a.name and b.name and dup.same_name(a, b, threshold)
    ]  # without letters or digits, an entry has no name to compare
    assert [(a.order, b.order) for a, b in blocked] == [(a.order, b.order) for a, b in every]


def test_one_edit_needs_five_letters_to_insert_and_ten_to_substitute_at_90() -> None:
    assert dup._one_edit_lengths(90) == (5, 10)


def test_the_ratio_of_one_edit_is_rapidfuzz_ratio() -> None:
    from rapidfuzz import fuzz

    for n in range(1, 65):
        assert dup.ratio_of_one_edit(n, n + 1) == fuzz.ratio("a" * n, "a" * n + "b")
        assert dup.ratio_of_one_edit(n, n) == fuzz.ratio("a" * n, "a" * (n - 1) + "b")
    for n in range(2, 65):
        assert dup.ratio_of_one_edit(n, n) == fuzz.ratio("ab" + "c" * (n - 2), "ba" + "c" * (n - 2))

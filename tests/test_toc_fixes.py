"""TOC fixes are minimal: each finding's fix changes its own entry's lines (or adds one), in the
list's own style, and a fixed TOC is stable. The whole-TOC rewrite is LL209's, opt-in and unsafe."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from _toc_helpers import findings, fixed, lines, where

from listlint.source import split_lines

from conftest import FIXTURES, SHARED, require_shared

LL2 = ["LL2"]


def body(*names: str) -> str:
    """Sections with one entry each."""
    return "".join(f"## {name}\n- [x](https://x.example) - X.\n" for name in names)


# --- an added entry looks like the entries around it --------------------------------------------


@pytest.mark.parametrize(
    ("toc", "added"),
    [
        ("* [Alpha](#alpha)\n* [Gamma](#gamma)\n", "* [Beta](#beta)\n"),
        ("1. [Alpha](#alpha)\n2. [Gamma](#gamma)\n", "2. [Beta](#beta)\n"),
        ("- **[Alpha](#alpha)**\n- **[Gamma](#gamma)**\n", "- **[Beta](#beta)**\n"),
        ("- [alpha](#alpha)\n- [gamma](#gamma)\n", "- [beta](#beta)\n"),
        ("-   [Alpha](#alpha)\n-   [Gamma](#gamma)\n", "-   [Beta](#beta)\n"),
    ],
    ids=["bullet", "ordered", "bold", "lowercase", "wide-gap"],
)
def test_a_missing_entry_is_written_like_its_siblings(toc: str, added: str) -> None:
    first, rest = toc.split("\n", 1)
    text = f"## Contents\n{toc}" + body("Alpha", "Beta", "Gamma")
    assert fixed(text, LL2) == f"## Contents\n{first}\n{added}{rest}" + body(
        "Alpha", "Beta", "Gamma"
    )


def test_a_sub_entry_takes_the_indentation_of_its_siblings_tabs_included() -> None:
    text = (
        "## Contents\n- [Alpha](#alpha)\n\t- [One](#one)\n- [Beta](#beta)\n"
        "## Alpha\n### One\nx\n### Two\nx\n## Beta\nx\n"
    )
    assert fixed(text, LL2) == text.replace(
        "\t- [One](#one)\n", "\t- [One](#one)\n\t- [Two](#two)\n"
    )


def test_a_first_sub_entry_goes_right_under_its_parent() -> None:
    text = (
        "## Contents\n- [Alpha](#alpha)\n  - [One](#one)\n  - [Two](#two)\n- [Beta](#beta)\n"
        "## Alpha\n### One\nx\n### Two\nx\n## Beta\n### Zero\nx\n"
    )
    assert fixed(text, LL2) == text.replace(
        "- [Beta](#beta)\n", "- [Beta](#beta)\n  - [Zero](#zero)\n"
    )


def test_a_loose_toc_gets_a_loose_entry_and_crlf_stays_crlf() -> None:
    text = "## Contents\r\n\r\n- [Alpha](#alpha)\r\n\r\n- [Gamma](#gamma)\r\n\r\n"
    text += body("Alpha", "Beta", "Gamma").replace("\n", "\r\n")
    assert fixed(text, LL2) == text.replace(
        "- [Alpha](#alpha)\r\n", "- [Alpha](#alpha)\r\n\r\n- [Beta](#beta)\r\n"
    )


def test_explicit_anchors_are_used_when_the_toc_uses_them() -> None:
    text = lines(
        "## Contents",
        "- [Alpha](#a)",
        "- [Gamma](#g)",
        '## Alpha <a name="a"></a>',
        "x",
        '## Beta <a name="b c"></a>',
        "x",
        '## Gamma <a name="g"></a>',
        "x",
    )
    assert fixed(text, LL2) == text.replace("- [Alpha](#a)\n", "- [Alpha](#a)\n- [Beta](#b%20c)\n")


# --- other fixes change their own lines only ----------------------------------------------------


def test_a_moved_entry_takes_its_sub_entries_along() -> None:
    text = lines(
        "## Contents",
        "- [Beta](#beta)",
        "  - [One](#one)",
        "- [Alpha](#alpha)",
        "## Alpha",
        "x",
        "## Beta",
        "### One",
        "x",
    )
    found = findings(text, LL2)
    assert [(f.code, f.line, f.column, f.end_line) for f in found] == [("LL204", 2, 1, 3)]
    assert fixed(text, LL2) == text.replace(
        "- [Beta](#beta)\n  - [One](#one)\n- [Alpha](#alpha)\n",
        "- [Alpha](#alpha)\n- [Beta](#beta)\n  - [One](#one)\n",
    )


def test_a_stale_text_is_replaced_in_the_link_only() -> None:
    text = lines("## Contents", "- **[Old name](#new-name)** (3)", "## New name", "x")
    assert where(findings(text, LL2)) == [("LL206", 2, 6)]
    assert fixed(text, LL2) == text.replace("[Old name]", "[New name]")


def test_a_fixed_toc_has_no_finding_left_and_fixing_it_again_changes_nothing() -> None:
    text = lines(
        "## Contents",
        "- [Gamma](#gamma)",
        "- [Alpha](#alpha)",
        "- [Old](#old)",
        "- [Delta](#delta)",
        "  - [Deep](#deep)",
        *body("Alpha", "Beta", "Gamma").splitlines(),
        "## Delta",
        "### Deep",
        "x",
        "### Deeper",
        "x",
    )
    once = fixed(text, LL2)
    assert findings(once, LL2) == []
    assert fixed(once, LL2) == once


def test_a_retarget_changes_only_the_fragment_to_the_anchor_its_message_names() -> None:
    text = lines(
        "## Contents",
        "- [OCaml](#ocaml)",
        "- [Computer Vision](#opencv-Computer-Vision)",
        '<a name="ocaml"></a>',
        "## OCaml",
        "x",
        '<a name="opencv-ComputerVision and Text Detection"></a>',
        "## OpenSource-Computer-Vision",
        "x",
    )
    found = findings(text, ["LL203"], ())
    assert found[0].message == (
        "TOC entry `Computer Vision` points to `#opencv-Computer-Vision`, the heading is now "
        "`OpenSource-Computer-Vision` (line 8, `#opensource-computer-vision`): retarget it"
    )
    retargeted = text.replace("(#opencv-Computer-Vision)", "(#opensource-computer-vision)")
    assert fixed(text, ["LL203"], ()) == retargeted
    # the text is LL206's, once the entry links to the heading
    assert where(findings(retargeted, LL2)) == [("LL206", 3, 4)]


def test_a_retarget_uses_a_plain_explicit_anchor_when_the_toc_links_those() -> None:
    text = lines(
        "## Contents",
        "- [Alpha](#a)",
        "- [Gamma](#gone)",
        '## Alpha <a name="a"></a>',
        "x",
        '## Gamma <a name="g"></a>',
        "x",
    )
    found = findings(text, ["LL203"], ())
    assert found[0].message == (
        "TOC entry `Gamma` points to `#gone`, its heading `Gamma` (line 6) is `#g`: retarget it"
    )
    assert fixed(text, ["LL203"], ()) == text.replace("(#gone)", "(#g)")


# --- LL209: the whole-TOC rewrite, on request ---------------------------------------------------

DRIFTED = "## Contents\n- [Beta](#beta)\n- [Alpha](#alpha)\n" + body("Alpha", "Beta", "Gamma")


def test_regeneration_is_opt_in() -> None:
    assert "LL209" not in {finding.code for finding in findings(DRIFTED, None, ())}
    found = findings(DRIFTED, ["LL209"], ())
    assert where(found) == [("LL209", 2, 1)]
    assert found[0].message == (
        "the table of contents differs from its headings in 2 entries; `--unsafe-fixes` writes it "
        "again from the headings"
    )
    assert found[0].fix is not None and not found[0].fix.safe


def test_the_opt_in_fixture_pair() -> None:
    folder = FIXTURES / "anchors" / "opt-in"
    defect = (folder / "LL209-toc-regenerate.md").read_text(encoding="utf-8")
    clean = (folder / "LL209-toc-regenerate.clean.md").read_text(encoding="utf-8")
    assert where(findings(defect, ["LL209"], ())) == [("LL209", 5, 1)]
    assert findings(clean, ["LL209"], ()) == []
    assert fixed(defect, ["LL209"], (), unsafe=True) == clean


def test_regeneration_writes_the_toc_from_the_headings() -> None:
    assert fixed(DRIFTED, ["LL209"], (), unsafe=False) == DRIFTED
    assert fixed(DRIFTED, ["LL209"], (), unsafe=True) == (
        "## Contents\n- [Alpha](#alpha)\n- [Beta](#beta)\n- [Gamma](#gamma)\n"
        + body("Alpha", "Beta", "Gamma")
    )


SORTED_BODY = body("Systems", "Compilers", "Algorithms", "Security")
SORTED = (
    "## Contents\n- [Algorithms](#algorithms)\n- [Compilers](#compilers)\n- [Security](#security)\n"
    "- [Systems](#systems)\n" + SORTED_BODY
)


def test_an_alphabetical_toc_is_not_regenerated_in_document_order() -> None:
    assert findings(SORTED, ["LL209"], ()) == []


def test_regenerating_an_alphabetical_toc_sorts_in_new_and_moved_entries() -> None:
    names = ("Algorithms", "Compilers", "Networks", "Security", "Systems")
    toc = "".join(f"- [{name}](#{name.lower()})\n" for name in names)
    sections = body("Abc", "Systems", "Compilers", "Algorithms", "Security", "Networks")
    text = "## Contents\n" + toc + "- [Abc](#abc)\n" + sections + body("Databases")
    found = findings(text, ["LL209"], ())
    assert found[0].message.startswith("the table of contents differs from its headings in 3 ")
    regenerated = "- [Abc](#abc)\n" + toc.replace(
        "- [Networks]", "- [Databases](#databases)\n- [Networks]"
    )
    assert fixed(text, ["LL209"], (), unsafe=True) == (
        "## Contents\n" + regenerated + sections + body("Databases")
    )


NESTED_BY_4 = (
    "## Contents\n- [Tools](#tools)\n  - [Linters](#linters)\n- [Forums](#forums)\n"
    "    - [Reddit](#reddit)\n    - [IRC](#irc)\n"
    "## Tools\n### Linters\nx\n## Forums\n### Reddit\nx\n### IRC\nx\n"
)


def test_indentation_that_renders_the_same_is_not_a_difference() -> None:
    assert findings(NESTED_BY_4, ["LL209"], ()) == []


def test_regenerating_keeps_each_entry_s_indentation_and_indents_new_ones_like_their_siblings() -> (
    None
):
    text = NESTED_BY_4 + "### Matrix\nx\n"
    assert where(findings(text, ["LL209"], ())) == [("LL209", 2, 1)]
    assert fixed(text, ["LL209"], (), unsafe=True) == text.replace(
        "    - [IRC](#irc)\n", "    - [IRC](#irc)\n    - [Matrix](#matrix)\n"
    )


# --- on the real lists: a fixed file differs only on the lines of fixable findings --------------

CORPUS = sorted((SHARED / "corpus").glob("*/*.md")) if SHARED else []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_fixed_real_list_differs_only_on_the_lines_of_its_findings(path: Path) -> None:
    """``--fix`` changes only lines of the findings it reported (a fix may wait for another's:
    a sub-entry for its parent's), adding lines; run again until nothing changes (deleting what
    the first report did not show waits for the next run), it stays as it is."""
    require_shared()
    text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    found = findings(text, LL2)
    if not any(f.fix is not None and f.fix.safe for f in found):
        return
    once = fixed(text, LL2)
    before_lines, after_lines = split_lines(text), split_lines(once)
    allowed = Counter(
        before_lines[number - 1]
        for finding in found
        for number in range(finding.line, finding.end_line + 1)
    )
    gone = Counter(before_lines) - Counter(after_lines)  # lines changed or deleted, not moved
    assert gone - allowed == Counter()
    runs = [once]
    while len(runs) < RUNS and runs[-1] != (again := fixed(runs[-1], LL2)):
        runs.append(again)
    assert fixed(runs[-1], LL2) == runs[-1]


RUNS = 4  # the most runs a drifted TOC of the corpus takes to settle

"""The LL2xx rules: anchors exactly as GitHub makes them, and a table of contents kept true."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from listlint.fix import apply_edits
from listlint.model.document import parse_document
from listlint.rule import Problem, Rule, all_rules

from conftest import check_rule

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "anchors"


def anchor_rules() -> list[Rule]:
    """The LL2xx rules on by default (LL209, the opt-in TOC regeneration, is tested apart)."""
    return [rule for rule in all_rules() if rule.code.startswith("LL2") and rule.default]


def lint(
    text: str,
    settings: Mapping[str, Any] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    rules: list[Rule] | None = None,
) -> list[tuple[str, Problem]]:
    """(code, problem) for each problem of ``rules`` (default: LL2xx) in ``text``, in line order."""
    doc = parse_document(text, "README.md")
    found: list[tuple[str, Problem]] = []
    for rule in anchor_rules() if rules is None else rules:
        problems = check_rule(rule, [doc], (options or {}).get(rule.code), settings)
        found.extend((rule.code, problem) for _, problem in problems)
    return sorted(found, key=lambda found: (found[1].span.line, found[0]))


def lint_rules(text: str, *codes: str) -> list[tuple[str, Problem]]:
    """(code, problem) for the problems of the rules ``codes`` in ``text``."""
    return lint(text, rules=[rule for rule in all_rules() if rule.code in codes])


def codes_and_lines(text: str) -> list[tuple[str, int]]:
    return [(code, problem.span.line) for code, problem in lint(text)]


def fix(text: str, rounds: int = 5) -> str:
    """Apply safe fixes until nothing changes, like ``listlint --fix``."""
    for _ in range(rounds):
        chosen: list[Any] = []
        taken: list[tuple[int, int]] = []
        for _code, problem in lint(text):
            if problem.fix is None or not problem.fix.safe:
                continue
            ranges = [(e.line, e.end_line) for e in problem.fix.edits]
            if any(a <= d and c <= b for a, b in ranges for c, d in taken):
                continue
            taken.extend(ranges)
            chosen.extend(problem.fix.edits)
        if not chosen:
            return text
        text = apply_edits(text, chosen)
    return text


# --- fixtures: one defect per file, and a clean twin -------------------------------------------

EXPECTED = {
    "LL201-dead-fragment.md": [("LL201", 3)],
    "LL202-toc-missing-heading.md": [("LL202", 11)],
    "LL203-toc-dead-entry.md": [("LL203", 6)],
    "LL204-toc-order.md": [("LL204", 6)],
    "LL205-toc-level.md": [("LL205", 7)],
    "LL206-toc-text.md": [("LL206", 6)],
    "LL207-ambiguous-anchor.md": [("LL207", 17)],
    "LL208-fragment-case.md": [("LL208", 3)],
}


def test_every_rule_has_a_fixture_pair() -> None:
    codes = {rule.code for rule in anchor_rules()}
    assert {name[:5] for name in EXPECTED} == codes
    for name in EXPECTED:
        assert (FIXTURES / name).is_file()
        assert (FIXTURES / name.replace(".md", ".clean.md")).is_file()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_defect_fixture_yields_exactly_its_finding(name: str) -> None:
    assert codes_and_lines((FIXTURES / name).read_text(encoding="utf-8")) == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_clean_twin_yields_nothing(name: str) -> None:
    clean = FIXTURES / name.replace(".md", ".clean.md")
    assert codes_and_lines(clean.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "name",
    sorted(n for n in EXPECTED if n[:5] in {"LL202", "LL203", "LL204", "LL205", "LL206", "LL208"}),
)
def test_fix_makes_the_defect_fixture_clean(name: str) -> None:
    fixed = fix((FIXTURES / name).read_text(encoding="utf-8"))
    assert codes_and_lines(fixed) == []
    assert fix(fixed) == fixed


# --- dead fragments ------------------------------------------------------------------------------


def test_dead_fragment_suggests_the_closest_anchor() -> None:
    [(code, problem)] = lint("[a](#instalation)\n\n## Installation\n")
    assert code == "LL201"
    assert "did you mean `#installation`?" in problem.message
    assert problem.fix is not None and not problem.fix.safe


@pytest.mark.parametrize(
    "fragment",
    ["top", "ToP", "", "L10", "L10-L20", "L3C24-L88", "caf%C3%A9", "café", "x_y"],
)
def test_always_valid_and_encoded_fragments(fragment: str) -> None:
    text = f"[link](#{fragment})\n\n## Café\n\n## x_y\n"
    assert codes_and_lines(text) == []


@pytest.mark.parametrize("fragment", ["l10", "L10C5", "L", "L10-"])
def test_malformed_line_links_are_dead(fragment: str) -> None:
    assert codes_and_lines(f"[link](#{fragment})\n") == [("LL201", 1)]


def test_html_anchors_are_case_sensitive_targets() -> None:
    text = '<a name="Mixed"></a>\n\n[ok](#Mixed) [case](#mixed)\n'
    assert codes_and_lines(text) == [("LL208", 3)]


def test_heading_anchor_keeps_the_space_before_inline_html() -> None:
    text = '[ok](#reviews-) [dead](#reviews)\n\n## Reviews <img src="x.png">\n'
    assert codes_and_lines(text) == [("LL201", 1)]


def test_reference_definitions_are_reported_where_defined() -> None:
    text = "[x][ref]\n\n[ref]: #nowhere\n"
    assert codes_and_lines(text) == [("LL201", 3)]


def test_ignored_pattern_option() -> None:
    found = lint("[a](#ignored) [b](#missing)\n", options={"LL201": {"ignored-pattern": "^igno"}})
    assert [problem.message.split("`")[1] for _, problem in found] == ["#missing"]


def test_case_fix_rewrites_only_the_fragment() -> None:
    assert fix("[a](#Editors)\n\n## Editors\n") == "[a](#editors)\n\n## Editors\n"


# --- the TOC rules -------------------------------------------------------------------------------

TOC = """\
# List

## Contents

* [Alpha](#alpha)
  - [Alpha One](#alpha-one)
* [Beta](#beta)

## Alpha

### Alpha One

## Beta
"""


def test_clean_toc_has_no_finding_and_no_fix() -> None:
    assert lint(TOC) == []
    assert fix(TOC) == TOC


def test_omit_in_toc_is_honoured_in_both_placements() -> None:
    text = TOC + "\n## Gamma <!-- omit in toc -->\n\n<!-- omit from toc -->\n## Delta\n"
    assert lint(text) == []


def test_headings_inside_a_details_block_after_its_summary_may_be_left_out() -> None:
    block = "\n<details>\n<summary>\n\n### Beta One\n\n</summary>\n\n### Beta Two\n\n</details>\n"
    assert codes_and_lines(TOC + block) == [("LL202", 18)]  # the summary heading, not the body's
    assert codes_and_lines(TOC + "\n### Beta Two\n") == [("LL202", 15)]


def test_missing_heading_only_down_to_the_deepest_listed_level() -> None:
    assert lint(TOC + "\n#### Deep\n") == []
    assert codes_and_lines(TOC + "\n### Beta One\n") == [("LL202", 15)]


def test_toc_max_level_setting_asks_for_deeper_headings() -> None:
    found = lint(TOC + "\n#### Deep\n", settings={"anchors": {"toc-max-level": 4}})
    assert [(code, problem.span.line) for code, problem in found] == [("LL202", 15)]


def test_optional_headings_may_be_left_out() -> None:
    assert lint(TOC + "\n## License\n") == []
    found = lint(TOC + "\n## License\n", settings={"anchors": {"toc-optional": []}})
    assert [code for code, _ in found] == ["LL202"]


def test_case_change_reported_only_when_the_toc_usually_keeps_case() -> None:
    consistent = TOC.replace("[Alpha]", "[alpha]").replace("[Alpha One]", "[alpha one]")
    consistent = consistent.replace("[Beta]", "[beta]")
    assert lint(consistent) == []
    many = "# L\n\n## Contents\n\n" + "".join(f"- [Part {n}](#part-{n})\n" for n in range(9))
    many += "- [part 9](#part-9)\n" + "".join(f"\n## Part {n}\n" for n in range(10))
    assert [code for code, _ in lint(many)] == ["LL206"]


def test_a_moved_branch_is_reported_once() -> None:
    moved = TOC.replace(
        "* [Alpha](#alpha)\n  - [Alpha One](#alpha-one)\n* [Beta](#beta)\n",
        "* [Beta](#beta)\n* [Alpha](#alpha)\n  - [Alpha One](#alpha-one)\n",
    )
    assert [code for code, _ in lint(moved)] == ["LL204"]
    assert fix(moved) == TOC


def test_flat_toc_does_not_report_levels() -> None:
    flat = TOC.replace("  - [Alpha One]", "* [Alpha One]")
    assert lint(flat) == []


def test_ambiguous_anchor_needs_a_link() -> None:
    text = "## Install\n\ntext\n\n" + "filler\n\n" * 6 + '<a name="install"></a>\nmore\n'
    assert lint(text) == []
    assert [code for code, _ in lint("[i](#install)\n\n" + text)] == ["LL207"]


# --- peers and real lists (read from ../shared when present) -------------------------------------


def _shared() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return None


SHARED = _shared()
needs_shared = pytest.mark.skipif(SHARED is None, reason="no shared/corpus above this test file")

# Where GitHub disagrees with markdownlint (docs/anchors.md): GitHub has no `{#id}` heading
# attributes, so those four links are dead; `#ToP` scrolls to the top (HTML matches "top" in any
# case); `<a id=... name="myname">` is still found by its name, as HTML's fragment search does.
MARKDOWNLINT_DIFFERENCES = {
    "link-fragments.md": {
        "reported": {258, 262, 266, 268},
        "accepted": {226, 339},
    }
}


def _markdownlint_files() -> list[Any]:
    if SHARED is None:
        return [pytest.param(None, marks=pytest.mark.skip(reason="no shared/peer-fixtures"))]
    folder = SHARED / "peer-fixtures" / "markdownlint"
    return sorted(p for p in folder.glob("link-fragments*.md") if "snapshot" not in p.name)


@pytest.mark.parametrize("path", _markdownlint_files(), ids=lambda p: getattr(p, "name", "none"))
def test_markdownlint_link_fragments_as_github_sees_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    options: dict[str, dict[str, Any]] = {}
    if '"ignored_pattern": "' in text:
        pattern = text.split('"ignored_pattern": "', 1)[1].split('"', 1)[0]
        options["LL201"] = {"ignored-pattern": pattern}
    found = lint(text, options=options)
    if '"ignore_case": true' in text:  # markdownlint's option = LL208 disabled
        found = [(code, problem) for code, problem in found if code != "LL208"]
    expected = {n for n, line in enumerate(text.splitlines(), 1) if "{MD051}" in line}
    differences = MARKDOWNLINT_DIFFERENCES.get(path.name, {})
    expected = (expected | differences.get("reported", set())) - differences.get("accepted", set())
    assert {problem.span.line for _, problem in found} == expected


SEED = "lists/hussius__deeplearning-biology__seed.md"


@needs_shared
def test_seed_reports_all_six_toc_defects() -> None:
    assert SHARED is not None
    text = (SHARED / "corpus" / SEED).read_text(encoding="utf-8")
    assert codes_and_lines(text) == [
        ("LL204", 18),  # Generic 'omics tools: out of order
        ("LL206", 19),  # NLP inspired: text differs
        ("LL206", 23),  # Predicting enhancers ...: text differs
        ("LL204", 26),  # Non-coding RNA: out of order
    ]
    # Generative models and Systems biology: `###` headings listed among `##` sections, the last
    # sub-sections of the section before them; the maintainer later made both `##` (LL508).
    found = [(code, problem.span.line) for code, problem in lint_rules(text, "LL508")]
    assert found == [("LL508", 158), ("LL508", 346)]


@needs_shared
def test_seed_fix_is_clean_and_changes_only_the_toc() -> None:
    assert SHARED is not None
    text = (SHARED / "corpus" / SEED).read_text(encoding="utf-8")
    fixed = fix(text)
    assert codes_and_lines(fixed) == []
    assert fix(fixed) == fixed
    before, after = text.splitlines(), fixed.splitlines()
    assert len(before) == len(after)
    toc_lines = range(9, 29)  # the list under "## Table of contents" (0-based lines 10..29)
    assert [n for n in range(len(before)) if before[n] != after[n] and n not in toc_lines] == []
    assert sorted(before[9:29]) != sorted(after[9:29])


def test_second_entry_for_a_repeated_heading_name_is_reported_and_fixed() -> None:
    text = "## Contents\n\n- [Misc](#misc)\n  - [Misc](#misc)\n\n## Misc\n\n### Misc\n"
    assert codes_and_lines(text) == [("LL207", 4)]
    assert fix(text) == text.replace("  - [Misc](#misc)", "  - [Misc](#misc-1)")

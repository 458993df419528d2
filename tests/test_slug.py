"""Tests for listlint.slug: github-slugger fixtures plus readable spec cases."""

import json
from pathlib import Path
from typing import Any

import pytest

from listlint.slug import Slugger, slugify

FIXTURE_COUNT = 78


def _find_fixtures() -> Path | None:
    """Find the shared github-slugger fixtures in a parent of this file."""
    for parent in Path(__file__).resolve().parents:
        shared = parent / "shared" / "peer-fixtures"
        if shared.is_dir():
            return shared / "github-slugger" / "fixtures.json"
    return None


def _fixture_params() -> list[Any]:
    """Run every fixture, in order, through one Slugger: counters carry over."""
    path = _find_fixtures()
    if path is None:
        reason = "no shared/peer-fixtures directory above this test file"
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=reason))]
    cases = json.loads(path.read_text(encoding="utf-8"))
    slugger = Slugger()
    return [
        pytest.param(slugger.slug(case["input"]), case["expected"], id=case["name"])
        for case in cases
    ]


FIXTURE_PARAMS = _fixture_params()


@pytest.mark.parametrize(("actual", "expected"), FIXTURE_PARAMS)
def test_github_slugger_fixture(actual: str, expected: str) -> None:
    assert actual == expected


def test_all_github_slugger_fixtures_pass() -> None:
    if _find_fixtures() is None:
        pytest.skip("no shared/peer-fixtures directory above this test file")
    passed = sum(p.values[0] == p.values[1] for p in FIXTURE_PARAMS)
    assert (passed, len(FIXTURE_PARAMS)) == (FIXTURE_COUNT, FIXTURE_COUNT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Awesome Python", "awesome-python"),
        ("🚀 Launch", "-launch"),
        ("👨‍👩‍👧 Family", "-family"),  # ZWJ sequence: every part is dropped
        ("Reviews ", "reviews-"),  # rendered text of `## Reviews <a name="x"></a>`
        ("中文 资源", "中文-资源"),
        ("Café Ünïcode", "café-ünïcode"),
        ("C++", "c"),
        ("C#", "c"),
        ("Node.js", "nodejs"),
        ("Links & Resources", "links--resources"),
        ("a   b", "a---b"),  # no collapsing
        (" padded ", "-padded-"),  # no trimming
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("en–dash", "endash"),
        ("a\u00a0b\tc", "abc"),  # only the ASCII space becomes "-"
        ("x² ½", "x-"),  # Other_Number is dropped
        ("Chapter Ⅻ 3", "chapter-ⅻ-3"),  # Letter_Number and digits are kept
        ("Ⓐ 🄰", "ⓐ-🄰"),  # alphabetic symbols are kept
        ("İstanbul", "i\u0307stanbul"),  # full lowercasing
        ("ΟΔΟΣ", "οδος"),  # final sigma
        ("", ""),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_repeats_get_numbered_suffixes() -> None:
    slugger = Slugger()
    assert [slugger.slug("Setup") for _ in range(3)] == ["setup", "setup-1", "setup-2"]


def test_suffix_skips_slugs_already_taken() -> None:
    slugger = Slugger()
    assert [slugger.slug(t) for t in ["A-1", "A", "A"]] == ["a-1", "a", "a-2"]


def test_empty_slugs_repeat_too() -> None:
    slugger = Slugger()
    assert [slugger.slug(t) for t in ["🎉", "🎉", "!"]] == ["", "-1", "-2"]


def test_sluggers_are_independent() -> None:
    first, second = Slugger(), Slugger()
    assert first.slug("Intro") == "intro"
    assert second.slug("Intro") == "intro"

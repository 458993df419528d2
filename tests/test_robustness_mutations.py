"""Mutation tests on the real lists: break them the way edits do, and check listlint stays sound.

Each list in ``shared/corpus/lists`` gets a few mutants (fixed seeds): random lines deleted,
duplicated or swapped, brackets and parentheses deleted, added or swapped, line endings changed to
CRLF. On each mutant: no exception, every finding inside the file, a fix pass changes only text
inside the spans of the findings it fixed, ``--fix`` is idempotent and its output re-parses.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from robustness import assert_sound

from conftest import SHARED

LISTS = sorted((SHARED / "corpus" / "lists").glob("*.md")) if SHARED else []
MUTANTS_PER_LIST = 2
MUTATIONS_PER_MUTANT = 12
BRACKETS = "[]()"


def mutate(text: str, rng: random.Random) -> str:
    """``text`` with a dozen random line and bracket edits."""
    lines = text.split("\n")
    for _ in range(MUTATIONS_PER_MUTANT):
        kind = rng.choice(("delete", "duplicate", "swap", "bracket", "bracket", "bracket"))
        where = rng.randrange(len(lines))
        if kind == "delete" and len(lines) > 1:
            del lines[where]
        elif kind == "duplicate":
            lines.insert(where, lines[where])
        elif kind == "swap":
            other = rng.randrange(len(lines))
            lines[where], lines[other] = lines[other], lines[where]
        else:
            lines[where] = _bracket_edit(lines[where], rng)
    joined = "\n".join(lines)
    return joined.replace("\n", "\r\n") if rng.random() < 0.25 else joined


def _bracket_edit(line: str, rng: random.Random) -> str:
    places = [i for i, char in enumerate(line) if char in BRACKETS]
    if not places:
        return line
    place = rng.choice(places)
    action = rng.choice(("delete", "insert", "replace"))
    if action == "delete":
        return line[:place] + line[place + 1 :]
    if action == "insert":
        return line[:place] + rng.choice(BRACKETS) + line[place:]
    return line[:place] + rng.choice(BRACKETS) + line[place + 1 :]


@pytest.mark.skipif(not LISTS, reason="shared/corpus/lists not found above the repository")
@pytest.mark.parametrize("path", LISTS, ids=[p.stem for p in LISTS])
def test_mutated_real_list_is_handled_soundly(path: Path) -> None:
    original = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    for seed in range(MUTANTS_PER_LIST):
        assert_sound(mutate(original, random.Random(f"{path.stem}-{seed}")))

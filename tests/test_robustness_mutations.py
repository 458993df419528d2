"""Mutation tests on the real lists: break them the way edits do, and check listlint stays sound.

Each list in ``shared/corpus/lists``, and every fifth older version in ``shared/corpus/history``,
gets a few mutants (fixed seeds): random lines deleted, duplicated or swapped, brackets and
parentheses deleted, added or swapped, tabs put before lines, line endings changed to CRLF or CR.
On each mutant: no exception, every finding inside the file, every fix's edits where their text
is, a fix pass changes only text inside the spans of the findings it fixed, ``--fix`` is
idempotent, its output re-parses and keeps every URL; and ``--diff``, applied with ``git apply``,
gives the bytes ``--fix`` writes.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from robustness import assert_sound, diff_applies_like_fix

from conftest import SHARED, SOAK

LISTS = (
    sorted((SHARED / "corpus" / "lists").glob("*.md"))
    + sorted((SHARED / "corpus" / "history").glob("*.md"))[::5]
    if SHARED
    else []
)
MUTANTS_PER_LIST = 2
MUTATIONS_PER_MUTANT = 12
BRACKETS = "[]()"


def mutate(text: str, rng: random.Random) -> str:
    """``text`` with a dozen random line and bracket edits."""
    lines = text.split("\n")
    for _ in range(MUTATIONS_PER_MUTANT):
        kind = rng.choice(("delete", "duplicate", "swap", "tab", "bracket", "bracket", "bracket"))
        where = rng.randrange(len(lines))
        if kind == "delete" and len(lines) > 1:
            del lines[where]
        elif kind == "duplicate":
            lines.insert(where, lines[where])
        elif kind == "swap":
            other = rng.randrange(len(lines))
            lines[where], lines[other] = lines[other], lines[where]
        elif kind == "tab":
            lines[where] = rng.choice(("\t", "\t  ", "  \t")) + lines[where]
        else:
            lines[where] = _bracket_edit(lines[where], rng)
    joined = "\n".join(lines)
    return joined.replace("\n", rng.choice(("\n", "\n", "\r\n", "\r")))


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


# The developer's loop mutates three small lists once each; the soak step mutates every list twice.
QUICK = {
    "hussius__deeplearning-biology__seed",
    "sindresorhus__awesome",
    "sindresorhus__awesome-nodejs",
}


@pytest.mark.skipif(not LISTS, reason="shared/corpus not found above the repository")
@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p.stem, marks=() if p.stem in QUICK else pytest.mark.soak) for p in LISTS],
)
def test_mutated_real_list_is_handled_soundly(path: Path, tmp_path: Path) -> None:
    original = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    for seed in range(MUTANTS_PER_LIST if SOAK else 1):
        mutant = mutate(original, random.Random(f"{path.stem}-{seed}"))
        assert_sound(mutant)
        assert diff_applies_like_fix(tmp_path / str(seed), mutant)

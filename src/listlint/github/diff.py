"""Parse GitHub's unified ``patch`` text and say which new-file lines accept review comments."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HUNK_HEADER = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


@dataclass(frozen=True)
class FileDiff:
    """The right-side (new file) lines of one file's patch.

    ``hunk_of`` maps every line that appears in a hunk (added or context) to the index of its hunk;
    GitHub accepts a review comment on exactly these lines, and a multi-line comment only within
    one hunk.
    """

    added: frozenset[int] = frozenset()
    hunk_of: dict[int, int] = field(default_factory=dict)

    def commentable(self, line: int) -> bool:
        """Whether GitHub accepts a right-side comment on ``line``."""
        return line in self.hunk_of

    def same_hunk(self, first: int, last: int) -> bool:
        """Whether every line from ``first`` to ``last`` sits in one hunk."""
        hunk = self.hunk_of.get(first)
        return hunk is not None and all(self.hunk_of.get(n) == hunk for n in range(first, last + 1))


def parse_patch(patch: str | None) -> FileDiff:
    """Read a GitHub ``patch`` (hunks, no file headers); ``None`` (binary, too large): no lines."""
    added: set[int] = set()
    hunk_of: dict[int, int] = {}
    hunk = -1
    line = 0
    remaining = 0  # right-side lines the current hunk header announced and we have not seen yet
    for raw in (patch or "").split("\n"):
        header = _HUNK_HEADER.match(raw)
        if header:
            hunk += 1
            line = int(header.group(1))
            remaining = int(header.group(2) or "1")
            continue
        if remaining <= 0 or raw.startswith(("-", "\\")):
            continue
        if raw.startswith("+"):
            added.add(line)
        hunk_of[line] = hunk  # a context line: " text", or "" where a tool stripped the lone space
        line += 1
        remaining -= 1
    return FileDiff(frozenset(added), hunk_of)

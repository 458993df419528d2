"""The findings earlier review bodies stood for: a fingerprint set in a marker of bounded size.

A review body lists a screenful of findings but may stand for thousands, and GitHub caps a body at
65,536 characters, so the body records its fingerprints in a Bloom filter of at most
:data:`MAX_BYTES`. A fingerprint put in is always found again: a re-run never posts a finding a
second time, however many there are. A fingerprint never put in is taken for one that was with a
small probability (under one in a million for up to about 3,400 findings in one review body, more
beyond), and such a new finding is then left out of the review; the job summary and the exit
status still count it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

MAX_BYTES = 12 * 1024  # 16,384 characters of base64 in the marker
ERROR_RATE = 1e-6
MAX_HASHES = 20
_BITS_PER_ITEM = -math.log(ERROR_RATE) / math.log(2) ** 2
_MARKER_RE = re.compile(r"^<!-- listlint:seen=(\d{1,2}):([A-Za-z0-9+/=]*) -->$", re.MULTILINE)
_LEGACY_RE = re.compile(r"\A<!-- listlint:body-fp=([0-9a-f,]*) -->")  # listlint 0.1.0


@dataclass(frozen=True)
class Bloom:
    """A Bloom filter: ``hashes`` bit positions per fingerprint in ``bits``."""

    hashes: int
    bits: bytes

    def positions(self, fingerprint: str) -> Iterator[int]:
        """The bit positions of a fingerprint (double hashing of its SHA-256)."""
        digest = hashlib.sha256(fingerprint.encode("utf-8")).digest()
        first = int.from_bytes(digest[:8], "big")
        step = int.from_bytes(digest[8:16], "big") | 1
        size = len(self.bits) * 8
        return ((first + i * step) % size for i in range(self.hashes))

    def __contains__(self, fingerprint: object) -> bool:
        return (
            isinstance(fingerprint, str)
            and bool(self.bits)
            and all(self.bits[p // 8] >> (p % 8) & 1 for p in self.positions(fingerprint))
        )


def bloom_of(fingerprints: Collection[str]) -> Bloom:
    """A filter sized for :data:`ERROR_RATE` at this many fingerprints, capped at ``MAX_BYTES``."""
    count = max(len(fingerprints), 1)
    size = min(max(math.ceil(count * _BITS_PER_ITEM / 8), 8), MAX_BYTES)
    hashes = min(max(round(size * 8 / count * math.log(2)), 1), MAX_HASHES)
    bits = bytearray(size)
    empty = Bloom(hashes, bytes(size))
    for fingerprint in fingerprints:
        for position in empty.positions(fingerprint):
            bits[position // 8] |= 1 << (position % 8)
    return Bloom(hashes, bytes(bits))


def seen_marker(fingerprints: Collection[str]) -> str:
    """The hidden line that records these fingerprints in a review body."""
    bloom = bloom_of(fingerprints)
    return f"<!-- listlint:seen={bloom.hashes}:{base64.b64encode(bloom.bits).decode()} -->"


@dataclass(frozen=True)
class Seen:
    """Every fingerprint the given review bodies recorded."""

    filters: tuple[Bloom, ...] = ()
    listed: frozenset[str] = frozenset()

    def __contains__(self, fingerprint: object) -> bool:
        return fingerprint in self.listed or any(fingerprint in f for f in self.filters)


def seen_in(bodies: Iterable[str]) -> Seen:
    """Read the markers of listlint's own review bodies (and the plain lists of 0.1.0's)."""
    filters: list[Bloom] = []
    listed: set[str] = set()
    for body in bodies:
        for hashes, encoded in _MARKER_RE.findall(body):
            try:
                bits = base64.b64decode(encoded, validate=True)
            except binascii.Error:
                continue
            if 1 <= int(hashes) <= MAX_HASHES and bits:
                filters.append(Bloom(int(hashes), bits))
        legacy = _LEGACY_RE.match(body)
        if legacy:
            listed.update(fp for fp in legacy.group(1).split(",") if fp)
    return Seen(tuple(filters), frozenset(listed))

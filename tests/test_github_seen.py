"""The bounded fingerprint set a review body records: nothing put in is ever missed."""

from __future__ import annotations

import hashlib

from listlint.github.seen import MAX_BYTES, bloom_of, seen_in, seen_marker


def fingerprints(count: int, salt: str = "") -> list[str]:
    return [hashlib.sha256(f"{salt}{n}".encode()).hexdigest()[:20] for n in range(count)]


def test_every_fingerprint_put_in_is_found_at_any_size() -> None:
    for count in (1, 100, 3_000, 50_000):
        added = fingerprints(count)
        seen = seen_in([f"intro\n{seen_marker(added)}\nmore"])
        assert all(fp in seen for fp in added), count


def test_new_fingerprints_are_rarely_taken_for_seen_ones() -> None:
    bloom = bloom_of(fingerprints(3_000))
    assert not any(fp in bloom for fp in fingerprints(100_000, salt="new"))


def test_the_marker_is_bounded_however_many_findings() -> None:
    assert len(seen_marker(fingerprints(200_000))) < MAX_BYTES * 4 // 3 + 40
    assert len(seen_marker(fingerprints(10))) < 100


def test_several_bodies_add_up_and_0_1_0_bodies_still_count() -> None:
    first, second = fingerprints(5), fingerprints(5, salt="b")
    legacy = f"<!-- listlint:body-fp={','.join(second)} -->\nold body"
    seen = seen_in([seen_marker(first), legacy, "no marker at all"])
    assert all(fp in seen for fp in first + second)
    assert "0" * 20 not in seen


def test_a_mangled_marker_counts_for_nothing() -> None:
    assert not seen_in(["<!-- listlint:seen=20:!!! -->"]).filters
    assert not seen_in(["<!-- listlint:seen=99:AAAA -->"]).filters

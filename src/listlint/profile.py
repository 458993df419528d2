"""Per-phase timing for ``listlint --profile``: read, parse, model, each rule family, report.

Off by default, when :func:`phase` costs one global lookup. :func:`enable` starts collecting;
:func:`render` gives the table that ``--profile`` prints to standard error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from time import perf_counter

_totals: dict[str, float] | None = None


def enable() -> None:
    """Start timing phases (from zero)."""
    global _totals
    _totals = {}


@contextmanager
def phase(name: str) -> Iterator[None]:
    """Add the time spent in the ``with`` block to phase ``name`` (when profiling is on)."""
    if _totals is None:
        yield
        return
    start = perf_counter()
    try:
        yield
    finally:
        _totals[name] = _totals.get(name, 0.0) + perf_counter() - start


def totals() -> dict[str, float]:
    """Seconds spent in each phase so far, in the order phases first ran."""
    return dict(_totals or {})


def render() -> str:
    """The phases as a text table: seconds and share of the profiled time."""
    spent = totals()
    whole = sum(spent.values()) or 1.0
    rows = [f"{'phase':<28} {'seconds':>9} {'share':>6}"]
    rows += [f"{name:<28} {spent[name]:>9.4f} {spent[name] / whole:>6.1%}" for name in spent]
    rows.append(f"{'total (profiled phases)':<28} {sum(spent.values()):>9.4f}")
    return "\n".join(rows) + "\n"

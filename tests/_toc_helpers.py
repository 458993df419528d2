"""Shared helpers of the TOC and heading-structure tests: lint a text through the engine with some
rules, and fix it as ``listlint --fix`` does."""

from __future__ import annotations

from collections.abc import Sequence

from listlint.cli import MAX_FIX_PASSES
from listlint.config import Config, Selection
from listlint.findings import Finding
from listlint.fix import apply_fixes, reported
from listlint.lint import Target, lint_targets
from listlint.source import Source

TOC_AND_HEADINGS = ("LL2", "LL5")
REGENERATION = "LL209"  # opt-in; selecting LL2 would select it too


def findings(
    text: str,
    select: Sequence[str] | None = TOC_AND_HEADINGS,
    ignore: Sequence[str] = (REGENERATION,),
) -> list[Finding]:
    """The findings of the selected rules (None: the default ones) in ``text``, in report order."""
    chosen = list(select) if select is not None else None
    selection = Selection(select=chosen, ignore=list(ignore))
    target = Target(Source("README.md", text, False), Config(), Config().enabled_rules(selection))
    return sorted(lint_targets([target]), key=lambda finding: finding.sort_key)


def where(found: Sequence[Finding]) -> list[tuple[str, int, int]]:
    """(code, line, column) of each finding."""
    return [(finding.code, finding.line, finding.column) for finding in found]


def fixed(
    text: str,
    select: Sequence[str] = TOC_AND_HEADINGS,
    ignore: Sequence[str] = (REGENERATION,),
    unsafe: bool = False,
) -> str:
    """``text`` after ``listlint --fix`` (with ``--unsafe-fixes`` when ``unsafe``): passes until
    nothing changes, deleting text only for findings of the first pass."""
    shown = reported(text, findings(text, select, ignore))
    for number in range(MAX_FIX_PASSES):
        new, done = apply_fixes(
            text, findings(text, select, ignore), unsafe=unsafe, shown=shown if number else None
        )
        if not done or new == text:
            return new
        text = new
    return text


def lines(*numbered: str) -> str:
    """A document from its lines, each ending with a newline."""
    return "".join(f"{line}\n" for line in numbered)

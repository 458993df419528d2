"""Shared helpers of the TOC and heading-structure tests: lint a text through the engine with some
rules, and fix it as ``listlint --fix`` does."""

from __future__ import annotations

from collections.abc import Sequence

from listlint.config import Config, Selection
from listlint.findings import Finding
from listlint.lint import Target, lint_targets
from listlint.run import lint_and_fix
from listlint.source import Source

TOC_AND_HEADINGS = ("LL2", "LL5")
REGENERATION = "LL209"  # opt-in: only its code selects it


def _target(text: str, select: Sequence[str] | None, ignore: Sequence[str]) -> Target:
    chosen = list(select) if select is not None else None
    selection = Selection(select=chosen, ignore=list(ignore))
    return Target(Source("README.md", text, False), Config(), Config().enabled_rules(selection))


def findings(
    text: str,
    select: Sequence[str] | None = TOC_AND_HEADINGS,
    ignore: Sequence[str] = (REGENERATION,),
) -> list[Finding]:
    """The findings of the selected rules (None: the default ones) in ``text``, in report order."""
    return sorted(lint_targets([_target(text, select, ignore)]), key=lambda f: f.sort_key)


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
    target = _target(text, select, ignore)
    lint_and_fix([target], fix=True, unsafe=unsafe)
    return target.source.text


def lines(*numbered: str) -> str:
    """A document from its lines, each ending with a newline."""
    return "".join(f"{line}\n" for line in numbered)

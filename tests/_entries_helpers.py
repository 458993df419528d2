"""Shared helpers of the entry tests: lint a text with the LL3 family, find the shared corpus."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from listlint.fix import apply_edits
from listlint.model.document import Document, parse_document
from listlint.rule import Problem, matching_rules

from conftest import check_rule

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "entries"


def entry_problems(
    doc: Document, settings: Mapping[str, Any] | None = None
) -> list[tuple[str, Problem]]:
    """Every LL3 problem of ``doc`` as (code, problem), in line order."""
    found = []
    for rule in matching_rules("LL3"):
        found.extend((rule.code, problem) for _, problem in check_rule(rule, [doc], None, settings))
    return sorted(found, key=lambda item: (item[1].span.line, item[1].span.column, item[0]))


def lint_text(text: str, settings: Mapping[str, Any] | None = None) -> list[tuple[str, int]]:
    """(code, line) of every LL3 problem in ``text``."""
    doc = parse_document(text, "test.md")
    return [(code, problem.span.line) for code, problem in entry_problems(doc, settings)]


def fix_text(text: str, code: str, *, unsafe: bool = False) -> str:
    """``text`` with the fixes of rule ``code`` applied once."""
    doc = parse_document(text, "test.md")
    edits = [
        edit
        for found, problem in entry_problems(doc)
        if found == code and problem.fix is not None and (problem.fix.safe or unsafe)
        for edit in problem.fix.edits
    ]
    return apply_edits(text, edits)


def shared_corpus() -> Path | None:
    """The shared corpus folder, found by walking up from this file."""
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared" / "corpus"
    return None

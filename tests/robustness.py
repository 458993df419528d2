"""Helpers for the robustness tests: lint and fix text in memory, check where findings are."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from listlint.config import Config, Selection
from listlint.findings import Finding
from listlint.fix import apply_fixes, edit_range, held_back, reported
from listlint.lint import Target, lint_targets
from listlint.model.document import parse_document
from listlint.run import lint_and_fix
from listlint.source import Source, line_starts, split_lines

EVERY_RULE = Selection(select=("ALL",))
# Rules whose fix edits text away from the finding's span: one finding per list rewrites every
# marker, indent or separator of that list (LL320, LL321, LL302 on a sub-list that keeps a
# separator of its own); a heading or TOC finding fixes the TOC entry or
# the link elsewhere (LL202-LL207), a heading's level its sub-sections' too (LL508); moving a
# description below its title edits the line break on the title line, while the finding stays on
# the description's line, where a pull request changed it (LL305). For them only the edits' own
# ranges are kept to.
FIXES_ELSEWHERE = frozenset(
    {
        "LL202",
        "LL203",
        "LL204",
        "LL205",
        "LL206",
        "LL207",
        "LL302",
        "LL305",
        "LL320",
        "LL321",
        "LL508",
    }
)
SRC = Path(__file__).resolve().parents[1] / "src"


def lint_text(text: str, path: str = "list.md") -> list[Finding]:
    """Every rule's findings for ``text`` (already decoded, no BOM)."""
    target = Target(Source(path, text, False), Config(), Config().enabled_rules(EVERY_RULE))
    return lint_targets([target])


def fix_once(text: str, findings: Sequence[Finding]) -> tuple[str, list[Finding]]:
    """One ``--fix`` pass: the text with the safe fixes applied, and the findings they fixed."""
    return apply_fixes(text, findings)


def fix_text(text: str, path: str = "list.md") -> str:
    """What ``listlint --fix`` makes of ``text``: passes until nothing changes."""
    target = Target(Source(path, text, False), Config(), Config().enabled_rules(EVERY_RULE))
    return lint_and_fix([target], fix=True).texts[path]


def position_problems(text: str, findings: Sequence[Finding]) -> list[str]:
    """Findings whose start or end lies outside the file, or whose end comes before the start."""
    lines = split_lines(text) or [""]
    problems = []
    for finding in findings:
        ends = ((finding.line, finding.column), (finding.end_line, finding.end_column))
        for line, column in ends:
            if not (1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1):
                problems.append(f"{finding.code} at {line}:{column} is outside the file: {finding}")
        if ends[1] < ends[0]:
            problems.append(f"{finding.code} ends before it starts: {finding}")
    return problems


def unmatched_edits(text: str, findings: Sequence[Finding]) -> list[str]:
    """Edits (of safe and unsafe fixes) whose range does not hold the text they expect: a position
    bug that the fixer would refuse rather than corrupt the file."""
    starts = line_starts(text)
    return [
        f"{finding.code} expects {edit.original!r} at {edit.line}:{edit.column}"
        for finding in findings
        if finding.fix
        for edit in finding.fix.edits
        if edit_range(text, starts, edit) is None
    ]


def offset(starts: list[int], text: str, line: int, column: int) -> int:
    """Character offset of a 1-based position."""
    if line > len(starts):
        return len(text)
    return min(starts[line - 1] + column - 1, len(text))


def edits_outside_spans(text: str, fixed: Sequence[Finding]) -> list[str]:
    """Edits of fixed findings that reach outside their own finding's span."""
    starts = line_starts(text)
    problems = []
    for finding in fixed:
        assert finding.fix is not None
        if finding.code in FIXES_ELSEWHERE:
            continue
        low = offset(starts, text, finding.line, finding.column)
        high = offset(starts, text, finding.end_line, finding.end_column)
        for edit in finding.fix.edits:
            start = offset(starts, text, edit.line, edit.column)
            end = offset(starts, text, edit.end_line, edit.end_column)
            if not low <= start <= end <= high:
                problems.append(
                    f"{finding.code} edits {start}..{end} outside its span {low}..{high}"
                )
    return problems


def kept_outside_spans(before: str, after: str, fixed: Sequence[Finding]) -> bool:
    """Whether ``after`` keeps every character of ``before`` outside the fixed findings' spans.

    Independent of how the fixes were applied: the text between the (merged) spans must appear in
    ``after`` in order, the first piece as a prefix and the last as a suffix.
    """
    starts = line_starts(before)
    positions = [
        (f.line, f.column, f.end_line, f.end_column) for f in fixed if f.code not in FIXES_ELSEWHERE
    ]
    positions += [
        (e.line, e.column, e.end_line, e.end_column)
        for f in fixed
        if f.code in FIXES_ELSEWHERE and f.fix
        for e in f.fix.edits
    ]
    spans = sorted(
        (offset(starts, before, line, column), offset(starts, before, end_line, end_column))
        for line, column, end_line, end_column in positions
    )
    merged: list[list[int]] = []
    for low, high in spans:
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    gaps, cursor = [], 0
    for low, high in merged:
        gaps.append(before[cursor:low])
        cursor = high
    gaps.append(before[cursor:])
    if len(gaps) == 1:
        return after == before
    if not after.startswith(gaps[0]) or not after.endswith(gaps[-1]):
        return False
    position = len(gaps[0])
    for gap in gaps[1:-1]:
        found = after.find(gap, position)
        if found < 0:
            return False
        position = found + len(gap)
    return position <= len(after) - len(gaps[-1])


def urls(text: str, within: Sequence[Finding] | None = None) -> set[str]:
    """Every link destination of ``text`` (or only of links inside the spans of ``within``);
    http and https alike, ``#fragment`` case ignored (safe fixes upgrade the one, correct the
    other)."""
    links = parse_document(text, "list.md").links
    if within is not None:
        spans = [((f.line, f.column), (f.end_line, f.end_column)) for f in within]
        links = [
            link
            for link in links
            if any(
                start <= (link.span.line, link.span.column)
                and (link.span.end_line, link.span.end_column) <= end
                for start, end in spans
            )
        ]
    return {
        url.casefold() if url.startswith("#") else url.replace("http://", "https://", 1)
        for url in (link.destination for link in links)
    }


def reparses(text: str) -> bool:
    """Whether ``text`` parses into a Document (any exception propagates)."""
    parse_document(text, "fixed.md")
    return True


def newline_styles(data: bytes) -> set[bytes]:
    """The line endings used in ``data``: some of CRLF, LF, CR."""
    styles = set()
    if b"\r\n" in data:
        styles.add(b"\r\n")
    if b"\n" in data.replace(b"\r\n", b""):
        styles.add(b"\n")
    if b"\r" in data.replace(b"\r\n", b""):
        styles.add(b"\r")
    return styles


def diff_applies_like_fix(folder: Path, text: str) -> bool:
    """Whether ``git apply`` of ``listlint --diff`` gives the bytes ``listlint --fix`` writes."""
    patched, fixed = folder / "patched", folder / "fixed"
    for place in (patched, fixed):
        place.mkdir(parents=True, exist_ok=True)
        (place / "list.md").write_bytes(text.encode())
    command = [sys.executable, "-m", "listlint", "--no-config", "-q"]
    diff = subprocess.run(
        [*command, "--diff", "list.md"], cwd=patched, capture_output=True, check=False
    ).stdout
    subprocess.run([*command, "--fix", "list.md"], cwd=fixed, capture_output=True, check=False)
    if diff:
        subprocess.run(
            ["git", "apply", "-"], cwd=patched, input=diff, capture_output=True, check=True
        )
    return (patched / "list.md").read_bytes() == (fixed / "list.md").read_bytes()


def assert_sound(text: str) -> None:
    """Every robustness property on ``text``: findings inside the file, a fix pass confined to
    the spans of the findings it fixed, ``--fix`` output that re-parses and is a fixed point."""
    findings = lint_text(text)
    assert position_problems(text, findings) == []
    assert unmatched_edits(text, findings) == []
    once, fixed = fix_once(text, findings)
    assert edits_outside_spans(text, fixed) == []
    assert kept_outside_spans(text, once, fixed)
    final = fix_text(text)
    assert reparses(final)
    # idempotent, unless --fix held back a deletion nobody was shown (the next run applies it)
    shown = reported(text, findings)
    assert fix_text(final) == final or held_back(final, lint_text(final), shown)
    assert urls(text) - urls(final) <= urls(text, [f for f in findings if f.fix])

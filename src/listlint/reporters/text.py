"""``path:line:col: LL201 [dead-fragment] message``, then a summary line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from listlint.findings import Finding

_RED, _YELLOW, _BOLD, _DIM, _RESET = "\033[31m", "\033[33m", "\033[1m", "\033[2m", "\033[0m"


def format_finding(finding: Finding, *, color: bool = False) -> str:
    """One finding on one line."""
    where = f"{finding.path}:{finding.line}:{finding.column}:"
    code = finding.code
    if color:
        shade = _RED if finding.severity == "error" else _YELLOW
        where, code = f"{_BOLD}{where}{_RESET}", f"{shade}{code}{_RESET}"
    fixable = " [*]" if finding.fix and finding.fix.safe else ""
    return f"{where} {code}{fixable} [{finding.name}] {finding.message}"


def summary(findings: Sequence[Finding]) -> str:
    """``Found 3 problems (2 errors, 1 warning) in 2 files; 1 fixable with --fix.``"""
    if not findings:
        return "All checks passed."
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    files = len({f.path for f in findings})
    fixable = sum(bool(f.fix and f.fix.safe) for f in findings)
    text = (
        f"Found {len(findings)} problem{'s' * (len(findings) != 1)} "
        f"({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}) "
        f"in {files} file{'s' * (files != 1)}"
    )
    return text + (f"; {fixable} fixable with --fix ([*])." if fixable else ".")


def render_text(findings: Sequence[Finding], *, color: bool = False) -> str:
    """Every finding, then the summary."""
    lines = [format_finding(f, color=color) for f in findings]
    return "\n".join([*lines, summary(findings)]) + "\n"


def statistics(findings: Sequence[Finding]) -> list[dict[str, str | int]]:
    """Counts per rule, most frequent first (``--statistics``): code, name, count, fixable (how
    many have a safe fix)."""
    counts = Counter((f.code, f.name) for f in findings)
    fixable = Counter(f.code for f in findings if f.fix and f.fix.safe)
    return [
        {"code": code, "name": name, "count": count, "fixable": fixable[code]}
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(findings: Sequence[Finding]) -> str:
    """:func:`statistics` as text, one rule a line (``[*]`` when some are fixable)."""
    rows = [
        f"{row['count']:>6}  {row['code']}  {'[*]' if row['fixable'] else '   '}  {row['name']}"
        for row in statistics(findings)
    ]
    return "\n".join(rows) + ("\n" if rows else "")


def render_entry_counts(counts: Mapping[str, Counter[str]]) -> str:
    """How many entries of each style every file has (``--statistics``), so that a list whose
    entries were not recognised, and so checked by no entry or duplicate rule, shows."""
    lines = []
    for path, styles in counts.items():
        total = sum(styles.values())
        shown = ", ".join(f"{style} {count}" for style, count in styles.most_common())
        found = f"{total} ({shown})" if total else "none recognised, so no entry rule checked it"
        lines.append(f"entries in {path}: {found}")
    return "".join(line + "\n" for line in lines)

"""The body of the tracking issue that ``listlint report-issue`` keeps up to date.

Findings are grouped by severity (errors, warnings, then the links that could not be verified)
and by rule, each a line linking to its place in the scheduled run's commit. Every piece of list
content goes through :func:`escape`; the body stays under GitHub's 65,536 characters (what does
not fit is counted at the end).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import groupby

from listlint.findings import Finding

from .render import BODY_BUDGET, clip, escape, plural

MARKER = "<!-- listlint:tracking-issue -->"
SECTIONS = (
    ("error", "Errors"),
    ("warning", "Warnings"),
    ("info", "Could not be verified (not problems: a bot wall, a rate limit, an outage)"),
)

Locate = Callable[[Finding], "str | None"]


def headline(findings: Sequence[Finding], when: str, run_url: str | None) -> str:
    """``listlint's run of DATE found 3 problems (…) and 1 link it could not verify.``"""
    errors = sum(f.severity == "error" for f in findings)
    warnings = sum(f.severity == "warning" for f in findings)
    unverified = sum(f.severity == "info" for f in findings)
    run = f"[listlint's run]({run_url})" if run_url else "listlint's run"
    if not findings:
        return f"{run} of {when} found nothing to report."
    text = (
        f"{run} of {when} found {plural(errors + warnings, 'problem')} "
        f"({plural(errors, 'error')}, {plural(warnings, 'warning')})"
    )
    if unverified:
        text += f" and {plural(unverified, 'link')} it could not verify"
    return text + ". This issue is edited in place by each run and closed when nothing is left."


def _line(finding: Finding, locate: Locate) -> str:
    where = escape(clip(f"{finding.path}:{finding.line}", 300))
    url = locate(finding)
    place = f"[{where}]({url})" if url else where
    return f"- {place} {escape(clip(finding.message))}"


def issue_body(
    findings: Sequence[Finding],
    *,
    when: str,
    run_url: str | None = None,
    locate: Locate = lambda finding: None,
    budget: int = BODY_BUDGET,
) -> str:
    """The issue's text: the marker, a headline, then one section per severity and rule."""
    parts = [MARKER, "", headline(findings, when, run_url)]
    size = sum(len(part) + 1 for part in parts)
    left_out = 0
    for severity, title in SECTIONS:
        mine = sorted(
            (f for f in findings if f.severity == severity),
            key=lambda f: (f.code, f.path, f.line, f.column),
        )
        if not mine:
            continue
        section = ["", f"## {title}"]
        for code, group in groupby(mine, key=lambda f: f.code):
            items = list(group)
            section += ["", f"### {escape(code)} {escape(items[0].name)} ({len(items)})", ""]
            for finding in items:
                line = _line(finding, locate)
                if left_out or size + sum(len(s) + 1 for s in section) + len(line) + 1 > budget:
                    left_out += 1
                    continue
                section.append(line)
        size += sum(len(s) + 1 for s in section)
        parts += section
    if left_out:
        parts += ["", f"… and {plural(left_out, 'more finding')} that did not fit here."]
    return "\n".join(parts) + "\n"

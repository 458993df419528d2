"""Text listlint writes to GitHub: comment and review bodies, job summary, annotations, outputs.

List content ends up in these texts, so every piece of it goes through :func:`escape` (or a code
fence long enough to hold it): it can neither ``@mention`` anyone nor leave the comment's Markdown
structure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypedDict

from listlint.findings import Finding
from listlint.reporters.github import annotation

from .plan import Located, ReviewPlan

MARKER = "listlint:fp="


class _OptionalCommentFields(TypedDict, total=False):
    position: int
    line: int
    side: str
    start_line: int
    start_side: str


class ReviewComment(_OptionalCommentFields):
    """One ``comments[]`` entry of a create-review request (PyGithub's ``ReviewComment``)."""

    path: str
    body: str


_MARKER_RE = re.compile(rf"\A<!-- {MARKER}([0-9a-f]+) -->")
_BODY_MARKER_RE = re.compile(r"\A<!-- listlint:body-fp=([0-9a-f,]*) -->")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}()#+!|~])")
_ZERO_WIDTH_JOINER = "\u200d"
# GitHub caps a review body at 65,536 characters and a job summary at 1 MiB.
BODY_LISTED = 100
BODY_FINGERPRINTS = 2000
SUMMARY_ROWS = 4000


def escape(text: str) -> str:
    """Make untrusted text inert Markdown: one line, no HTML, emphasis, links or mentions."""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)
    return text.replace("@", "@" + _ZERO_WIDTH_JOINER)


def fenced(text: str, info: str) -> str:
    """A code fence around ``text`` that no backtick run inside it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text}\n{fence}" if text else f"{fence}{info}\n{fence}"


def fingerprint_of(comment_body: str) -> str | None:
    """The fingerprint of a comment listlint wrote (the marker opens the body), else ``None``."""
    match = _MARKER_RE.match(comment_body)
    return match.group(1) if match else None


def body_fingerprints(review_body: str) -> frozenset[str]:
    """Fingerprints of the findings a listlint review listed in its body."""
    match = _BODY_MARKER_RE.match(review_body)
    return frozenset(fp for fp in match.group(1).split(",") if fp) if match else frozenset()


def headline(finding: Finding) -> str:
    """``**LL101** name (error): message``, escaped."""
    rule = f"**{escape(finding.code)}** {escape(finding.name)}"
    return f"{rule} ({escape(finding.severity)}): {escape(finding.message)}"


def comment_body(item: Located) -> str:
    """An inline comment: fingerprint marker, the finding, and a suggestion block when safe."""
    parts = [f"<!-- {MARKER}{item.fingerprint} -->", headline(item.finding)]
    if item.suggestion is not None:
        fix = item.finding.fix
        if fix is not None and fix.message:
            parts.append(f"Suggested fix: {escape(fix.message)}")
        parts.append(fenced(item.suggestion, "suggestion"))
    return "\n\n".join(parts)


def review_comment(item: Located) -> ReviewComment:
    """The ``comments[]`` entry of a create-review request."""
    comment = ReviewComment(
        path=item.finding.path,
        body=comment_body(item),
        line=item.end_line,
        side="RIGHT",
    )
    if item.start_line != item.end_line:
        comment["start_line"] = item.start_line
        comment["start_side"] = "RIGHT"
    return comment


def location(finding: Finding) -> str:
    """``path:line:column``, escaped."""
    return escape(f"{finding.path}:{finding.line}:{finding.column}")


def plural(count: int, noun: str) -> str:
    """``1 finding``, ``2 findings``."""
    return f"{count} {noun}{'s' * (count != 1)}"


def counts(findings: Iterable[Located]) -> tuple[int, int]:
    """(errors, warnings)."""
    severities = [item.finding.severity for item in findings]
    errors = severities.count("error")
    return errors, len(severities) - errors


def _tally(findings: Sequence[Located]) -> str:
    errors, warnings = counts(findings)
    split = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    return f"{plural(len(findings), 'finding')} ({split})"


def review_body(plan: ReviewPlan, *, note: str = "") -> str:
    """The review body: a tally, and new findings without an inline comment, collapsed."""
    fps = ",".join(item.fingerprint for item in plan.body[:BODY_FINGERPRINTS])
    lines = [
        f"<!-- listlint:body-fp={fps} -->",
        f"**listlint** reports {_tally(plan.reported)} in this pull request.",
    ]
    if plan.inline:
        lines.append(f"{plural(len(plan.inline), 'new inline comment')}.")
    if note:
        lines.append(note)
    if plan.body:
        lines += [
            "",
            "<details>",
            f"<summary>{plural(len(plan.body), 'finding')} without an inline comment</summary>",
            "",
        ]
        listed = plan.body[:BODY_LISTED]
        lines += [f"- {location(item.finding)} {headline(item.finding)}" for item in listed]
        if len(plan.body) > len(listed):
            lines.append(f"- … and {len(plan.body) - len(listed)} more in this run's job summary")
        lines += ["", "</details>"]
    return "\n".join(lines)


def step_summary(plan: ReviewPlan, *, status: str, errors: Sequence[str] = ()) -> str:
    """The job summary: what happened, and the complete list of reported findings."""
    lines = ["## listlint", "", status, "", f"{_tally(plan.reported)}."]
    if plan.filtered_out:
        lines.append(f"{plan.filtered_out} more outside the filter mode were not reported.")
    lines += [f"- input error: {escape(error)}" for error in errors]
    ordered = sorted(plan.reported, key=lambda item: item.finding.severity != "error")
    if ordered:
        lines += [
            "",
            "| Location | Rule | Severity | Message |",
            "| --- | --- | --- | --- |",
        ]
        for item in ordered[:SUMMARY_ROWS]:
            f = item.finding
            lines.append(
                f"| {location(f)} | {escape(f.code)} {escape(f.name)} | {f.severity} "
                f"| {escape(f.message)} |"
            )
        if len(ordered) > SUMMARY_ROWS:
            lines.append(f"\n{len(ordered) - SUMMARY_ROWS} more: run listlint locally for all.")
    return "\n".join(lines) + "\n"


def error_command(message: str) -> str:
    """An ``::error::`` workflow command without a file."""
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error::{escaped}"


def workflow_commands(findings: Iterable[Located]) -> list[str]:
    """Workflow commands (``::error file=…::message``), errors first."""
    ordered = sorted((item.finding for item in findings), key=lambda f: f.severity != "error")
    return [annotation(finding) for finding in ordered]


def outputs(plan: ReviewPlan, *, comments: int) -> str:
    """``GITHUB_OUTPUT`` lines: finding counts and the number of comments posted."""
    errors, warnings = counts(plan.reported)
    values = {"findings": len(plan.reported), "errors": errors, "warnings": warnings}
    return "".join(f"{key}={value}\n" for key, value in {**values, "comments": comments}.items())

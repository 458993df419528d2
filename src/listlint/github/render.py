"""Text listlint writes to GitHub: comment and review bodies, job summary, annotations, outputs.

List content ends up in these texts, so every piece of it goes through :func:`escape` (or a code
fence long enough to hold it): it can neither ``@mention`` anyone nor leave the comment's Markdown
structure. Every text stays inside GitHub's limits: a review or comment body of at most 65,536
characters (longer ones are refused with 422), a job summary of at most 1 MiB.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypedDict

from listlint.findings import Finding
from listlint.reporters.github import annotation

from .plan import Located, ReviewPlan
from .seen import seen_marker

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
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]{}()#+!|~])")
_ZERO_WIDTH_JOINER = "\u200d"
MAX_BODY = 65_536  # GitHub's limit for a review body and for a comment body, in characters
BODY_BUDGET = 60_000  # what listlint writes into a review body, the seen marker included
TEXT_LIMIT = 1_000  # characters of a message (or path, or rule name) shown, before escaping
SUGGESTION_LIMIT = 20_000  # a longer suggestion is left out of its comment
BODY_LISTED = 100
SUMMARY_BYTES = 1_000_000  # GitHub refuses a job summary over 1 MiB


def clip(text: str, limit: int = TEXT_LIMIT) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


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


def headline(finding: Finding) -> str:
    """``**LL101** name (error): message``, clipped and escaped."""
    rule = f"**{escape(clip(finding.code))}** {escape(clip(finding.name))}"
    return f"{rule} ({escape(finding.severity)}): {escape(clip(finding.message))}"


def comment_body(item: Located) -> str:
    """An inline comment: fingerprint marker, the finding, and a suggestion block when safe.

    A suggestion over :data:`SUGGESTION_LIMIT` characters is left out (and said so), which keeps
    the comment under GitHub's limit.
    """
    parts = [f"<!-- {MARKER}{item.fingerprint} -->", headline(item.finding)]
    if item.suggestion is not None:
        fix = item.finding.fix
        if fix is not None and fix.message:
            parts.append(f"Suggested fix: {escape(clip(fix.message))}")
        if len(item.suggestion) <= SUGGESTION_LIMIT:
            parts.append(fenced(item.suggestion, "suggestion"))
        else:
            parts.append("(The fixed text is too long to show as a suggestion.)")
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
    """``path:line:column``, clipped and escaped."""
    return escape(f"{clip(finding.path)}:{finding.line}:{finding.column}")


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


def run_marker(token: str) -> str:
    """The hidden line that tells this run's review apart from every other."""
    return f"<!-- listlint:run={token} -->"


def review_body(plan: ReviewPlan, *, run: str, notes: Sequence[str] = ()) -> str:
    """The review body: a tally, notes, and new findings without an inline comment, collapsed.

    It records every such finding in a bounded marker, lists as many as fit in
    :data:`BODY_BUDGET` (and :data:`BODY_LISTED`), and points to the job summary for the rest.
    """
    lines = [run_marker(run)]
    if plan.body:
        lines.append(seen_marker([item.fingerprint for item in plan.body]))
    lines.append(f"**listlint** reports {_tally(plan.reported)} in this pull request.")
    if plan.inline:
        lines.append(f"{plural(len(plan.inline), 'new inline comment')}.")
    lines += [clip(note) for note in notes]
    if plan.body:
        lines += [
            "",
            "<details>",
            f"<summary>{plural(len(plan.body), 'finding')} without an inline comment</summary>",
            "",
        ]
        closing = ["", "</details>"]
        reserve = 200  # the "and N more" line and the closing lines
        used = sum(len(line) + 1 for line in lines) + reserve
        listed = 0
        for item in plan.body[:BODY_LISTED]:
            entry = f"- {location(item.finding)} {headline(item.finding)}"
            if used + len(entry) + 1 > BODY_BUDGET:
                break
            lines.append(entry)
            used += len(entry) + 1
            listed += 1
        if len(plan.body) > listed:
            lines.append(f"- … and {len(plan.body) - listed} more in this run's job summary")
        lines += closing
    return "\n".join(lines)


def step_summary(
    plan: ReviewPlan, *, status: str, errors: Sequence[str] = (), notes: Sequence[str] = ()
) -> str:
    """The job summary: what happened, and every reported finding that fits in 1 MiB."""
    lines = ["## listlint", "", status, "", f"{_tally(plan.reported)}."]
    if plan.filtered_out:
        lines.append(f"{plan.filtered_out} more outside the filter mode were not reported.")
    lines += [f"- input error: {escape(clip(error))}" for error in errors]
    lines += [f"- {clip(note)}" for note in notes]
    ordered = sorted(plan.reported, key=lambda item: item.finding.severity != "error")
    if ordered:
        lines += [
            "",
            "| Location | Rule | Severity | Message |",
            "| --- | --- | --- | --- |",
        ]
        used = sum(len(line.encode("utf-8")) + 1 for line in lines) + 200
        shown = 0
        for item in ordered:
            f = item.finding
            row = (
                f"| {location(f)} | {escape(clip(f.code))} {escape(clip(f.name))} | {f.severity} "
                f"| {escape(clip(f.message))} |"
            )
            used += len(row.encode("utf-8")) + 1
            if used > SUMMARY_BYTES:
                break
            lines.append(row)
            shown += 1
        if len(ordered) > shown:
            lines.append(f"\n{len(ordered) - shown} more: run listlint locally for all.")
    return "\n".join(lines) + "\n"


def error_command(message: str, kind: str = "error") -> str:
    """An ``::error::`` (or ``::warning::``) workflow command without a file."""
    escaped = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{kind}::{escaped}"


def workflow_commands(findings: Iterable[Located]) -> list[str]:
    """Workflow commands (``::error file=…::message``), errors first."""
    ordered = sorted((item.finding for item in findings), key=lambda f: f.severity != "error")
    return [annotation(finding) for finding in ordered]


def outputs(plan: ReviewPlan, *, comments: int) -> str:
    """``GITHUB_OUTPUT`` lines: finding counts and the number of comments posted."""
    errors, warnings = counts(plan.reported)
    values = {"findings": len(plan.reported), "errors": errors, "warnings": warnings}
    return "".join(f"{key}={value}\n" for key, value in {**values, "comments": comments}.items())

"""Decide what one review run posts: fingerprints, comment anchors, suggestions and stale comments.

Everything here is pure: findings, file texts, the pull request's changes and the comments already
on it go in; a :class:`ReviewPlan` comes out.
"""

from __future__ import annotations

import itertools
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace

from listlint.changes import FileChange
from listlint.findings import Finding, Span
from listlint.fingerprint import fingerprints
from listlint.fix import edit_range
from listlint.source import line_starts, split_lines

FILTER_MODES = ("added", "diff_context", "file", "nofilter")
MAX_INLINE = 100  # inline comments in one review, whatever --max-comments asks


@dataclass(frozen=True)
class Located:
    """A finding with its fingerprint, the right-side lines its comment covers, and a suggestion.

    ``suggestion`` is the new text of lines ``start_line``..``end_line`` (``""`` deletes them), or
    ``None``.
    """

    finding: Finding
    fingerprint: str
    start_line: int
    end_line: int
    suggestion: str | None


@dataclass(frozen=True)
class PostedComment:
    """A listlint review comment already on the pull request."""

    id: int
    fingerprint: str
    has_replies: bool


@dataclass(frozen=True)
class ReviewPlan:
    """The outcome of one run.

    ``reported`` holds every finding the filter mode keeps (they set outputs and the exit status);
    ``inline`` and ``body`` are the ones not reported by an earlier run; ``stale`` are earlier
    comments whose finding is gone and that nobody replied to.
    """

    reported: tuple[Located, ...]
    inline: tuple[Located, ...]
    body: tuple[Located, ...]
    stale: tuple[PostedComment, ...]
    filtered_out: int

    @property
    def has_news(self) -> bool:
        """Whether a review should be posted at all."""
        return bool(self.inline or self.body)


def _last_line(finding: Finding) -> int:
    """The last line a finding covers (see :attr:`Span.last_line`)."""
    return Span(finding.line, finding.column, finding.end_line, finding.end_column).last_line


def same_lines(finding: Finding, claimed: str, actual: str) -> bool:
    """Whether the lines a finding covers read the same in both texts (and exist in both)."""
    first, last = finding.line, max(finding.end_line, finding.line)
    a, b = split_lines(claimed), split_lines(actual)
    return last <= min(len(a), len(b)) and a[first - 1 : last] == b[first - 1 : last]


def suggested_text(finding: Finding, text: str) -> str | None:
    """The finding's lines of ``text`` after its fix, if the fix is safe and stays on them."""
    fix = finding.fix
    if fix is None or not fix.safe or not fix.edits:
        return None
    starts = line_starts(text)
    first, last = finding.line, _last_line(finding)
    if first < 1 or last > len(starts) or (last == len(starts) and not text.endswith(("\n", "\r"))):
        return None  # the file's last line has no newline; GitHub cannot suggest for it faithfully
    block_start = starts[first - 1]
    block_end = starts[last] if last < len(starts) else len(text)
    spans = []
    for edit in fix.edits:
        found = edit_range(text, starts, edit)
        if found is None or found[0] < block_start or found[1] > block_end:
            return None
        spans.append((*found, edit.text))
    spans.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        return None
    block = text[block_start:block_end]
    for start, end, replacement in reversed(spans):
        block = block[: start - block_start] + replacement + block[end - block_start :]
    if block == "":
        return ""
    if not block.endswith(("\n", "\r")):
        return None  # the fix joins the last line with the next one: not a whole-line change
    return "\n".join(split_lines(block))


def locate(findings: Sequence[Finding], sources: Mapping[str, str]) -> list[Located]:
    """Fingerprint each finding and work out its comment lines and suggestion."""
    prints = fingerprints(findings, sources, str)
    return [
        Located(
            finding=finding,
            fingerprint=fingerprint,
            start_line=finding.line,
            end_line=_last_line(finding),
            suggestion=suggested_text(finding, sources.get(finding.path, "")),
        )
        for finding, fingerprint in zip(findings, prints, strict=True)
    ]


def in_scope(item: Located, diff: FileChange | None, mode: str) -> bool:
    """Whether the filter mode reports a finding; ``diff`` is ``None`` for a file the PR kept."""
    if mode == "nofilter":
        return True
    if diff is None:
        return False
    if mode == "added":
        return item.start_line in diff.added
    if mode == "diff_context":
        return diff.commentable(item.start_line)
    return True


def anchor(item: Located, diff: FileChange | None) -> Located | None:
    """The finding as an inline comment, or ``None`` when GitHub would not accept one on its line
    (or counts the file's lines otherwise: see :attr:`FileChange.renumbered`).

    A span that leaves its hunk shrinks to its first line and loses a multi-line suggestion.
    """
    if diff is None or diff.renumbered or not diff.commentable(item.start_line):
        return None
    if diff.same_hunk(item.start_line, item.end_line):
        return item
    return replace(item, end_line=item.start_line, suggestion=None)


def plan_review(
    located: Sequence[Located],
    diffs: Mapping[str, FileChange],
    *,
    mode: str,
    posted: Sequence[PostedComment],
    posted_in_bodies: Container[str],
    max_comments: int,
) -> ReviewPlan:
    """Split findings into new inline comments, new body entries and stale comments.

    At most ``max_comments`` (and never more than :data:`MAX_INLINE`) become inline comments.
    """
    reported = [item for item in located if in_scope(item, diffs.get(item.finding.path), mode)]
    commented = {comment.fingerprint for comment in posted}
    limit = min(max_comments, MAX_INLINE)
    inline: list[Located] = []
    body: list[Located] = []
    for item in reported:
        if item.fingerprint in commented or item.fingerprint in posted_in_bodies:
            continue
        anchored = anchor(item, diffs.get(item.finding.path))
        if anchored is not None and len(inline) < limit:
            inline.append(anchored)
        else:
            body.append(item)
    current = {item.fingerprint for item in reported}
    stale = [c for c in posted if c.fingerprint not in current and not c.has_replies]
    return ReviewPlan(
        reported=tuple(reported),
        inline=tuple(inline),
        body=tuple(body),
        stale=tuple(stale),
        filtered_out=len(located) - len(reported),
    )

"""Decide what one review run posts: fingerprints, comment anchors, suggestions and stale comments.

Everything here is pure: findings, file texts, parsed diffs and the comments already on the pull
request go in; a :class:`ReviewPlan` comes out.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from listlint.findings import Finding

from .diff import FileDiff

FILTER_MODES = ("added", "diff_context", "file", "nofilter")
MAX_INLINE = 100  # inline comments in one review, whatever --max-comments asks
_SPACE = re.compile(r"\s+")


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


def normalise(text: str) -> str:
    """Collapse whitespace runs, so re-indenting an entry keeps its fingerprint."""
    return _SPACE.sub(" ", text).strip()


def fingerprint(code: str, path: str, line_text: str, occurrence: int = 0) -> str:
    """Hash of rule code, path and the offending line's normalised text (never its line number).

    ``occurrence`` tells apart the same rule firing on identical lines of one file.
    """
    key = "\x1f".join((code, path, normalise(line_text), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def source_lines(text: str) -> list[str]:
    """Split text into lines as line numbers count them (``\\n`` only, ``\\r`` dropped)."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _last_line(finding: Finding) -> int:
    """The last line a finding covers; a span ending at column 1 stops at the line before."""
    if finding.end_line > finding.line and finding.end_column == 1:
        return finding.end_line - 1
    return max(finding.line, finding.end_line)


def same_lines(finding: Finding, claimed: str, actual: str) -> bool:
    """Whether the lines a finding covers read the same in both texts (and exist in both)."""
    first, last = finding.line, max(finding.end_line, finding.line)
    a, b = source_lines(claimed), source_lines(actual)
    return last <= min(len(a), len(b)) and a[first - 1 : last] == b[first - 1 : last]


def suggested_text(finding: Finding, lines: Sequence[str]) -> str | None:
    """The finding's lines after its fix, if the fix is safe and stays on those lines."""
    fix = finding.fix
    if fix is None or not fix.safe or not fix.edits:
        return None
    first, last = finding.line, _last_line(finding)
    if first < 1 or last >= len(lines):
        return None  # the file's last line has no newline; GitHub cannot suggest for it faithfully
    block = "\n".join(lines[first - 1 : last]) + "\n"
    starts = [0]
    for line in lines[first - 1 : last]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(line: int, column: int) -> int | None:
        if line == last + 1 and column == 1:
            return len(block)
        if not first <= line <= last or not 1 <= column <= len(lines[line - 1]) + 1:
            return None
        return starts[line - first] + column - 1

    spans: list[tuple[int, int, str]] = []
    for edit in fix.edits:
        start, end = (
            offset(edit.line, edit.column),
            offset(edit.end_line, edit.end_column),
        )
        if start is None or end is None or end < start:
            return None
        spans.append((start, end, edit.text))
    spans.sort()
    if any(a[1] > b[0] for a, b in itertools.pairwise(spans)):
        return None
    for start, end, text in reversed(spans):
        block = block[:start] + text + block[end:]
    if block == "":
        return ""
    if not block.endswith("\n"):
        return None  # the fix joins the last line with the next one: not a whole-line change
    return block[:-1]


def locate(findings: Iterable[Finding], sources: Mapping[str, str]) -> list[Located]:
    """Fingerprint each finding and work out its comment lines and suggestion."""
    seen: Counter[tuple[str, str, str]] = Counter()
    located = []
    split = {path: source_lines(text) for path, text in sources.items()}
    for finding in findings:
        lines = split.get(finding.path, [])
        text = lines[finding.line - 1] if 1 <= finding.line <= len(lines) else ""
        key = (finding.code, finding.path, normalise(text))
        located.append(
            Located(
                finding=finding,
                fingerprint=fingerprint(*key, occurrence=seen[key]),
                start_line=finding.line,
                end_line=_last_line(finding),
                suggestion=suggested_text(finding, lines),
            )
        )
        seen[key] += 1
    return located


def in_scope(item: Located, diff: FileDiff | None, mode: str) -> bool:
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


def anchor(item: Located, diff: FileDiff | None) -> Located | None:
    """The finding as an inline comment, or ``None`` when GitHub would not accept one on its line.

    A span that leaves its hunk shrinks to its first line and loses a multi-line suggestion.
    """
    if diff is None or not diff.commentable(item.start_line):
        return None
    if diff.same_hunk(item.start_line, item.end_line):
        return item
    return replace(item, end_line=item.start_line, suggestion=None)


def plan_review(
    located: Sequence[Located],
    diffs: Mapping[str, FileDiff],
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

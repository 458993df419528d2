"""One fingerprint per finding, for baselines and review comments alike.

A fingerprint hashes the rule code, the file's path, the whitespace-normalised text of the
finding's first line and the finding's index among findings alike in those three: it survives
lines moving up or down (and re-indenting), and breaks when the offending text itself changes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

from listlint.findings import Finding
from listlint.source import split_lines

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Whitespace runs collapsed and trimmed."""
    return _SPACE.sub(" ", text).strip()


def fingerprint(code: str, path: str, line_text: str, occurrence: int = 0) -> str:
    """Hash of rule code, path and the line's normalised text (never its line number).

    ``occurrence`` tells apart the same rule firing on identical lines of one file.
    """
    key = "\x1f".join((code, path, normalise(line_text), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def fingerprints(
    findings: Iterable[Finding], texts: Mapping[str, str], path_of: Callable[[str], str]
) -> list[str]:
    """Each finding's fingerprint, in order; ``path_of`` gives the path a fingerprint names (the
    repository path, or the path relative to the baseline file) for a finding's path."""
    lines = {path: split_lines(text) for path, text in texts.items()}
    seen: Counter[tuple[str, str, str]] = Counter()
    result = []
    for finding in findings:
        own = lines.get(finding.path, [])
        text = own[finding.line - 1] if 1 <= finding.line <= len(own) else ""
        key = (finding.code, path_of(finding.path), normalise(text))
        result.append(fingerprint(*key, occurrence=seen[key]))
        seen[key] += 1
    return result

"""Baselines for gradual adoption: record today's findings, then hide them in later runs.

A finding's fingerprint is a hash of its rule code, its file (relative to the baseline file) and the
whitespace-normalised text of its line(s), plus its index among findings with those same three: it
survives lines moving up or down, and breaks when the offending text itself changes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from listlint.findings import Finding
from listlint.source import split_lines

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written, as one line."""


def _relative(path: str, root: Path) -> str:
    try:
        return PurePath(Path(path).resolve().relative_to(root.resolve())).as_posix()
    except (ValueError, OSError):
        return PurePath(path).as_posix()


def _line_text(lines: Sequence[str], finding: Finding) -> str:
    chosen = lines[max(finding.line, 1) - 1 : max(finding.end_line, finding.line)]
    return "\n".join(" ".join(line.split()) for line in chosen)


def fingerprints(findings: Iterable[Finding], texts: Mapping[str, str], root: Path) -> list[str]:
    """Each finding's fingerprint, in order; paths are taken relative to ``root``."""
    lines = {path: split_lines(text) for path, text in texts.items()}
    seen: dict[str, int] = {}
    result = []
    for finding in findings:
        identity = "\0".join(
            (finding.code, _relative(finding.path, root), _line_text(lines[finding.path], finding))
        )
        index = seen.get(identity, 0)
        seen[identity] = index + 1
        result.append(hashlib.sha256(f"{identity}\0{index}".encode()).hexdigest()[:32])
    return result


def write_baseline(path: Path, findings: Sequence[Finding], texts: Mapping[str, str]) -> None:
    """Record ``findings`` in the baseline file ``path`` (JSON)."""
    prints = fingerprints(findings, texts, path.parent)
    entries = [
        {
            "fingerprint": fingerprint,
            "code": f.code,
            "path": _relative(f.path, path.parent),
            "line": f.line,
            "message": f.message,
        }
        for f, fingerprint in zip(findings, prints, strict=True)
    ]
    document = {"version": BASELINE_VERSION, "tool": "listlint", "findings": entries}
    try:
        path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline: {error.strerror or error}") from None


class Baseline:
    """A loaded baseline file: the fingerprints of findings to hide."""

    def __init__(self, path: Path, known: frozenset[str]) -> None:
        """A baseline read from ``path``; use :func:`load_baseline`."""
        self.path = path
        self.known = known

    def hide(
        self, findings: Sequence[Finding], texts: Mapping[str, str]
    ) -> tuple[list[Finding], int]:
        """The findings not in the baseline, and how many were hidden."""
        prints = fingerprints(findings, texts, self.path.parent)
        kept = [f for f, fp in zip(findings, prints, strict=True) if fp not in self.known]
        return kept, len(findings) - len(kept)


def load_baseline(path: Path) -> Baseline:
    """Read and check a baseline file written by :func:`write_baseline`."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(
            f"{path}: baseline file not found; create it with --write-baseline"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot read baseline: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}: baseline is not valid JSON: {error}") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        version = data.get("version") if isinstance(data, dict) else None
        raise BaselineError(
            f"{path}: baseline version {version!r} is not {BASELINE_VERSION}; "
            "write it again with --write-baseline"
        )
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise BaselineError(f"{path}: baseline needs a list of findings with fingerprints")
    return Baseline(path, frozenset(e["fingerprint"] for e in entries))

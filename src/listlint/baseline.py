"""Baselines for gradual adoption: record today's findings, then hide them in later runs.

Findings are recorded by :mod:`listlint.fingerprint`, the review comments' fingerprint, with the
file's path relative to the baseline file. Version 1 baselines hashed differently (every line of a
finding); they are refused with a request to write them again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from listlint.findings import Finding
from listlint.fingerprint import fingerprints

BASELINE_VERSION = 2


class BaselineError(Exception):
    """A baseline file that cannot be read or written, as one line."""


def _relative(path: str, root: Path) -> str:
    try:
        return PurePath(Path(path).resolve().relative_to(root.resolve())).as_posix()
    except (ValueError, OSError):
        return PurePath(path).as_posix()


def baseline_fingerprints(
    findings: Sequence[Finding], texts: Mapping[str, str], root: Path
) -> list[str]:
    """Each finding's fingerprint as a baseline file in the folder ``root`` records it."""
    return fingerprints(findings, texts, lambda name: _relative(name, root))


def write_baseline(path: Path, findings: Sequence[Finding], texts: Mapping[str, str]) -> None:
    """Record ``findings`` in the baseline file ``path`` (JSON)."""
    prints = baseline_fingerprints(findings, texts, path.parent)
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
        prints = baseline_fingerprints(findings, texts, self.path.parent)
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
    version = data.get("version") if isinstance(data, dict) else None
    if version == 1:
        raise BaselineError(
            f"{path}: baseline version 1 was written before listlint's fingerprints were shared "
            "with its review comments; write it again with --write-baseline"
        )
    if version != BASELINE_VERSION:
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

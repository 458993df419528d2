"""What a partial run reads and reports: cross-file context, changed lines, baselines.

pre-commit passes only the staged files. Cross-file rules (duplicates) still need the rest of the
list, so the files named by ``--cross-file-scope`` globs and by the configuration's
``cross-file-paths`` are read as context: project rules see them, their own findings are never
reported.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from listlint.config import ConfigFinder, Selection
from listlint.files import MARKDOWN_SUFFIXES, collect
from listlint.findings import Finding
from listlint.lint import Target
from listlint.rule import ProjectRule

if TYPE_CHECKING:  # imported when used: a plain run pays nothing for git, difflib or hashing
    from listlint.baseline import Baseline
    from listlint.changes import ChangeTracker


def context_paths(targets: Sequence[Target], patterns: Sequence[str]) -> list[Path]:
    """Files named by ``patterns`` (relative to the working folder) and each target configuration's
    ``cross-file-paths`` (relative to the configuration file), other than the targets themselves."""
    named = {Path(t.source.path).resolve() for t in targets}
    globs = [(Path.cwd(), pattern) for pattern in patterns]
    configs = {t.config.path: t.config for t in targets}
    for config in configs.values():
        globs.extend((config.root, pattern) for pattern in config.data.get("cross-file-paths", ()))
    found: dict[Path, Path] = {}
    here = Path.cwd()
    for root, pattern in globs:
        for name in sorted(glob.glob(pattern, root_dir=root, recursive=True)):
            path = root / name
            resolved = path.resolve()
            if path.is_relative_to(here):
                path = path.relative_to(here)  # as reports name the other files
            if (
                path.suffix.lower() in MARKDOWN_SUFFIXES
                and path.is_file()
                and resolved not in named
            ):
                found.setdefault(resolved, path)
    return list(found.values())


def context_targets(
    targets: Sequence[Target],
    patterns: Sequence[str],
    configs: ConfigFinder,
    selection: Selection,
    errors: list[str],
) -> list[Target]:
    """The context files, read for cross-file rules only; none when no target runs such a rule."""
    if not any(isinstance(r, ProjectRule) for t in targets for r in t.rules):
        return []
    paths = [str(p) for p in context_paths(targets, patterns)]
    context = collect(paths, configs, selection, errors)
    for target in context:
        target.rules = [r for r in target.rules if isinstance(r, ProjectRule)]
    return context


class PartialRunError(Exception):
    """The baseline failed, as one line."""


class ReportFilter:
    """The findings a run reports: on the named files, not in the baseline, on changed lines."""

    def __init__(
        self,
        targets: Sequence[Target],
        *,
        changes: ChangeTracker | None = None,
        baseline: str | None = None,
    ) -> None:
        """Report only findings on lines ``changes`` added (``--changed-since``), and read the
        baseline now, or raise PartialRunError."""
        self._targets = targets
        self._changes = changes
        self._baseline: Baseline | None = None
        if baseline:
            from listlint.baseline import BaselineError, load_baseline

            try:
                self._baseline = load_baseline(Path(baseline))
            except BaselineError as error:
                raise PartialRunError(str(error)) from None
        self.hidden_by_baseline = 0
        self.hidden_as_unchanged = 0

    def _texts(self) -> dict[str, str]:
        return {t.source.path: t.source.text for t in self._targets}

    def __call__(self, findings: Sequence[Finding]) -> list[Finding]:
        """Filter one pass's findings; the baseline first, as its fingerprints count them all."""
        texts = self._texts()
        shown = [f for f in findings if f.path in texts]
        self.hidden_by_baseline = self.hidden_as_unchanged = 0
        if self._baseline is not None:
            shown, self.hidden_by_baseline = self._baseline.hide(shown, texts)
        if self._changes is not None:
            files = self._changes.now(texts).files
            kept = [f for f in shown if f.path in files and files[f.path].touched_by(f)]
            self.hidden_as_unchanged = len(shown) - len(kept)
            shown = kept
        return shown

"""One run of listlint, whoever asks (the command line, the GitHub review, the tests).

collect (files, configurations, rules) → the change (``git diff`` for ``--changed-since``, or the
pull request's) → parse → check → suppress → filter (changed lines, baseline) → with ``fix``, fix
in memory pass after pass until nothing changes. Writing the fixed files back is a separate step
(:func:`write_fixes`), at the edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field
from msgspec.structs import replace

from listlint.config import ConfigFinder, Selection, check_selection
from listlint.files import collect
from listlint.findings import Finding
from listlint.fix import apply_fixes, held_back, reported, write_atomically
from listlint.lint import OnlineStep, Target, lint_targets
from listlint.profile import phase
from listlint.scope import ReportFilter, context_targets
from listlint.source import Source

if TYPE_CHECKING:
    from listlint.changes import Change, ChangeTracker
    from listlint.online.run import OnlineRun

# As ruff: a pass applies the fixes that do not overlap, so a run of fixes that touch each other
# (entries moved past one foreign line of a TOC, one a pass) takes a pass each.
MAX_FIX_PASSES = 100
# Sets the --online step up for the files a run collected and their change, if the run has one
# (None: offline after all).
OnlineSetup = Callable[[Sequence[Target], "Change | None"], "OnlineRun | None"]


class RunOptions(Struct, frozen=True):
    """What to lint and how: the command line's options, as data."""

    paths: Sequence[str]
    config: str | None = None
    isolated: bool = False  # no configuration file at all
    selection: Selection = field(default_factory=Selection)
    stdin_filename: str | None = None
    cross_file: bool | None = None  # None: each configuration's own setting
    cross_file_scope: Sequence[str] = ()
    changed_since: str | None = None  # git ref: the change since it, and report only what it adds
    change: Change | None = None  # a change known otherwise (a pull request's); nothing filtered
    baseline: str | None = None
    fix: bool = False
    unsafe_fixes: bool = False
    online: OnlineSetup | None = None  # the --online step for the files collected, or None


class Run(Struct):
    """What a run found, and with ``fix``, the texts it fixed (written by :func:`write_fixes`)."""

    findings: list[Finding]
    errors: list[str]
    targets: list[Target]
    originals: dict[str, str]  # path -> the text as read
    unfixed: list[Finding]  # the findings before any fix
    fixed: dict[str, int] = field(default_factory=dict)  # path -> findings fixed in it
    held_back: int = 0  # deletions left for the next run: nobody was shown their finding
    report_filter: ReportFilter | None = None
    online: OnlineRun | None = None  # what --online asked, for its summary

    @property
    def texts(self) -> dict[str, str]:
        """Each linted file's text now (fixed, with ``fix``)."""
        return {t.source.path: t.source.text for t in self.targets}

    @property
    def changed(self) -> dict[str, str]:
        """The fixed text of each file the fixes changed."""
        return {path: text for path, text in self.texts.items() if text != self.originals[path]}


class RunError(Exception):
    """A run that cannot start (an unknown rule, git or the baseline failing), as one line."""


def run(options: RunOptions) -> Run:
    """Lint (and with ``options.fix``, fix in memory) the files ``options`` names.

    Files that cannot be read are one line each in ``Run.errors``; the rest are linted.
    """
    from listlint.config import ConfigError

    try:
        check_selection(options.selection)
    except ConfigError as error:
        raise RunError(str(error)) from None
    configs = ConfigFinder(options.config, isolated=options.isolated)
    errors: list[str] = []
    with phase("read"):
        targets = collect_targets(options, configs, errors)
    context = context_targets(targets, options.cross_file_scope, configs, options.selection, errors)
    if options.cross_file is not None:
        for target in [*context, *targets]:
            data = {**target.config.data, "cross-file": options.cross_file}
            target.config = replace(target.config, data=data)
    from listlint.scope import PartialRunError

    tracker = _change(options, targets)
    try:
        shown = ReportFilter(
            targets,
            changes=tracker if options.changed_since else None,
            baseline=options.baseline,
        )
    except PartialRunError as problem:
        raise RunError(str(problem)) from None
    change = tracker.change if tracker else None
    online = options.online(targets, change) if options.online else None
    result = lint_and_fix(
        targets,
        context,
        shown,
        fix=options.fix,
        unsafe=options.unsafe_fixes,
        errors=errors,
        online=online,
        tracker=tracker,
    )
    result.report_filter = shown
    result.online = online
    return result


def collect_targets(
    options: RunOptions, configs: ConfigFinder | None = None, errors: list[str] | None = None
) -> list[Target]:
    """The files ``options`` names (folders walked), each read with its configuration and rules;
    each problem is a line in ``errors``."""
    return collect(
        options.paths,
        configs or ConfigFinder(options.config, isolated=options.isolated),
        options.selection,
        errors if errors is not None else [],
        stdin_filename=options.stdin_filename,
    )


def _change(options: RunOptions, targets: Sequence[Target]) -> ChangeTracker | None:
    """The run's change: since ``--changed-since`` (one ``git diff``), or the one given."""
    if not options.changed_since and options.change is None:
        return None
    from listlint.changes import ChangeTracker, GitError, read_git_change

    texts = {t.source.path: t.source.text for t in targets}
    if options.changed_since:
        try:
            return ChangeTracker(read_git_change(options.changed_since, texts), texts)
        except GitError as error:
            raise RunError(str(error)) from None
    assert options.change is not None
    return ChangeTracker(options.change.numbered_for(texts), texts)


def lint_and_fix(
    targets: list[Target],
    context: Sequence[Target] = (),
    shown: ReportFilter | None = None,
    *,
    fix: bool = False,
    unsafe: bool = False,
    errors: list[str] | None = None,
    online: OnlineStep | None = None,
    tracker: ChangeTracker | None = None,
) -> Run:
    """Lint ``targets`` (with ``context`` files for cross-file rules, reported by ``shown``); with
    ``fix``, apply the fixes pass after pass until nothing changes, re-linting after each.
    ``tracker`` follows the run's change, which the rules read, through the fixes."""

    def lint() -> list[Finding]:
        now = tracker.now({t.source.path: t.source.text for t in targets}) if tracker else None
        found = lint_targets([*context, *targets], online, now)
        return shown(found) if shown is not None else found

    findings = lint()
    originals = {t.source.path: t.source.text for t in targets}
    result = Run(findings, errors or [], targets, originals, findings)
    if not fix:
        return result
    first_report = {
        path: reported(text, [f for f in findings if f.path == path])
        for path, text in result.originals.items()
    }
    for number in range(MAX_FIX_PASSES):
        changed = False
        for target in targets:
            path = target.source.path
            mine = [f for f in findings if f.path == path]
            with phase("fix"):
                text, done = apply_fixes(
                    target.source.text,
                    mine,
                    unsafe=unsafe,
                    shown=first_report[path] if number else None,
                )
            if done and text != target.source.text:
                target.source = Source(path, text, target.source.bom)
                result.fixed[path] = result.fixed.get(path, 0) + len(done)
                changed = True
        if not changed:
            break
        findings = lint()
    eligible = [f for f in findings if f.fix and (f.fix.safe or unsafe)]
    for target in targets:
        path = target.source.path
        if target.source.text != result.originals[path]:
            mine = [f for f in eligible if f.path == path]
            result.held_back += len(held_back(target.source.text, mine, first_report[path]))
    result.findings = findings
    return result


def write_fixes(result: Run) -> None:
    """Write each file the fixes changed (atomically, refusing a file changed since it was read).

    A file that cannot be written is one line in ``result.errors``, and its findings are
    reported as they still are in the file.
    """
    for target in result.targets:
        path, text = target.source.path, target.source.text
        read = result.originals[path]
        if text == read or target.stdin:
            continue
        try:
            write_atomically(Path(path), text, target.source.bom, read)
        except OSError as failure:
            result.errors.append(f"{path}: cannot write fixes: {failure.strerror or failure}")
            result.fixed.pop(path, None)
            target.source = Source(path, read, target.source.bom)
            result.findings = [f for f in result.findings if f.path != path]
            result.findings += [f for f in result.unfixed if f.path == path]
            result.findings.sort(key=lambda f: f.sort_key)

"""The ``listlint`` command line."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from listlint import __version__
from listlint.reporters import FORMATS

if TYPE_CHECKING:
    from listlint.changes import Change
    from listlint.findings import Finding
    from listlint.lint import Target
    from listlint.online.run import OnlineRun
    from listlint.rule import Rule
    from listlint.run import Run, RunOptions
    from listlint.scope import ReportFilter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

EXAMPLES = """\
examples:
  listlint                         lint README.md in the current folder
  listlint README.md docs/         lint a file and every Markdown file below docs/
  listlint --fix README.md         apply the safe fixes, report what is left
  listlint --diff README.md        show the fixes as a unified diff, change nothing
  listlint --select LL2 --ignore LL203 README.md
  listlint --output-format json README.md
  cat README.md | listlint - --stdin-filename README.md
  listlint --changed-since origin/main README.md   only what changed since the branch point
  listlint --online README.md      also check that links work and repositories are alive
  listlint --write-baseline .listlint-baseline.json README.md   record today's findings...
  listlint --baseline .listlint-baseline.json README.md         ...and hide them from now on
  listlint rules                   list every rule
  listlint rule LL201              explain one rule
  listlint config --schema         print the configuration's JSON schema

exit status: 0 no findings, 1 findings, 2 usage or input error
"""


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one line and exit 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"listlint: error: {message} (see listlint --help)\n")
        raise SystemExit(EXIT_ERROR)


def _selectors(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def lint_parser() -> argparse.ArgumentParser:
    """Options of the default command, ``listlint [PATH ...]``."""
    parser = _Parser(
        prog="listlint",
        description="Validate curated Markdown link lists: entries, anchors and TOC, duplicates, "
        "link syntax and heading structure.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders; - for stdin")
    parser.add_argument("--version", action="version", version=f"listlint {__version__}")
    rules = parser.add_argument_group("rule selection")
    for flag, help_text in (
        ("--select", "only these rules (codes, prefixes like LL2, names, ALL); comma-separated"),
        ("--extend-select", "these rules on top of the selection"),
        ("--ignore", "not these rules"),
    ):
        rules.add_argument(flag, type=_selectors, action="extend", metavar="RULES", help=help_text)
    fixing = parser.add_argument_group("fixing")
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    fixing.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix/--diff, also unsafe fixes"
    )
    fixing.add_argument(
        "--diff", action="store_true", help="print fixes as a unified diff; write nothing"
    )
    config = parser.add_argument_group("configuration")
    config.add_argument(
        "--config", metavar="PATH", help="use this .listlint.toml or pyproject.toml"
    )
    config.add_argument("--no-config", action="store_true", help="ignore every configuration file")
    config.add_argument(
        "--show-settings",
        action="store_true",
        help="print the configuration and rules that apply to each file (json), lint nothing",
    )
    config.add_argument(
        "--show-files", action="store_true", help="print the files a run would lint, lint nothing"
    )
    config.add_argument(
        "--cross-file",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check duplicates across the files of this run (default: the cross-file setting, on)",
    )
    output = parser.add_argument_group("output")
    output.add_argument("--output-format", choices=FORMATS, default="text")
    output.add_argument("--statistics", action="store_true", help="print counts per rule")
    output.add_argument(
        "-q", "--quiet", action="store_true", help="print findings only, no summary"
    )
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    output.add_argument("--stdin-filename", metavar="NAME", help="the name of - in reports")
    output.add_argument(
        "--profile", action="store_true", help="print the time spent in each phase to stderr"
    )
    online = parser.add_argument_group("online checks (LL6xx)")  # online
    online.add_argument(
        "--online",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="request every link and look GitHub repositories up (default: the online.enabled "
        "setting, off); with --changed-since only links on added lines",
    )
    online.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the online cache"
    )
    partial = parser.add_argument_group("partial runs (pre-commit, gradual adoption)")
    partial.add_argument(
        "--changed-since",
        metavar="REF",
        help="report only findings on lines added or changed since git REF (HEAD, origin/main)",
    )
    partial.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    partial.add_argument(
        "--write-baseline", metavar="FILE", help="record the current findings in FILE; exit 0"
    )
    partial.add_argument(
        "--cross-file-scope",
        metavar="GLOB",
        action="append",
        help="also read these files for cross-file rules (duplicates), without reporting on them",
    )
    return parser


def _lint(argv: Sequence[str]) -> int:
    # The model of a list is hundreds of thousands of long-lived objects and no cycles, and every
    # cyclic collection walks them all: the collector is off while listlint lints (with raised
    # thresholds it still cost 10% of the CPU at 40,000 entries; peak memory is the same without
    # it, on generated lists and hostile input). Reference counting frees everything as before.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _lint_without_collector(argv)
    finally:
        if collecting:
            gc.enable()


def _lint_without_collector(argv: Sequence[str]) -> int:
    args = lint_parser().parse_args(argv)
    from listlint import profile

    if args.profile:
        profile.enable()
    problem = _usage_problem(args)
    if problem:
        return _fail(problem)
    options = _run_options(args)
    if args.show_files or args.show_settings:
        return _show(options, args)
    from listlint.run import RunError, run

    try:
        result = run(options)
    except RunError as error:
        return _fail(str(error))
    if args.write_baseline:
        return _write_baseline(Path(args.write_baseline), result)
    return _finish(result, args)


def _run_options(args: argparse.Namespace) -> RunOptions:
    """The run the command line asks for."""
    from listlint.config import Selection
    from listlint.run import RunOptions

    return RunOptions(
        paths=args.paths or ["README.md"],
        config=args.config,
        isolated=args.no_config,
        selection=Selection(args.select, args.extend_select or (), args.ignore or ()),
        stdin_filename=args.stdin_filename,
        cross_file=args.cross_file,
        cross_file_scope=args.cross_file_scope or (),
        changed_since=args.changed_since,
        baseline=args.baseline,
        fix=args.fix or args.diff,
        unsafe_fixes=args.unsafe_fixes,
        online=partial(_online_step, args),
    )


def _finish(result: Run, args: argparse.Namespace) -> int:
    """Write or show the fixes, print the errors and the report; the exit status."""
    from listlint import profile
    from listlint.run import write_fixes

    if args.fix and not args.diff:
        write_fixes(result)
    for message in result.errors:
        sys.stderr.write(f"listlint: error: {message}\n")
    try:
        if args.diff:
            for path, text in result.changed.items():
                sys.stdout.write(_unified_diff(path, result.originals[path], text))
        if result.targets or not result.errors:
            with profile.phase("report"):
                _print(result, args)
    except BrokenPipeError:
        raise  # the reader has gone: main() ends quietly
    except OSError as error:  # a full disk, a closed terminal
        return _fail(f"cannot write the report: {error.strerror or error}")
    if args.profile:
        sys.stderr.write(profile.render())
    if result.errors:
        return EXIT_ERROR
    if args.diff and result.fixed:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if result.findings and not args.exit_zero else EXIT_CLEAN


def _show(options: RunOptions, args: argparse.Namespace) -> int:
    """``--show-files`` and ``--show-settings``: what a run would read, and with what."""
    from listlint.config import ConfigError, check_selection
    from listlint.run import collect_targets

    try:
        check_selection(options.selection)
    except ConfigError as error:
        return _fail(str(error))
    errors: list[str] = []
    targets = collect_targets(options, errors=errors)
    if args.show_files:
        sys.stdout.write("".join(f"{t.source.path}\n" for t in targets))
    else:
        import json

        shown = [
            {
                "path": t.source.path,
                "config": str(t.config.path) if t.config.path else None,
                "settings": t.config.data,
                "rules": {
                    r.code: {"name": r.name, "severity": r.severity, "options": t.config.options(r)}
                    for r in t.rules
                },
            }
            for t in targets
        ]
        sys.stdout.write(json.dumps(shown, indent=2, default=str) + "\n")
    for message in errors:
        sys.stderr.write(f"listlint: error: {message}\n")
    return EXIT_ERROR if errors else EXIT_CLEAN


def _usage_problem(args: argparse.Namespace) -> str | None:
    """Why these options cannot go together, or None."""
    if not args.paths and not Path("README.md").is_file():
        return "no path given and no README.md here; pass a file or folder"
    if args.stdin_filename and "-" not in args.paths:
        return "--stdin-filename needs - among the paths"
    if args.fix and "-" in args.paths and len(args.paths) > 1:
        return "--fix - prints the fixed standard input; lint other files in another run"
    if args.changed_since and "-" in args.paths:
        return "--changed-since needs files from a git work tree, not stdin"
    if args.write_baseline and (args.baseline or args.changed_since or args.fix or args.diff):
        return (
            "--write-baseline records every finding; drop --baseline, --changed-since, --fix"
            " and --diff"
        )
    return None


# -- online (--online; listlint.online): the step before the rules, then what it reports --


def _online_step(
    args: argparse.Namespace, targets: Sequence[Target], change: Change | None
) -> OnlineRun | None:
    """The online step of this run (with --changed-since, only the links ``change`` adds), or
    None when it is offline (the default)."""
    enabled = args.online
    if enabled is None:
        enabled = any(t.config.data.get("online", {}).get("enabled", False) for t in targets)
    if not enabled or not targets:
        return None
    from listlint.online.setup import online_run, scopes_for

    return online_run(
        scopes_for([t.source.path for t in targets], change),
        targets[0].config.data.get("online", {}),
        use_cache=not args.no_cache,
        progress=sys.stderr if args.output_format == "text" else None,
    )


def _unverified(online: OnlineRun | None, targets: Sequence[Target]) -> list[Finding]:
    """An ``info`` item for each link the online step could not verify (none offline)."""
    if online is None or online.facts is None:
        return []
    from listlint.online.report import unverified_notes

    return unverified_notes(
        [t.document for t in targets if t.document is not None],
        online.facts,
        targets[0].config.data.get("online", {}),
        {t.source.path for t in targets if any(r.code == "LL603" for r in t.rules)},
    )


def _print_online_summary(
    online: OnlineRun | None, targets: Sequence[Target], args: argparse.Namespace
) -> None:
    """Text output: what the online step checked and what it could not verify, on stderr."""
    if online is None or args.output_format != "text" or args.quiet or args.diff:
        return
    from listlint.online.report import summary

    notes = _unverified(online, targets)
    sys.stderr.write(summary(online.tally, notes, github=online.github is not None))


def _write_baseline(path: Path, result: Run) -> int:
    """``--write-baseline``: record the findings; exit 0 unless a file could not be read."""
    from listlint.baseline import BaselineError, write_baseline

    for message in result.errors:
        sys.stderr.write(f"listlint: error: {message}\n")
    findings = result.findings
    try:
        write_baseline(path, findings, result.texts)
    except BaselineError as problem:
        return _fail(str(problem))
    sys.stderr.write(f"Wrote {len(findings)} finding{'s' * (len(findings) != 1)} to {path}.\n")
    return EXIT_ERROR if result.errors else EXIT_CLEAN


def _print_entry_counts(targets: Sequence[Target], out: TextIO) -> None:
    """``--statistics`` as text: the entries of each style in every file."""
    from listlint.model.entries import count_styles
    from listlint.reporters.text import render_entry_counts

    counts = {t.source.path: count_styles(t.document.entries) for t in targets if t.document}
    out.write(render_entry_counts(counts))


def _print_hidden(shown: ReportFilter | None, args: argparse.Namespace) -> None:
    """Say on stderr how many findings the baseline and --changed-since kept out of the report."""
    if shown is None or args.quiet or args.output_format != "text" or args.diff:
        return
    for count, why in (
        (shown.hidden_by_baseline, f"in the baseline {args.baseline}"),
        (shown.hidden_as_unchanged, f"on lines unchanged since {args.changed_since}"),
    ):
        if count:
            sys.stderr.write(f"{count} finding{'s' * (count != 1)} {why} not shown.\n")


def _patch_lines(text: str) -> list[str]:
    """Lines as ``patch`` and ``git apply`` count them: ended by LF only (a CR stays inside)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _unified_diff(path: str, before: str, after: str) -> str:
    """A patch that ``patch -p1`` or ``git apply`` applies to ``before`` to give ``after``."""
    import difflib

    lines = difflib.unified_diff(
        _patch_lines(before), _patch_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _write_text(out: TextIO, findings: list[Finding], *, color: bool, quiet: bool) -> None:
    """The text format, written a few thousand lines at a time (a million findings are not one
    string); ``quiet`` leaves out the summary and, as it always has (``str.splitlines``), ends
    each line a message breaks with ``\\n``."""
    from listlint.reporters.text import format_finding, summary

    for first in range(0, len(findings), 4096):
        chunk = [format_finding(f, color=color) + "\n" for f in findings[first : first + 4096]]
        if quiet:
            chunk = [part + "\n" for line in chunk for part in line.splitlines()]
        out.write("".join(chunk))
    if not quiet:
        out.write(summary(findings) + "\n")


def _print(result: Run, args: argparse.Namespace) -> None:
    from listlint.reporters import renderer
    from listlint.reporters.text import render_statistics, statistics

    fixed = sum(result.fixed.values())
    if args.diff:
        if not args.quiet:
            sys.stderr.write(f"Would fix {fixed} problem{'s' * (fixed != 1)}.\n")
        return
    findings = result.findings
    if args.output_format == "json":  # links --online could not verify: info items, never counted
        notes = _unverified(result.online, result.targets)
        findings = sorted(findings + notes, key=lambda f: f.sort_key)
    out = sys.stdout
    stdin = [t for t in result.targets if t.stdin]
    if args.fix and stdin:  # ``--fix -``: the fixed text goes out, the findings go to stderr
        sys.stdout.write(stdin[0].source.text)
        out = sys.stderr
    if args.statistics:
        if args.output_format == "json":
            import json

            out.write(json.dumps(statistics(result.findings), indent=2) + "\n")
        else:
            out.write(render_statistics(result.findings))
            _print_entry_counts(result.targets, out)
        return
    color = out.isatty() and "NO_COLOR" not in os.environ
    if args.output_format == "text":  # line by line: a million findings are not one string
        _write_text(out, findings, color=color, quiet=args.quiet)
    else:
        out.write(renderer(args.output_format, color=color)(findings))
    if args.fix and fixed and not args.quiet:
        sys.stderr.write(f"Fixed {fixed} problem{'s' * (fixed != 1)}.\n")
    if args.fix and result.held_back and not args.quiet:
        held = result.held_back
        sys.stderr.write(
            f"{held} fix{'es' * (held != 1)} held back: {'they' if held != 1 else 'it'} would "
            "delete text for findings that only the applied fixes brought about; read them and "
            "run --fix again.\n"
        )
    _print_hidden(result.report_filter, args)
    _print_online_summary(result.online, result.targets, args)


def _rules_command(argv: Sequence[str]) -> int:
    parser = _Parser(prog="listlint rules", description="List every rule.")
    parser.add_argument("--output-format", choices=("text", "json", "markdown"), default="text")
    args = parser.parse_args(argv)
    from listlint.rule import all_rules

    rules = all_rules()
    if args.output_format == "markdown":  # docs/rules.md
        sys.stdout.write(_rule_table(rules))
        return EXIT_CLEAN
    if args.output_format == "json":
        import json

        rows = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family,
                "severity": r.severity,
                "fixable": r.fixable,
                "default": r.default,
                "summary": r.summary,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_CLEAN
    sys.stdout.write(f"{'code':<6} {'name':<32} {'family':<11} {'fix':<9} default  summary\n")
    for r in rules:
        fix = "-" if r.fixable == "never" else r.fixable
        sys.stdout.write(
            f"{r.code:<6} {r.name:<32} {r.family:<11} {fix:<9} "
            f"{'on ' if r.default else 'off'}      {r.summary}\n"
        )
    return EXIT_CLEAN


FIX_AVAILABILITY = {
    "never": "no",
    "always": "always, safely (`--fix`)",
    "sometimes": "sometimes (the message says when; `--fix` applies the safe ones)",
    "unsafe": "only unsafely (`--fix --unsafe-fixes`)",
}


def _rule_table(rules: Sequence[Rule]) -> str:
    """Every rule as a Markdown table: docs/rules.md."""
    lines = [
        "# Rules",
        "",
        "Generated by `listlint rules --output-format markdown` (a test keeps it current);",
        "`listlint rule CODE` prints a rule's whole documentation. A rule that is `off` by default",
        "runs only when selected by its code, its name or `ALL`.",
        "",
        "| code | name | severity | fix | default | summary |",
        "|---|---|---|---|---|---|",
    ]
    for rule in rules:
        fix = "" if rule.fixable == "never" else rule.fixable
        summary = rule.summary.replace("|", "\\|")
        default = "on" if rule.default else "off"
        lines.append(
            f"| {rule.code} | {rule.name} | {rule.severity} | {fix} | {default} | {summary} |"
        )
    return "\n".join(lines) + "\n"


def _rule_command(argv: Sequence[str]) -> int:
    parser = _Parser(prog="listlint rule", description="Explain one rule, from its docstring.")
    parser.add_argument("code", metavar="CODE", help="a rule code (LL201) or name")
    args = parser.parse_args(argv)
    from listlint.rule import find_rule

    found = find_rule(args.code)
    if found is None:
        return _fail(f"unknown rule {args.code!r}; run `listlint rules` for the list")
    fixable = FIX_AVAILABILITY[found.fixable]
    header = [
        f"# {found.code} {found.name}",
        "",
        f"Family: {found.family}. Severity: {found.severity}. "
        f"On by default: {'yes' if found.default else 'no'}. Fixable: {fixable}.",
        "",
    ]
    options = [
        f"- `{key}` (default `{schema.get('default')!r}`): {schema.get('description', '')}"
        for key, schema in found.options.items()
    ]
    if options:
        options = ["", f"Options ([tool.listlint.rules.{found.name}]):", *options]
    sys.stdout.write("\n".join([*header, found.doc, *options]) + "\n")
    return EXIT_CLEAN


def _config_command(argv: Sequence[str]) -> int:
    parser = _Parser(prog="listlint config", description="Show configuration facts.")
    parser.add_argument("--schema", action="store_true", help="print the configuration JSON schema")
    args = parser.parse_args(argv)
    if not args.schema:
        parser.print_help()
        return EXIT_CLEAN
    import json

    from listlint.config import schema

    sys.stdout.write(json.dumps(schema(), indent=2) + "\n")
    return EXIT_CLEAN


def _review_command(argv: Sequence[str]) -> int:
    from listlint.github import review

    parser = _Parser(prog="listlint review", description="Review a GitHub pull request.")
    review.add_arguments(parser)
    status: int = review.run(parser.parse_args(argv))
    return status


def _report_issue_command(argv: Sequence[str]) -> int:  # online: the weekly tracking issue
    from listlint.github import issue

    parser = _Parser(
        prog="listlint report-issue",
        description="Keep one GitHub issue up to date with a json report (the scheduled workflow).",
    )
    issue.add_arguments(parser)
    status: int = issue.run(parser.parse_args(argv))
    return status


def _fail(message: str) -> int:
    for line in message.splitlines() or [message]:
        sys.stderr.write(f"listlint: error: {line}\n")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "rules": _rules_command,
        "rule": _rule_command,
        "config": _config_command,
        "review": _review_command,
        "report-issue": _report_issue_command,
    }
    try:
        if arguments and arguments[0] in commands:
            return commands[arguments[0]](arguments[1:])
        return _lint(arguments)
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:
        return EXIT_CLEAN

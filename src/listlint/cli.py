"""The ``listlint`` command line."""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from listlint import __version__

if TYPE_CHECKING:
    from listlint.findings import Finding
    from listlint.lint import LintReport, Target
    from listlint.scope import ReportFilter

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "rule", "config", "review")
MAX_FIX_PASSES = 10

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
        "--cross-file",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="check duplicates across the files of this run (default: the cross-file setting, on)",
    )
    output = parser.add_argument_group("output")
    output.add_argument(
        "--output-format", choices=("text", "json", "sarif", "github"), default="text"
    )
    output.add_argument("--statistics", action="store_true", help="print counts per rule")
    output.add_argument(
        "-q", "--quiet", action="store_true", help="print findings only, no summary"
    )
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    output.add_argument("--stdin-filename", metavar="NAME", help="the name of - in reports")
    output.add_argument(
        "--profile", action="store_true", help="print the time spent in each phase to stderr"
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
    args = lint_parser().parse_args(argv)
    from listlint import profile
    from listlint.config import ConfigError, Selection, check_selection
    from listlint.lint import LintReport, collect, lint_targets

    if args.profile:
        profile.enable()
    # A parse allocates hundreds of thousands of long-lived objects; with the default thresholds
    # the cyclic collector walks them again and again (10% of awesome-go, 25% of 10,000 entries).
    gc.set_threshold(50_000, 20, 100)

    selection = Selection(args.select, args.extend_select or (), args.ignore or ())
    try:
        check_selection(selection)
    except ConfigError as error:
        return _fail(str(error))
    paths = args.paths
    if not paths:
        if not Path("README.md").is_file():
            return _fail("no path given and no README.md here; pass a file or folder")
        paths = ["README.md"]
    if args.stdin_filename and "-" not in paths:
        return _fail("--stdin-filename needs - among the paths")
    if args.fix and "-" in paths:
        return _fail("--fix cannot write to stdin; use --diff")
    if args.changed_since and "-" in paths:
        return _fail("--changed-since needs files from a git work tree, not stdin")
    if args.write_baseline and (args.baseline or args.changed_since or args.fix or args.diff):
        return _fail(
            "--write-baseline records every finding; drop --baseline, --changed-since, --fix"
            " and --diff"
        )
    report = LintReport()
    with profile.phase("read"):
        targets = collect(
            paths,
            config=args.config,
            isolated=args.no_config,
            selection=selection,
            stdin_filename=args.stdin_filename,
            report=report,
        )
    from listlint.scope import PartialRunError, ReportFilter, context_targets

    context = context_targets(
        targets,
        args.cross_file_scope or (),
        config=args.config,
        isolated=args.no_config,
        selection=selection,
        report=report,
    )
    if args.cross_file is not None:
        for target in [*context, *targets]:
            target.config = replace(
                target.config, data={**target.config.data, "cross-file": args.cross_file}
            )
    try:
        shown = ReportFilter(targets, changed_since=args.changed_since, baseline=args.baseline)
    except PartialRunError as problem:
        return _fail(str(problem))

    def relint() -> list[Finding]:
        return shown(lint_targets([*context, *targets]))

    findings = relint()
    if args.write_baseline:
        return _write_baseline(Path(args.write_baseline), findings, targets, report)
    fixed_count = 0
    if args.fix or args.diff:
        findings, fixed_count = _fix(targets, findings, args, report, relint)
    for message in report.errors:
        sys.stderr.write(f"listlint: error: {message}\n")
    if targets or not report.errors:
        with profile.phase("report"):
            _print(findings, args, fixed_count)
            if args.statistics and not args.diff:  # entries per file, for the entry rules' reader
                _print_entry_counts(targets)
            _print_hidden(shown, args)
    if args.profile:
        sys.stderr.write(profile.render())
    if report.errors:
        return EXIT_ERROR
    if args.diff and fixed_count:
        return EXIT_FINDINGS
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_CLEAN


def _write_baseline(
    path: Path, findings: list[Finding], targets: list[Target], report: LintReport
) -> int:
    """``--write-baseline``: record the findings; exit 0 unless a file could not be read."""
    from listlint.baseline import BaselineError, write_baseline

    for message in report.errors:
        sys.stderr.write(f"listlint: error: {message}\n")
    try:
        write_baseline(path, findings, {t.source.path: t.source.text for t in targets})
    except BaselineError as problem:
        return _fail(str(problem))
    sys.stderr.write(f"Wrote {len(findings)} finding{'s' * (len(findings) != 1)} to {path}.\n")
    return EXIT_ERROR if report.errors else EXIT_CLEAN


def _print_entry_counts(targets: list[Target]) -> None:
    from listlint.model.entries import count_styles
    from listlint.reporters.text import render_entry_counts

    counts = {t.source.path: count_styles(t.document.entries) for t in targets if t.document}
    sys.stdout.write(render_entry_counts(counts))


def _print_hidden(shown: ReportFilter, args: argparse.Namespace) -> None:
    """Say on stderr how many findings the baseline and --changed-since kept out of the report."""
    if args.quiet or args.output_format != "text" or args.diff:
        return
    for count, why in (
        (shown.hidden_by_baseline, f"in the baseline {args.baseline}"),
        (shown.hidden_as_unchanged, f"on lines unchanged since {args.changed_since}"),
    ):
        if count:
            sys.stderr.write(f"{count} finding{'s' * (count != 1)} {why} not shown.\n")


def _fix(
    targets: list[Target],
    findings: list[Finding],
    args: argparse.Namespace,
    report: LintReport,
    relint: Callable[[], list[Finding]],
) -> tuple[list[Finding], int]:
    """Apply fixes pass after pass until nothing changes; write or diff the results."""
    from listlint.fix import apply_fixes, held_back, reported, write_atomically
    from listlint.profile import phase
    from listlint.source import Source

    originals = {t.source.path: t.source.text for t in targets}
    shown = {
        path: reported(text, [f for f in findings if f.path == path])
        for path, text in originals.items()
    }
    unfixed = findings
    fixed_per_path: dict[str, int] = {}
    for number in range(MAX_FIX_PASSES):
        changed = False
        for target in targets:
            mine = [f for f in findings if f.path == target.source.path]
            with phase("fix"):
                text, fixed = apply_fixes(
                    target.source.text,
                    mine,
                    unsafe=args.unsafe_fixes,
                    shown=shown[target.source.path] if number else None,
                )
            if fixed and text != target.source.text:
                target.source = Source(target.source.path, text, target.source.bom)
                path = target.source.path
                fixed_per_path[path] = fixed_per_path.get(path, 0) + len(fixed)
                changed = True
        if not changed:
            break
        findings = relint()
    eligible = [f for f in findings if f.fix and (f.fix.safe or args.unsafe_fixes)]
    held = 0
    for target in targets:
        path = target.source.path
        if target.source.text != originals[path]:
            mine = [f for f in eligible if f.path == path]
            held += len(held_back(target.source.text, mine, shown[path]))
    if held and not args.quiet:
        sys.stderr.write(
            f"{held} fix{'es' * (held != 1)} held back: {'they' if held != 1 else 'it'} would "
            "delete text for findings that only the applied fixes brought about; read them and "
            "run --fix again.\n"
        )
    for target in targets:
        path, text = target.source.path, target.source.text
        if text == originals[path]:
            continue
        if args.diff:
            sys.stdout.write(_unified_diff(path, originals[path], text))
        else:
            try:
                write_atomically(Path(path), text, target.source.bom, originals[path])
            except OSError as failure:
                report.errors.append(f"{path}: cannot write fixes: {failure.strerror or failure}")
                # Nothing was fixed in that file after all: report what it still has.
                fixed_per_path.pop(path, None)
                findings = [f for f in findings if f.path != path]
                findings += [f for f in unfixed if f.path == path]
    findings.sort(key=lambda f: f.sort_key)
    return findings, sum(fixed_per_path.values())


def _patch_lines(text: str) -> list[str]:
    """Lines as ``patch`` and ``git apply`` count them: ended by LF only (a CR stays inside)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _unified_diff(path: str, before: str, after: str) -> str:
    """A patch that ``patch -p1`` or ``git apply`` applies to ``before`` to give ``after``."""
    lines = difflib.unified_diff(
        _patch_lines(before), _patch_lines(after), fromfile=f"a/{path}", tofile=f"b/{path}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _print(findings: list[Finding], args: argparse.Namespace, fixed_count: int) -> None:
    from listlint.reporters import renderer
    from listlint.reporters.text import render_statistics

    if args.diff:
        if not args.quiet:
            sys.stderr.write(f"Would fix {fixed_count} problem{'s' * (fixed_count != 1)}.\n")
        return
    if args.statistics:
        sys.stdout.write(render_statistics(findings))
        return
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    output = renderer(args.output_format, color=color)(findings)
    if args.output_format == "text" and args.quiet:
        output = "".join(line + "\n" for line in output.splitlines()[:-1])
    sys.stdout.write(output)
    if args.fix and fixed_count and not args.quiet:
        sys.stderr.write(f"Fixed {fixed_count} problem{'s' * (fixed_count != 1)}.\n")


def _rules_command(argv: Sequence[str]) -> int:
    parser = _Parser(prog="listlint rules", description="List every rule.")
    parser.add_argument("--output-format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    from listlint.rule import all_rules

    rules = all_rules()
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


def _fail(message: str) -> int:
    sys.stderr.write(f"listlint: error: {message}\n")
    return EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "rules": _rules_command,
        "rule": _rule_command,
        "config": _config_command,
        "review": _review_command,
    }
    try:
        if arguments and arguments[0] in commands:
            return commands[arguments[0]](arguments[1:])
        return _lint(arguments)
    except KeyboardInterrupt:
        return _fail("interrupted")
    except BrokenPipeError:
        return EXIT_CLEAN

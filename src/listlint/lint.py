"""Linting: files in, findings out. Parse once, run the rules, apply suppressions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from listlint.config import (
    Config,
    ConfigError,
    Selection,
    cached_config,
    discover_config,
    forget_configs,
)
from listlint.document import Document, parse_document
from listlint.findings import Finding
from listlint.profile import phase
from listlint.rule import Context, DocumentCheck, Problem, ProjectCheck, Rule, find_rule
from listlint.source import InputError, Source, read_source, read_stdin
from listlint.suppress import apply_suppressions

if TYPE_CHECKING:  # online
    from listlint.online.facts import OnlineFacts

# online: called with the parsed documents before the rules run (--online; listlint.online.run)
OnlineStep = Callable[[Sequence[Document]], "OnlineFacts"]

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRECTORIES = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__"})


@dataclass
class LintReport:
    """Everything one run found."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


@dataclass
class Target:
    """One file to lint, with its configuration and (once read) its parsed document."""

    source: Source
    config: Config
    rules: list[Rule]
    document: Document | None = None


def finding(doc: Document, rule: Rule, problem: Problem) -> Finding:
    """A rule's problem as a reportable finding."""
    span = problem.span
    return Finding(
        path=doc.path,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        code=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=problem.message,
        fix=problem.fix,
    )


def _context(rule: Rule, config: Config, online: OnlineFacts | None = None) -> Context:
    return Context(config.options(rule), config.settings(), online)


def check_documents(targets: Sequence[Target], online: OnlineFacts | None = None) -> list[Finding]:
    """Run every enabled rule over parsed targets, project rules across them, then suppressions."""
    per_path: dict[str, list[Finding]] = {}
    for target in targets:
        doc = target.document
        assert doc is not None
        found = per_path.setdefault(doc.path, [])
        for rule in target.rules:
            if rule.scope == "document":
                check: DocumentCheck = rule.check  # type: ignore[assignment]
                with phase(f"rules: {rule.family}"):
                    context = _context(rule, target.config, online)
                    found.extend(finding(doc, rule, p) for p in check(doc, context))
    for group in _project_groups(targets):
        rules = {r.code: r for t in group for r in t.rules if r.scope == "project"}
        for rule in rules.values():
            members = [t for t in group if rule in t.rules]
            docs = [t.document for t in members if t.document is not None]
            project_check: ProjectCheck = rule.check  # type: ignore[assignment]
            with phase(f"rules: {rule.family}"):
                for doc, problem in project_check(docs, _context(rule, members[0].config)):
                    per_path[doc.path].append(finding(doc, rule, problem))
    results: list[Finding] = []
    with phase("suppressions"):
        for target in targets:
            assert target.document is not None
            results.extend(_suppressed(target, per_path[target.document.path]))
    return sorted(results, key=lambda f: f.sort_key)


def _project_groups(targets: Sequence[Target]) -> list[list[Target]]:
    """Targets checked together by project rules: all of them, or each alone without cross-file."""
    together = [t for t in targets if t.config.cross_file]
    alone = [[t] for t in targets if not t.config.cross_file]
    return ([together] if together else []) + alone


def _suppressed(target: Target, found: list[Finding]) -> list[Finding]:
    doc = target.document
    assert doc is not None
    kept, directives = apply_suppressions(doc, found)
    enabled = {r.code for r in target.rules}
    unused, unknown = find_rule("LL590"), find_rule("LL591")
    for directive in directives:
        span = directive.span
        if unknown and unknown.code in enabled and directive.unknown:
            names = ", ".join(directive.unknown)
            message = (
                f"suppression names no known rule: {names}; run `listlint rules` for the codes"
            )
            kept.append(finding(doc, unknown, Problem(span, message)))
        elif unused and unused.code in enabled and directive.kind != "enable":
            named = directive.codes if directive.codes is not None else {"*"}
            idle = (
                sorted(c for c in named if c in enabled or c == "*") if not directive.used else []
            )
            if idle and not directive.unknown:
                what = ", ".join(directive.selectors) or "every rule"
                message = f"`listlint-{directive.kind} {what}` suppresses nothing here; remove it"
                kept.append(finding(doc, unused, Problem(span, message)))
    return kept


def markdown_files(directory: Path, config: Config) -> Iterator[Path]:
    """Regular Markdown files below ``directory`` minus excluded paths; no folder links followed."""
    for root, folders, files in os.walk(directory):
        here = Path(root)
        folders[:] = sorted(
            f for f in folders if f not in SKIPPED_DIRECTORIES and not config.excluded(here / f)
        )
        for name in sorted(files):
            path = here / name
            # only regular files: a FIFO would block the reader, a broken or looping link fails
            markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
            if markdown and path.is_file() and not config.excluded(path):
                yield path


def _config_for(path: Path, config_path: str | None, isolated: bool) -> Config:
    if isolated:
        return Config()
    if config_path:
        return cached_config(Path(config_path).resolve())
    return discover_config(path)


def collect(
    paths: Sequence[str],
    *,
    config: str | None = None,
    isolated: bool = False,
    selection: Selection | None = None,
    stdin_filename: str | None = None,
    report: LintReport,
) -> list[Target]:
    """Read every file named (folders walked, ``-`` for stdin); errors go to ``report``."""
    selection = selection or Selection()
    forget_configs()
    targets: list[Target] = []
    for name in paths:
        path = Path(stdin_filename or "stdin.md") if name == "-" else Path(name)
        try:
            cfg = _config_for(path if name != "-" else Path.cwd(), config, isolated)
            if name == "-":
                sources = [read_stdin(stdin_filename or "-", cfg.max_file_size)]
            elif path.is_dir():
                files = list(markdown_files(path, cfg))
                if not files:
                    raise InputError(f"{name}: directory has no Markdown files (*.md, *.markdown)")
                sources = []
                for file in files:
                    try:
                        sources.append(read_source(file, cfg.max_file_size))
                    except InputError as error:
                        report.errors.append(str(error))
            else:
                if not path.exists() and not path.is_symlink():
                    raise InputError(f"{name}: no such file or directory")
                sources = [read_source(path, cfg.max_file_size)]
        except (InputError, ConfigError) as error:
            report.errors.append(str(error))
            continue
        for source in sources:
            try:
                file_config = (
                    cfg if name == "-" else _config_for(Path(source.path), config, isolated)
                )
                rules = file_config.enabled_rules(selection, Path(source.path))
            except ConfigError as error:
                report.errors.append(str(error))
                continue
            targets.append(Target(source, file_config, rules))
    return targets


def lint_targets(targets: Sequence[Target], online: OnlineStep | None = None) -> list[Finding]:
    """Parse each target (once) and check them all together (``online``: --online's step)."""
    for target in targets:
        target.document = parse_document(target.source.text, target.source.path)
    facts = online([t.document for t in targets if t.document]) if online else None  # online
    return check_documents(targets, facts)


def lint_paths(
    paths: Sequence[str],
    *,
    config: str | None = None,
    isolated: bool = False,
    selection: Selection | None = None,
    stdin_filename: str | None = None,
    online: OnlineStep | None = None,
) -> LintReport:
    """Lint files and folders; the library entry point behind the command line."""
    report = LintReport()
    targets = collect(
        paths,
        config=config,
        isolated=isolated,
        selection=selection,
        stdin_filename=stdin_filename,
        report=report,
    )
    report.findings = lint_targets(targets, online)
    report.sources = {t.source.path: t.source.text for t in targets}
    return report

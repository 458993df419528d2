"""Checking: parse each file once, run the rules on it (and across files), apply suppressions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from msgspec import Struct

from listlint.config import Config
from listlint.facts import DocumentFacts, ProjectFacts
from listlint.findings import Finding
from listlint.model.document import Document, parse_document
from listlint.profile import phase
from listlint.rule import (
    Context,
    DocumentRule,
    Problem,
    ProjectContext,
    ProjectRule,
    Rule,
    SuppressionContext,
    SuppressionRule,
)
from listlint.source import Source
from listlint.suppress import apply_suppressions

if TYPE_CHECKING:
    from listlint.changes import Change
    from listlint.online.facts import OnlineFacts

# Called with the parsed documents before the rules run (--online: listlint.online.run).
OnlineStep = Callable[[Sequence[Document]], "OnlineFacts"]


class Target(Struct):
    """One file to lint, with its configuration and (once read) its parsed document."""

    source: Source
    config: Config
    rules: list[Rule]
    document: Document | None = None
    stdin: bool = False  # read from standard input: fixes are printed, never written


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


def check_documents(
    targets: Sequence[Target], online: OnlineFacts | None = None, change: Change | None = None
) -> list[Finding]:
    """Run every enabled rule over parsed targets, project rules across them, then suppressions
    (``online``: what an --online run learnt about the links, for the LL6xx rules; ``change``:
    the run's change, for the LL7xx rules)."""
    per_path: dict[str, list[Finding]] = {}
    document_facts: dict[str, DocumentFacts] = {}
    for target in targets:
        doc = target.document
        assert doc is not None
        found = per_path.setdefault(doc.path, [])
        own = change.files.get(doc.path) if change else None
        facts = document_facts[doc.path] = DocumentFacts(doc, target.config.settings(), own)
        for rule in target.rules:
            if isinstance(rule, DocumentRule):
                with phase(f"rules: {rule.family}"):
                    context = Context(target.config.options(rule), facts.settings, facts, online)
                    found.extend(finding(doc, rule, p) for p in rule.check(doc, context))
    for group in _project_groups(targets):
        rules = {r.code: r for t in group for r in t.rules if isinstance(r, ProjectRule)}
        shared: list[ProjectFacts] = []  # the rules of a group mostly read the same documents
        for rule in rules.values():
            members = [t for t in group if rule in t.rules]
            docs = [t.document for t in members if t.document is not None]
            settings = members[0].config.settings()
            project_facts = next(
                (f for f in shared if f.documents == docs and f.settings == settings), None
            )
            if project_facts is None:
                project_facts = ProjectFacts(docs, settings, change, document_facts)
                shared.append(project_facts)
            project = ProjectContext(members[0].config.options(rule), settings, project_facts)
            with phase(f"rules: {rule.family}"):
                for doc, problem in rule.check(project):
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
    """The findings no suppression comment hides, and the suppression rules' own findings."""
    doc = target.document
    assert doc is not None
    kept, directives = apply_suppressions(doc, found)
    context = SuppressionContext(frozenset(r.code for r in target.rules))
    for rule in target.rules:
        if isinstance(rule, SuppressionRule):
            kept.extend(finding(doc, rule, p) for p in rule.check(directives, context))
    return kept


def lint_targets(
    targets: Sequence[Target], online: OnlineStep | None = None, change: Change | None = None
) -> list[Finding]:
    """Parse each target (once) and check them all together; ``online`` (--online) learns about
    the links of the parsed documents before the rules run; ``change`` is the run's change."""
    for target in targets:
        target.document = parse_document(target.source.text, target.source.path)
    facts = online([t.document for t in targets if t.document]) if online else None
    return check_documents(targets, facts, change)

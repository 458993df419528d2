"""Suppression comments: ``<!-- listlint-disable CODE -->`` and friends."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from listlint.document import Document
from listlint.findings import Finding, Span
from listlint.rule import matching_rules

_DIRECTIVE = re.compile(
    r"^\s*listlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*)$"
)


@dataclass
class Directive:
    """One suppression comment; ``codes`` None means every rule."""

    kind: str
    selectors: tuple[str, ...]
    span: Span
    codes: frozenset[str] | None
    unknown: tuple[str, ...]
    used: set[str] = field(default_factory=set)

    def covers(self, finding: Finding) -> bool:
        """Whether this directive names the finding's rule."""
        return self.codes is None or finding.code in self.codes


def directives(doc: Document) -> list[Directive]:
    """Every suppression comment of the document, in order."""
    found = []
    for comment in doc.comments:
        match = _DIRECTIVE.match(comment.text)
        if not match:
            continue
        selectors = tuple(s for s in re.split(r"[\s,]+", match.group(2).strip()) if s)
        codes: set[str] = set()
        unknown = []
        for selector in selectors:
            rules = matching_rules(selector)
            codes.update(r.code for r in rules)
            if not rules:
                unknown.append(selector)
        found.append(
            Directive(
                match.group(1),
                selectors,
                comment.span,
                frozenset(codes) if selectors else None,
                tuple(unknown),
            )
        )
    return found


def _active(
    directive: Directive, finding: Finding, ranges: Sequence[tuple[Directive, int, int]]
) -> bool:
    line = finding.line
    if directive.kind == "disable-line":
        return directive.span.line == line
    if directive.kind == "disable-next-line":
        return directive.span.end_line + 1 == line
    if directive.kind == "disable-file":
        return True
    return any(d is directive and start <= line <= end for d, start, end in ranges)


def _ranges(found: Sequence[Directive], last_line: int) -> list[tuple[Directive, int, int]]:
    """Line ranges of block ``disable`` comments, each closed by a matching ``enable``."""
    ranges = []
    for index, directive in enumerate(found):
        if directive.kind != "disable":
            continue
        end = last_line
        for later in found[index + 1 :]:
            if later.kind == "enable" and (
                later.codes is None or directive.codes is None or directive.codes & later.codes
            ):
                end = later.span.line
                break
        ranges.append((directive, directive.span.line, end))
    return ranges


def apply_suppressions(
    doc: Document, findings: Iterable[Finding]
) -> tuple[list[Finding], list[Directive]]:
    """Drop suppressed findings; return the rest and the document's directives (with usage)."""
    found = directives(doc)
    if not found:
        return list(findings), found
    ranges = _ranges(found, len(doc.lines) + 1)
    kept = []
    for finding in findings:
        suppressed = False
        for directive in found:
            if (
                directive.kind != "enable"
                and directive.covers(finding)
                and _active(directive, finding, ranges)
            ):
                directive.used.add(finding.code)
                suppressed = True
        if not suppressed:
            kept.append(finding)
    return kept, found

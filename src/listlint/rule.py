"""Rules: metadata, the decorators that register them, and the problems they report.

There are three kinds, by what they read: a document rule reads one document (and its facts), a
project rule compares the documents of a run (duplicates across files), and a suppression rule
reads the suppression comments the engine applied (unused or unknown ones).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from msgspec import Struct

from listlint.findings import Fix, Severity, Span

if TYPE_CHECKING:
    from listlint.facts import DocumentFacts, ProjectFacts
    from listlint.model.document import Document
    from listlint.online.facts import OnlineFacts
    from listlint.suppress import Directive

FAMILIES: Mapping[str, str] = {
    "LL1": "links",
    "LL2": "anchors",
    "LL3": "entries",
    "LL4": "duplicates",
    "LL5": "structure",
    "LL6": "online",  # checks that need --online
    "LL7": "contribution",  # checks of a change: --changed-since, listlint review
}

# Whether a rule's findings come with a fix: "always" a safe one, "sometimes" (a safe one for some
# findings, an unsafe or no fix for others), only "unsafe" ones (applied with --unsafe-fixes), or
# "never".
FixAvailability = Literal["never", "always", "sometimes", "unsafe"]


class Problem(Struct, frozen=True):
    """What a rule reports: where, what, and optionally how to fix it."""

    span: Span
    message: str
    fix: Fix | None = None


class Context(Struct, frozen=True):
    """What a document rule reads besides the document: its options, the family settings of the
    configuration, the facts of the document shared by every rule, and what ``--online`` learnt
    about the links of the run (None offline)."""

    options: Mapping[str, Any]
    settings: Mapping[str, Any]
    facts: DocumentFacts
    online: OnlineFacts | None = None


class ProjectContext(Struct, frozen=True):
    """What a project rule reads: its options, the settings and the documents' shared facts."""

    options: Mapping[str, Any]
    settings: Mapping[str, Any]
    project: ProjectFacts


class SuppressionContext(Struct, frozen=True):
    """What a suppression rule reads: the codes of the rules that ran on the document."""

    enabled: frozenset[str]


DocumentCheck = Callable[["Document", Context], Iterable[Problem]]
ProjectCheck = Callable[[ProjectContext], Iterable[tuple["Document", Problem]]]
SuppressionCheck = Callable[[Sequence["Directive"], SuppressionContext], Iterable[Problem]]
CheckT = TypeVar("CheckT", DocumentCheck, ProjectCheck, SuppressionCheck)


class Rule(Struct, frozen=True, kw_only=True):
    """A rule's metadata; ``doc`` (its check's docstring) is what ``listlint rule`` prints."""

    code: str
    name: str
    severity: Severity
    default: bool
    fixable: FixAvailability
    tags: tuple[str, ...]
    options: Mapping[str, Any]  # JSON Schema properties of the rule's options, with defaults
    doc: str = ""

    @property
    def family(self) -> str:
        """The family name, from the code's first digit."""
        return FAMILIES[self.code[:3]]

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""

    def defaults(self) -> dict[str, Any]:
        """The default value of every option."""
        return {key: schema["default"] for key, schema in self.options.items()}


class DocumentRule(Rule, frozen=True, kw_only=True):
    """A rule that checks one document at a time."""

    check: DocumentCheck


class ProjectRule(Rule, frozen=True, kw_only=True):
    """A rule that compares the documents of a run (all of them, or each file alone)."""

    check: ProjectCheck


class SuppressionRule(Rule, frozen=True, kw_only=True):
    """A rule about the suppression comments themselves, run after they are applied."""

    check: SuppressionCheck


_REGISTRY: dict[str, Rule] = {}


def _registrar(
    kind: Callable[..., Rule], code: str, name: str, **metadata: Any
) -> Callable[[CheckT], CheckT]:
    def register(check: CheckT) -> CheckT:
        if code in _REGISTRY or any(r.name == name for r in _REGISTRY.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        _REGISTRY[code] = kind(
            code=code, name=name, check=check, doc=inspect.cleandoc(check.__doc__ or ""), **metadata
        )
        return check

    return register


def rule(
    code: str,
    name: str,
    *,
    severity: Severity = "error",
    default: bool = True,
    fixable: FixAvailability = "never",
    tags: tuple[str, ...] = (),
    options: Mapping[str, Any] | None = None,
) -> Callable[[DocumentCheck], DocumentCheck]:
    """Register the decorated function as document rule ``code``; its docstring documents it."""
    return _registrar(
        DocumentRule,
        code,
        name,
        severity=severity,
        default=default,
        fixable=fixable,
        tags=tags,
        options=options or {},
    )


def project_rule(
    code: str,
    name: str,
    *,
    severity: Severity = "error",
    default: bool = True,
    tags: tuple[str, ...] = (),
    options: Mapping[str, Any] | None = None,
) -> Callable[[ProjectCheck], ProjectCheck]:
    """Register the decorated function as project rule ``code`` (reports no fixes)."""
    return _registrar(
        ProjectRule,
        code,
        name,
        severity=severity,
        default=default,
        fixable="never",
        tags=tags,
        options=options or {},
    )


def suppression_rule(
    code: str, name: str, *, severity: Severity = "warning", tags: tuple[str, ...] = ()
) -> Callable[[SuppressionCheck], SuppressionCheck]:
    """Register the decorated function as suppression rule ``code``."""
    return _registrar(
        SuppressionRule,
        code,
        name,
        severity=severity,
        default=True,
        fixable="never",
        tags=tags,
        options={},
    )


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, in code order. Imports each module of ``listlint.rules`` once."""
    from listlint import rules

    for module in pkgutil.iter_modules(rules.__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{rules.__name__}.{module.name}")
    return tuple(sorted(_REGISTRY.values(), key=lambda r: r.code))


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code (any case) or name."""
    wanted = code_or_name.strip()
    for candidate in all_rules():
        if candidate.code == wanted.upper() or candidate.name == wanted.lower():
            return candidate
    return None


def matching_rules(selector: str) -> list[Rule]:
    """Rules matched by a code, a code prefix (``LL2``, ``LL20``), a family, a name or ``ALL``."""
    wanted = selector.strip()
    upper, lower = wanted.upper(), wanted.lower()
    if upper == "ALL":
        return list(all_rules())
    return [
        r
        for r in all_rules()
        if (upper.startswith("LL") and r.code.startswith(upper))
        or r.name == lower
        or r.family == lower
    ]

"""Rules: metadata, the ``@rule`` decorator that registers them, and the problems they report."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from listlint.document import Document
from listlint.findings import Fix, Severity, Span

if TYPE_CHECKING:  # online: never imported by an offline run
    from listlint.online.facts import OnlineFacts

FAMILIES: Mapping[str, str] = {
    "LL1": "links",
    "LL2": "anchors",
    "LL3": "entries",
    "LL4": "duplicates",
    "LL5": "structure",
    "LL6": "online",  # online: checks that need --online
}


@dataclass(frozen=True)
class Problem:
    """What a rule reports: where, what, and optionally how to fix it."""

    span: Span
    message: str
    fix: Fix | None = None


@dataclass(frozen=True)
class Context:
    """What a rule may read besides the Document: its own options and the run's settings.

    ``online``: what ``--online`` learnt about the links (LL6xx rules); None in offline runs.
    """

    options: Mapping[str, Any]
    settings: Mapping[str, Any]
    online: OnlineFacts | None = None  # online


DocumentCheck = Callable[[Document, Context], Iterable[Problem]]
ProjectCheck = Callable[[Sequence[Document], Context], Iterable[tuple[Document, Problem]]]


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check function."""

    code: str
    name: str
    severity: Severity
    default: bool
    fixable: bool
    tags: tuple[str, ...]
    options: Mapping[str, Any]  # JSON Schema properties of the rule's options, with defaults
    check: DocumentCheck | ProjectCheck
    scope: Literal["document", "project", "meta"] = "document"
    doc: str = field(default="", compare=False)

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


_REGISTRY: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    severity: Severity = "error",
    default: bool = True,
    fixable: bool = False,
    tags: tuple[str, ...] = (),
    options: Mapping[str, Any] | None = None,
    scope: Literal["document", "project", "meta"] = "document",
) -> Callable[[Any], Any]:
    """Register the decorated function as rule ``code``; its docstring is the documentation."""

    def register(check: Any) -> Any:
        if code in _REGISTRY or any(r.name == name for r in _REGISTRY.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            severity=severity,
            default=default,
            fixable=fixable,
            tags=tags,
            options=options or {},
            check=check,
            scope=scope,
            doc=inspect.cleandoc(check.__doc__ or ""),
        )
        return check

    return register


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

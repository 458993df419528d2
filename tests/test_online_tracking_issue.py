"""``listlint report-issue``: one tracking issue, opened once, edited in place, closed if clean."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from github_emulator import Emulator, serve

from listlint.cli import main
from listlint.findings import Finding
from listlint.github.tracking import MARKER
from listlint.reporters.json import finding_to_dict

SHA = "c" * 40


def finding(line: int, code: str = "LL601", severity: str = "error", message: str = "") -> Finding:
    names = {"LL601": "dead-link", "LL602": "permanent-redirect", "LL603": "unverified-link"}
    return Finding(
        path="README.md",
        line=line,
        column=3,
        end_line=line,
        end_column=30,
        code=code,
        name=names[code],
        severity=severity,  # type: ignore[arg-type]
        message=message or f"dead link `https://example.org/{line}`: 404 Not Found",
    )


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    with serve(Emulator()) as emulator:
        for name, value in {
            "GITHUB_API_URL": emulator.base_url,
            "GITHUB_REPOSITORY": emulator.repository,
            "GITHUB_TOKEN": emulator.token,
            "GITHUB_SERVER_URL": "https://github.example",
            "GITHUB_SHA": SHA,
            "GITHUB_RUN_ID": "99",
        }.items():
            monkeypatch.setenv(name, value)
        yield emulator


def report(tmp_path: Path, *findings: Finding) -> str:
    path = tmp_path / "report.json"
    path.write_text(json.dumps([finding_to_dict(f) for f in findings]))
    return str(path)


def post(tmp_path: Path, *findings: Finding) -> int:
    return main(["report-issue", report(tmp_path, *findings), "--backoff", "0.001"])


def writes(github: Emulator) -> list[tuple[str, str]]:
    return [(method, path) for method, path in github.requests if method != "GET"]


def test_the_first_report_opens_one_labelled_issue(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    unverified = finding(9, "LL603", "info", "`https://x.org` could not be verified: 403")
    assert post(tmp_path, finding(7), finding(8, "LL602", "warning", "moved"), unverified) == 0
    (issue,) = github.issues
    assert capsys.readouterr().out == f"listlint report-issue: opened #{issue['number']}.\n"
    assert issue["title"] == "Link and list health (listlint)"
    assert [label["name"] for label in issue["labels"]] == ["listlint"]
    body = issue["body"]
    assert body.startswith(MARKER)
    assert "[listlint's run](https://github.example/octo/awesome/actions/runs/99)" in body
    assert "found 2 problems (1 error, 1 warning) and 1 link it could not verify" in body
    blob = f"https://github.example/octo/awesome/blob/{SHA}/README.md#L7"
    assert f"### LL601 dead-link (1)\n\n- [README.md:7]({blob}) dead link \\`https:" in body
    assert body.index("## Errors") < body.index("## Warnings") < body.index("## Could not")


def test_later_reports_edit_the_same_issue_in_place(github: Emulator, tmp_path: Path) -> None:
    post(tmp_path, finding(7))
    post(tmp_path, finding(7), finding(12))
    (issue,) = github.issues
    assert "README.md:12" in issue["body"]
    number = issue["number"]
    assert writes(github) == [("POST", "/repos/octo/awesome/issues"),
                              ("PATCH", f"/repos/octo/awesome/issues/{number}")]  # fmt: skip


def test_a_clean_report_closes_the_issue_and_new_problems_reopen_it(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    post(tmp_path, finding(7))
    post(tmp_path)
    (issue,) = github.issues
    assert (issue["state"], issue["state_reason"]) == ("closed", "completed")
    assert "found nothing to report" in issue["body"]
    post(tmp_path, finding(8))
    assert len(github.issues) == 1 and issue["state"] == "open"
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"reopened #{issue['number']}.")


def test_a_clean_report_opens_nothing(github: Emulator, tmp_path: Path) -> None:
    assert post(tmp_path) == 0
    assert github.issues == [] and writes(github) == []


def test_someone_elses_issue_with_the_marker_is_not_ours(github: Emulator, tmp_path: Path) -> None:
    theirs = github.issue_as({"login": "mallory", "type": "User"}, MARKER, ["listlint"])
    post(tmp_path, finding(7))
    assert len(github.issues) == 2 and theirs["body"] == MARKER


def test_the_body_stays_under_githubs_limit(github: Emulator, tmp_path: Path) -> None:
    post(tmp_path, *(finding(line) for line in range(1, 5001)))
    (issue,) = github.issues
    assert len(issue["body"]) <= 65_536
    assert issue["body"].rstrip().endswith("more findings that did not fit here.")


def test_list_content_cannot_mention_anyone(github: Emulator, tmp_path: Path) -> None:
    post(tmp_path, finding(7, message="dead link `https://x.org/@octocat` <b>"))
    body = github.issues[0]["body"]
    assert "@octocat" not in body and "<b>" not in body


def test_a_file_that_is_no_report_is_one_line_and_exit_2(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.json"
    path.write_text('{"not": "a report"}')
    assert main(["report-issue", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"listlint report-issue: error: report {path} is not a listlint json")
    assert github.requests == []


WORKFLOW = Path(__file__).resolve().parents[1] / "docs/workflows/listlint-health.yml"


def test_the_weekly_workflow_runs_the_documented_commands() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"schedule", "workflow_dispatch"}  # `on` reads as True
    assert workflow["permissions"] == {"contents": "read", "issues": "write"}
    runs = [step.get("run", "") for step in workflow["jobs"]["health"]["steps"]]
    assert (
        "listlint --online --exit-zero --output-format json README.md > listlint-report.json"
        in runs
    )
    assert "listlint report-issue listlint-report.json" in runs

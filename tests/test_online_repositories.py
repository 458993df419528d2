"""Repository facts (LL610-LL616) from the emulated GitHub GraphQL API, through PyGithub."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from github_emulator import Emulator, serve

from listlint.cli import main

NOW = datetime.now(timezone.utc)


def ago(days: int) -> str:
    return (NOW - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def github(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Emulator]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with serve(Emulator()) as emulator:
        emulator.add_project("octo/alive")
        emulator.add_project("octo/old", archived=True)
        emulator.add_project("octo/after", renamed_from="octo/before")
        emulator.add_project("octo/quiet", last_commit=ago(800))
        emulator.add_project("octo/empty", last_commit=None)
        emulator.add_project("octo/new", created=ago(5))
        emulator.add_project("octo/unlicensed", license=None)
        emulator.add_project("octo/obscure", stars=2)
        monkeypatch.setenv("GITHUB_TOKEN", emulator.token)
        monkeypatch.setenv("GITHUB_API_URL", emulator.base_url)
        monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
        yield emulator


def graphql_requests(github: Emulator) -> int:
    return sum(path.endswith("graphql") for _, path in github.requests)


def write_list(tmp_path: Path, *names: str, host: str = "github.com") -> Path:
    entries = "".join(f"- [{n.split('/')[1]}](https://{host}/{n}) - A project.\n" for n in names)
    path = tmp_path / "README.md"
    path.write_text(f"# Awesome\n\n## Projects\n\n{entries}", encoding="utf-8")
    return path


def findings(tmp_path: Path, capsys: pytest.CaptureFixture[str], *names: str) -> list[str]:
    path = write_list(tmp_path, *names)
    main(
        [
            "--online",
            "--select",
            "LL6,LL613,LL614,LL615,LL616",
            "--output-format",
            "json",
            str(path),
        ]
    )
    return [f"{f['code']} {f['message']}" for f in json.loads(capsys.readouterr().out)]


def test_each_fact_is_reported_by_its_rule(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = ["alive", "old", "before", "missing", "quiet", "empty", "new", "unlicensed", "obscure"]
    found = findings(tmp_path, capsys, *(f"octo/{name}" for name in names))
    assert found == [
        "LL612 GitHub repository `octo/old` is archived",
        "LL611 GitHub repository `octo/before` is now `octo/after`",
        "LL610 GitHub repository `octo/missing` does not exist",
        f"LL613 GitHub repository `octo/quiet`: no commit for 800 days "
        f"(last {ago(800)[:10]}; limit 365)",
        "LL613 GitHub repository `octo/empty` has no commit",
        f"LL614 GitHub repository `octo/new` was created 5 days ago ({ago(5)[:10]}; at least 30 "
        "wanted)",
        "LL615 GitHub repository `octo/unlicensed` has no license",
        "LL616 GitHub repository `octo/obscure` has 2 stars (at least 10 wanted)",
    ]
    assert graphql_requests(github) == 1  # nine repositories, one query


def test_fifty_repositories_a_request(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in range(120):
        github.add_project(f"many/p{number}")
    assert findings(tmp_path, capsys, *(f"many/p{n}" for n in range(120))) == []
    assert graphql_requests(github) == 3


def test_a_second_run_asks_only_about_repositories_that_were_missing(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings(tmp_path, capsys, "octo/alive", "octo/old", "octo/missing")
    assert graphql_requests(github) == 1
    again = findings(tmp_path, capsys, "octo/alive", "octo/old", "octo/missing")
    assert [f[:5] for f in again] == ["LL612", "LL610"]
    assert graphql_requests(github) == 2
    assert github.requests[-1][1] == "/graphql"


def test_the_renamed_repository_fix_links_the_new_name(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, "octo/before")
    assert main(["--online", "--fix", str(path)]) == 0, capsys.readouterr()
    assert "(https://github.com/octo/after)" in path.read_text()


def test_thresholds_and_allow_lists_come_from_the_configuration(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".listlint.toml").write_text(
        "[online]\nstale-days = 1000\nmin-stars = 1\n"
        '[online.allow]\nrepository-archived = ["https://github.com/octo/old"]\n'
        'no-license = ["UNLICENSED"]\n'
    )
    names = ["octo/quiet", "octo/obscure", "octo/old", "octo/unlicensed", "octo/new"]
    assert [f[:5] for f in findings(tmp_path, capsys, *names)] == ["LL614"]


def test_a_rate_limit_is_waited_out(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    github.rate_limit("retry-after", wait=0)
    assert [f[:5] for f in findings(tmp_path, capsys, "octo/old")] == ["LL612"]
    assert graphql_requests(github) == 2


def test_a_rate_limit_longer_than_max_wait_leaves_repositories_unverified(
    github: Emulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    github.rate_limit("primary", wait=3600)
    (found,) = findings(tmp_path, capsys, "octo/missing")
    assert found.startswith(
        "LL603 GitHub repository `octo/missing` could not be verified: GitHub's rate limit (wait 3"
    )


def test_github_enterprise_server(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with serve(Emulator(enterprise=True)) as github:
        github.add_project("team/old", archived=True)
        monkeypatch.setenv("GITHUB_TOKEN", github.token)
        monkeypatch.setenv("GITHUB_API_URL", github.base_url)
        monkeypatch.setenv("GITHUB_SERVER_URL", "https://ghe.example")
        path = write_list(tmp_path, "team/old", host="ghe.example")
        assert main(["--online", str(path)]) == 1
        assert "LL612 [repository-archived] GitHub repository `team/old`" in capsys.readouterr().out
        assert github.requests == [("POST", "/api/graphql")]


def test_without_a_token_repository_pages_are_checked_as_web_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = write_list(tmp_path, "octo/alive")
    assert main(["--online", str(path)]) == 0
    err = capsys.readouterr().err
    assert "1 GitHub repository pages were checked as web pages; set GITHUB_TOKEN" in err

"""``listlint --online``: findings, output, the cache, partial runs and configuration.

The list links pages of a loopback server under the test name ``site.test``, which only the
tests' resolver knows.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from link_server import HostsResolver, LinkServer, serve

from listlint.cli import main
from listlint.online import setup
from listlint.online.progress import Progress

from conftest import ROOT, git

REPORT_SCHEMA = json.loads((ROOT / "src/listlint/schemas/report.schema.json").read_text())


@pytest.fixture
def site(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[LinkServer]:
    """A server for ``site.test``, and a cache of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    resolver = HostsResolver({"site.test": "127.0.0.1"})
    monkeypatch.setattr(setup, "SystemResolver", lambda: resolver)
    with serve() as (server,):
        yield server


def listing(site: LinkServer, *paths: str) -> str:
    entries = "".join(
        f"- [{path.strip('/').title() or 'Home'}](http://site.test:{site.port}{path}) - A page.\n"
        for path in paths
    )
    return f"# Awesome Test\n\n## Pages\n\n{entries}"


def write_list(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "README.md"
    path.write_text(text, encoding="utf-8")
    (tmp_path / ".listlint.toml").write_text("[online]\nbackoff = 0.01\ntimeout = 1\n")
    return path


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_without_online_no_link_is_requested(
    site: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, listing(site, "/404"))
    assert main([str(path)]) == 0
    assert site.requests == {}
    assert "Online" not in capsys.readouterr().err


def test_an_offline_run_does_not_import_the_online_code(tmp_path: Path) -> None:
    path = write_list(tmp_path, "# T\n\n- [a](https://a.example) - A.\n")
    code = (
        "import sys\n"
        "from listlint.cli import main\n"
        f"main([{str(path)!r}])\n"
        "print([m for m in sys.modules if m.startswith(('listlint.online', 'aiohttp', 'github'))])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines()[-1] == "[]", done.stderr


def test_dead_and_moved_links_are_findings_unverified_ones_are_listed(
    site: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, listing(site, "/ok", "/404", "/moved", "/bot-wall"))
    assert main(["--online", str(path)]) == 1
    out, err = capsys.readouterr()
    base = f"http://site.test:{site.port}"
    assert lines(out) == [
        f"{path}:6:9: LL601 [dead-link] dead link `{base}/404`: 404 Not Found",
        f"{path}:7:11: LL602 [*] [permanent-redirect] `{base}/moved` has moved (301→308) "
        f"to `{base}/new`",
        "Found 2 problems (1 error, 1 warning) in 1 file; 1 fixable with --fix ([*]).",
    ]
    assert lines(err) == [
        "Online: checked 4 links; 1 unverified:",
        f"  {path}:8:14: `{base}/bot-wall` could not be verified: "
        "403 Forbidden (bot wall: Cloudflare)",
    ]


def test_unverified_links_are_info_items_in_json_and_do_not_fail_the_run(
    site: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, listing(site, "/ok", "/bot-wall", "/unavailable"))
    assert main(["--online", "--output-format", "json", str(path)]) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert [(item["line"], item["code"], item["severity"]) for item in report] == [
        (6, "LL603", "info"),
        (7, "LL603", "info"),
    ]
    assert report[1]["message"].endswith("could not be verified: 503 Service Unavailable")
    assert err == ""  # no summary and no progress bar around json


def test_fix_links_the_address_a_link_moved_to_keeping_its_fragment(
    site: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, listing(site, "/moved#usage"))
    assert main(["--online", "--fix", str(path)]) == 0
    assert f"(http://site.test:{site.port}/new#usage)" in path.read_text()
    assert site.count("/moved") == 1  # the re-lint after the fix asks nothing again


def test_a_second_run_asks_nothing_about_the_links_that_were_good(
    site: LinkServer, tmp_path: Path
) -> None:
    path = write_list(tmp_path, listing(site, "/ok", "/moved", "/404", "/bot-wall"))
    main(["--online", str(path)])
    first = dict(site.requests)
    main(["--online", str(path)])
    again = {key: site.requests[key] - first.get(key, 0) for key in site.requests}
    assert again[("HEAD", "/ok")] == again[("HEAD", "/moved")] == 0
    assert again[("HEAD", "/moved-again")] == again[("HEAD", "/new")] == 0
    assert again[("HEAD", "/404")] == again[("GET", "/404")] == 1  # failures are never kept
    assert again[("HEAD", "/bot-wall")] == 1


def test_no_cache_asks_again(site: LinkServer, tmp_path: Path) -> None:
    path = write_list(tmp_path, listing(site, "/ok"))
    main(["--online", str(path)])
    main(["--online", "--no-cache", str(path)])
    assert site.requests[("HEAD", "/ok")] == 2


def test_an_expired_answer_is_asked_again(site: LinkServer, tmp_path: Path) -> None:
    path = write_list(tmp_path, listing(site, "/ok"))
    (tmp_path / ".listlint.toml").write_text("[online]\ncache-hours = 0\n")
    main(["--online", str(path)])
    main(["--online", str(path)])
    assert site.requests[("HEAD", "/ok")] == 2


def test_a_link_unverified_three_runs_in_a_row_becomes_a_warning(
    site: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, listing(site, "/bot-wall"))
    assert [main(["--online", str(path)]) for _ in range(3)] == [0, 0, 1]
    out, err = capsys.readouterr()
    assert (
        f"{path}:5:14: LL603 [unverified-link] `http://site.test:{site.port}/bot-wall` could not "
        "be verified in 3 runs in a row: 403 Forbidden (bot wall: Cloudflare)"
    ) in out
    assert err.count("could not be verified") == 2  # the first two runs' summaries only


def test_changed_since_asks_only_about_new_urls_on_added_lines(
    site: LinkServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    path = write_list(tmp_path, listing(site, "/ok", "/404"))
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "base")
    base = f"http://site.test:{site.port}"
    path.write_text(
        path.read_text()
        + f"- [Moved](http://site.test:{site.port}/moved) - New entry.\n"
        + f"- [Again]({base}/404) - A URL the list had already.\n"
    )
    assert main(["--online", "--select", "LL6", "--changed-since", "HEAD", "README.md"]) == 1
    out = capsys.readouterr().out
    assert site.count("/moved") == 1
    assert site.count("/ok") == site.count("/404") == 0
    assert [line.split(": ", 1)[1][:5] for line in lines(out)[:-1]] == ["LL602"]


def test_online_enabled_in_the_configuration_and_no_online(
    site: LinkServer, tmp_path: Path
) -> None:
    path = write_list(tmp_path, listing(site, "/404"))
    (tmp_path / ".listlint.toml").write_text("[online]\nenabled = true\n")
    assert main([str(path)]) == 1
    assert main(["--no-online", str(path)]) == 0
    assert site.count("/404") == 2  # HEAD and GET, once


def test_excluded_urls_are_never_requested(site: LinkServer, tmp_path: Path) -> None:
    path = write_list(tmp_path, listing(site, "/404", "/410"))
    (tmp_path / ".listlint.toml").write_text('[online]\nexclude = ["/4(04|99)$"]\n')
    assert main(["--online", str(path)]) == 1  # the 410
    assert (site.count("/404"), site.count("/410")) == (0, 2)


def test_an_exclude_that_is_no_regular_expression_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, "# T\n")
    (tmp_path / ".listlint.toml").write_text('[online]\nexclude = ["(unclosed"]\n')
    assert main(["--online", str(path)]) == 2
    assert "online.exclude.0: invalid regular expression '(unclosed'" in capsys.readouterr().err


def test_allow_lists_take_urls_and_entry_names(
    site: LinkServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_list(tmp_path, listing(site, "/404", "/410", "/moved"))
    (tmp_path / ".listlint.toml").write_text(
        "[online.allow]\n"
        f'dead-link = ["https://SITE.test:{site.port}/404/", "410"]\n'
        'LL602 = ["moved"]\n'
    )
    assert main(["--online", str(path)]) == 0, capsys.readouterr().out


def test_the_progress_bar_draws_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen, pipe = Terminal(), io.StringIO()
    for stream in (screen, pipe):
        progress = Progress(4, stream)
        for _ in range(4):
            progress.advance()
        progress.close()
    assert screen.getvalue().endswith(f"\rChecking links [{'#' * 30}] 4/4\r\033[K")
    assert pipe.getvalue() == ""

"""Baselines: today's findings recorded, hidden later, recognised after lines move."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from listlint.baseline import BASELINE_VERSION, baseline_fingerprints, load_baseline
from listlint.cli import main
from listlint.findings import Finding

from conftest import git

LIST = (
    "# Tools\n"
    "\n"
    "## Editors\n"
    "\n"
    "- [ed](https://ed.example) - The editor. \n"  # LL504
    "- [vi](https://vi.example) - The visual editor.\n"
    "\n"
    "## Empty\n"  # LL503
)
MOVED = (
    "# Tools\n"
    "\n"
    "Editors and more.\n"
    "\n"
    "## Empty\n"
    "\n"
    "## Editors\n"
    "\n"
    "- [vi](https://vi.example) - The visual editor.\n"
    "- [ed](https://ed.example)   -   The editor. \n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding README.md (LIST)."""
    (tmp_path / "README.md").write_text(LIST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[str], str]:
    """Run the command line; its status, the ``line: code`` of each finding, and stderr."""
    status = main(["--no-config", "--select", "LL5", *arguments])
    captured = capsys.readouterr()
    reported = [
        f"{line.split(':')[1]}: {line.split(' ')[1]}"
        for line in captured.out.splitlines()
        if line.startswith("README.md:")
    ]
    return status, reported, captured.err


def write(capsys: pytest.CaptureFixture[str], baseline: str = "baseline.json") -> None:
    status, reported, err = lint(capsys, "--write-baseline", baseline, "README.md")
    assert (status, reported) == (0, [])
    assert "Wrote 2 findings to" in err


def test_the_baseline_file_is_versioned_json_naming_each_finding(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(capsys)

    data = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))

    assert data["version"] == BASELINE_VERSION
    assert data["tool"] == "listlint"
    assert [(f["code"], f["path"], f["line"]) for f in data["findings"]] == [
        ("LL504", "README.md", 5),
        ("LL503", "README.md", 8),
    ]
    assert all(len(f["fingerprint"]) == 20 for f in data["findings"])


def test_recorded_findings_are_hidden(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(capsys)

    status, reported, err = lint(capsys, "--baseline", "baseline.json", "README.md")

    assert (status, reported) == (0, [])
    assert "2 findings in the baseline baseline.json not shown." in err


def test_findings_stay_hidden_when_their_lines_move(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(capsys)
    (folder / "README.md").write_text(MOVED, encoding="utf-8")

    status, reported, _ = lint(capsys, "--baseline", "baseline.json", "README.md")

    assert (status, reported) == (0, [])


def test_new_and_edited_findings_are_shown(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(capsys)
    edited = LIST.replace("The editor. \n", "The line editor. \n")
    (folder / "README.md").write_text(edited + "\n## Also empty\n", encoding="utf-8")

    status, reported, _ = lint(capsys, "--baseline", "baseline.json", "README.md")

    assert (status, reported) == (1, ["5: LL504", "10: LL503"])  # line 8 is still recorded


def test_equal_findings_are_counted(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    twice = LIST + "\n## Empty\n"
    (folder / "README.md").write_text(twice, encoding="utf-8")
    lint(capsys, "--write-baseline", "baseline.json", "README.md")
    (folder / "README.md").write_text(twice + "\n## Empty\n", encoding="utf-8")

    _, reported, _ = lint(capsys, "--baseline", "baseline.json", "README.md")

    assert reported == ["12: LL503"]


def test_paths_are_relative_to_the_baseline_file(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "lists").mkdir()
    shutil.move(folder / "README.md", folder / "lists" / "README.md")
    monkeypatch.chdir(folder / "lists")
    write(capsys, "../baseline.json")
    monkeypatch.chdir(folder)
    data = json.loads((folder / "baseline.json").read_text(encoding="utf-8"))

    status = main(["--no-config", "--select", "LL5", "--baseline", "baseline.json", "lists"])

    assert {f["path"] for f in data["findings"]} == {"lists/README.md"}
    assert status == 0


def test_a_fingerprint_ignores_line_numbers_and_spacing_but_not_code_or_path() -> None:
    def at(path: str, line: int, code: str = "LL504") -> Finding:
        return Finding(path, line, 1, line, 2, code, "name", "warning", "message")

    texts = {"a.md": "x  y\n\nx y\n", "b.md": "x y\n"}
    prints = baseline_fingerprints(
        [at("a.md", 1), at("a.md", 3), at("b.md", 1), at("a.md", 2, "LL503")], texts, Path.cwd()
    )
    alone = baseline_fingerprints([at("a.md", 3)], texts, Path.cwd())

    assert prints[0] == alone[0]  # same text, first of its kind: line 1 there, line 3 here
    assert len(set(prints)) == 4  # the second equal one, another path, another code differ


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found; create it with --write-baseline"),
        ("{", "baseline is not valid JSON"),
        ('{"version": 99, "findings": []}', "baseline version 99 is not 2"),
        ('{"version": 1, "findings": []}', "baseline version 1 was written before listlint's"),
        ('{"version": 2, "findings": [{"code": "LL504"}]}', "needs a list of findings"),
    ],
)
def test_an_unusable_baseline_is_an_error(
    folder: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    if content is not None:
        (folder / "baseline.json").write_text(content, encoding="utf-8")

    status, _, err = lint(capsys, "--baseline", "baseline.json", "README.md")

    assert status == 2
    assert message in err


def test_write_baseline_refuses_options_that_would_record_less(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = lint(capsys, "--write-baseline", "b.json", "--changed-since", "HEAD", ".")

    assert status == 2
    assert "--write-baseline records every finding" in err
    assert not (folder / "b.json").exists()


def test_load_baseline_reads_what_was_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(capsys)

    loaded = load_baseline(folder / "baseline.json")

    assert len(loaded.known) == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_baseline_committed_with_the_list_hides_history_but_not_new_problems(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The adoption story on a real history: record, commit, reorganise, contribute."""
    git(folder, "init", "-q")
    write(capsys, ".listlint-baseline.json")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "adopt listlint with a baseline")
    (folder / "README.md").write_text(MOVED, encoding="utf-8")
    git(folder, "commit", "-q", "-am", "reorganise the list")
    (folder / "README.md").write_text(MOVED + "- [em](https://em.example) - Emacs. \n")
    git(folder, "commit", "-q", "-am", "add emacs")

    status, reported, _ = lint(capsys, "--baseline", ".listlint-baseline.json", "README.md")
    since, since_reported, _ = lint(
        capsys, "--baseline", ".listlint-baseline.json", "--changed-since", "HEAD~1", "README.md"
    )

    assert (status, reported) == (1, ["11: LL504"])
    assert (since, since_reported) == (1, ["11: LL504"])

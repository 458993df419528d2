"""Cross-file context: when pre-commit names only the staged list files, cross-file rules still
compare them with the rest of the list, and only the named files are reported."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from listlint import rule as rule_registry
from listlint.cli import main
from listlint.config import ConfigFinder, Selection
from listlint.files import collect
from listlint.model.document import Document
from listlint.rule import Problem, ProjectContext, ProjectRule
from listlint.scope import context_paths, context_targets

A = "# A\n\n- [x](https://x.example) - X.\n"
B = "# B\n\n- [y](https://y.example) - Y.\n"
REPEATS_X = "# B\n\n- [y](https://y.example) - Y.\n- [x](https://x.example) - X again.\n"


def _repeated_urls(ctx: ProjectContext) -> Iterator[tuple[Document, Problem]]:
    """A stand-in cross-file rule: a link whose URL an earlier link (in any file) already has."""
    first: dict[str, str] = {}
    for doc in ctx.project.documents:
        for link in doc.links:
            if link.url in first:
                yield doc, Problem(link.span, f"repeats {first[link.url]}")
            else:
                first[link.url] = f"{doc.path}:{link.span.line}"


@pytest.fixture
def project_rule() -> Iterator[str]:
    """Register the stand-in project rule for one test; its code."""
    code = "LL4T1"
    assert code not in rule_registry._REGISTRY
    rule_registry._REGISTRY[code] = ProjectRule(
        code=code,
        name="test-repeated-url",
        severity="error",
        default=True,
        fixable="never",
        tags=(),
        options={},
        check=_repeated_urls,
    )
    rule_registry.all_rules.cache_clear()
    yield code
    del rule_registry._REGISTRY[code]
    rule_registry.all_rules.cache_clear()


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository folder with a list split over lists/a.md and lists/b.md."""
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "a.md").write_text(A, encoding="utf-8")
    (tmp_path / "lists" / "b.md").write_text(B, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[str]]:
    """Run the command line with LL504 and the stand-in rule; status and ``path:line: code``s."""
    status = main(["--no-config", "--select", "LL4T1,LL504", *arguments])
    out = capsys.readouterr().out
    return status, [
        ":".join(line.split(":")[:2]) + line.split(" ")[1] for line in out.splitlines()[:-1]
    ]


def test_a_staged_file_is_compared_with_the_files_in_scope(
    lists: Path, project_rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (lists / "lists" / "b.md").write_text(REPEATS_X, encoding="utf-8")

    alone = lint(capsys, "lists/b.md")
    in_scope = lint(capsys, "--cross-file-scope", "lists/*.md", "lists/b.md")

    assert alone == (0, [])
    assert in_scope == (1, ["lists/b.md:4LL4T1"])


def test_the_staged_file_comes_after_the_context_so_its_new_entry_is_reported(
    lists: Path, project_rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (lists / "lists" / "a.md").write_text(A + "- [y](https://y.example) - Y again.\n")

    assert lint(capsys, "--cross-file-scope", "lists/*.md", "lists/a.md") == (
        1,
        ["lists/a.md:4LL4T1"],
    )


def test_findings_in_context_files_are_never_reported(
    lists: Path, project_rule: str, capsys: pytest.CaptureFixture[str]
) -> None:
    context = "# C\n\n- [z](https://z.example) - Z. \n- [z](https://z.example) - Z.\n"
    (lists / "lists" / "c.md").write_text(context, encoding="utf-8")  # LL504 and a repeat

    assert lint(capsys, "--cross-file-scope", "lists/*.md", "lists/b.md") == (0, [])


def test_the_configuration_names_the_scope_relative_to_itself(
    lists: Path,
    project_rule: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = 'select = ["LL4T1"]\ncross-file-paths = ["lists/*.md"]\n'
    (lists / ".listlint.toml").write_text(config, encoding="utf-8")
    (lists / "lists" / "b.md").write_text(REPEATS_X, encoding="utf-8")
    monkeypatch.chdir(lists / "lists")

    status = main(["b.md"])
    out = capsys.readouterr().out

    assert status == 1
    assert out.startswith("b.md:4:")


def test_files_named_on_the_command_line_are_not_context(lists: Path, project_rule: str) -> None:
    targets = collect(["lists/a.md"], ConfigFinder(isolated=True), Selection(["LL4T1"]), [])

    absolute = (lists / "lists" / "b.md").as_posix()
    found = context_paths(targets, ["lists/*.md", "lists/b.md", "lists/missing.md", absolute])

    assert [p.as_posix() for p in found] == ["lists/b.md"]


def test_a_folder_name_is_not_part_of_the_pattern(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "[lists]"
    folder.mkdir()
    (folder / "a.md").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    monkeypatch.chdir(folder)
    targets = collect(["a.md"], ConfigFinder(isolated=True), Selection(["LL504"]), [])

    assert [p.as_posix() for p in context_paths(targets, ["*.md"])] == ["b.md"]


def test_context_files_run_only_project_rules(lists: Path, project_rule: str) -> None:
    selection = Selection(["LL4T1", "LL504"])
    configs = ConfigFinder(isolated=True)
    targets = collect(["lists/a.md"], configs, selection, [])

    context = context_targets(targets, ["lists/*.md"], configs, selection, [])

    assert [t.source.path for t in context] == ["lists/b.md"]
    assert [r.code for r in context[0].rules] == [project_rule]


def test_no_context_is_read_without_a_cross_file_rule(lists: Path) -> None:
    (lists / "lists" / "broken.md").write_bytes(b"\xff\xfe not text")
    selection = Selection(["LL504"])
    configs, errors = ConfigFinder(isolated=True), []
    targets = collect(["lists/a.md"], configs, selection, errors)

    context = context_targets(targets, ["lists/*.md"], configs, selection, errors)

    assert context == []
    assert errors == []

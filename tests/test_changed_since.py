"""``--changed-since REF``: only findings on lines changed since a git ref, on a real history."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from listlint.changes import (
    ChangeTracker,
    FileChange,
    GitError,
    parse_patch,
    read_git_change,
)
from listlint.cli import main
from listlint.findings import Finding

from conftest import git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = (
    "# Tools\n"
    "\n"
    "## Editors\n"
    "\n"
    "- [ed](https://ed.example) - The editor. \n"  # line 5: an old LL504 finding
    "- [vi](https://vi.example) - The visual editor.\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose first commit holds README.md (OLD) and a configuration."""
    git(tmp_path, "init", "-q")
    (tmp_path / ".listlint.toml").write_text('select = ["LL5"]\n', encoding="utf-8")
    (tmp_path / "README.md").write_text(OLD, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """Run the command line; its status, stdout and stderr."""
    status = main(["--no-config", "--select", "LL5", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def finding(line: int, end_line: int) -> Finding:
    return Finding("README.md", line, 1, end_line, 2, "LL503", "empty-section", "error", "m")


def changed(path: Path, ref: str = "HEAD") -> FileChange:
    """What changed in ``path`` since ``ref``, as a run reads it."""
    return read_git_change(ref, {str(path): path.read_text(encoding="utf-8")}).files[str(path)]


def test_a_diff_without_context_adds_the_new_side_of_each_hunk() -> None:
    diff = "@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,3 +21,0 @@\n-e\n-f\n-g\n"

    change = parse_patch(diff, "README.md")

    assert change.added == {3, 11, 12}
    assert change.removed == ("a", "e", "f", "g")


def test_changed_lines_are_added_and_modified_lines(repo: Path) -> None:
    text = OLD.replace("The visual editor.", "The visual editor, improved.") + "- [em](x) - E.\n"
    (repo / "README.md").write_text(text, encoding="utf-8")

    change = changed(repo / "README.md")

    assert change.added == {6, 7}
    assert change.removed == ("- [vi](https://vi.example) - The visual editor.",)
    assert (change.path, change.new_file) == ("README.md", False)


def test_deleted_lines_change_no_remaining_line(repo: Path) -> None:
    (repo / "README.md").write_text(
        OLD.replace("- [vi](https://vi.example) - The visual editor.\n", "")
    )

    change = changed(repo / "README.md")

    assert change.added == frozenset()
    assert change.changed


def test_an_untracked_file_is_all_new_and_a_staged_one_too(repo: Path) -> None:
    (repo / "NEW.md").write_text("# New\n\ntext\n", encoding="utf-8")
    untracked = changed(repo / "NEW.md")
    git(repo, "add", "NEW.md")
    staged = changed(repo / "NEW.md")

    assert (untracked.added, untracked.new_file) == ({1, 2, 3}, True)
    assert (staged.added, staged.new_file) == ({1, 2, 3}, True)


def test_an_unchanged_file_has_no_change(repo: Path) -> None:
    assert changed(repo / "README.md") == FileChange("README.md")


def test_a_file_below_the_root_is_named_by_its_repository_path(repo: Path) -> None:
    (repo / "lists").mkdir()
    (repo / "lists" / "go.md").write_text("# Go\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a list in a folder")
    (repo / "lists" / "go.md").write_text("# Go\n\n- [x](https://x.example)\n", encoding="utf-8")
    (repo / "lists" / "new.md").write_text("# New\n", encoding="utf-8")

    change = read_git_change(
        "HEAD", {name: (repo / name).read_text() for name in ("lists/go.md", "lists/new.md")}
    )

    assert change.files["lists/go.md"] == FileChange(
        "lists/go.md", frozenset({2, 3}), hunks=(range(2, 4),)
    )
    assert change.files["lists/new.md"] == FileChange("lists/new.md", frozenset({1}), new_file=True)


def test_git_is_asked_once_per_run_and_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The report, --online and the contribution rules share one reading of the diff."""
    import subprocess

    calls: list[list[str]] = []
    run = subprocess.run

    def counted(command: list[str], **options: object) -> object:
        calls.append(command)
        return run(command, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", counted)
    (repo / "A.md").write_text("# A\n\nNew.\n", encoding="utf-8")
    (repo / "README.md").write_text(OLD + "more\n", encoding="utf-8")

    status, _, _ = lint(
        capsys, "--extend-select", "LL7", "--online", "--no-cache", "--changed-since", "HEAD",
        "README.md", "A.md",
    )  # fmt: skip

    assert status == 0
    assert [command[6] for command in calls] == ["rev-parse", "diff", "ls-files"]


def test_a_file_in_another_folder_is_diffed_in_its_own_repository(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("elsewhere")
    git(other, "init", "-q")
    (other / "LIST.md").write_text("# A\n", encoding="utf-8")
    git(other, "add", "-A")
    git(other, "commit", "-q", "-m", "a")
    (other / "LIST.md").write_text("# A\n\nmore\n", encoding="utf-8")

    assert changed(other / "LIST.md").added == {2, 3}


def test_a_file_name_is_not_a_pattern(repo: Path) -> None:
    (repo / "[ab].md").write_text("# AB\n", encoding="utf-8")
    (repo / "a.md").write_text("# A\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a file whose name is a glob pattern matching a.md")
    (repo / "a.md").write_text("# A\n\nchanged\n", encoding="utf-8")

    assert changed(repo / "[ab].md") == FileChange("[ab].md")


@pytest.mark.parametrize(
    ("ref", "reason"),
    [("no-such-ref", "bad revision 'no-such-ref'"), ("--output=x", "is not a git ref")],
)
def test_an_unknown_ref_is_an_error_naming_it(repo: Path, ref: str, reason: str) -> None:
    with pytest.raises(GitError, match=reason):
        changed(repo / "README.md", ref)


def test_outside_a_repository_is_an_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("not-a-repo")
    (folder / "README.md").write_text("# A\n", encoding="utf-8")

    with pytest.raises(GitError, match=r"README\.md: cannot diff against 'HEAD'"):
        changed(folder / "README.md")


def test_a_finding_is_kept_when_any_line_of_its_span_changed() -> None:
    change = FileChange("README.md", frozenset({7}))

    assert change.touched_by(finding(5, 9))
    assert change.touched_by(finding(7, 7))
    assert not change.touched_by(finding(8, 12))


def test_changed_lines_move_with_their_text_through_edits() -> None:
    before = "a\nb\nc\nd\n"
    after = "new\na\nb\nc!\nd\n"  # a line inserted on top, c edited

    carried = FileChange("README.md", frozenset({2})).carried_to(before, after)

    assert carried.added == {1, 3, 4}


def test_the_change_follows_a_fixed_text(repo: Path) -> None:
    texts = {"README.md": "# Tools\n\nold\n"}
    (repo / "README.md").write_text(texts["README.md"], encoding="utf-8")
    tracker = ChangeTracker(read_git_change("HEAD", texts), texts)
    fixed = {"README.md": "# Tools\n\ninserted\n\nold\n"}

    assert tracker.now(texts).files["README.md"].added == {3}
    assert tracker.now(fixed).files["README.md"].added == {3, 4, 5}


def test_cli_reports_only_findings_on_changed_lines(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = "- [em](https://em.example) - The emacs editor.  \n\n## Empty\n"
    (repo / "README.md").write_text(OLD + added, encoding="utf-8")

    everything = lint(capsys, "README.md")
    status, out, err = lint(capsys, "--changed-since", "HEAD", "README.md")

    assert [line.split(" ")[:2] for line in everything[1].splitlines()[:-1]] == [
        ["README.md:5:41:", "LL504"],
        ["README.md:7:47:", "LL504"],
        ["README.md:9:1:", "LL503"],
    ]
    assert status == 1
    assert [line.split(" ")[:2] for line in out.splitlines()[:-1]] == [
        ["README.md:7:47:", "LL504"],
        ["README.md:9:1:", "LL503"],
    ]
    assert "1 finding on lines unchanged since HEAD not shown." in err


def test_cli_is_clean_when_only_old_lines_have_findings(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "README.md").write_text(OLD + "- [em](https://em.example) - Emacs.\n")

    status, _, _ = lint(capsys, "--changed-since", "HEAD", "README.md")

    assert status == 0


def test_cli_compares_with_an_older_commit_of_the_history(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "README.md").write_text(OLD + "- [em](https://em.example) - Emacs. \n")
    git(repo, "commit", "-q", "-am", "second: a new entry with trailing whitespace")
    (repo / "README.md").write_text(OLD + "- [em](https://em.example) - Emacs. \n- [x](y) - X. \n")
    git(repo, "commit", "-q", "-am", "third: another")

    _, since_first, _ = lint(capsys, "--changed-since", "HEAD~2", "README.md")
    _, since_second, _ = lint(capsys, "--changed-since", "HEAD~1", "README.md")
    _, since_head, _ = lint(capsys, "--changed-since", "HEAD", "README.md")

    assert [line.split(":")[1] for line in since_first.splitlines()[:-1]] == ["7", "8"]
    assert [line.split(":")[1] for line in since_second.splitlines()[:-1]] == ["8"]
    assert since_head == "All checks passed.\n"


def test_cli_fix_touches_only_changed_lines(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "README.md").write_text(OLD + "- [em](https://em.example) - Emacs. \n- [x](y) - X.")

    status, _, err = lint(capsys, "--fix", "--changed-since", "HEAD", "README.md")

    assert status == 0
    assert "Fixed 2 problems." in err
    expected = OLD + "- [em](https://em.example) - Emacs.\n- [x](y) - X.\n"
    assert (repo / "README.md").read_text(encoding="utf-8") == expected


def test_cli_refuses_stdin_and_reports_git_errors(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint(capsys, "--changed-since", "HEAD", "-")[0] == 2
    status, _, err = lint(capsys, "--changed-since", "v9.9", "README.md")

    assert status == 2
    assert "cannot diff against 'v9.9'" in err

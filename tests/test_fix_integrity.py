"""Data integrity of --fix and --diff: a fix applies where its text is, or not at all."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from robustness import diff_applies_like_fix

from listlint.cli import main
from listlint.findings import Edit, Finding, Fix
from listlint.fix import apply_fixes, removes_content, reported, write_atomically

from conftest import FIXTURES, lint_text

CONTINUATIONS = ["\t", "\t\t", "\t  ", "  \t", " \t ", "    "]


@pytest.mark.parametrize("indent", CONTINUATIONS, ids=repr)
def test_a_fix_on_a_tab_indented_continuation_line_edits_the_url_itself(
    tmp_path: Path, indent: str
) -> None:
    text = f"- [A](https://b.example/a) - A.\n{indent}[B](http://b.example/b) - B.\n"
    (finding,) = lint_text(tmp_path, text, ["LL112"])
    assert (finding.line, finding.column) == (2, len(indent) + 5)
    main(["--fix", "--no-config", "-q", str(tmp_path / "README.md")])
    fixed = (tmp_path / "README.md").read_text()
    assert fixed == text.replace("http://b", "https://b")


def test_an_unsafe_anchor_fix_on_a_tab_indented_line_keeps_the_link_whole(tmp_path: Path) -> None:
    text = "- [A](https://b.example/a) - A.\n\t[B](#toolz) - B.\n\n## Tools\n\nx\n"
    (finding,) = lint_text(tmp_path, text, ["LL201"])
    assert (finding.line, finding.column, finding.end_column) == (2, 2, 13)
    main(["--fix", "--unsafe-fixes", "--no-config", "-q", str(tmp_path / "README.md")])
    assert (tmp_path / "README.md").read_text() == text.replace("#toolz", "#tools")


def test_a_table_cell_repeating_an_earlier_cell_is_found_where_it_is(tmp_path: Path) -> None:
    text = (
        "| a | a |\n|---|---|\n| [x](http://b.example/1) | [x](http://b.example/1) |\n\n"
        "[y](https://b.example/)\n"
    )
    found = lint_text(tmp_path, text, ["LL112"])
    assert [(f.line, f.column) for f in found] == [(3, 7), (3, 33)]


def _finding(fix: Fix) -> Finding:
    return Finding("x.md", 1, 1, 1, 2, "LL000", "test", "error", "message", fix)


def test_an_edit_whose_range_holds_other_text_is_refused_whole() -> None:
    text = "- [B](http://b.example/b)\n"
    wrong = Fix((Edit(1, 5, 1, 9, "https", "http"),), "use https")  # column off by one
    right = Fix((Edit(1, 7, 1, 11, "https", "http"),), "use https")
    assert apply_fixes(text, [_finding(wrong)]) == (text, [])
    fixed, done = apply_fixes(text, [_finding(right)])
    assert fixed == "- [B](https://b.example/b)\n" and len(done) == 1


def test_an_edit_past_the_end_of_its_line_is_refused() -> None:
    text = "ab\ncd\n"
    spill = Fix((Edit(1, 3, 1, 5, "", "\nc"),), "reaches into the next line")
    assert apply_fixes(text, [_finding(spill)]) == (text, [])


def test_later_passes_delete_text_only_for_findings_the_user_was_shown() -> None:
    delete_entry = Fix((Edit(1, 1, 2, 1, "", "- [Gone](#gone)\n"),), "drop the TOC entry")
    text = "- [Gone](#gone)\n- [Here](#here)\n"
    assert removes_content(delete_entry.edits[0])
    assert not removes_content(Edit(1, 1, 1, 5, "https", "http"))
    assert not removes_content(Edit(1, 1, 1, 3, " ", "  "))
    cascade = frozenset({("LL000", "- [Other](#other)")})  # shown: another line only
    assert apply_fixes(text, [_finding(delete_entry)], shown=cascade) == (text, [])
    shown = reported(text, [_finding(delete_entry)])
    assert apply_fixes(text, [_finding(delete_entry)], shown=shown)[0] == "- [Here](#here)\n"


def _cr_only(name: str) -> str:
    return (FIXTURES / "entries" / name).read_text().replace("\n", "\r")


@pytest.mark.parametrize(
    ("fixture", "flags"),
    [
        ("LL304-description-on-title-line.md", []),
        ("LL305-description-blank-line.md", []),
        ("LL330-alphabetical-order.md", ["--unsafe-fixes", "--select", "LL330"]),
    ],
)
def test_fixes_that_add_lines_keep_a_cr_only_file_cr_only(
    tmp_path: Path, fixture: str, flags: list[str]
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(_cr_only(fixture).encode())
    main(["--fix", "--no-config", "-q", *flags, str(path)])
    after = path.read_bytes()
    assert after != _cr_only(fixture).encode()
    assert b"\n" not in after


DIFF_INPUTS = {
    "no final newline": "# T\n\n- [a](http://x.org) - A.\n[b](https://x.org)",
    "CR only": "# T\r\r- [a](http://x.org) - A.  \r[b](https://x.org)\r",
    "CRLF, no final newline": "# T\r\n\r\n- [a](http://x.org) - A. \r\n[b](https://x.org)",
    "trailing spaces": "# T\n\nx  \n\ny \n",
}


@pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to apply the patch")
@pytest.mark.parametrize("name", DIFF_INPUTS)
def test_diff_is_a_patch_that_git_applies_to_give_what_fix_writes(
    tmp_path: Path, name: str
) -> None:
    assert diff_applies_like_fix(tmp_path, DIFF_INPUTS[name])


def test_a_file_saved_after_it_was_read_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("edited by someone else\n")
    with pytest.raises(OSError, match="changed after listlint read it"):
        write_atomically(path, "fixed\n", False, "as listlint read it\n")
    assert path.read_text() == "edited by someone else\n"


def test_a_hard_linked_file_is_fixed_in_place_and_stays_linked(tmp_path: Path) -> None:
    path, twin = tmp_path / "README.md", tmp_path / "twin.md"
    path.write_text("# T\n\nx  \n\ny\n")
    os.link(path, twin)
    main(["--fix", "--no-config", "-q", str(path)])
    assert twin.read_text() == "# T\n\nx\n\ny\n"
    assert os.stat(path).st_ino == os.stat(twin).st_ino


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_a_fix_keeps_the_files_owner_and_group(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text("# T\n\nx  \n\ny\n")
    os.chown(path, 4321, 8765)
    main(["--fix", "--no-config", "-q", str(path)])
    assert path.read_text() == "# T\n\nx\n\ny\n"
    assert (os.stat(path).st_uid, os.stat(path).st_gid) == (4321, 8765)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "listlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,  # a guard against blocking for ever, not a speed assertion
        check=False,
    )


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "list.md")
    result = _run("--fix", "--no-config", "list.md", cwd=tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr == "listlint: error: list.md: not a regular file (a FIFO, device or socket)\n"
    )


def test_a_link_to_an_endless_device_is_refused_not_read(tmp_path: Path) -> None:
    (tmp_path / "list.md").symlink_to("/dev/zero")
    result = _run("--no-config", "list.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr

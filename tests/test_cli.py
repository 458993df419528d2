"""The command line: exit codes, bad input, output formats, fixing."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from listlint.cli import main

from conftest import FIXTURES, run_cli

DIRTY = "# T\n\n## A\n\n- [a](https://a.org) - A. \n"


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(FIXTURES / "example-list.md")]) == 0
    assert "All checks passed." in capsys.readouterr().out


def test_findings_exit_1_with_path_line_column_code_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "list.md", DIRTY)
    assert main([str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:5:26: LL504 [*] [trailing-whitespace] 1 trailing whitespace character" in out
    assert "Found 1 problem (0 errors, 1 warning) in 1 file; 1 fixable with --fix" in out


def test_exit_zero_and_quiet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "list.md", DIRTY)
    assert main(["--exit-zero", "-q", str(path)]) == 0
    assert capsys.readouterr().out.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "no such file or directory"),
        (b"# T\n\0\0binary", "binary file"),
        (b"# Caf\xe9\n", "not valid UTF-8 (byte 0xe9 at offset 5)"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "list.md"
    if content is not None:
        write(path, content)
    result = run_cli(str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert reason in result.stderr and str(path) in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_without_markdown_is_an_error(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path))
    assert (result.returncode, result.stderr.count("\n")) == (2, 1)
    assert "directory has no Markdown files" in result.stderr


def test_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    write(tmp_path / ".listlint.toml", "max-file-size = 10\n")
    path = write(tmp_path / "list.md", "# A long enough title\n")
    result = run_cli(str(path))
    assert result.returncode == 2
    assert "over the 10-byte limit" in result.stderr


def test_other_files_are_still_linted_after_a_bad_one(tmp_path: Path) -> None:
    good = write(tmp_path / "good.md", DIRTY)
    result = run_cli(str(tmp_path / "missing.md"), str(good))
    assert result.returncode == 2
    assert "LL504" in result.stdout


def test_empty_file_is_clean(tmp_path: Path) -> None:
    assert run_cli(str(write(tmp_path / "empty.md", ""))).returncode == 0


def test_directory_lints_markdown_below_it_honouring_exclude(tmp_path: Path) -> None:
    write(tmp_path / ".listlint.toml", 'exclude = ["vendor"]\n')
    write(tmp_path / "a.md", DIRTY)
    (tmp_path / "docs").mkdir()
    write(
        tmp_path / "docs" / "b.markdown", DIRTY.replace("[a](https://a.org)", "[b](https://b.org)")
    )
    (tmp_path / "vendor").mkdir()
    write(tmp_path / "vendor" / "c.md", DIRTY)
    result = run_cli(str(tmp_path), "--output-format", "json")
    paths = sorted(Path(f["path"]).name for f in json.loads(result.stdout))
    assert paths == ["a.md", "b.markdown"]


def test_no_path_lints_readme_in_the_current_folder(tmp_path: Path) -> None:
    write(tmp_path / "README.md", DIRTY)
    assert run_cli(cwd=tmp_path).returncode == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_cli(cwd=empty)
    assert result.returncode == 2 and "no README.md here" in result.stderr


def test_stdin_with_a_name() -> None:
    result = run_cli("-", "--stdin-filename", "README.md", stdin=DIRTY)
    assert result.returncode == 1
    assert result.stdout.startswith("README.md:5:26: LL504")


def test_unknown_rule_in_select_is_a_usage_error() -> None:
    result = run_cli("--select", "LL9", str(FIXTURES / "example-list.md"))
    assert result.returncode == 2
    assert "no rule, prefix or family `LL9`" in result.stderr


def test_select_ignore_by_prefix_code_and_name(tmp_path: Path) -> None:
    path = write(tmp_path / "list.md", DIRTY + "## Empty\n")
    codes = lambda *args: {  # noqa: E731
        f["code"] for f in json.loads(run_cli(*args, "--output-format", "json", str(path)).stdout)
    }
    assert codes() == {"LL503", "LL504"}
    assert codes("--select", "LL5", "--ignore", "trailing-whitespace") == {"LL503"}
    assert codes("--select", "LL504") == {"LL504"}
    assert codes("--ignore", "LL5", "--extend-select", "LL503") == {"LL503"}


def test_fix_keeps_crlf_and_bom_and_is_idempotent(tmp_path: Path) -> None:
    path = write(tmp_path / "list.md", "\ufeff# T\r\n\r\n- [a](https://a.org) - A.  \r\n\r\nend")
    assert run_cli("--fix", str(path)).returncode == 0
    fixed = path.read_bytes()
    assert fixed == "\ufeff# T\r\n\r\n- [a](https://a.org) - A.\r\n\r\nend\r\n".encode()
    assert run_cli("--fix", str(path)).returncode == 0
    assert path.read_bytes() == fixed


def test_diff_prints_the_fix_and_writes_nothing(tmp_path: Path) -> None:
    path = write(tmp_path / "list.md", DIRTY)
    result = run_cli("--diff", str(path))
    assert result.returncode == 1
    assert "-- [a](https://a.org) - A. \n+- [a](https://a.org) - A.\n" in result.stdout
    assert path.read_text() == DIRTY


def test_fix_on_a_read_only_file_is_an_error_and_reports_what_is_left(tmp_path: Path) -> None:
    path = write(tmp_path / "list.md", DIRTY)
    path.chmod(0o444)
    try:
        result = run_cli("--fix", str(path))
    finally:
        path.chmod(0o644)
    assert result.returncode == 2
    assert "cannot write fixes" in result.stderr
    assert "LL504" in result.stdout and "Fixed" not in result.stderr
    assert path.read_text() == DIRTY


def test_statistics_counts_per_rule(tmp_path: Path) -> None:
    path = write(tmp_path / "list.md", DIRTY + "x \n")
    result = run_cli("--statistics", str(path))
    counts, entries = result.stdout.splitlines()
    assert counts.split() == ["2", "LL504", "[*]", "trailing-whitespace"]
    assert entries == f"entries in {path}: 1 (list 1)"


def test_statistics_count_the_entries_of_each_style(tmp_path: Path) -> None:
    path = write(
        tmp_path / "list.md",
        "# L\n\n## A\n\n- [a](https://a.example) - A.\n- Meetup [B](https://b.example)\n\n"
        "> **[C](https://c.example)**<br>C.\n",
    )
    result = run_cli("--statistics", str(path))
    assert result.stdout == f"entries in {path}: 3 (list 1, mention 1, quote 1)\n"
    empty = write(tmp_path / "notes.md", "# Notes\n\nSee [the site](https://x.example).\n")
    result = run_cli("--statistics", str(empty))
    assert result.stdout == f"entries in {empty}: none recognised, so no entry rule checked it\n"


def test_statistics_honour_the_json_output_format(tmp_path: Path) -> None:
    path = write(tmp_path / "list.md", DIRTY + "x \n")
    result = run_cli("--statistics", "--output-format", "json", str(path))
    assert json.loads(result.stdout) == [
        {"code": "LL504", "name": "trailing-whitespace", "count": 2, "fixable": 2}
    ]


def test_fix_of_standard_input_prints_the_fixed_text_and_reports_on_stderr() -> None:
    result = run_cli("--fix", "-", "--no-config", stdin="# T\n\nx  \n\ny \n")
    assert result.stdout == "# T\n\nx\n\ny\n"
    assert "All checks passed." in result.stderr
    assert result.returncode == 0


def test_show_files_lists_what_a_run_would_lint(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "# A\n")
    (tmp_path / "docs").mkdir()
    write(tmp_path / "docs" / "b.markdown", "# B\n")
    write(tmp_path / "notes.txt", "x\n")
    write(tmp_path / ".listlint.toml", 'exclude = ["docs"]\n')
    result = run_cli("--show-files", ".", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "a.md\n")


def test_show_settings_prints_the_configuration_of_a_file(tmp_path: Path) -> None:
    write(tmp_path / "a.md", "# A\n")
    write(
        tmp_path / ".listlint.toml", 'select = ["LL201"]\n[rules.LL201]\nignored-pattern = "^x"\n'
    )
    result = run_cli("--show-settings", "a.md", cwd=tmp_path)
    (shown,) = json.loads(result.stdout)
    assert shown["config"] == str((tmp_path / ".listlint.toml").resolve())
    assert shown["rules"] == {
        "LL201": {
            "name": "dead-fragment",
            "severity": "error",
            "options": {"ignored-pattern": "^x"},
        }
    }


def test_rules_lists_every_rule_and_rule_explains_one() -> None:
    listing = run_cli("rules").stdout
    assert "LL504  trailing-whitespace" in listing
    explained = run_cli("rule", "LL504").stdout
    assert explained.startswith("# LL504 trailing-whitespace")
    assert "Fix (safe)" in explained
    assert run_cli("rule", "LL999").returncode == 2


def test_config_schema_is_printed_with_rule_options() -> None:
    schema = json.loads(run_cli("config", "--schema").stdout)
    assert "trailing-whitespace" in schema["properties"]["rules"]["properties"]


def test_the_process_flushes_a_large_report_before_it_ends(tmp_path: Path) -> None:
    lines = "".join(f"- [n{i}](https://example.org/{i}) - D. \n" for i in range(3000))
    path = write(tmp_path / "list.md", "# T\n\n## A\n\n" + lines)
    result = run_cli("--no-config", "--output-format", "json", str(path))
    assert result.returncode == 1, result.stderr
    assert len(json.loads(result.stdout)) == 3000  # every finding, nothing cut at the exit


def test_a_reader_that_stops_early_ends_the_process_quietly(tmp_path: Path) -> None:
    import subprocess

    lines = "".join(f"- [n{i}](https://example.org/{i}) - D. \n" for i in range(3000))
    path = write(tmp_path / "list.md", "# T\n\n## A\n\n" + lines)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    with subprocess.Popen(
        [sys.executable, "-m", "listlint", "--no-config", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:  # ``listlint list.md | head -1``
        assert process.stdout is not None and process.stderr is not None
        assert b"LL504" in process.stdout.readline()
        process.stdout.close()
        assert process.stderr.read() == b""
    assert process.returncode == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_report_that_cannot_be_written_is_one_line_and_exit_2(
    tmp_path: Path, output_format: str
) -> None:
    import subprocess

    path = write(tmp_path / "list.md", DIRTY)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    with open("/dev/full", "w") as full:  # every write fails: no space left on device
        result = subprocess.run(
            [sys.executable, "-m", "listlint", "--output-format", output_format, str(path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    assert result.stderr == "listlint: error: cannot write the report: No space left on device\n"
    assert result.returncode == 2


def test_version_imports_neither_pygithub_nor_jsonschema() -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "listlint", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert not {m for m in imported if m.split(".")[0] in ("github", "jsonschema", "markdown_it")}
    assert result.stdout.startswith("listlint ")


def test_a_validated_config_is_not_validated_again(tmp_path: Path) -> None:
    import subprocess

    write(tmp_path / ".listlint.toml", 'ignore = ["LL503"]\n')
    path = write(tmp_path / "list.md", "# T\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}

    def imports_jsonschema() -> bool:
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "listlint", str(path)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        return "jsonschema" in result.stderr

    assert imports_jsonschema()
    assert not imports_jsonschema()

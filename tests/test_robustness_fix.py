"""``--fix`` writes safely: atomically, keeping permissions, links, BOM and line endings; never a
file it cannot read or may not write."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from listlint.cli import main

UNTIDY = "# List  \r\n\r\n- [a](https://x.io) - A.   \r\n"
TIDY = "# List\r\n\r\n- [a](https://x.io) - A.\r\n"


def fix(*paths: Path) -> int:
    return main(["--fix", "--no-config", "--quiet", *map(str, paths)])


def test_fix_rewrites_through_a_temporary_file_and_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(UNTIDY.encode())
    path.chmod(0o604)
    inode = path.stat().st_ino
    fix(path)
    assert path.read_bytes() == TIDY.encode()
    assert path.stat().st_mode & 0o777 == 0o604
    assert path.stat().st_ino != inode  # replaced by rename, never truncated in place
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]  # no temporary file left


def test_fix_keeps_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(b"\xef\xbb\xbf" + UNTIDY.encode())
    fix(path)
    assert path.read_bytes() == b"\xef\xbb\xbf" + TIDY.encode()


def test_read_only_file_is_an_error_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(UNTIDY.encode())
    path.chmod(0o444)
    assert fix(path) == 2
    assert path.read_bytes() == UNTIDY.encode()
    assert "cannot write fixes: file is read-only" in capsys.readouterr().err


def test_symlinked_file_is_fixed_through_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(UNTIDY.encode())
    link = tmp_path / "README.md"
    link.symlink_to(target.name)
    fix(link)
    assert link.is_symlink()
    assert target.read_bytes() == TIDY.encode()


@pytest.mark.parametrize(
    "data", [b"# A \n\0\n", b"# Caf\xe9 \n"], ids=["NUL bytes", "invalid UTF-8"]
)
def test_file_that_cannot_be_read_as_text_is_never_written(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    assert fix(path) == 2
    assert path.read_bytes() == data
    assert path.stat().st_mtime_ns == before


def test_fix_of_many_findings_is_linear_enough(tmp_path: Path) -> None:
    """20,000 trailing-whitespace fixes in one file (quadratic edit application took minutes)."""
    path = tmp_path / "README.md"
    path.write_text("x   \n" * 20_000, encoding="utf-8")
    fix(path)
    assert path.read_text(encoding="utf-8") == "x\n" * 20_000


def test_fix_leaves_no_temporary_file_when_the_folder_is_not_writable(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only folder")
    path = tmp_path / "README.md"
    path.write_bytes(UNTIDY.encode())
    tmp_path.chmod(0o555)
    try:
        assert fix(path) == 2
        assert path.read_bytes() == UNTIDY.encode()
    finally:
        tmp_path.chmod(0o755)

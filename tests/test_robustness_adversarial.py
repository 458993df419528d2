"""Adversarial inputs: each must finish (guarded by a minute, not timed) without a crash.

Every input runs through the real command line in a child process, so a hang is caught by the
guard and a crash shows as a traceback. Exit status 0 or 1 means the file was linted; 2 means it was
refused with a one-line reason (binary, not UTF-8, too large, unreadable).

Run this file directly to print each input's time and peak memory:
``PYTHONPATH=src python tests/test_robustness_adversarial.py``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
GUARD_SECONDS = 120  # of CPU time (RLIMIT_CPU), so that a busy machine does not trip it
WALL_GUARD_SECONDS = 600  # a process that sleeps (blocked on a FIFO) uses no CPU
GNU_TIME = Path("/usr/bin/time")
MIB = 2**20


@dataclass(frozen=True)
class Outcome:
    """How one run of ``listlint`` on an adversarial input ended."""

    status: int  # -1: stopped by the guard
    seconds: float
    cpu_seconds: float | None  # user + system, when GNU time is there to say
    peak_mib: float | None
    stderr: str


def run_listlint(*arguments: str, cwd: Path) -> Outcome:
    """Run the command line in a child process under the guard; GNU time reports CPU and memory."""
    report = cwd / ".time"
    launcher = [str(GNU_TIME), "-f", "%U %S %M", "-o", str(report)] if GNU_TIME.exists() else []
    env = {**os.environ, "PYTHONPATH": str(SRC), "NO_COLOR": "1"}
    command = [*launcher, sys.executable, "-m", "listlint", "--no-config", "--quiet", *arguments]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=WALL_GUARD_SECONDS,
            preexec_fn=_limit_cpu,
        )
    except subprocess.TimeoutExpired:
        return Outcome(
            -1, WALL_GUARD_SECONDS, None, None, f"still running after {WALL_GUARD_SECONDS} s"
        )
    if "CPU time limit exceeded" in done.stderr or done.returncode in (-24, 152):
        return Outcome(
            -1, time.perf_counter() - start, None, None, f"over {GUARD_SECONDS} s of CPU"
        )
    seconds = time.perf_counter() - start
    if not launcher:
        return Outcome(done.returncode, seconds, None, None, done.stderr)
    user, system, peak_kib = report.read_text().split()[-3:]
    return Outcome(
        done.returncode, seconds, float(user) + float(system), int(peak_kib) / 1024, done.stderr
    )


def _limit_cpu() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (GUARD_SECONDS, GUARD_SECONDS + 1))


def _nested_list_staircase(depth: int) -> bytes:
    return "".join("  " * level + "- x\n" for level in range(depth)).encode()


def _quote_staircase(depth: int) -> bytes:
    return "".join(">" * level + " x\n" for level in range(1, depth + 1)).encode()


def _entries(template: str, count: int = 20_000) -> bytes:
    return "".join(f"- {template.format(n=n)}\n" for n in range(count)).encode()


# Name -> file content. Sizes stay under the default 10 MB limit so that each one is really parsed.
FILES: dict[str, Callable[[], bytes]] = {
    "1 MB of `[`": lambda: b"[" * MIB,
    "100,000 nested brackets": lambda: b"[" * 100_000 + b"x" + b"]" * 100_000,
    "100,000 nested links": lambda: b"[" * 100_000 + b"x" + b"](https://x.io)" * 100_000,
    "10,000-level nested list (one line)": lambda: b"- " * 10_000 + b"x\n",
    "1,000-level indented list staircase": lambda: _nested_list_staircase(1_000),
    "10,000-level nested blockquote (one line)": lambda: b">" * 10_000 + b" x\n",
    "1,000-level blockquote staircase": lambda: _quote_staircase(1_000),
    "10,000 nested list items in blockquotes": lambda: b"> - " * 10_000 + b"x\n",
    "single 5 MB line of words": lambda: b"word " * (MIB),
    "single 5 MB line of links": lambda: b"[a](https://x.io) " * (5 * MIB // 18),
    "100,000 headings with the same text": lambda: b"## Same\n" * 100_000,
    "100,000 table rows": lambda: (
        b"| a | b |\n|---|---|\n" + b"| [x](https://x.io) | y |\n" * 100_000
    ),
    "1 MB of `*`": lambda: b"*" * MIB,
    "100,000 ``` `a ```": lambda: b"`a" * 100_000,
    "1 MB of unclosed `<!--`": lambda: b"<!--" * (MIB // 4),
    "1 MB of unclosed `<a` in an HTML block": lambda: b"<div>\n" + b"<a " * (MIB // 3),
    "100,000 `<a id=...>` anchors": lambda: b'<a id="x"></a>\n' * 100_000,
    "100,000 reference definitions": lambda: b"".join(
        b"[r%d]: https://x.io/%d\n" % (n, n) for n in range(100_000)
    ),
    "1 MB of backslashes and entities": lambda: b"\\&amp;&#x5B;" * (MIB // 12),
    "CRLF and lone CR mixed, 100,000 lines": lambda: b"- [a](b)\r\n- [c](d)\r" * 50_000,
    # Shapes that once made a rule quadratic, at a scale where quadratic work is over the guard.
    "100,000 `(` then 100,000 `]`": lambda: b"(" * 100_000 + b"]" * 100_000,
    "20,000 entries of one name, each its own URL": lambda: _entries(
        "[a](https://x.io/{n}) - {n}."
    ),
    "20,000 entries of one URL, each its own name": lambda: _entries("[n{n}](https://x.io) - D."),
    "20,000 entries of one description": lambda: _entries(
        "[name{n}](https://x{n}.io) - The very same description for every one."
    ),
    "20,000 numbered names": lambda: _entries("[name{n:05d}x](https://x.io/{n}) - D."),
    "20,000 parallel sections": lambda: "".join(
        f"# P{n}\n\n## Tools\n\n- [a](https://x.io) - A tool.\n\n" for n in range(20_000)
    ).encode(),
    "TOC of 20,000 headings": lambda: (
        "# T\n\n"
        + "".join(f"- [H{n}](#h{n})\n" for n in range(20_000))
        + "".join(f"\n## H{n}\n" for n in range(20_000))
    ).encode(),
    "20,000 suppression comments": lambda: (
        "<!-- listlint-disable LL101 -->\n- [a](https://x.io) - D.\n" * 20_000
    ).encode(),
    "20,000 unclosed `[a](` on one line": lambda: b"[a](" * 20_000 + b"\n",
    "20,000 sections linking one missing anchor": lambda: (
        b"## Same\n\n- [a](#same-49999) - A.\n" * 20_000
    ),
    "50,000 entries with trailing whitespace": lambda: (
        b"- [a](https://a.example/) - A.  \n\n" * 50_000
    ),
    "BOM only": lambda: b"\xef\xbb\xbf",
    "empty file": lambda: b"",
}
REFUSED: dict[str, Callable[[], bytes]] = {
    "NUL bytes": lambda: b"# Title\n\n- [a](https://x.io)\0\0 - b\n",
    "invalid UTF-8": lambda: b"# Caf\xe9\n\n- [a](https://x.io) - \xff\xfe\n",
    "over the 10 MB limit": lambda: b"x" * (10 * 1024 * 1024 + 1),
}


def _lints(outcome: Outcome) -> None:
    assert outcome.status != -1, outcome.stderr
    assert "Traceback" not in outcome.stderr, outcome.stderr
    assert outcome.status in (0, 1), outcome.stderr


# The developer's loop keeps the inputs that take a fraction of a second; the soak runs them all.
QUICK = {
    "10,000-level nested list (one line)",
    "10,000-level nested blockquote (one line)",
    "1 MB of `*`",
    "1 MB of unclosed `<!--`",
    "1 MB of unclosed `<a` in an HTML block",
    "BOM only",
    "empty file",
}


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=() if name in QUICK else pytest.mark.soak) for name in FILES]
)
def test_adversarial_file_is_linted_without_crash(name: str, tmp_path: Path) -> None:
    (tmp_path / "input.md").write_bytes(FILES[name]())
    _lints(run_listlint("input.md", cwd=tmp_path))


@pytest.mark.parametrize("name", REFUSED)
def test_file_that_is_not_markdown_text_is_refused_in_one_line(name: str, tmp_path: Path) -> None:
    (tmp_path / "input.md").write_bytes(REFUSED[name]())
    outcome = run_listlint("input.md", cwd=tmp_path)
    assert outcome.status == 2, outcome.stderr
    assert outcome.stderr.startswith("listlint: error: input.md: "), outcome.stderr


# Inputs by size, for the growth check: n and 4n entries must cost about 4 times the CPU, not 16.
SCALED: dict[str, Callable[[int], bytes]] = {
    "<a id> anchors": lambda n: b'<a id="x"></a>\n' * n,
    "TOC of n headings": lambda n: (
        "# T\n\n"
        + "".join(f"- [H{i}](#h{i})\n" for i in range(n))
        + "".join(f"\n## H{i}\n" for i in range(n))
    ).encode(),
    "headings with the same text": lambda n: b"## Same\n" * n,
    "table rows": lambda n: b"| a | b |\n|---|---|\n" + b"| [x](https://x.io) | y |\n" * n,
    "reference definitions": lambda n: b"".join(
        b"[r%d]: https://x.io/%d\n" % (i, i) for i in range(n)
    ),
    "entries of one name": lambda n: b"".join(
        b"- [a](https://x.io/%d) - A.\n" % i for i in range(n)
    ),
    "sections linking one missing anchor": lambda n: b"## Same\n\n- [a](#same-49999) - A.\n" * n,
    "suppression comments": lambda n: (
        b"<!-- listlint-disable LL101 -->\n- [a](https://x.io) - D.\n" * n
    ),
    "metadata tags on one line": lambda n: b"- [a](https://x.io) - A " + b"<kbd>x" * n + b"\n",
}
GROWTH_SIZE = 5_000
MOST_GROWTH = 8.0  # for 4 times the input; linear work grows 4 times, quadratic 16


@pytest.mark.soak
@pytest.mark.skipif(not GNU_TIME.exists(), reason="GNU time measures the child's CPU time")
@pytest.mark.parametrize("name", SCALED)
def test_work_grows_linearly_with_the_input(name: str, tmp_path: Path) -> None:
    """CPU time, not wall time: the small run's start-up is part of it, which only helps."""
    cpu = []
    for size in (GROWTH_SIZE, 4 * GROWTH_SIZE):
        (tmp_path / "input.md").write_bytes(SCALED[name](size))
        outcome = run_listlint("input.md", cwd=tmp_path)
        _lints(outcome)
        assert outcome.cpu_seconds is not None
        cpu.append(outcome.cpu_seconds)
    assert cpu[1] < MOST_GROWTH * cpu[0], f"{cpu[0]:.2f} s of CPU, then {cpu[1]:.2f} s"


def _symlink_loops(folder: Path) -> None:
    (folder / "list.md").write_text("# List\n\n- [a](https://x.io) - A.\n", encoding="utf-8")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.md").symlink_to(folder / "self.md")


def test_symlink_loop_in_a_directory_argument_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    _symlink_loops(folder)
    outcome = run_listlint("docs", cwd=tmp_path)
    assert "Traceback" not in outcome.stderr
    assert outcome.status in (0, 1), outcome.stderr  # the loops are not Markdown files: skipped


def test_fifo_in_a_directory_argument_is_skipped_not_waited_on(tmp_path: Path) -> None:
    """A named pipe called ``*.md`` would block a reader forever; only regular files are linted."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "list.md").write_text("# List\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.md")
    outcome = run_listlint("docs", cwd=tmp_path)
    assert outcome.status in (0, 1), outcome.stderr


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read a mode-000 file")
def test_unreadable_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "secret.md"
    path.write_text("# Secret\n", encoding="utf-8")
    path.chmod(0)
    outcome = run_listlint("secret.md", cwd=tmp_path)
    assert outcome.status == 2, outcome.stderr
    assert "permission denied" in outcome.stderr


def _report() -> None:
    """Print each adversarial input's status, time and peak memory (for the closing note)."""
    import tempfile

    print("| input | exit | wall s | CPU s | peak MiB |\n|---|---:|---:|---:|---:|")
    for name, make in {**FILES, **REFUSED}.items():
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "input.md").write_bytes(make())
            outcome = run_listlint("input.md", cwd=Path(folder))
        print(_row(name, outcome), flush=True)
    for name, setup in (("symlink loops in a directory", _symlink_loops),):
        with tempfile.TemporaryDirectory() as folder:
            docs = Path(folder) / "docs"
            docs.mkdir()
            setup(docs)
            outcome = run_listlint("docs", cwd=Path(folder))
        print(_row(name, outcome), flush=True)


def _row(name: str, outcome: Outcome) -> str:
    cpu = f"{outcome.cpu_seconds:.2f}" if outcome.cpu_seconds is not None else "-"
    peak = f"{outcome.peak_mib:.0f}" if outcome.peak_mib is not None else "-"
    return f"| {name} | {outcome.status} | {outcome.seconds:.2f} | {cpu} | {peak} |"


if __name__ == "__main__":
    _report()

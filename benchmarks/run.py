"""Benchmark listlint against awesome-lint, markdownlint-cli2 and a bare-parse floor.

Every tool runs as a whole process, the way pre-commit and CI run it. Per input: one warm-up run
of each tool, then ``--runs`` rounds; each round runs every tool once, in an order that rotates
from round to round so that machine drift hits every tool alike. Reported per tool: the median
wall time, the median CPU time (user + system, less sensitive to a busy machine) and the peak
resident memory of that one child (GNU time when installed, else ``os.wait4``).

Inputs: every list in ``shared/corpus/lists`` (found by walking up from this file; else the
``fixtures/`` of the repository), generated lists of 1,000, 10,000 and 100,000 entries
(``benchmarks/generate.py``, fixed seed), hostile inputs (``generate.HOSTILE``: 1 MB of ``[``, a
4 MB line of 200,000 links, ...) and a one-line file (start-up cost). After the table, the
issue's goals are checked against the figures of this same run.

Tools:

- ``listlint``: ``listlint --no-config --quiet FILE`` (every default rule) as its console script
  runs it (``LISTLINT``: the script's two lines, without ``python -m``'s runpy), with this
  repository's ``src`` first on ``PYTHONPATH``;
- ``floor``: a bare ``python`` that imports markdown-it-py and parses the file with the same grammar
  as listlint (CommonMark, tables, strikethrough, linkify) and nothing else;
- ``markdownlint-cli2`` and ``awesome-lint`` when installed under ``--npm`` (see the README):
  ``npm install --prefix /tmp/bench-npm awesome-lint@2.3.0 markdownlint-cli2@0.22.0``.
  markdownlint-cli2 gets a config that turns MD013 (line length) off.

Results go to ``benchmarks/results/`` as ``results.md`` (the table) and ``results.json``.
``--profile`` adds a per-phase table from ``listlint --profile`` (``profile.md``).
``--instructions`` also counts the instructions of one run of listlint and of the floor on each
input under 512 KiB (``valgrind --tool=callgrind``, ``PYTHONHASHSEED=0``, bytecode cached): a
ratio that does not move with the machine's load, which seconds on a shared machine do (about
10 minutes for the corpus).

    python benchmarks/run.py                # everything (about 15 minutes on 2 cores)
    python benchmarks/run.py --quick        # 3 rounds, no 100,000-entry list
    python benchmarks/run.py --runs 3 --budget 60   # what the README quotes
    python benchmarks/run.py --quick --instructions  # and the callgrind counts
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import HOSTILE, ONE_LINE, generate_list  # noqa: E402

FLOOR = """\
import sys
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
md.parse(open(sys.argv[1], encoding="utf-8").read())
"""
# What the ``listlint`` console script that pip writes (and pre-commit runs) does.
LISTLINT = "import sys; from listlint.__main__ import console; sys.exit(console())"
MARKDOWNLINT_CONFIG = {"config": {"MD013": False}}
SIZES = (1_000, 10_000, 100_000)
HOSTILE_PREFIX = "hostile: "
SEED = 1
TIMEOUT = 600  # default seconds for one run of one tool; slower runs are reported as timeouts


@dataclass
class Measure:
    """Every run of one tool on one input."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    exit_codes: list[int] = field(default_factory=list)
    rounds: list[int] = field(default_factory=list)  # the round of each timed run
    timeout: bool = False

    @property
    def median_wall(self) -> float | None:
        """Median wall seconds, None if the tool never finished."""
        return statistics.median(self.wall) if self.wall else None

    @property
    def median_cpu(self) -> float | None:
        """Median CPU seconds (user + system)."""
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def peak_rss_mb(self) -> float | None:
        """Largest resident set size seen, in MiB."""
        return max(self.rss_mb) if self.rss_mb else None


@dataclass
class Tool:
    """A command line to benchmark; ``{file}`` is replaced by the input path."""

    name: str
    argv: list[str]
    env: dict[str, str] | None = None

    def command(self, path: Path) -> list[str]:
        """The command for one input."""
        return [str(path) if part == "{file}" else part for part in self.argv]


GNU_TIME = Path("/usr/bin/time")


def run_once(tool: Tool, path: Path, measure: Measure, cwd: Path) -> None:
    """Run ``tool`` on ``path`` once, adding its wall time, CPU time and peak memory to ``measure``.

    The peak memory comes from GNU time wrapped around the tool when it is installed: a child's
    ``ru_maxrss`` keeps the high-water mark of the process it was forked from (this Python), so
    only a small launcher reports the tool's own peak.
    """
    report = cwd / "time.out"
    launcher = [str(GNU_TIME), "-f", "%M", "-o", str(report)] if GNU_TIME.exists() else []
    start = time.perf_counter()
    process = subprocess.Popen(
        launcher + tool.command(path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=tool.env,
        cwd=cwd,
    )
    deadline = start + TIMEOUT_SECONDS[0]
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            process.wait()
            measure.timeout = True
            return
        time.sleep(0.002)
    process.returncode = os.waitstatus_to_exitcode(status)
    measure.wall.append(time.perf_counter() - start)
    measure.cpu.append(usage.ru_utime + usage.ru_stime)
    peak_kb = int(report.read_text().split()[-1]) if launcher else usage.ru_maxrss
    measure.rss_mb.append(peak_kb / 1024)
    measure.exit_codes.append(process.returncode)


TIMEOUT_SECONDS = [TIMEOUT]
PAIRS = (("listlint", "floor"), ("markdownlint-cli2", "listlint"), ("awesome-lint", "listlint"))
INSTRUCTIONS_UP_TO = 512 * 1024  # bytes: callgrind runs about 50 times slower than the tool


def count_instructions(tool: Tool, path: Path, cwd: Path) -> int | None:
    """The instructions one run of ``tool`` on ``path`` executes (callgrind's total), or None
    without valgrind. The same program, input and environment give the same count whatever
    else the machine is doing; string hashing is seeded (``PYTHONHASHSEED=0``) so that sets and
    dicts iterate alike from run to run."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    out = cwd / "callgrind.out"
    subprocess.run(
        [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", *tool.command(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        env={**(tool.env or os.environ), "PYTHONHASHSEED": "0"}, cwd=cwd,
        timeout=TIMEOUT_SECONDS[0] * 60,
    )  # fmt: skip
    totals = [line for line in out.read_text().splitlines() if line.startswith("totals:")]
    out.unlink()
    return int(totals[0].split()[1]) if totals else None


def find_corpus() -> Path | None:
    """``shared/corpus/lists`` in a parent folder, if there is one."""
    for parent in HERE.parents:
        candidate = parent / "shared" / "corpus" / "lists"
        if candidate.is_dir():
            return candidate
    return None


def inputs(
    scratch: Path, sizes: tuple[int, ...], corpus: Path | None, hostile: bool = True
) -> list[tuple[str, Path]]:
    """(label, path) of every input: the real lists, generated lists, hostile inputs, the
    one-line file."""
    found: list[tuple[str, Path]] = []
    if corpus is not None:
        found += [(p.stem, p) for p in sorted(corpus.glob("*.md"))]
    else:
        found += [(p.stem, p) for p in sorted((ROOT / "fixtures").rglob("*.md"))]
    for size in sizes:
        path = scratch / f"generated-{size}.md"
        path.write_text(generate_list(size, SEED), encoding="utf-8")
        found.append((f"generated {size:,} entries", path))
    for number, (name, text) in enumerate(HOSTILE.items() if hostile else ()):
        path = scratch / f"hostile-{number}.md"
        path.write_text(text, encoding="utf-8")
        found.append((f"{HOSTILE_PREFIX}{name}", path))
    one_line = scratch / "one-line.md"
    one_line.write_text(ONE_LINE, encoding="utf-8")
    found.append(("one-line file", one_line))
    return found


def tools(npm: Path, scratch: Path, wanted: set[str]) -> list[Tool]:
    """The tools to compare, those of ``wanted`` that are installed."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    env["NO_COLOR"] = "1"
    # As installed: bytecode is cached after the warm-up run (some sandboxes forbid writing it,
    # and would make every run compile listlint's sources, which an installation never does).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    found = [
        Tool("listlint", [sys.executable, "-c", LISTLINT, "--no-config", "--quiet", "{file}"], env),
        Tool("floor", [sys.executable, "-c", FLOOR, "{file}"], env),
    ]
    markdownlint = npm / "node_modules" / ".bin" / "markdownlint-cli2"
    if markdownlint.exists():
        config = scratch / ".markdownlint-cli2.jsonc"
        config.write_text(json.dumps(MARKDOWNLINT_CONFIG), encoding="utf-8")
        found.append(
            Tool("markdownlint-cli2", [str(markdownlint), "--config", str(config), "{file}"])
        )
    awesome = npm / "node_modules" / ".bin" / "awesome-lint"
    if awesome.exists():
        found.append(Tool("awesome-lint", [str(awesome), "{file}"]))
    return [tool for tool in found if tool.name in wanted]


def benchmark(
    tool_list: list[Tool], path: Path, runs: int, cwd: Path, budget: float
) -> dict[str, Measure]:
    """Warm up every tool, then ``runs`` rounds in rotating order; slow tools get fewer rounds."""
    measures = {tool.name: Measure() for tool in tool_list}
    warm: dict[str, float] = {}
    for tool in tool_list:
        scratch = Measure()
        run_once(tool, path, scratch, cwd)
        warm[tool.name] = scratch.wall[0] if scratch.wall else float("inf")
        if scratch.timeout:
            measures[tool.name].timeout = True
    for round_number in range(runs):
        shift = round_number % len(tool_list)
        for tool in tool_list[shift:] + tool_list[:shift]:
            measure = measures[tool.name]
            if measure.timeout or (measure.wall and warm[tool.name] * (round_number + 1) > budget):
                continue  # a slow tool gets one timed run, then only what the budget allows
            run_once(tool, path, measure, cwd)
            if len(measure.rounds) < len(measure.wall):
                measure.rounds.append(round_number)
    return measures


def paired_ratio(mine: Measure, other: Measure, what: str) -> float | None:
    """The median over rounds of ``mine``'s time divided by ``other``'s in the same round.

    The two ran in the same round, so a machine that slows down for a minute slows both; the
    ratio of two medians would mix rounds taken at different speeds.
    """
    theirs = dict(zip(other.rounds, getattr(other, what), strict=True))
    pairs = [
        a / theirs[r]
        for r, a in zip(mine.rounds, getattr(mine, what), strict=True)
        if theirs.get(r)
    ]
    return statistics.median(pairs) if pairs else None


def machine() -> dict[str, object]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    with contextlib.suppress(ValueError, OSError, AttributeError):
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    node = shutil.which("node")
    node_version = (
        subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
        if node
        else None
    )
    from importlib.metadata import version

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory, 1) if memory else None,
        "python": platform.python_version(),
        "markdown_it_py": version("markdown-it-py"),
        "node": node_version,
        "load_average_at_start": os.getloadavg(),
    }


def npm_versions(npm: Path) -> dict[str, str]:
    """Installed versions of the npm tools."""
    versions = {}
    for name in ("awesome-lint", "markdownlint-cli2"):
        package = npm / "node_modules" / name / "package.json"
        if package.exists():
            versions[name] = json.loads(package.read_text())["version"]
    return versions


def _seconds(value: float | None) -> str:
    return "timeout" if value is None else f"{value:.3f}"


def _both(measure: dict[str, float | None]) -> str:
    if not measure:
        return "-"  # not run on this input
    if measure.get("wall") is None:
        return "timeout"
    return f"{measure['wall']:.2f} ({measure['cpu']:.2f})"


def _ratios(row: dict[str, object], pair: str) -> str:
    """The paired wall (CPU) ratio of ``pair`` ("listlint/floor") on one input."""
    ratios: dict[str, float | None] = row["ratios"].get(pair, {})  # type: ignore[attr-defined]
    if not ratios:
        return "-"
    return f"{_ratio(ratios.get('wall'))} ({_ratio(ratios.get('cpu'))})"


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _instructions(row: dict[str, object]) -> float | None:
    """listlint's instructions over the floor's on one input, when both were counted."""
    return row["ratios"].get("listlint/floor", {}).get("instructions")  # type: ignore[attr-defined, no-any-return]


def table(rows: list[dict[str, object]], tool_names: list[str]) -> str:
    """The results as a Markdown table: wall (CPU) medians, the medians of the rounds' ratios,
    listlint's peak memory (and the instruction ratio, when counted)."""
    others = [t for t in ("markdownlint-cli2", "awesome-lint") if t in tool_names]
    header = ["input", "size", "listlint s", "floor s", "listlint / floor"]
    for other in others:
        header += [f"{other} s", f"{other} / listlint"]
    header += ["listlint MiB"]
    counted = any(_instructions(row) for row in rows)
    if counted:
        header += ["listlint / floor instructions"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        measures: dict[str, dict[str, float | None]] = row["tools"]  # type: ignore[assignment]
        mine = measures["listlint"]
        floor = measures.get("floor", {})
        cells = [
            str(row["input"]),
            f"{int(row['bytes']) / 1024:,.0f} KiB",  # type: ignore[call-overload]
            _both(mine),
            _both(floor) if floor else "-",
            _ratios(row, "listlint/floor"),
        ]
        for other in others:
            cells += [_both(measures.get(other, {})), _ratios(row, f"{other}/listlint")]
        rss = mine["rss_mb"]
        cells.append(f"{rss:.0f}" if rss else "-")
        if counted:
            cells.append(_ratio(_instructions(row)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


PHASE_ORDER = ("read", "parse", "model", "model: entries", "model: toc", "suppressions", "report")


def profile(paths: list[tuple[str, Path]], env: dict[str, str]) -> str:
    """A Markdown table of ``listlint --profile`` phases (seconds) for each input."""
    results: list[tuple[str, dict[str, float]]] = []
    for label, path in paths:
        done = subprocess.run(
            [sys.executable, "-m", "listlint", "--no-config", "--quiet", "--profile", str(path)],
            capture_output=True, text=True, env=env, timeout=TIMEOUT,
        )  # fmt: skip
        phases: dict[str, float] = {}
        for line in done.stderr.splitlines()[1:-1]:  # between the header and the total
            phases[line[:28].strip()] = float(line[28:].split()[0])
        results.append((label, phases))
    rule_phases = sorted({p for _, phases in results for p in phases if p.startswith("rules")})
    columns = [*PHASE_ORDER[:5], *rule_phases, *PHASE_ORDER[5:]]
    lines = [
        "| input | " + " | ".join(columns) + " |",
        "|---|" + "|".join("---:" for _ in columns) + "|",
    ]
    for label, phases in results:
        lines.append(
            f"| {label} | " + " | ".join(f"{phases.get(c, 0.0):.3f}" for c in columns) + " |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, help="timed rounds per input (default 5, or 3 with --quick)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="no 100,000-entry list, and 3 rounds unless --runs"
    )
    parser.add_argument(
        "--npm", type=Path, default=Path("/tmp/bench-npm"), help="npm --prefix of the peers"
    )
    parser.add_argument("--tools", default="listlint,floor,markdownlint-cli2,awesome-lint")
    parser.add_argument("--only", help="only inputs whose label contains this text")
    parser.add_argument("--budget", type=float, default=120.0, help="seconds per tool and input")
    parser.add_argument("--profile", action="store_true", help="also write the per-phase profile")
    parser.add_argument("--output", type=Path, default=HERE / "results")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds for one run")
    parser.add_argument("--no-hostile", action="store_true", help="leave out the hostile inputs")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count listlint's and the floor's instructions (valgrind)",
    )
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    TIMEOUT_SECONDS[0] = args.timeout
    sizes = SIZES[:2] if args.quick else SIZES
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="listlint-bench-") as scratch_name:
        scratch = Path(scratch_name)
        all_inputs = inputs(scratch, sizes, find_corpus(), hostile=not args.no_hostile)
        if args.only:
            all_inputs = [(label, path) for label, path in all_inputs if args.only in label]
        tool_list = tools(args.npm, scratch, set(args.tools.split(",")))
        names = [tool.name for tool in tool_list]
        print(
            f"tools: {', '.join(names)}; {len(all_inputs)} inputs; {runs} rounds", file=sys.stderr
        )
        rows: list[dict[str, object]] = []
        for label, path in all_inputs:
            # the goals for hostile inputs are against the floor; the peers are left out there
            chosen = [
                t for t in tool_list if t.name in ("listlint", "floor") or not hostile_input(label)
            ]
            measures = benchmark(chosen, path, runs, scratch, args.budget)
            row = {
                "input": label,
                "bytes": path.stat().st_size,
                "tools": {
                    name: {
                        "wall": m.median_wall,
                        "cpu": m.median_cpu,
                        "rss_mb": m.peak_rss_mb,
                        "runs": len(m.wall),
                        "exit_codes": sorted(set(m.exit_codes)),
                        "timeout": m.timeout,
                        "all_wall": m.wall,
                    }
                    for name, m in measures.items()
                },
                "ratios": {
                    f"{a}/{b}": {
                        what: paired_ratio(measures[a], measures[b], what)
                        for what in ("wall", "cpu")
                    }
                    for a, b in PAIRS
                    if a in measures and b in measures
                },
            }
            if args.instructions and path.stat().st_size <= INSTRUCTIONS_UP_TO:
                counts = {
                    tool.name: count_instructions(tool, path, scratch)
                    for tool in chosen
                    if tool.name in ("listlint", "floor")
                }
                for name, count in counts.items():
                    row["tools"][name]["instructions"] = count  # type: ignore[index]
                if counts.get("listlint") and counts.get("floor"):
                    row["ratios"]["listlint/floor"]["instructions"] = (  # type: ignore[index]
                        counts["listlint"] / counts["floor"]  # type: ignore[operator]
                    )
            rows.append(row)
            summary = ", ".join(f"{n} {_seconds(m.median_wall)}s" for n, m in measures.items())
            print(f"{label}: {summary}", file=sys.stderr)
        profile_table = (
            profile(all_inputs, tool_list[0].env or dict(os.environ)) if args.profile else None
        )
    facts = {**machine(), "tools": {"listlint": _listlint_version(), **npm_versions(args.npm)}}
    text = table(rows, names)
    heading = (
        f"Measured {facts['date']} on {facts['cpu']} ({facts['cores']} cores, "
        f"{facts['memory_gib']} GiB), Python {facts['python']}, node {facts['node']}; "
        f"median of {runs} rounds after a warm-up; wall seconds of the whole process, CPU "
        f"seconds (user + system) in parentheses; a ratio is the median of the rounds' ratios "
        f"(both tools ran in each round, minutes apart at most).\n\n"
    )
    text += "\n" + goals(rows)
    (args.output / "results.md").write_text(heading + text, encoding="utf-8")
    (args.output / "results.json").write_text(
        json.dumps({"machine": facts, "runs": runs, "results": rows}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(heading + text)
    if profile_table:
        (args.output / "profile.md").write_text(profile_table, encoding="utf-8")
        print("Per-phase seconds (listlint --profile):\n\n" + profile_table)
    return 0


def _listlint_version() -> str:
    sys.path.insert(0, str(ROOT / "src"))
    from listlint import __version__

    return __version__


def hostile_input(label: str) -> bool:
    """Whether ``label`` names one of the hostile inputs."""
    return label.startswith(HOSTILE_PREFIX)


def goals(rows: list[dict[str, object]]) -> str:
    """The issue's goals, each checked against the figures of this run, as a Markdown table."""
    by_label = {str(row["input"]): row["tools"] for row in rows}
    by_ratios: dict[str, dict[str, dict[str, float | None]]] = {
        str(row["input"]): row["ratios"]  # type: ignore[misc]
        for row in rows
    }
    lists = [
        str(row["input"])
        for row in rows
        if not str(row["input"]).startswith(("generated", HOSTILE_PREFIX, "one-line"))
    ]

    def figure(label: str, tool: str, what: str = "cpu") -> float | None:
        return by_label.get(label, {}).get(tool, {}).get(what)  # type: ignore[attr-defined, no-any-return]

    def ratios(numerator: str, denominator: str, what: str = "cpu") -> list[float]:
        paired = (by_ratios.get(lab, {}).get(f"{numerator}/{denominator}", {}) for lab in lists)
        return [value for pair in paired if (value := pair.get(what))]

    table: list[tuple[str, str, bool | None]] = []

    def goal(name: str, value: float | None, shown: str, met: bool) -> None:
        table.append((name, shown if value is not None else "not measured", met if value else None))

    worst_floor = max(ratios("listlint", "floor"), default=None)
    goal(
        "every corpus list: listlint CPU <= 1.5x the bare parse",
        worst_floor,
        f"worst {worst_floor:.2f}x" if worst_floor else "",
        bool(worst_floor and worst_floor <= 1.5),
    )
    counted = ratios("listlint", "floor", "instructions")
    if counted:
        goal(
            "every corpus list: listlint instructions <= 1.5x the bare parse's (callgrind)",
            max(counted),
            f"{min(counted):.2f}x-{max(counted):.2f}x",
            max(counted) <= 1.5,
        )
    for peer, target in (("awesome-lint", 5.0), ("markdownlint-cli2", 2.0)):
        least = min(ratios(peer, "listlint"), default=None)
        goal(
            f"every corpus list: {peer} CPU >= {target:g}x listlint's",
            least,
            f"least {least:.1f}x" if least else "",
            bool(least and least >= target),
        )
    one = figure("one-line file", "listlint", "wall")
    goal(
        "one-line file <= 150 ms wall",
        one,
        f"{(one or 0) * 1000:.0f} ms",
        bool(one and one <= 0.15),
    )
    small, big = "generated 10,000 entries", "generated 100,000 entries"
    seconds, peak = figure(big, "listlint"), figure(big, "listlint", "rss_mb")
    goal(
        "100,000 entries <= 15 s (CPU)",
        seconds,
        f"{seconds or 0:.1f} s",
        bool(seconds and seconds <= 15),
    )
    goal("100,000 entries <= 1 GiB", peak, f"{peak or 0:.0f} MiB", bool(peak and peak <= 1024))
    growth = seconds / figure(small, "listlint") if seconds and figure(small, "listlint") else None  # type: ignore[operator]
    goal(
        "growth 10,000 -> 100,000 entries within 11x (CPU)",
        growth,
        f"{growth or 0:.1f}x",
        bool(growth and growth <= 11),
    )
    brackets = HOSTILE_PREFIX + "1 MB of `[`"
    seconds, peak = figure(brackets, "listlint"), figure(brackets, "listlint", "rss_mb")
    goal(
        "1 MB of `[` <= 5 s (CPU)", seconds, f"{seconds or 0:.1f} s", bool(seconds and seconds <= 5)
    )
    goal("1 MB of `[` <= 512 MiB", peak, f"{peak or 0:.0f} MiB", bool(peak and peak <= 512))
    line = HOSTILE_PREFIX + "4 MB line of 200,000 links"
    ratio = by_ratios.get(line, {}).get("listlint/floor", {}).get("cpu")
    goal(
        "4 MB line of 200,000 links <= 3x the bare parse (CPU)",
        ratio,
        f"{ratio or 0:.2f}x",
        bool(ratio and ratio <= 3),
    )
    peaks = [p for p in (figure(label, "listlint", "rss_mb") for label in by_label) if p]
    top = max(peaks, default=None)
    goal("no input over 1 GiB", top, f"largest {top or 0:.0f} MiB", bool(top and top <= 1024))
    lines = ["| goal | measured | met |", "|---|---|---|"]
    for name, shown, met in table:
        lines.append(f"| {name} | {shown} | {'-' if met is None else 'yes' if met else 'no'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

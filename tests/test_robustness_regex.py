"""No regular expression of listlint backtracks catastrophically.

Every compiled pattern found in a ``listlint`` module (rules included, so new rules are covered
automatically) plus the patterns written inline in calls, is run with ``search``, ``match``,
``fullmatch`` and ``finditer`` (patterns only ever anchored: ``match`` and ``fullmatch``) over long
hostile strings: 20,000 repeats of each character or
fragment Markdown is made of, with and without a character that makes the match fail at the end.
Python's regex engine cannot be interrupted, so the sweep runs in a child process under a one-minute
guard; the slowest pattern is named when it fails.

Reviewed by hand (the patterns as of this commit): ``fix._LINE``, ``document._NEWLINES``,
``document._ANCHOR_ATTRIBUTE``, ``document._OMIT_FROM_TOC`` (fullmatch only),
``suppress._DIRECTIVE`` (anchored, one unbounded class before ``$``), ``suppress``'s ``[\\s,]+``
split and the ``urls`` patterns: no nested or adjacent unbounded quantifiers over overlapping
classes, so every one is linear. The quadratic one was ``<!--(.*?)-->`` applied with ``finditer``
to text with many unclosed ``<!--`` (each attempt ran to the end); it is now a ``str.find`` loop.
Rule modules added later are swept automatically but were not reviewed by hand here.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
GUARD_SECONDS = 600  # wall; the sweep itself is limited to two minutes of CPU (RLIMIT_CPU)
CPU_SECONDS = 120

# Only ever applied to bounded text (the last _TAIL_WINDOW characters of an entry): swept at that
# length, where even a quadratic pattern is fast.
WINDOWED: set[str] = set()

SWEEP = r"""
import importlib, pkgutil, re, sys, time
WINDOWED = {windowed}
import listlint
from listlint.rule import all_rules

all_rules()
for module in pkgutil.walk_packages(listlint.__path__, "listlint."):
    if module.name.endswith(".__main__") or ".github" in module.name:
        continue
    importlib.import_module(module.name)
patterns = {}
for name, module in list(sys.modules.items()):
    if name == "listlint" or name.startswith("listlint."):
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern):
                patterns[f"{name}.{attribute}"] = value
INLINE = {"suppress: selector split": re.compile(r"[\s,]+")}
patterns.update(INLINE)
ONLY = sys.argv[1:]
if ONLY:
    patterns = {key: patterns[key] for key in ONLY}
# Only ever used anchored (match/fullmatch): a scan with search() would be quadratic for some, by
# design irrelevant; they are swept with match and fullmatch only.
ANCHORED = {
    "listlint.rules.ll301_entry_name_not_link._NAME_AND_SEPARATOR",
    "listlint.model.build._OMIT_FROM_TOC",
    "listlint.model.entries._DASH_AFTER",
    "listlint.model.entries._LEADING",
    "listlint.model.entries._TITLE_NOTE",
    "listlint.suppress._DIRECTIVE",
    "listlint.urls._ARXIV_PAPER",
    "listlint.urls._PREPRINT_PAPER",
    "listlint.rules._toc_style.ORDERED",
    "listlint.model.toc._END_MARKER",
    "listlint.model.toc._START_MARKER",
    "listlint.model.entries._TRAILING_TAGS_REVERSED",
    "listlint.model.entries._CITATION",
    "listlint.model.entries._HTML_ENTRY",
    "listlint.model.entries._JOINED",
    "listlint.model.entries._META_OPEN",
    "listlint.model.entries._NOTE",
    "listlint.model.entries._PLACEHOLDER",
    "listlint.model.entries._SEPARATOR_AHEAD",
    "listlint.urls.SCHEME",
    "listlint.urls._DOMAIN",
    "listlint.rules.ll102_broken_link_syntax.SCHEME",
    "listlint.rules.ll108_malformed_url.SCHEME",
    "listlint.rules.ll109_missing_file.SCHEME",
}
FRAGMENTS = list("[]()<>!-*_`\\ \t\r\n%:/.#&;=\"'a0|~+\x00\x01\x02") + [
    "<!--", "-->", "](", "%2", "http://", "https://a", "a-", "- ", "\r\n", "listlint-disable ",
    "omit ", " in", "[a](", "id=", "<a ", "&#x", "ab-", "a.b", "@a", "/abs/a-", "/content/1",
    "` ", "`a`", " \x01", "( \x01", " \x02", ", ", " .",
]


def spend(pattern, key, text):
    start = time.process_time()
    pattern.match(text)
    pattern.fullmatch(text)
    if key not in ANCHORED:
        pattern.search(text)
        for _ in pattern.finditer(text):
            pass
    return time.process_time() - start


# Superlinear growth, not absolute speed, is the defect: time n and 4n repeats; a linear pattern
# grows about 4x, a quadratic one 16x. Growth is judged only where the larger run is measurable.
worst = (0.0, "")
offenders = {}
for key, pattern in sorted(patterns.items()):
    small, large = (250, 1000) if key in WINDOWED else (1000, 4000)
    for fragment in FRAGMENTS:
        for tail in ("", "!"):
            short = spend(pattern, key, fragment * small + tail)
            long = spend(pattern, key, fragment * large + tail)
            growth = long / max(short, 2e-4)
            if long > 0.02 and growth > worst[0]:
                worst = (growth, f"{key} on {fragment!r} x {large} + {tail!r}: {long:.3f} s")
            if long > 0.02 and growth > 10:
                offenders.setdefault(key, f"{fragment!r} x {large} + {tail!r}: {growth:.0f}x")
print(len(patterns), "patterns; steepest growth:", f"{worst[0]:.1f}x", worst[1])
if offenders:
    sys.exit("superlinear (growth for 4x the input): " + "; ".join(
        f"{key} on {where}" for key, where in sorted(offenders.items())))
"""


def _limit_cpu() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))


def _sweep(*only: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    try:
        return subprocess.run(
            [sys.executable, "-c", SWEEP.replace("{windowed}", repr(WINDOWED)), *only],
            preexec_fn=_limit_cpu,
            env=env,
            capture_output=True,
            text=True,
            timeout=GUARD_SECONDS,
        )
    except subprocess.TimeoutExpired as expired:
        raise AssertionError(
            f"a pattern is still matching after {GUARD_SECONDS} s: {expired.stdout!r}"
        ) from None


@pytest.mark.soak
def test_no_pattern_backtracks_catastrophically_on_long_hostile_strings() -> None:
    done = _sweep()
    assert done.returncode == 0, done.stderr
    assert "patterns; steepest growth:" in done.stdout

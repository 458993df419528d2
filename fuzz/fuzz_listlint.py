"""Atheris fuzz target: any bytes in, and listlint keeps the robustness properties.

For every input: decoding either succeeds or raises listlint's one-line ``InputError``; linting with
every rule raises nothing; every finding lies inside the file; a fix pass edits only inside the
spans of the findings it fixed; ``--fix`` output re-parses and fixing it again changes nothing.

    pip install atheris
    PYTHONPATH=src python fuzz/fuzz_listlint.py -max_len=4096 -runs=100000 [corpus folder]

Seed it with real lists for better coverage (a folder of ``*.md`` files as the corpus argument).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from robustness import assert_sound

    from listlint.source import InputError, decode

MAX_SIZE = 10 * 1024 * 1024


def test_one_input(data: bytes) -> None:
    """Check every property on one input; an AssertionError or any other exception is a finding."""
    try:
        source = decode(data, "fuzz.md", MAX_SIZE)
    except InputError:
        return
    assert_sound(source.text)


def main() -> None:
    """Run the fuzzer with libFuzzer's command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

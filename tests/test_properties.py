"""Property tests: for any Markdown a list can hold, listlint neither crashes nor damages text.

Documents are built from the pieces awesome lists are made of (headings, entries, nested lists,
block quotes, tables, code blocks, HTML anchors and comments, reference definitions) with inline
text full of brackets, links, emphasis, tabs and Unicode, joined by LF, CRLF or CR line endings.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from robustness import (
    edits_outside_spans,
    fix_once,
    fix_text,
    kept_outside_spans,
    lint_text,
    newline_styles,
    position_problems,
    reparses,
    unmatched_edits,
)

from listlint.cli import main
from listlint.fix import held_back, reported
from listlint.source import BOM

pytestmark = pytest.mark.properties

WORD = st.lists(
    st.sampled_from(
        [
            *"abcXYZ019 -_.,:;!?'\"/\\|~^%=+",
            "é",
            "ß",
            "İ",
            "日本",
            "✨",
            "👩\u200d💻",
            "\u200d",
            "\u0301",
            "\xa0",
            "\t",
            "\ufb01",
            "Ω",
        ]
    ),
    max_size=12,
).map("".join)
URL = st.sampled_from(
    [
        "https://github.com/owner/repo",
        "https://example.com/a_(b)",
        "http://x.org/?q=1&r=[2]",
        "#contents",
        "#missing-anchor",
        "#",
        "<https://spaced url.example>",
        "./docs/README.md",
        "",
        "https://ünïcode.example/päth",
        "mailto:someone@example.com",
        "https://github.com/owner/repo#readme",
    ]
)
INLINE_PIECE = st.one_of(
    WORD,
    st.sampled_from(
        [
            "[",
            "]",
            "(",
            ")",
            "[]",
            "()",
            "![",
            "**",
            "*",
            "_",
            "__",
            "~~",
            "`",
            "``",
            "\\",
            "\\[",
            "&amp;",
            "&#x5B;",
            "&nbsp;",
            "<br>",
            "<!-- note -->",
            '<a name="top"></a>',
            "<a id='x'>",
            '<span id="s">',
            "https://bare.example.com/x",
            "<https://auto.example>",
            "  ",
            " - ",
            " \u2013 ",
            "<!-- omit from toc -->",
            "<!-- listlint-disable-line -->",
            "<!-- listlint-disable-next-line LL504 -->",
            "<!-- listlint-disable LLX99 -->",
        ]
    ),
    st.builds(lambda text, url: f"[{text}]({url})", WORD, URL),
    st.builds(lambda text, url: f"![{text}]({url})", WORD, URL),
    st.builds(lambda text, ref: f"[{text}][{ref}]", WORD, WORD),
    st.builds(lambda text, url: f"[[{text}]({url})]", WORD, URL),
    st.builds(lambda text, url: f"**[{text}]({url})**", WORD, URL),
)
INLINE = st.lists(INLINE_PIECE, max_size=8).map("".join)
INDENT = st.sampled_from(["", "", "  ", "    ", "\t", " ", "   "])


def _table(cells: list[list[str]]) -> list[str]:
    width = max(len(row) for row in cells)
    rows = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines[:1], "|" + "|".join("---" for _ in range(width)) + "|", *lines[1:]]


BLOCK = st.one_of(
    st.builds(lambda level, text: ["#" * level + " " + text], st.integers(1, 7), INLINE),
    st.builds(lambda text, under: [text, under], INLINE, st.sampled_from(["===", "---", "-"])),
    st.builds(
        lambda indent, marker, text: [f"{indent}{marker} {text}"],
        INDENT,
        st.sampled_from(["-", "*", "+", "1.", "2)", "10."]),
        INLINE,
    ),
    st.builds(  # an item continued on a line indented with any mix of tabs and spaces
        lambda marker, text, indent, more: [f"{marker} {text}", f"{indent}{more}"],
        st.sampled_from(["-", "*", "1."]),
        INLINE,
        st.sampled_from(["\t", "\t\t", "\t  ", "  \t", " \t ", "  ", "    ", ">\t"]),
        INLINE,
    ),
    st.builds(lambda depth, text: [">" * depth + " " + text], st.integers(1, 4), INLINE),
    st.builds(lambda text: [text], INLINE),
    st.builds(_table, st.lists(st.lists(INLINE, min_size=1, max_size=3), min_size=1, max_size=4)),
    st.builds(
        lambda fence, body, closed: [fence + "md", *body] + ([fence] if closed else []),
        st.sampled_from(["```", "~~~", "````"]),
        st.lists(INLINE, max_size=3),
        st.booleans(),
    ),
    st.builds(lambda text: ["    " + text], INLINE),
    st.builds(lambda label, url: [f"[{label}]: {url}"], WORD, URL),
    st.sampled_from([[""], [""], ["<details>", "", "</details>"], ["<!--", "comment", "-->"]]),
    st.sampled_from([['<a name="anchor"></a>'], ['<div id="x">'], ["---"], ["***"]]),
)
NEWLINE = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def documents(draw: st.DrawFn, newline: str | None = None) -> str:
    """A Markdown document; one line-ending style unless ``mixed`` endings are drawn."""
    lines = [line for block in draw(st.lists(BLOCK, max_size=12)) for line in block]
    ending = newline or draw(NEWLINE)
    if draw(st.integers(0, 9)) == 0:  # now and then, mixed line endings
        return "".join(line + draw(NEWLINE) for line in lines)
    text = ending.join(lines)
    return text + (ending if draw(st.booleans()) else "")


@given(documents())
def test_no_exception_and_every_finding_inside_the_file(text: str) -> None:
    findings = lint_text(text)
    assert position_problems(text, findings) == []
    assert unmatched_edits(text, findings) == []


@given(documents())
def test_a_fix_pass_changes_only_text_inside_the_findings_it_fixed(text: str) -> None:
    fixed_text, fixed = fix_once(text, lint_text(text))
    assert edits_outside_spans(text, fixed) == []
    assert kept_outside_spans(text, fixed_text, fixed)


@given(documents())
def test_fix_is_idempotent_and_its_output_reparses(text: str) -> None:
    fixed = fix_text(text)
    assert reparses(fixed)
    remaining = lint_text(fixed)
    assert position_problems(fixed, remaining) == []
    # idempotent, unless --fix held back a deletion nobody was shown (the next run applies it)
    assert fix_text(fixed) == fixed or held_back(fixed, remaining, reported(text, lint_text(text)))


def test_a_cascade_deletion_is_held_back_for_the_next_run() -> None:
    """Inserting the space after `+` makes `- + [x](u)` a doubled marker: removing `- ` deletes
    text the first report never showed, so the first --fix stops there and the next one does it."""
    text = "- +[x](https://github.com/owner/repo)\n"
    once = fix_text(text)
    assert once == "- + [x](https://github.com/owner/repo)\n"
    assert held_back(once, lint_text(once), reported(text, lint_text(text)))
    assert fix_text(once) == "+ [x](https://github.com/owner/repo)\n"


@given(documents(), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_fix_on_disk_keeps_line_endings_and_bom(body: str, newline: str, bom: bool) -> None:
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", newline)
    data = ((BOM if bom else "") + text).encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "README.md"
        path.write_bytes(data)
        os.chmod(path, 0o640)
        status = main(["--fix", "--no-config", "--quiet", "--select", "ALL", str(path)])
        after = path.read_bytes()
        mode = os.stat(path).st_mode & 0o777
    assert status in (0, 1)
    assert after.startswith(BOM.encode()) == bom
    if newline_styles(data):
        assert newline_styles(after) == newline_styles(data)
    else:  # no line ending to keep: the final newline added is LF
        assert newline_styles(after) <= {b"\n"}
    assert mode == 0o640
    if after != data:
        assert after.decode("utf-8").removeprefix(BOM) == fix_text(text)

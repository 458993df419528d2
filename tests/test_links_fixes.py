"""Safe fixes of the link rules: minimal, idempotent, line endings kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.config import Selection
from listlint.fix import apply_fixes

from conftest import lint_paths


def fix_once(tmp_path: Path, text: str, codes: str = "LL1") -> str:
    """``text`` after one round of the link family's safe fixes."""
    path = tmp_path / "list.md"
    path.write_bytes(text.encode())
    report = lint_paths([str(path)], isolated=True, selection=Selection(select=[codes]))
    fixed, _ = apply_fixes(text, report.findings)
    return fixed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "**Leap** [[bioRxiv](\nhttps://www.biorxiv.org/x)]\n",
            "**Leap** [[bioRxiv](https://www.biorxiv.org/x)]\n",
        ),
        (
            "- [Numverify](https://numverify.com/ ) - Phones.\n",
            "- [Numverify](https://numverify.com/) - Phones.\n",
        ),
        ("- [Flask](  https://flask.org) - Web.\n", "- [Flask](https://flask.org) - Web.\n"),
        (
            "- [ Alex Krizhevsky ](https://a.org/) - R.\n",
            "- [Alex Krizhevsky](https://a.org/) - R.\n",
        ),
        ("- [Flask ](https://flask.org) - Web.\n", "- [Flask](https://flask.org) - Web.\n"),
        (
            "- [a](https://a.org/x) - A.\n- [b](http://a.org/y) - B.\n",
            "- [a](https://a.org/x) - A.\n- [b](https://a.org/y) - B.\n",
        ),
        (
            "- [a][a] <http://a.org/z>\n\n[a]: https://a.org/\n",
            "- [a][a] <https://a.org/z>\n\n[a]: https://a.org/\n",
        ),
        (
            "- [a](https://a.org/x)\n- [b][b]\n\n[b]: http://a.org/y\n",
            "- [a](https://a.org/x)\n- [b][b]\n\n[b]: https://a.org/y\n",
        ),
    ],
)
def test_safe_fix(tmp_path: Path, before: str, after: str) -> None:
    assert fix_once(tmp_path, before) == after


@pytest.mark.parametrize(
    "text",
    [
        "- [Flask ](https://flask.org) - Web.\r\n- [Django]( https://django.org ) - Web.\r\n",
        "**Leap** [[bioRxiv](\r\nhttps://www.biorxiv.org/x)]\r\n\r\nNext paragraph.\r\n",
    ],
)
def test_fixes_keep_crlf_and_are_idempotent(tmp_path: Path, text: str) -> None:
    once = fix_once(tmp_path, text)
    assert once != text
    assert "\n" not in once.replace("\r\n", "")
    assert fix_once(tmp_path, once) == once


def test_http_is_not_upgraded_without_proof(tmp_path: Path) -> None:
    text = "- [a](http://a.org/x) - A.\n- [b](https://b.org/) - B.\n"
    assert fix_once(tmp_path, text) == text


def test_unsafe_fixes_are_not_applied(tmp_path: Path) -> None:
    text = "- [Flask][flask] - Web.\n\n[flask]: https://flask.org\n[unused]: https://u.org\n"
    assert fix_once(tmp_path, text) == text

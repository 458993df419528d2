"""Contribution rules (LL7xx): a change judged as its reviewer judges it.

The end-to-end tests change a real list (awesome-go, from ../shared) in a git repository made by
the test, then run ``--changed-since`` and ``listlint review`` (PyGithub against the emulator).
The others feed a pull request's change to ``run()`` directly, as ``listlint review`` does.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from github_emulator import PullRequest, github_patch, pull_request

from listlint.changes import Change, parse_patch
from listlint.cli import main
from listlint.config import ConfigError, Selection, load_config
from listlint.findings import Finding
from listlint.run import RunOptions, run

from conftest import ROOT, git, require_shared

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

CONFIG = """\
[contribution]
max-new-entries = 1
placement = "alphabetical"
new-sections = false
files = ["README.md"]
min-entries-per-section = 2
"""
ZETA = "- [zeta](https://github.com/example/zeta) - Actors for everyone.\n"
GOLD = "- [gold](https://github.com/yuin/goldmark) - A Markdown parser written in Go.\n"


def insert(text: str, before: str, lines: str) -> str:
    """``text`` with ``lines`` inserted above the first line that starts with ``before``."""
    at = re.search(rf"^{re.escape(before)}", text, re.MULTILINE)
    assert at is not None, before
    return text[: at.start()] + lines + text[at.start() :]


def line_of(text: str, start: str) -> int:
    """The number of the first line of ``text`` that starts with ``start``."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def two_entries(base: str) -> str:
    """awesome-go with two entries added: ``zeta`` on top of the sorted "Actor Model" list, and
    goldmark's URL again, under a new name, just above goldmark in "Markup Languages"."""
    return insert(insert(base, "- [asyncmachine-go/pkg/machine]", ZETA), "- [goldmark]", GOLD)


@pytest.fixture
def awesome_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose one commit holds awesome-go's README.md and the CONFIG."""
    shared = require_shared()
    git(tmp_path, "init", "-q")
    real = shared / "corpus" / "lists" / "avelino__awesome-go.md"
    (tmp_path / "README.md").write_text(real.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".listlint.toml").write_text(CONFIG, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "awesome-go as it is")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def reported(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[tuple]]:
    """The status and (line, column, code, message) of each finding of a json run."""
    status = main(["--output-format", "json", *arguments])
    found = json.loads(capsys.readouterr().out)
    return status, [(f["line"], f["column"], f["code"], f["message"]) for f in found]


@needs_git
def test_two_entries_one_misplaced_and_one_re_adding_a_project_above_its_twin(
    awesome_go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = awesome_go / "README.md"
    changed = two_entries(readme.read_text(encoding="utf-8"))
    readme.write_text(changed, encoding="utf-8")
    zeta, gold = line_of(changed, "- [zeta]"), line_of(changed, "- [gold]")
    proto = line_of(changed, "- [ProtoActor]")

    status, found = reported(capsys, "--changed-since", "HEAD", "README.md")
    _, whole = reported(capsys, "--select", "LL401", "README.md")

    assert status == 1
    assert found == [
        (
            zeta,
            4,
            "LL702",
            f'"zeta" is out of alphabetical order: it belongs after "ProtoActor" (line {proto}) '
            "(contribution.placement)",
        ),
        (
            gold,
            4,
            "LL401",
            f're-adds "goldmark", listed at line {gold + 1} (same URL under another name: if '
            '"gold" is another project, fix its link)',
        ),
        (
            gold,
            4,
            "LL701",
            "this change adds 2 entries; a contribution may add at most 1 entry "
            "(contribution.max-new-entries)",
        ),
    ]
    # a whole-file run still reports the later copy, the twin below, in the house form
    assert (gold + 1, 4, "LL401") in [finding[:3] for finding in whole]


@needs_git
def test_the_unsafe_fix_moves_the_entry_where_it_belongs(
    awesome_go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = awesome_go / "README.md"
    base = readme.read_text(encoding="utf-8")
    readme.write_text(insert(base, "- [asyncmachine-go/pkg/machine]", ZETA), encoding="utf-8")

    status = main(
        ["--select", "LL702", "--fix", "--unsafe-fixes", "--changed-since", "HEAD", "README.md"]
    )

    assert status == 0
    assert "Fixed 1 problem." in capsys.readouterr().err
    proto = next(line for line in base.splitlines(True) if line.startswith("- [ProtoActor]"))
    assert readme.read_text(encoding="utf-8") == base.replace(proto, proto + ZETA, 1)


@needs_git
def test_a_change_that_leaves_an_unsorted_section_no_worse_is_clean(
    awesome_go: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """awesome-go's Security list has one pair out of order (acmetool, acme-proxy); an entry
    added between them that is in order with the first keeps it at one pair."""
    readme = awesome_go / "README.md"
    base = readme.read_text(encoding="utf-8")
    acmez = "- [acmez](https://github.com/mholt/acmez) - Premier ACME client library for Go.\n"
    worse = "- [acmeshell](https://github.com/example/shell) - A shell for ACME servers.\n"

    readme.write_text(insert(base, "- [acme-proxy]", acmez), encoding="utf-8")
    no_worse = main(["--changed-since", "HEAD", "README.md"])
    out, err = capsys.readouterr()
    readme.write_text(insert(base, "- [acme-proxy]", worse), encoding="utf-8")
    _, found = reported(capsys, "--select", "LL7", "--changed-since", "HEAD", "README.md")

    assert (no_worse, out) == (0, "All checks passed.\n")
    assert "findings on lines unchanged since HEAD not shown" in err
    acmetool = line_of(base, "- [acmetool]")
    assert found == [
        (
            acmetool + 1,
            4,
            "LL702",
            f'"acmeshell" is out of alphabetical order: it belongs before "acmetool" (line '
            f"{acmetool}) (contribution.placement)",
        )
    ]


@needs_git
def test_a_change_adding_a_heading(awesome_go: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = awesome_go / "README.md"
    section = (
        "## Quantum Computing\n\n"
        "- [qgo](https://github.com/example/qgo) - Quantum circuits in Go.\n\n"
        "**[⬆ back to top](#contents)**\n\n"
    )
    changed = insert(readme.read_text(encoding="utf-8"), "## Data Integration Frameworks", section)
    readme.write_text(changed, encoding="utf-8")
    heading = line_of(changed, "## Quantum Computing")

    _, found = reported(capsys, "--select", "LL7", "--changed-since", "HEAD", "README.md")

    assert found == [
        (
            heading,
            1,
            "LL703",
            'this change adds the heading "Quantum Computing"; contributions may not add '
            "sections (contribution.new-sections = false)",
        ),
        (
            heading,
            1,
            "LL705",
            'the new section "Quantum Computing" holds 1 entry; a section needs at least 2 '
            "(contribution.min-entries-per-section)",
        ),
    ]


@pytest.fixture
def pr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PullRequest]:
    with pull_request(tmp_path, monkeypatch) as pull:
        yield pull


def comments_by_line(pr: PullRequest) -> dict[tuple[str, int], list[str]]:
    """The rule codes of the review comments, by path and line."""
    found: dict[tuple[str, int], list[str]] = {}
    for comment in pr.github.comments:
        codes = re.findall(r"LL\d{3}", comment["body"].split("```")[0])
        found.setdefault((comment["path"], comment["line"]), []).extend(codes[:1])
    return found


def test_the_review_of_a_pull_request_judges_its_change(pr: PullRequest) -> None:
    """The same change as a pull request, plus a file contributions may not touch and a
    description that links another project than goldmark's."""
    base = (require_shared() / "corpus" / "lists" / "avelino__awesome-go.md").read_text()
    changed = two_entries(base)
    config = CONFIG + "pr-description-link = true\n"
    (pr.checkout / ".listlint.toml").write_text(config, encoding="utf-8")
    pr.change("README.md", base, changed)
    guide = "# Contributing\n\nOpen one pull request per entry.\n"
    pr.change("CONTRIBUTING.md", guide, guide + "\nAnd be nice.\n")
    pr.github.description = (
        "Adds https://github.com/example/zeta and https://github.com/example/gold-parser.\n\n"
        "See [the guide](https://github.com/octo/awesome/blob/main/CONTRIBUTING.md)."
    )

    status = pr.review("--fail-on", "error")

    zeta, gold = line_of(changed, "- [zeta]"), line_of(changed, "- [gold]")
    assert status == 1
    assert comments_by_line(pr) == {
        ("README.md", zeta): ["LL702"],
        ("README.md", gold): ["LL401", "LL701", "LL706"],
        ("CONTRIBUTING.md", 5): ["LL704"],
    }
    (gold_link,) = [c["body"] for c in pr.github.comments if "LL706" in c["body"]]
    assert "github.com/example/gold" in gold_link and "github.com/yuin/goldmark" in gold_link
    (re_added,) = [c["body"] for c in pr.github.comments if "LL401" in c["body"]]
    assert f're-adds "goldmark", listed at line {gold + 1} ' in re_added


# -- the rules on small lists, with a pull request's change given to run() --

OLD = """\
# Tools

## Editors

- [ed](https://ed.example) - The editor.
- [nano](https://nano.example) - Small and friendly.
- [vi](https://vi.example) - The visual editor.

## Shells

- [bash](https://bash.example) - The Bourne again shell.
"""


def lint_change(
    tmp_path: Path,
    old: str,
    new: str,
    settings: str,
    *,
    description: str | None = None,
    path: str = "README.md",
) -> list[Finding]:
    """The LL7 and LL4 findings of a run over ``new`` that a pull request changed from ``old``."""
    file = tmp_path / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(new, encoding="utf-8")
    config = tmp_path / ".listlint.toml"
    config.write_text("[contribution]\n" + settings, encoding="utf-8")
    patch = parse_patch(github_patch(old, new), path, new_file=not old)
    change = Change({str(file): patch}, description, "octo/awesome")
    options = RunOptions(
        [str(file)], str(config), selection=Selection(select=["LL7", "LL4"]), change=change
    )
    return run(options).findings


def codes(findings: list[Finding]) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in findings]


def test_without_a_change_the_rules_report_nothing(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# A\n\n## New\n\n- [x](https://x.example) - X.\n")
    (tmp_path / ".listlint.toml").write_text("[contribution]\nnew-sections = false\n")

    result = run(RunOptions([str(tmp_path / "README.md")], str(tmp_path / ".listlint.toml")))

    assert [f.code for f in result.findings if f.code.startswith("LL7")] == []


def test_moved_and_edited_entries_are_not_added(tmp_path: Path) -> None:
    new = (
        OLD.replace("- [vi](https://vi.example) - The visual editor.\n", "")
        .replace("- [bash]", "- [vi](https://vi.example) - The visual editor.\n- [bash]")
        .replace("Small and friendly.", "Small, friendly.")
    )

    assert lint_change(tmp_path, OLD, new, "max-new-entries = 0\n") == []


def test_no_new_entry_at_all_is_reported_on_the_first(tmp_path: Path) -> None:
    new = OLD + "- [zsh](https://zsh.example) - The Z shell.\n"

    (found,) = lint_change(tmp_path, OLD, new, "max-new-entries = 0\n")

    assert (found.line, found.column, found.code) == (12, 4, "LL701")
    assert found.message == (
        "this change adds 1 entry; a contribution may add no entry (contribution.max-new-entries)"
    )


def test_placement_at_the_end_names_the_last_entry(tmp_path: Path) -> None:
    new = OLD.replace("- [nano]", "- [zile](https://zile.example) - Emacs-like.\n- [nano]")

    (found,) = lint_change(tmp_path, OLD, new, 'placement = "end"\n')

    assert (found.line, found.column, found.code) == (6, 4, "LL702")
    assert found.message == (
        '"zile" is not at the end of its list: it belongs after "vi" (line 8) '
        "(contribution.placement)"
    )
    assert found.fix is not None and not found.fix.safe
    assert found.fix.message == 'move it after "vi" (line 8)'


def test_entries_added_at_the_end_in_order_are_in_place(tmp_path: Path) -> None:
    new = OLD.replace(
        "- [vi](https://vi.example) - The visual editor.\n",
        "- [vi](https://vi.example) - The visual editor.\n"
        "- [vim](https://vim.example) - Vi improved.\n"
        "- [zile](https://zile.example) - Emacs-like.\n",
    )

    assert lint_change(tmp_path, OLD, new, 'placement = "end"\n') == []
    assert lint_change(tmp_path, OLD, new, 'placement = "alphabetical"\n') == []


def test_two_added_entries_out_of_order_with_each_other_are_one_finding(tmp_path: Path) -> None:
    new = OLD.replace(
        "- [vi]",
        "- [tilde](https://tilde.example) - A text editor.\n"
        "- [pico](https://pico.example) - Pine's editor.\n- [vi]",
    )

    (found,) = lint_change(tmp_path, OLD, new, 'placement = "alphabetical"\n')

    assert (found.line, found.column, found.code) == (8, 4, "LL702")
    assert found.message.startswith('"pico" is out of alphabetical order: it belongs after "nano"')


def test_a_file_outside_the_allowed_globs(tmp_path: Path) -> None:
    (found,) = lint_change(
        tmp_path,
        "",
        "# Notes\n\nSome notes.\n",
        'files = ["README.md", "lists/*.md"]\n',
        path="docs/notes.md",
    )
    allowed = lint_change(
        tmp_path, "", "# Go\n", 'files = ["README.md", "lists/*.md"]\n', path="lists/go.md"
    )

    assert (found.line, found.column, found.end_column, found.code) == (1, 1, 8, "LL704")
    assert found.message == (
        "this change adds docs/notes.md, which contributions may not touch "
        "(contribution.files: README.md, lists/*.md)"
    )
    assert allowed == []


def test_the_description_must_link_the_added_project(tmp_path: Path) -> None:
    new = OLD + "- [zsh](https://github.com/zsh-users/zsh) - The Z shell.\n"
    settings = "pr-description-link = true\n"

    def lint(description: str) -> list[tuple[int, str]]:
        return codes(lint_change(tmp_path, OLD, new, settings, description=description))

    assert lint("Adds https://github.com/zsh-users/zsh/tree/master") == []  # the same project
    assert lint("Adds zsh. Read https://zsh.sourceforge.io first.") == []  # nothing on github.com
    assert lint("![badge](https://github.com/a/b/badge.svg) See github.com/octo/awesome.") == []
    assert lint("Per https://github.com/octo/awesome/issues/3, adds a shell.") == []  # own repo
    assert lint("Adds [zsh](https://github.com/ohmyzsh/ohmyzsh).") == [(12, "LL706")]


def test_a_duplicate_added_twice_reads_as_a_duplicate(tmp_path: Path) -> None:
    """Both copies added: the later one is reported, in the house form."""
    twice = "- [zsh](https://zsh.example) - The Z shell.\n"
    new = OLD.replace("- [ed]", twice + "- [ed]") + twice

    (found,) = lint_change(tmp_path, OLD, new, "new-sections = true\n")

    assert (found.line, found.code) == (13, "LL401")
    assert found.message == 'duplicate of "zsh" at line 5 under "Editors" (same URL)'


def test_a_re_added_entry_names_its_twin_under_its_section(tmp_path: Path) -> None:
    new = OLD.replace("- [ed]", "- [bash](https://bash.example) - A shell.\n- [ed]")

    (found,) = lint_change(tmp_path, OLD, new, "new-sections = true\n")

    assert (found.line, found.column, found.code) == (5, 4, "LL401")
    assert found.message == 're-adds "bash", listed at line 12 under "Shells" (same URL)'


def test_the_setting_is_validated(tmp_path: Path) -> None:
    config = tmp_path / ".listlint.toml"
    config.write_text('[contribution]\nplacement = "sorted"\n', encoding="utf-8")

    with pytest.raises(ConfigError, match=r"contribution\.placement: `sorted` is not one of"):
        load_config(config)


# -- the configuration example of the documentation (test_docs validates every TOML block) --


def toml_blocks(path: Path) -> list[str]:
    """The ```toml blocks of a Markdown file."""
    return re.findall(r"^```toml\n(.*?)^```", path.read_text(encoding="utf-8"), re.DOTALL | re.M)


def test_the_contribution_example_sets_every_setting() -> None:
    (example,) = toml_blocks(ROOT / "docs" / "contribution.md")
    section: dict[str, Any] = tomllib.loads(example)["tool"]["listlint"]["contribution"]
    from listlint.config import schema

    assert set(section) == set(schema()["properties"]["contribution"]["properties"])
    (readme,) = [b for b in toml_blocks(ROOT / "README.md") if "contribution" in b]
    assert tomllib.loads(readme) == tomllib.loads(example)

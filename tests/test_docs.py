"""Every example in README.md and docs/ works as pasted: configurations load and validate, workflows
and pre-commit configurations pass their schemas, every rule named in the docs exists."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from listlint.cli import main
from listlint.config import ConfigError, load_config
from listlint.rule import all_rules, find_rule

from conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BIN = Path(sys.executable).parent


def blocks(language: str) -> list[tuple[str, int, str]]:
    """(document, line, text) of every fenced block of ``language`` in the docs."""
    found = []
    for path in DOCS:
        for token in MarkdownIt().parse(path.read_text(encoding="utf-8")):
            if token.type == "fence" and token.info.strip() == language and token.map:
                found.append((path.name, token.map[0] + 1, token.content))
    return found


TOML = blocks("toml")
YAML = blocks("yaml")


@pytest.mark.parametrize(("document", "line", "text"), TOML, ids=[f"{d}:{n}" for d, n, _ in TOML])
def test_every_toml_example_is_a_valid_configuration(
    tmp_path: Path, document: str, line: int, text: str
) -> None:
    """A ``[tool.listlint]`` example is a pyproject.toml; any other is a .listlint.toml."""
    name = "pyproject.toml" if "[tool.listlint" in text else ".listlint.toml"
    (tmp_path / name).write_text(text, encoding="utf-8")
    try:
        load_config(tmp_path / name)
    except ConfigError as error:
        pytest.fail(f"{document}:{line}: {error}")


def _kind(text: str) -> str:
    if re.search(r"(?m)^jobs:", text) and re.search(r"(?m)^on:", text):
        return "workflow"
    if re.search(r"(?m)^repos:", text):
        return "pre-commit"
    return "fragment"


@pytest.mark.parametrize(("document", "line", "text"), YAML, ids=[f"{d}:{n}" for d, n, _ in YAML])
def test_every_workflow_and_pre_commit_example_passes_its_schema(
    tmp_path: Path, document: str, line: int, text: str
) -> None:
    kind = _kind(text)
    if kind == "fragment":
        pytest.skip(f"{document}:{line} is an excerpt of a configuration, not a whole one")
    path = tmp_path / "example.yml"
    path.write_text(text, encoding="utf-8")
    if kind == "workflow":
        command = [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    else:
        command = [str(BIN / "pre-commit"), "validate-config"]
    if not Path(command[0]).exists():
        pytest.skip(f"{Path(command[0]).name} is not installed (pip install -e '.[test]')")
    done = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{document}:{line}: {done.stdout}{done.stderr}"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to list the workflow files")
@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "workflows").glob("*.yml")), ids=str)
def test_the_sample_workflow_files_pass_the_workflow_schema(path: Path) -> None:
    checker = BIN / "check-jsonschema"
    if not checker.exists():
        pytest.skip("check-jsonschema is not installed (pip install -e '.[test]')")
    done = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_rule_code_and_rule_table_in_the_docs_exists() -> None:
    """``LLnnn`` codes written in the docs are real rules, and ``[tool.listlint.rules.X]``
    tables name real rules (code or name)."""
    codes = {rule.code for rule in all_rules()}
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for code in set(re.findall(r"\bLL\d{3}\b", text)):
            assert code in codes, f"{path.name} names {code}, which is no rule"
        for name in re.findall(r"listlint\.rules\.([a-z0-9-]+)\]", text, re.IGNORECASE):
            assert find_rule(name) is not None, f"{path.name} configures {name}, which is no rule"


def test_the_rule_table_is_generated_from_the_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """docs/rules.md is what ``listlint rules --output-format markdown`` prints today."""
    assert main(["rules", "--output-format", "markdown"]) == 0
    table = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert capsys.readouterr().out == table, "regenerate docs/rules.md"

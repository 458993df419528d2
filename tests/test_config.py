"""Configuration: discovery, validation, selection and per-file ignores."""

from __future__ import annotations

from pathlib import Path

import pytest

from listlint.config import (
    Config,
    ConfigError,
    ConfigFinder,
    Selection,
    load_config,
)
from listlint.patterns import UserPattern

from conftest import run_cli

DEFAULT = Selection()


def codes(config: Config, selection: Selection = DEFAULT, path: Path | None = None) -> set[str]:
    return {r.code for r in config.enabled_rules(selection, path)}


def test_nearest_config_wins_walking_up(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.listlint]\nignore = ["LL504"]\n')
    sub = tmp_path / "docs" / "deep"
    sub.mkdir(parents=True)
    assert ConfigFinder().for_path(sub / "x.md").path == tmp_path / "pyproject.toml"
    (tmp_path / "docs" / ".listlint.toml").write_text('ignore = ["LL503"]\n')
    assert ConfigFinder().for_path(sub / "x.md").path == tmp_path / "docs" / ".listlint.toml"


def test_pyproject_without_a_listlint_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert ConfigFinder().for_path(tmp_path / "x.md").path != tmp_path / "pyproject.toml"


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("select = 'LL5'\n", "select: must be a list, not a string"),
        ("colour = true\n", "colour: unknown key `colour`"),
        (
            "[rules.trailing-whitespace]\nwidth = 3\n",
            "rules.trailing-whitespace.width: unknown key `width`",
        ),
        ("ignore = ['LL77']\n", "ignore: no rule, prefix or family `LL77`; codes start with LL1"),
        (
            "ignore = ['LL2O1']\n",
            "ignore: no rule, prefix or family `LL2O1`; did you mean `LL201`?",
        ),
        (
            "[rules.toc-missing-entry]\n",
            "rules.toc-missing-entry: no rule `toc-missing-entry`; did you mean "
            "`toc-missing-heading`?",
        ),
        ("[entries]\nstyle = 'awesom'\n", "did you mean `awesome`?"),
        ("[anchors]\ntoc-max-level = 9\n", "anchors.toc-max-level: must be at most 6, not 9"),
        ("select = [", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_file_and_key(
    tmp_path: Path, toml: str, message: str
) -> None:
    path = tmp_path / ".listlint.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_more_specific_selector_wins() -> None:
    config = Config({"select": ["LL5"], "ignore": ["LL50"]})
    assert codes(config) == {"LL590", "LL591"}
    config = Config({"ignore": ["LL5"]})
    assert "LL504" in codes(config, Selection(extend_select=["LL504"]))


def test_command_line_select_replaces_the_file_selection() -> None:
    config = Config({"select": ["LL501"]})
    assert codes(config, Selection(select=["LL502"])) == {"LL502"}


def test_per_file_ignores_match_globs_relative_to_the_config(tmp_path: Path) -> None:
    config = Config({"per-file-ignores": {"docs/*.md": ["LL504"]}}, tmp_path / ".listlint.toml")
    assert "LL504" not in codes(config, path=tmp_path / "docs" / "a.md")
    assert "LL504" in codes(config, path=tmp_path / "README.md")


def test_rule_options_merge_defaults_with_configured_values() -> None:
    from listlint.rule import all_rules

    for rule in all_rules():
        assert set(Config().options(rule)) == set(rule.options)


def test_an_invalid_regular_expression_is_a_config_error_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# T\n\n[x](#nowhere)\n")
    (tmp_path / ".listlint.toml").write_text('[rules.dead-fragment]\nignored-pattern = "("\n')
    result = run_cli("README.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "rules.dead-fragment.ignored-pattern: invalid regular expression '('" in result.stderr


def test_a_catastrophic_pattern_stops_matching_once_it_has_used_its_time() -> None:
    pattern = UserPattern("^(a|aa)+$")
    assert not any(pattern.search("a" * 40 + "!") for _ in range(1_000))
    assert pattern.left <= 0


def test_every_problem_of_a_file_is_one_line_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / ".listlint.toml"
    path.write_text(
        "colour = true\nignore = ['LL2O1']\n[rules.dead-fragment]\nignored-pattern = '('\n"
    )
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert [problem.removeprefix(f"{path}: ") for problem in raised.value.problems] == [
        "colour: unknown key `colour`",
        "ignore: no rule, prefix or family `LL2O1`; did you mean `LL201`?",
        "rules.dead-fragment.ignored-pattern: invalid regular expression '(': "
        "missing ) at position 1",
    ]

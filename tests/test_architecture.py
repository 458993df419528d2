"""The module graph of docs/architecture.md: no cycle, and the layers only look down."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "listlint"


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, *, module_level: bool) -> set[str]:
    """The listlint modules ``path`` imports (at module level only, or anywhere), absolute."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if module_level else list(ast.walk(tree))
    found = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {target for target in found if target.split(".")[0] == "listlint"}


MODULES = {_module(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def test_module_level_imports_have_no_cycle() -> None:
    graph = {
        name: {t for t in _imports(path, module_level=True) if t in MODULES}
        for name, path in MODULES.items()
    }
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        assert name not in visiting, " -> ".join([*visiting[visiting.index(name) :], name])
        if name in done:
            return
        visiting.append(name)
        for target in sorted(graph[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in graph:
        visit(name)


def test_the_core_never_imports_the_github_code() -> None:
    for name, path in MODULES.items():
        if name.startswith("listlint.github") or name == "listlint.cli":
            continue
        github = {t for t in _imports(path, module_level=False) if t.startswith("listlint.github")}
        assert not github, f"{name} imports {sorted(github)}"


def test_online_code_is_only_imported_when_a_run_goes_online() -> None:
    for name, path in MODULES.items():
        if name.startswith("listlint.online"):
            continue
        online = {t for t in _imports(path, module_level=True) if t.startswith("listlint.online")}
        assert not online, f"{name} imports {sorted(online)} at module level"


def test_rules_and_the_model_do_not_reach_up_into_the_pipeline() -> None:
    upper = ("listlint.run", "listlint.cli", "listlint.lint", "listlint.files", "listlint.scope")
    for name, path in MODULES.items():
        if not name.startswith(("listlint.rules", "listlint.model")):
            continue
        reached = {t for t in _imports(path, module_level=False) if t.startswith(upper)}
        assert not reached, f"{name} imports {sorted(reached)}"

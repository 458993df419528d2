"""Which files a run lints: the paths named and the folders walked, each with its configuration."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from listlint.config import Config, ConfigError, ConfigFinder, Selection
from listlint.lint import Target
from listlint.source import InputError, read_source, read_stdin

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRECTORIES = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "__pycache__"})


def markdown_files(directory: Path, config: Config) -> Iterator[Path]:
    """Regular Markdown files below ``directory`` minus excluded paths; no folder links followed."""
    for root, folders, files in os.walk(directory):
        here = Path(root)
        folders[:] = sorted(
            f for f in folders if f not in SKIPPED_DIRECTORIES and not config.excluded(here / f)
        )
        for name in sorted(files):
            path = here / name
            # only regular files: a FIFO would block the reader, a broken or looping link fails
            markdown = path.suffix.lower() in MARKDOWN_SUFFIXES
            if markdown and path.is_file() and not config.excluded(path):
                yield path


def collect(
    paths: Sequence[str],
    configs: ConfigFinder,
    selection: Selection,
    errors: list[str],
    *,
    stdin_filename: str | None = None,
) -> list[Target]:
    """Read every file named (folders walked, ``-`` for stdin); a line in ``errors`` per problem."""
    targets: list[Target] = []
    for name in paths:
        path = Path(stdin_filename or "stdin.md") if name == "-" else Path(name)
        try:
            config = configs.for_path(path if name != "-" else Path.cwd())
            if name == "-":
                sources = [read_stdin(stdin_filename or "-", config.max_file_size)]
            elif path.is_dir():
                files = list(markdown_files(path, config))
                if not files:
                    raise InputError(f"{name}: directory has no Markdown files (*.md, *.markdown)")
                sources = []
                for file in files:
                    try:
                        sources.append(read_source(file, config.max_file_size))
                    except InputError as error:
                        errors.append(str(error))
            else:
                if not path.exists() and not path.is_symlink():
                    raise InputError(f"{name}: no such file or directory")
                sources = [read_source(path, config.max_file_size)]
        except InputError as error:
            errors.append(str(error))
            continue
        except ConfigError as error:
            errors.extend(error.problems)
            continue
        for source in sources:
            try:
                file_config = config if name == "-" else configs.for_path(Path(source.path))
                rules = file_config.enabled_rules(selection, Path(source.path))
            except ConfigError as error:
                errors.extend(error.problems)
                continue
            targets.append(Target(source, file_config, rules, stdin=name == "-"))
    return targets

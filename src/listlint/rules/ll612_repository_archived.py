"""LL612 repository-archived."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import found_repositories


@rule("LL612", "repository-archived", severity="warning", tags=("online", "repositories"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link to an archived GitHub repository (`--online` and `GITHUB_TOKEN`).

    Why: its owners have made it read-only: no fixes, no answers to issues. Readers of a curated
    list expect living projects, or at least to be told.

    Example: `[Tool](https://github.com/octo/tool)` where GitHub shows "This repository has been
    archived by the owner".

    Fix: point to a maintained fork or successor, move the entry to an "Archived" section with
    `[tool.listlint.online.allow] repository-archived = ["Tool"]`, or remove it.
    """
    for destination, name, repository in found_repositories(doc, ctx, "LL612"):
        if repository.archived:
            yield Problem(destination.span, f"GitHub repository `{name}` is archived")

"""LL616 few-stars."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import found_repositories, online_settings

DEFAULT_STARS = 10


@rule(
    "LL616",
    "few-stars",
    severity="warning",
    default=False,
    tags=("online", "repositories"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A linked GitHub repository with fewer stars than the list asks for (opt-in; `--online`).

    Why: some lists use stars as a rough bar for adoption. The threshold is `min-stars` in
    `[tool.listlint.online]` (default 10).

    Example: a pull request adding a repository with 2 stars.

    Fix: wait for the project to find users, or allow it with `[tool.listlint.online.allow]
    few-stars = [URL or entry name]`.
    """
    least = int(online_settings(ctx).get("min-stars", DEFAULT_STARS))
    for destination, name, repository in found_repositories(doc, ctx, "LL616"):
        if repository.stars < least:
            yield Problem(
                destination.span,
                f"GitHub repository `{name}` has {repository.stars} stars "
                f"(at least {least} wanted)",
            )

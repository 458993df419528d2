"""LL614 young-repository."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import days_since, found_repositories, online_settings

DEFAULT_DAYS = 30


@rule(
    "LL614",
    "young-repository",
    severity="warning",
    default=False,
    tags=("online", "repositories"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A linked GitHub repository created only recently (opt-in; `--online`, a token).

    Why: some lists (awesome-go, for one) ask that a project be around for a while before it
    is listed. The threshold is `young-days` in `[tool.listlint.online]` (default 30).

    Example: a pull request adding a repository created last week.

    Fix: wait until the project has matured, or allow it with `[tool.listlint.online.allow]
    young-repository = [URL or entry name]`.
    """
    days = int(online_settings(ctx).get("young-days", DEFAULT_DAYS))
    for destination, name, repository in found_repositories(doc, ctx, "LL614"):
        if (age := days_since(ctx, repository.created_at)) < days:
            yield Problem(
                destination.span,
                f"GitHub repository `{name}` was created {age} days ago "
                f"({repository.created_at.date().isoformat()}; at least {days} wanted)",
            )

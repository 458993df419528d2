"""LL613 stale-repository."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import days_since, found_repositories, online_settings

DEFAULT_DAYS = 365


@rule(
    "LL613",
    "stale-repository",
    severity="warning",
    default=False,
    tags=("online", "repositories"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A linked GitHub repository with no commit for a long time (opt-in; `--online`, a token).

    Why: some lists promise maintained projects. The date is the last commit on the default
    branch, not GitHub's `pushed_at`, which any push to any branch (a bot's included) moves.
    The threshold is `stale-days` in `[tool.listlint.online]` (default 365); an empty repository
    counts as stale.

    Example: `[Tool](https://github.com/octo/tool)` whose last commit is three years old.

    Fix: replace it with a maintained alternative, or keep it with `[tool.listlint.online.allow]
    stale-repository = [URL or entry name]` when it is done rather than dead.
    """
    days = int(online_settings(ctx).get("stale-days", DEFAULT_DAYS))
    for destination, name, repository in found_repositories(doc, ctx, "LL613"):
        last = repository.last_commit_at
        if last is None:
            yield Problem(destination.span, f"GitHub repository `{name}` has no commit")
        elif (age := days_since(ctx, last)) > days:
            yield Problem(
                destination.span,
                f"GitHub repository `{name}`: no commit for {age} days "
                f"(last {last.date().isoformat()}; limit {days})",
            )

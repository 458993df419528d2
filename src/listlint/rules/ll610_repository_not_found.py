"""LL610 repository-not-found."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import allowed, checked_repositories


@rule("LL610", "repository-not-found", tags=("online", "repositories"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link to a GitHub repository that does not exist (`--online` and `GITHUB_TOKEN`).

    Why: the project was deleted, made private, or the link has a typo. listlint asks GitHub's
    API (not the web page, which rate-limits hard) for every repository page the list links
    (`https://github.com/OWNER/NAME`), fifty repositories a request; `GITHUB_API_URL` and
    `GITHUB_SERVER_URL` point it at GitHub Enterprise Server. Without a token, repository pages
    are checked as plain links (LL601, LL602).

    Example: `[Tool](https://github.com/octo/deleted-tool)`.

    Fix: link the project's new home, or remove the entry.
    """
    for destination, name, lookup in checked_repositories(doc, ctx):
        if lookup.state == "not-found" and not allowed(doc, ctx, "LL610", destination):
            yield Problem(destination.span, f"GitHub repository `{name}` does not exist")

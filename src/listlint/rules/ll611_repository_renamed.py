"""LL611 repository-renamed."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import allowed, found_repositories


@rule(
    "LL611",
    "repository-renamed",
    severity="warning",
    fixable="always",
    tags=("online", "repositories"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link to a GitHub repository under its old name (`--online` and `GITHUB_TOKEN`).

    Why: the repository was renamed or moved to another owner; GitHub redirects the old name
    only until someone takes it again.

    Example: `[Tool](https://github.com/old-owner/tool)` when GitHub now calls it
    `new-owner/tool`.

    Fix (safe): the link uses the repository's current `owner/name` (a change of case alone is
    not reported: GitHub's names ignore case).
    """
    for destination, name, repository in found_repositories(doc, ctx, "LL611"):
        current = repository.name_with_owner
        if current.lower() == name.lower() or allowed(doc, ctx, "LL611", destination):
            continue
        start = destination.url.find(name)
        if start < 0:
            continue
        fixed = destination.url[:start] + current + destination.url[start + len(name) :]
        yield Problem(
            destination.span,
            f"GitHub repository `{name}` is now `{current}`",
            Fix((Edit.replace(destination.span, destination.url, fixed),), f"link `{current}`"),
        )

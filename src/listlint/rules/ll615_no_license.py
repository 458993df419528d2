"""LL615 no-license."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import found_repositories


@rule(
    "LL615",
    "no-license",
    severity="warning",
    default=False,
    tags=("online", "repositories"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A linked GitHub repository with no license GitHub recognises (opt-in; `--online`, a token).

    Why: without a license nobody may use, copy or change the code; many lists of open-source
    software only take licensed projects. A license GitHub cannot name (`NOASSERTION`) still
    counts as one.

    Example: `[Tool](https://github.com/octo/tool)` with no LICENSE file.

    Fix: ask the authors to add a license, or allow the entry with
    `[tool.listlint.online.allow] no-license = [URL or entry name]`.
    """
    for destination, name, repository in found_repositories(doc, ctx, "LL615"):
        if repository.license is None:
            yield Problem(destination.span, f"GitHub repository `{name}` has no license")

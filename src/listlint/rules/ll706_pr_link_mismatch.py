"""LL706 pr-link-mismatch."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Problem, ProjectContext, project_rule
from listlint.rules._contribution import contribution, description_links
from listlint.urls import host_of, normalize_url, project_key


@project_rule("LL706", "pr-link-mismatch", severity="warning", tags=("contribution", "links"))
def check(ctx: ProjectContext) -> Iterator[tuple[Document, Problem]]:
    """A pull request's description links a project, and the entry it adds links another one.

    Why: reviewers read the description first ("Adds github.com/acme/tool, a ..."); when the entry
    the pull request adds links something else, a typo or a copy-paste slip sends readers to the
    wrong project, or the description was written for another pull request. Set
    `pr-description-link = true` under `[tool.listlint.contribution]`; only `listlint review`
    (the Action) knows a description. An added entry is reported when the description links pages
    on the entry's host (its project's forge, say) and none of them is the entry's URL or a page
    of the same project; links to the repository under review, images, and descriptions that
    link nothing on that host are not judged.

    Example: the description says "Adds https://github.com/acme/tool", the change adds

        - [tool](https://github.com/acme/tool2) - Does things.

    Fix: correct the entry's link, or the description.
    """
    change = ctx.project.change
    if not contribution(ctx.settings).pr_description_link or change is None:
        return
    if not change.description:
        return
    linked = description_links(change.description, change.repository)
    for doc in ctx.project.documents:
        for entry in ctx.project.facts_of(doc).added_entries:
            url = entry.url
            if url is None:
                continue
            same_host = [link for link in linked if host_of(link) == host_of(url)]
            project = project_key(url)
            if not same_host or any(
                normalize_url(link) == normalize_url(url)
                or (project is not None and project_key(link) == project)
                for link in same_host
            ):
                continue
            shown = ", ".join(same_host[:3]) + (", …" if len(same_host) > 3 else "")
            yield (
                doc,
                Problem(
                    entry.name_span,
                    f"the pull request's description links {shown}, not this entry's {url} "
                    "(contribution.pr-description-link)",
                ),
            )

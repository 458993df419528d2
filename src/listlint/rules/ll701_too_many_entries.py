"""LL701 too-many-entries."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Problem, ProjectContext, project_rule
from listlint.rules._contribution import contribution, entry_count


@project_rule("LL701", "too-many-entries", tags=("contribution",))
def check(ctx: ProjectContext) -> Iterator[tuple[Document, Problem]]:
    """A change adds more entries than `max-new-entries` allows.

    Why: a pull request adding one project is reviewed in a minute; one adding twenty is reviewed
    never, and many lists ask for one entry per pull request. Set `max-new-entries` under
    `[tool.listlint.contribution]`; the rule reads the change of `--changed-since REF` or of
    `listlint review`, and reports nothing in a whole-file run. An entry counts as added when it
    sits on an added line and the change did not remove its link or its name (a moved or edited
    entry is not added). Entries are counted over the files checked together (every file of the
    run, or each file alone with `cross-file = false`); the finding sits on the first entry over
    the limit.

    Example (`max-new-entries = 1`):

        - [alpha](https://alpha.example) - First tool.
        - [beta](https://beta.example) - Added by this pull request.
        - [gamma](https://gamma.example) - Added by this pull request too.

    Fix: split the change, one pull request per entry.
    """
    limit = contribution(ctx.settings).max_new_entries
    if limit is None or ctx.project.change is None:
        return
    added = [
        (doc, entry)
        for doc in ctx.project.documents
        for entry in ctx.project.facts_of(doc).added_entries
    ]
    if len(added) <= limit:
        return
    doc, entry = added[limit]
    allowed = "no entry" if limit == 0 else f"at most {entry_count(limit)}"
    yield (
        doc,
        Problem(
            entry.name_span,
            f"this change adds {entry_count(len(added))}; a contribution may add {allowed} "
            "(contribution.max-new-entries)",
        ),
    )

"""LL340 entry-outside-section."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL340", "entry-outside-section", severity="warning", tags=("entries", "structure"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Entries should sit in a section (under a ``##`` heading) of a list that has sections.

    Why: an entry above the first section heading (between the title and the first ``##``, or
    before any heading at all) belongs to no category: it is usually an entry pasted at the top by
    mistake, and it appears in no table of contents. The title is the first heading when it is a
    ``#`` heading; documents with fewer than two headings are not checked; neither are links in
    the introduction that are not list entries (badges, prose).

    Example:

        # Awesome Python

        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.

        ## Linters

    Fix: move the entry into the section it belongs to.
    """
    if len(doc.headings) < 2:
        return
    title = doc.headings[0] if doc.headings[0].level == 1 else None
    for entry in ctx.facts.content_entries:
        section = entry.section
        if section is not None and section.heading is not title:
            continue
        where = (
            "before any heading" if section is None else "under the title, above the first section"
        )
        yield Problem(
            entry.name_span,
            f"entry {entry.name[:50]!r} is outside any section ({where}); move it into its section",
        )

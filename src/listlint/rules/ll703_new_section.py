"""LL703 new-section."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._contribution import contribution


@rule("LL703", "new-section", tags=("contribution", "headings"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A change adds a heading where `new-sections = false`.

    Why: a list's sections are its maintainers' design; a contributor who cannot find the right
    one tends to open a new one for a single entry. Set `new-sections = false` under
    `[tool.listlint.contribution]`; the rule reads the change of `--changed-since REF` or of
    `listlint review`, and reports each heading on an added line whose text the change did not
    remove (a moved or re-levelled heading is not new).

    Example:

        ## Editors
        - [vim](https://www.vim.org) - The editor.
        ## My Favourite Editors
        - [myedit](https://myedit.example) - Added by this pull request.

    Fix: put the entry in an existing section, or ask the maintainers for a new one.
    """
    if contribution(ctx.settings).new_sections:
        return
    for heading in ctx.facts.added_headings:
        yield Problem(
            heading.span,
            f'this change adds the heading "{heading.text.strip()}"; contributions may not add '
            "sections (contribution.new-sections = false)",
        )

"""LL705 small-section."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._contribution import contribution, entry_count


@rule("LL705", "small-section", severity="warning", tags=("contribution", "headings"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A section the change adds holds fewer entries than `min-entries-per-section`.

    Why: a section of one entry makes the table of contents longer and the list harder to scan;
    lists ask for a few entries before a topic gets its own heading. Set
    `min-entries-per-section` under `[tool.listlint.contribution]`; the rule reads the change of
    `--changed-since REF` or of `listlint review`, and judges the sections whose heading the
    change adds (see LL703) and that hold entries, their subsections' included. A new section
    with no entry at all (prose, an empty heading) is left to LL503.

    Example (`min-entries-per-section = 3`):

        ## Terminal Emulators
        - [myterm](https://myterm.example) - Added by this pull request.

    Fix: add the entry to an existing section, or gather enough entries for the new one.
    """
    least = contribution(ctx.settings).min_entries_per_section
    added = ctx.facts.added_headings
    if least is None or not added:
        return
    sections = {section.heading: section for section in doc.sections}
    lines = [entry.name_span.line for entry in ctx.facts.content_entries]
    for heading in added:
        section = sections.get(heading)
        if section is None:
            continue
        count = sum(1 for line in lines if section.start_line <= line <= section.end_line)
        if 0 < count < least:
            yield Problem(
                heading.span,
                f'the new section "{heading.text.strip()}" holds {entry_count(count)}; a section '
                f"needs at least {least} (contribution.min-entries-per-section)",
            )

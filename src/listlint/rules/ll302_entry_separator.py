"""LL302 entry-separator."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.model.nodes import ListItem, Section
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import convention, group_by, majority, style


def _list_of(entry: Entry) -> tuple[ListItem | None, Section | None]:
    """Entries of one list share a parent item and a section."""
    item = entry.list_item
    return (item.parent if item else None, entry.section)


@rule(
    "LL302", "entry-separator", severity="warning", fixable="sometimes", tags=("entries", "format")
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name and description should be separated the way the rest of the list separates them.

    Why: ``- [Name](url) - Description.`` is the most common shape; a missing dash, an en dash, a
    colon or doubled spaces in a few entries are slips that make the list look unkept. The expected
    separator is the list's own majority among list entries with a description (or the configured
    style's ``separator``). A list whose entries mostly run straight into the description
    (``1. [Title](url) by Author``, ``[DevDocs](url) is a ...``) has no separator, and its entries
    are not asked for one.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) Fast linter.
        - [black](https://github.com/psf/black): The uncompromising formatter.

    Fix: the separator is replaced with the list's (safe when the entry had a separator of another
    form; unsafe when it had none, as the text after the name might not be a description).
    """
    configured = style(ctx.settings)
    entries = [
        e
        for e in ctx.facts.content_entries
        if e.style == "list" and e.description_layout == "inline" and e.separator_span is not None
    ]
    wanted = convention(configured.separator, configured, (e.separator for e in entries))
    if wanted is None or not wanted.value.strip():
        return
    by_list = group_by(entries, _list_of)
    for entry in entries:
        if entry.separator == wanted.value or entry.separator_span is None:
            continue
        missing = not entry.separator.strip()
        siblings = [not e.separator.strip() for e in by_list[_list_of(entry)]]
        prose = majority(siblings, threshold=0.5, minimum=3)
        if missing and prose is not None and prose.value and not wanted.source:
            continue  # a list written as prose (``[DevDocs](url) is a ...``): its own convention
        if missing and (
            entry.description_prose.startswith("(")
            or not any(char.isalnum() for char in entry.description_prose)
        ):
            continue  # ``[Name](url) (Japanese)`` or an emoji: a note on the name, no description
        problem = "missing separator" if missing else f"separator {entry.separator!r}"
        yield Problem(
            entry.separator_span,
            f"{problem} between {entry.name[:50]!r} and its description; write {wanted.value!r} "
            f"({wanted.evidence('entries in this list separate name and description that way')})",
            Fix(
                (Edit.replace(entry.separator_span, entry.separator, wanted.value),),
                f"separate name and description with {wanted.value!r}",
                safe=not missing,
            ),
        )

"""LL320 list-marker."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import convention, style


@rule("LL320", "list-marker", severity="warning", fixable="always", tags=("entries", "lists"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Bullet lists should use the same marker (``-``, ``*`` or ``+``) at the same nesting depth.

    Why: a list that writes ``- [x](url)`` everywhere but ``* [y](url)`` in one section is
    inconsistent, and Markdown starts a new list at each change of marker, which can change the
    spacing of the rendered list. The expected marker is the majority at each depth (so a table of
    contents with ``*`` items and ``-`` sub-items is consistent), or the configured ``marker``.
    Tables of contents are not checked: they are often generated, and are a block of their own;
    nor are lists without entries (a list of maintainers, notes), which are prose.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        * [black](https://github.com/psf/black) - Formatter.

    One problem is reported per list, on its first item.

    Fix (safe): the markers of the list's items are replaced with the expected one.
    """
    configured = style(ctx.settings)
    analysis = ctx.facts.lists
    entry_items = {e.list_item for e in doc.entries if e.list_item is not None}
    lists = [
        items
        for items in analysis.lists
        if not items[0].ordered
        and any(item in entry_items for item in items)
        and items[0] not in analysis.navigation
    ]
    by_depth: dict[int, list[str]] = {}
    for items in lists:
        by_depth.setdefault(items[0].depth, []).extend(item.marker for item in items)
    wanted = {
        depth: convention(configured.marker, configured, markers)
        for depth, markers in by_depth.items()
    }
    for items in lists:
        first = items[0]
        expected = wanted[first.depth]
        if expected is None or first.marker == expected.value:
            continue
        count = f"{len(items)} items" if len(items) > 1 else "1 item"
        yield Problem(
            first.marker_span,
            f"this list ({count}) uses the marker {first.marker!r}; write {expected.value!r} "
            f"({expected.evidence(f'bullet items at depth {first.depth}', 'use it')})",
            Fix(
                tuple(
                    Edit.replace(item.marker_span, item.marker, expected.value) for item in items
                ),
                f"use the marker {expected.value!r}",
            ),
        )

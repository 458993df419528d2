"""LL321 list-indent."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import ListItem
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import convention, style


def _leading(doc: Document, item: ListItem) -> str | None:
    """The whitespace before the item's marker, or None when something else (``>``) is there."""
    line = doc.line(item.marker_span.line)
    before = line[: item.marker_span.column - 1]
    return before if not before.strip() else None


def _width(text: str) -> int:
    width = 0
    for char in text:
        width = width + 4 - width % 4 if char == "\t" else width + 1
    return width


def _relative(doc: Document, item: ListItem) -> str | None:
    if item.parent is not None and item.parent.marker_span.line == item.marker_span.line:
        return None  # ``* * [x](u)``: a doubled marker (LL309), not an indentation
    own = _leading(doc, item)
    if own is None or item.parent is None:
        return own
    parent = _leading(doc, item.parent)
    if parent is None or not own.startswith(parent):
        return None
    return own[len(parent) :]


def _still_nested(doc: Document, item: ListItem, indent: str) -> bool:
    """Whether ``indent`` keeps the item nested under its parent (and not turned into code)."""
    if item.parent is None:
        return _width(indent) < 4
    line = doc.line(item.parent.marker_span.line)
    after = item.parent.marker_span.end_column - 1
    content = after + len(line[after:]) - len(line[after:].lstrip(" "))
    width = _width(indent)
    return _width(line[:content]) <= width < _width(line[:content]) + 4


@rule(
    "LL321",
    "list-indent",
    severity="warning",
    fixable="sometimes",
    tags=("entries", "lists", "whitespace"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """List items at the same depth should be indented the same way.

    Why: one sub-list indented with four spaces where the rest use two (or a tab where the rest
    use spaces) is inconsistent, and mixed indentation is what makes an item silently change its
    nesting or become a code block after an edit. The expected indentation of each depth, relative
    to the parent item, is the document's majority at that depth, or the configured ``indent``.
    Top-level items are expected at the margin. A list whose items deviate together (at least
    half of them, the same way) is one finding.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
            - [ruff-lsp](https://github.com/astral-sh/ruff-lsp) - Language server.
          - [ruff-action](https://github.com/astral-sh/ruff-action) - GitHub Action.

    Fix (safe, only for one-line items without sub-items, and only when the item stays nested the
    same way): the indentation is replaced.
    """
    configured = style(ctx.settings)
    analysis = ctx.facts.lists
    lists = [items for items in analysis.lists if items[0] not in analysis.navigation]
    indents = {item: _relative(doc, item) for items in lists for item in items}
    by_depth: dict[int, list[str]] = {}
    for items in lists:
        for item in items:
            indent = indents[item]
            if indent is not None:
                by_depth.setdefault(item.depth, []).append(indent)
    wanted = {
        depth: convention(configured.indent if depth else None, configured, values)
        for depth, values in by_depth.items()
    }
    for items in lists:
        expected = wanted.get(items[0].depth)
        if expected is None:
            continue
        deviating = [item for item in items if indents[item] not in (None, expected.value)]
        if not deviating:
            continue
        edits = [_edit(doc, item, expected.value, analysis.children) for item in deviating]
        together = 2 * len(deviating) >= len(items) and len({indents[i] for i in deviating}) == 1
        groups: list[tuple[ListItem, list[Edit | None]]] = (
            [(deviating[0], edits)]
            if together
            else [(item, [edit]) for item, edit in zip(deviating, edits, strict=True)]
        )
        for item, group_edits in groups:
            if not together or len(items) == 1:
                what = "list item"
            elif len(deviating) == len(items):
                what = f"this list ({len(items)} items) is"
            else:
                what = f"{len(deviating)} of the {len(items)} items of this list are"
            chosen = tuple(edit for edit in group_edits if edit is not None)
            yield Problem(
                Span(item.marker_span.line, 1, item.marker_span.line, item.marker_span.column),
                f"{what} indented with {indents[item]!r}; "
                f"indent {'them' if together and len(items) > 1 else 'it'} with {expected.value!r}"
                f"{' relative to its parent' if item.depth else ''} "
                f"({expected.evidence(f'items at depth {item.depth}', 'are indented that way')})",
                Fix(chosen, "indent like the others") if len(chosen) == len(group_edits) else None,
            )


def _edit(doc: Document, item: ListItem, indent: str, parents: frozenset[ListItem]) -> Edit | None:
    """The edit re-indenting a one-line item without sub-items, if it keeps its nesting."""
    own = _leading(doc, item) or ""
    replacement = (_leading(doc, item.parent) or "" if item.parent else "") + indent
    rest = range(item.span.line + 1, item.span.end_line + 1)  # trailing blank lines are no part
    single = item not in parents and not any(doc.line(number).strip() for number in rest)
    if not single or not _still_nested(doc, item, replacement):
        return None
    return Edit.replace(
        Span(item.marker_span.line, 1, item.marker_span.line, len(own) + 1), own, replacement
    )

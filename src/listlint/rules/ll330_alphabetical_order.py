"""LL330 alphabetical-order."""

from collections.abc import Iterator
from itertools import pairwise

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import THRESHOLD, ListAnalysis, out_of_order, sort_key, style


def _entry_lists(doc: Document, analysis: ListAnalysis) -> list[list[Entry]]:
    """The entries of each list (of at least three entries), outside the TOC."""
    by_item = {e.list_item: e for e in doc.entries if e.list_item is not None and e.named}
    found = []
    for items in analysis.lists:
        if items[0] in analysis.navigation:
            continue
        entries = [by_item[item] for item in items if item in by_item]
        if len(entries) >= 3:
            found.append(entries)
    return found


def _is_sorted(entries: list[Entry]) -> bool:
    return not any(out_of_order(a.name, b.name) for a, b in pairwise(entries))


def _reorder(doc: Document, entries: list[Entry]) -> Fix | None:
    """An unsafe fix sorting a tight list whose items are all entries (one block of lines each)."""
    items = [e.list_item for e in entries]
    if any(item is None for item in items):
        return None
    spans = [item.span for item in items if item is not None]
    if any(after.line != before.end_line + 1 for before, after in pairwise(spans)):
        return None
    blocks = {
        entry: doc.text_at(Span(span.line, 1, span.end_line, len(doc.line(span.end_line)) + 1))
        for entry, span in zip(entries, spans, strict=True)
    }
    # the line endings between the items stay where they are, whatever each one is
    endings = [
        doc.text_at(Span(before.end_line, len(doc.line(before.end_line)) + 1, after.line, 1))
        for before, after in pairwise(spans)
    ]
    ordered = [blocks[e] for e in sorted(entries, key=lambda e: sort_key(e.name))]
    text = "".join(block + ending for block, ending in zip(ordered, [*endings, ""], strict=True))
    last = spans[-1].end_line
    whole = Span(spans[0].line, 1, last, len(doc.line(last)) + 1)
    return Fix(
        (Edit.replace(whole, doc.text_at(whole), text),), "sort the list alphabetically", safe=False
    )


@rule(
    "LL330",
    "alphabetical-order",
    severity="warning",
    fixable="unsafe",
    tags=("entries", "order"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Entries should be in alphabetical order where the list keeps its sections sorted.

    Why: many lists sort each section so that readers can scan it and contributors know where to
    add; one entry out of place breaks both. This is on when ``entries.sorted = true``, or when at
    least 80 % of the lists of three or more entries in the document (at least three such lists)
    are already sorted; ``entries.sorted = false`` turns it off. Names compare case-insensitively
    on their letters and digits; pairs that usual collations disagree on (one name a prefix of the
    other, a name starting with a non-ASCII letter) are never reported.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        - [black](https://github.com/psf/black) - Formatter.

    Fix (unsafe, applied only with the unsafe-fixes flag): the list's items are sorted; offered only
    for lists whose items are all entries, with no blank lines between them.
    """
    configured = style(ctx.settings)
    lists = _entry_lists(doc, ctx.facts.lists)
    sorted_lists = sum(1 for entries in lists if _is_sorted(entries))
    if configured.sorted is False:
        return
    if configured.sorted is None and (len(lists) < 3 or sorted_lists < THRESHOLD * len(lists)):
        return
    evidence = (
        "the configuration asks for sorted entries"
        if configured.sorted
        else f"{sorted_lists} of {len(lists)} lists in this document are sorted alphabetically"
    )
    for entries in lists:
        if _is_sorted(entries):
            continue
        fix = _reorder(doc, entries)
        for before, entry in pairwise(entries):
            if out_of_order(before.name, entry.name):
                yield Problem(
                    entry.name_span,
                    f"{entry.name[:50]!r} is out of alphabetical order: it should come before "
                    f"{before.name[:50]!r} ({evidence})",
                    fix,
                )
                fix = None

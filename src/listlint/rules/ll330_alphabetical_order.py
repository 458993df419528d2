"""LL330 alphabetical-order."""

from collections.abc import Iterator
from itertools import pairwise

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.rule import Context, Problem, rule
from listlint.rules._contribution import contribution
from listlint.rules._entries import THRESHOLD, Collated, ListAnalysis, collated, sort_key, style


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

    One slip is one finding: the entries that stay in order are the longest sorted run of the
    list, and each run of entries out of it (the entry that moved) is reported once, saying where
    it belongs. An entry that a change adds, where ``contribution.placement = "alphabetical"``,
    is LL702's to judge (misplaced-entry) and not reported here. A list in which half of the
    entries or more would have to move is ordered some other way (by importance, by date) and is
    not reported, unless ``entries.sorted = true``.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        - [black](https://github.com/psf/black) - Formatter.
        - [mypy](https://github.com/python/mypy) - Type checker.

    Fix (unsafe, applied only with the unsafe-fixes flag): the list's items are sorted; offered only
    for lists whose items are all entries, with no blank lines between them.
    """
    configured = style(ctx.settings)
    if configured.sorted is False:
        return
    lists = [
        (entries, [collated(e.name) for e in entries])
        for entries in _entry_lists(doc, ctx.facts.lists)
    ]
    unsorted = [(entries, names) for entries, names in lists if not _is_sorted(names)]
    sorted_lists = len(lists) - len(unsorted)
    if configured.sorted is None and (len(lists) < 3 or sorted_lists < THRESHOLD * len(lists)):
        return
    evidence = (
        "the configuration asks for sorted entries"
        if configured.sorted
        else f"{sorted_lists} of {len(lists)} lists in this document are sorted alphabetically"
    )
    judged_by_ll702 = (
        set(ctx.facts.added_entries)
        if contribution(ctx.settings).placement == "alphabetical"
        else set()
    )
    for entries, names in unsorted:
        kept = _longest_sorted(names)
        if configured.sorted is None and 2 * (len(entries) - len(kept)) >= len(entries):
            continue  # ordered some other way, not a slip
        fix = _reorder(doc, entries)
        for run in _runs([index for index in range(len(entries)) if index not in kept]):
            first = entries[run[0]]
            if first in judged_by_ll702:
                continue
            name = repr(first.name[:50])
            what = f"{name} and the {len(run) - 1} after it are" if len(run) > 1 else f"{name} is"
            subject = name if len(run) > 1 else "it"
            yield Problem(
                first.name_span,
                f"{what} out of alphabetical order: {subject} belongs "
                f"{_place(names, kept, run[0])} ({evidence})",
                fix,
            )
            fix = None


def _is_sorted(names: list[Collated]) -> bool:
    return not any(a.before(b) for a, b in pairwise(names))


def _longest_sorted(names: list[Collated]) -> set[int]:
    """Indexes of a longest run of names in order (not necessarily adjacent), the earliest."""
    length = [1] * len(names)
    previous: list[int | None] = [None] * len(names)
    for index, name in enumerate(names):
        for earlier in range(index):
            if length[earlier] + 1 > length[index] and not names[earlier].before(name):
                length[index], previous[index] = length[earlier] + 1, earlier
    chosen: int | None = max(range(len(names)), key=lambda i: (length[i], -i))
    kept = set()
    while chosen is not None:
        kept.add(chosen)
        chosen = previous[chosen]
    return kept


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive indexes grouped: [1, 2, 5] -> [[1, 2], [5]]."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _place(names: list[Collated], kept: set[int], moved: int) -> str:
    """Where a moved name belongs among the names kept in order: 'after X' or 'before Y'."""
    ordered = [names[index] for index in sorted(kept)]
    # by the case-insensitive key: the moved name is out of order under every collation, but
    # its place is named by the one most lists use ('FreeTDS' after 'firebirdsql', not first)
    preceding = [name for name in ordered if name.key <= names[moved].key]
    if preceding:
        return f"after {preceding[-1].name[:50]!r}"
    return f"before {ordered[0].name[:50]!r}"

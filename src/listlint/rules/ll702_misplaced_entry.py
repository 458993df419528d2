"""LL702 misplaced-entry."""

from collections.abc import Iterator, Sequence
from itertools import pairwise

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.rule import Context, Problem, rule
from listlint.rules._contribution import contribution
from listlint.rules._entries import out_of_order


@rule("LL702", "misplaced-entry", fixable="unsafe", tags=("contribution", "order"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An entry the change adds is not where `placement` wants it in its list.

    Why: "please keep the list sorted" is a review comment every curated list repeats. Set
    `placement` under `[tool.listlint.contribution]`: `"alphabetical"` wants each added entry in
    alphabetical order among its neighbours, `"end"` at the end of its list (after the entries
    already there), `"any"` (the default) anywhere. The rule reads the change of
    `--changed-since REF` or of `listlint review`; only entries the change adds are judged, and
    only by the pairs they take part in: an added entry is misplaced when it puts more pairs out
    of order with the nearest entries that were there before than those two were on their own
    (so a list that was unsorted before does not fail a contribution that leaves it no worse),
    or when it follows an added entry it should precede. Names compare as LL330 compares them.
    The message names where the entry belongs: the nearest place where it is in order with both
    neighbours (or, in an unsorted list, makes nothing worse).

    Example (`placement = "alphabetical"`, `ruff` added):

        - [black](https://github.com/psf/black) - Formatter.
        - [ruff](https://github.com/astral-sh/ruff) - Fast linter.
        - [isort](https://github.com/PyCQA/isort) - Sorts imports.

    Fix (unsafe, applied only with the unsafe-fixes flag): the entry's lines move there; offered
    when the list's items follow each other with no blank line between them.
    """
    placement = contribution(ctx.settings).placement
    added = set(ctx.facts.added_entries)
    if placement == "any" or not added:
        return
    by_item = {e.list_item: e for e in ctx.facts.content_entries if e.list_item is not None}
    for items in ctx.facts.lists.lists:
        listed = [by_item[item] for item in items if item in by_item]
        for index, entry in enumerate(listed):
            if entry not in added:
                continue
            if placement == "end":
                slot = _end_slot(listed, index, added)
                why = "is not at the end of its list"
            else:
                slot = _alphabetical_slot(listed, index, added)
                why = "is out of alphabetical order"
            if slot is None:
                continue
            others = [*listed[:index], *listed[index + 1 :]]
            yield Problem(
                entry.name_span,
                f'"{entry.name.strip()}" {why}: it belongs {_place(others, slot)} '
                f"(contribution.placement)",
                _move(doc, listed, index, slot),
            )


def _disorder(before: Entry | None, after: Entry | None) -> int:
    """1 when two neighbours are out of alphabetical order, else 0."""
    return int(before is not None and after is not None and out_of_order(before.name, after.name))


def _worse(before: Entry | None, entry: Entry, after: Entry | None) -> bool:
    """Whether ``entry`` between ``before`` and ``after`` puts more pairs out of order than the
    two neighbours were on their own."""
    return _disorder(before, entry) + _disorder(entry, after) > _disorder(before, after)


def _misplaced(listed: Sequence[Entry], index: int, added: set[Entry]) -> bool:
    """Whether the added entry at ``index`` is out of order: it puts more pairs out of order
    with the nearest entries that were there before than those two were on their own, or it
    comes after an added entry it should precede."""
    entry = listed[index]
    before = next((e for e in reversed(listed[:index]) if e not in added), None)
    after = next((e for e in listed[index + 1 :] if e not in added), None)
    if _worse(before, entry, after):
        return True
    return index > 0 and listed[index - 1] in added and bool(_disorder(listed[index - 1], entry))


def _alphabetical_slot(listed: Sequence[Entry], index: int, added: set[Entry]) -> int | None:
    """Where the added entry at ``index`` belongs among the others (a gap index): the nearest
    gap where it is in order with both neighbours, else the nearest where it makes nothing
    worse; None when it is not misplaced, or no place is better."""
    if not _misplaced(listed, index, added):
        return None
    entry = listed[index]
    others = [*listed[:index], *listed[index + 1 :]]
    bounds = [None, *others, None]  # the neighbours of gap g: bounds[g] and bounds[g + 1]
    gaps = range(len(others) + 1)
    in_order = [
        g for g in gaps if not _disorder(bounds[g], entry) + _disorder(entry, bounds[g + 1])
    ]
    no_worse = [g for g in gaps if not _worse(bounds[g], entry, bounds[g + 1])]
    return min(in_order or no_worse, key=lambda gap: abs(gap - index), default=None)


def _end_slot(listed: Sequence[Entry], index: int, added: set[Entry]) -> int | None:
    """The end of the list, when an entry that was there before comes after the added one."""
    if all(entry in added for entry in listed[index + 1 :]):
        return None
    return len(listed) - 1


def _place(others: Sequence[Entry], gap: int) -> str:
    """A gap among ``others`` in words: 'after "X" (line 12)' or 'before "Y" (line 3)'."""
    if gap:
        neighbour = others[gap - 1]
        return f'after "{neighbour.name.strip()}" (line {neighbour.name_span.line})'
    return f'before "{others[0].name.strip()}" (line {others[0].name_span.line})'


def _lines(entry: Entry) -> range:
    """The lines of the entry's list item."""
    item = entry.list_item
    assert item is not None  # entries of a list
    return range(item.span.line, item.span.last_line + 1)


def _block(doc: Document, lines: range) -> str | None:
    """The text of ``lines`` with their line endings; None when the last has none (the end of
    the file)."""
    block = doc.text_at(Span(lines.start, 1, lines.stop, 1))
    return block if block.endswith(("\n", "\r")) else None


def _move(doc: Document, listed: Sequence[Entry], index: int, gap: int) -> Fix | None:
    """An unsafe fix moving the entry at ``index`` to ``gap`` among the others, for a list whose
    items follow each other without blank lines."""
    spans = [_lines(entry) for entry in listed]
    if any(after.start != before.stop for before, after in pairwise(spans)):
        return None
    own = spans[index]
    others = [*spans[:index], *spans[index + 1 :]]
    block = _block(doc, own)
    if block is None or (gap == len(others) and _block(doc, others[-1]) is None):
        return None
    line = others[gap].start if gap < len(others) else others[-1].stop
    edits = (
        Edit.replace(Span(own.start, 1, own.stop, 1), block, ""),
        Edit.insert(line, 1, block),
    )
    return Fix(edits, f"move it {_place([*listed[:index], *listed[index + 1 :]], gap)}", safe=False)

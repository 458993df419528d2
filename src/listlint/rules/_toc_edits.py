"""Minimal fixes for single TOC findings: each changes only its own entry's lines (or adds one),
in the list's own style, so that a fix never rewrites entries that were right.

- a missing heading: one new line, at its place among its siblings;
- a dead entry: its fragment retargeted (its text is LL206's), or its line deleted;
- a stale text: the link text replaced;
- a misplaced or out-of-order entry: its lines (with its sub-entries) re-indented in place, or
  moved where they belong.

No fix is offered when an entry involved spans several lines, or when the place cannot be told
(siblings that are group labels rather than headings).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

from msgspec import Struct

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.model.toc import TocItem
from listlint.rules._toc import TocAnalysis, sort_key
from listlint.rules._toc_style import ListStyle, number, prefix


class Block(Struct, frozen=True):
    """An entry with its sub-entries: its first and last line, and its items."""

    first: int
    last: int
    items: tuple[TocItem, ...]


def block(doc: Document, analysis: TocAnalysis, item: TocItem) -> Block | None:
    """``item`` and its sub-entries, or None when one of them spans several lines."""
    items = tuple(i for i in analysis.toc.items if i is item or _descends(i, item))
    lines = {i.list_item.span.line for i in items}
    if any(i.span.line != i.list_item.span.line or i.span.end_line != i.span.line for i in items):
        return None
    first, last = min(lines), max(lines)
    if any(doc.line(n).strip() and n not in lines for n in range(first, last + 1)):
        return None
    return Block(first, last, items)


def branch_span(doc: Document, analysis: TocAnalysis, item: TocItem) -> Span:
    """Where ``item`` and its sub-entries are: what moves when the entry moves."""
    found = block(doc, analysis, item)
    last = found.last if found is not None else item.span.end_line
    return Span(item.span.line, item.span.column, last, len(doc.line(last)) + 1)


def _has_children(analysis: TocAnalysis, item: TocItem) -> bool:
    return any(i.parent is item for i in analysis.toc.items)


def _descends(item: TocItem, ancestor: TocItem | None) -> bool:
    parent = item.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


class Place(Struct, frozen=True):
    """Where new entry lines go: at the end of line ``after`` (or before line ``before``), at
    ``depth``, numbered ``count`` in an ordered list that counts up."""

    after: int | None
    before: int | None
    depth: int
    count: int


def _siblings(
    analysis: TocAnalysis, parent: TocItem | None, leaving: TocItem | None
) -> list[TocItem]:
    return [
        i
        for i in analysis.toc.items
        if i.parent is parent and i is not leaving and not _descends(i, leaving)
    ]


def place_for(
    doc: Document,
    analysis: TocAnalysis,
    heading: Heading,
    parent: TocItem | None,
    leaving: TocItem | None = None,
) -> Place | None:
    """Where an entry for ``heading`` goes under ``parent`` (None: the top level): after the
    siblings whose headings come before it (or sort before it, where the TOC is alphabetical).
    ``leaving`` is an entry that moves away, so no sibling. None when a sibling is a group label
    (an entry without a link, with entries under it)."""
    siblings = _siblings(analysis, parent, leaving)
    resolved = analysis.heading_of_item
    if any(i.link is None and _has_children(analysis, i) for i in siblings):
        return None  # siblings are group labels: where a heading goes among them is a choice
    if siblings and analysis.group(siblings[0]) in analysis.alphabetical:
        keys = [sort_key(i.text) for i in siblings]
        position = bisect_left(keys, sort_key(analysis.titles[heading]))
    else:
        before = [
            index
            for index, i in enumerate(siblings)
            if i in resolved and resolved[i].span.line < heading.span.line
        ]
        position = before[-1] + 1 if before else 0
    return _place(doc, analysis, siblings, position, parent, leaving)


def place_after(
    doc: Document, analysis: TocAnalysis, item: TocItem, after: TocItem | None
) -> Place | None:
    """Where ``item`` goes among its own siblings: right after ``after`` (None: first)."""
    siblings = _siblings(analysis, item.parent, item)
    position = siblings.index(after) + 1 if after is not None else 0
    return _place(doc, analysis, siblings, position, item.parent, item)


def _place(
    doc: Document,
    analysis: TocAnalysis,
    siblings: list[TocItem],
    position: int,
    parent: TocItem | None,
    leaving: TocItem | None,
) -> Place | None:
    depth = siblings[0].depth if siblings else (parent.depth + 1 if parent else 0)
    if position:
        previous = siblings[position - 1]
        found = block(doc, analysis, previous)
        if found is None:
            return None
        last = max(
            i.list_item.span.line
            for i in found.items
            if i is not leaving and not _descends(i, leaving)
        )
        return Place(last, None, depth, _count(previous) + 1)
    if parent is not None:
        return Place(parent.list_item.span.line, None, depth, 1)
    if siblings:
        return Place(None, siblings[0].list_item.span.line, depth, 1)
    return None


def _count(item: TocItem) -> int:
    return number(item.marker) or 1


def _insert(doc: Document, spot: Place, lines: list[str], loose: bool) -> Edit:
    newline = doc.newline
    text = newline.join(lines)
    gap = newline * (2 if loose else 1)
    if spot.after is not None:
        return Edit.insert(spot.after, len(doc.line(spot.after)) + 1, gap + text)
    assert spot.before is not None
    return Edit.insert(spot.before, 1, text + gap)


def insert_fix(
    doc: Document, analysis: TocAnalysis, style: ListStyle, heading: Heading
) -> Fix | None:
    """Add an entry for ``heading`` where the entries of its sibling sections are (under the
    entry they share), or as the first entry under its parent's."""
    above = analysis.parent.get(heading)
    peers = Counter(
        item.parent
        for h, item in analysis.listed.items()
        if h is not heading and h in analysis.parent and analysis.parent[h] is above
    ).most_common(1)
    if peers:
        parent = peers[0][0]
    elif above is None:
        parent = None
    elif above in analysis.listed:
        parent = analysis.listed[above]
    else:
        return None  # its parent is missing too: that one is added first, then this one
    spot = place_for(doc, analysis, heading, parent)
    if spot is None:
        return None
    marker = style.numbered(spot.depth, spot.count)
    line = f"{style.indent(spot.depth)}{marker}{style.gap(spot.depth)}"
    line += style.content(analysis, heading)
    edit = _insert(doc, spot, [line], style.loose)
    return Fix((edit,), f"add `{analysis.titles[heading]}` to the table of contents")


def retarget_fix(
    doc: Document, style: ListStyle, item: TocItem, heading: Heading, safe: bool
) -> Fix | None:
    """Link ``item`` to ``heading`` (:meth:`ListStyle.relink`): its fragment only; whether its
    text then differs from the heading's is LL206's to tell."""
    link = item.link
    if link is None or link.destination_span is None:
        return None
    original = doc.text_at(link.destination_span)
    if not original.startswith("#"):
        return None
    target = style.relink(heading)
    edit = Edit.replace(link.destination_span, original, target)
    return Fix((edit,), f"link the entry to `{target}`", safe=safe)


def retext_fix(doc: Document, analysis: TocAnalysis, style: ListStyle, item: TocItem) -> Fix | None:
    """Give ``item`` its heading's text, in the TOC's style."""
    link = item.link
    heading = analysis.heading_of_item.get(item)
    if link is None or link.text_span is None or heading is None:
        return None
    label = style.label(analysis, heading)
    original = doc.text_at(link.text_span)
    if not label or label == original:
        return None
    return Fix((Edit.replace(link.text_span, original, label),), f"write `{label}`")


def delete_fix(doc: Document, analysis: TocAnalysis, style: ListStyle, item: TocItem) -> Fix | None:
    """Delete ``item``'s line, when it has no sub-entries and is not the only entry."""
    found = block(doc, analysis, item)
    if found is None or len(found.items) != 1 or len(analysis.toc.items) == 1:
        return None
    return Fix((_delete(doc, found, style.loose),), "remove the entry")


def _delete(doc: Document, found: Block, loose: bool) -> Edit:
    """Deleting the block's lines (in a loose list, with the blank lines after them)."""
    last = found.last
    while loose and last < len(doc.lines) and not doc.line(last + 1).strip():
        last += 1
    if last < len(doc.lines):
        span = Span(found.first, 1, last + 1, 1)
    elif found.first > 1:
        before = found.first - 1
        span = Span(before, len(doc.line(before)) + 1, last, len(doc.line(last)) + 1)
    else:
        span = Span(found.first, 1, last, len(doc.line(last)) + 1)
    return Edit.replace(span, doc.text_at(span), "")


def move_fix(
    doc: Document,
    analysis: TocAnalysis,
    style: ListStyle,
    item: TocItem,
    spot: Place | None,
    message: str,
) -> Fix | None:
    """Move ``item`` with its sub-entries to ``spot``: re-indented in place when that is where it
    stands already, else deleted and written again there."""
    found = block(doc, analysis, item)
    if found is None or spot is None:
        return None
    shift = spot.depth - item.depth
    here = spot.before == found.first or (
        spot.after is not None
        and spot.after < found.first
        and not any(doc.line(n).strip() for n in range(spot.after + 1, found.first))
    )
    if here:
        if shift == 0 or not _keeps_follower(analysis, found, spot.depth):
            return None
        edits = tuple(_reindent(doc, style, each, each.depth + shift) for each in found.items)
        return Fix(edits, message)
    lines = [_moved_line(doc, style, each, each.depth + shift) for each in found.items]
    return Fix((_delete(doc, found, style.loose), _insert(doc, spot, lines, style.loose)), message)


def _keeps_follower(analysis: TocAnalysis, found: Block, depth: int) -> bool:
    """Whether the entry after the block stays where it is when the block moves to ``depth``
    (it must not turn into one of the block's sub-entries)."""
    items = analysis.toc.items
    index = items.index(found.items[-1]) + 1
    if index == len(items):
        return True
    follower = items[index]
    same_list = analysis.group(follower)[0] == analysis.group(found.items[0])[0]
    return not same_list or follower.depth <= depth


def _new_prefix(doc: Document, style: ListStyle, item: TocItem, depth: int) -> str:
    marker = item.marker
    if number(marker) is None and number(style.marker(depth)) is None:
        marker = style.marker(depth)
    return style.indent(depth) + marker


def _reindent(doc: Document, style: ListStyle, item: TocItem, depth: int) -> Edit:
    old = prefix(doc, item)
    line = item.list_item.marker_span.line
    new = _new_prefix(doc, style, item, depth)
    return Edit.replace(Span(line, 1, line, len(old) + 1), old, new)


def _moved_line(doc: Document, style: ListStyle, item: TocItem, depth: int) -> str:
    line = doc.line(item.list_item.marker_span.line)
    if depth == item.depth:
        return line
    return _new_prefix(doc, style, item, depth) + line[len(prefix(doc, item)) :]

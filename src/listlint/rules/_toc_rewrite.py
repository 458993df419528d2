"""The whole-TOC rewrite (LL209's unsafe fix): the table of contents written again from the
headings, in the list's own style. The other TOC rules fix one entry at a time instead."""

from __future__ import annotations

from bisect import bisect_left

from msgspec import Struct

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.model.toc import TocItem
from listlint.rules._toc import TocAnalysis, sort_key
from listlint.rules._toc_style import ListStyle, list_style

Shape = list[tuple[int, str]]  # each entry's depth and text after its marker: what renders


class Rewrite(Struct, frozen=True):
    """The TOC list written again: its text, and its shape beside the shape it has now."""

    text: str
    shape: Shape
    old_shape: Shape

    @property
    def differs(self) -> bool:
        """Whether the rewrite changes what the TOC shows (not only how it is indented)."""
        return self.shape != self.old_shape


def rewrite_fix(doc: Document, analysis: TocAnalysis, rewrite: Rewrite | None = None) -> Fix | None:
    """An unsafe fix that writes the TOC again from the headings (``rewrite``, when already
    written), when that changes it."""
    rewrite = rewrite or rewritten_toc(doc, analysis)
    if rewrite is None:
        return None
    first, last = analysis.toc.lists[0]
    if rewrite.text == "\n".join(doc.lines[first - 1 : last]):
        return None
    whole = Span(first, 1, last, len(doc.line(last)) + 1)
    edit = Edit.replace(whole, doc.text_at(whole), rewrite.text.replace("\n", doc.newline))
    return Fix((edit,), "write the table of contents again from the headings", safe=False)


def rewritten_toc(doc: Document, analysis: TocAnalysis) -> Rewrite | None:
    """The TOC list written again, or None when it holds something a rewrite cannot place.

    Each heading is listed under the heading it belongs under, siblings in document order, or
    in the alphabet's where the TOC sorts them (entries LL204 moves go where it says, new ones
    at their alphabetical place). An entry that keeps its depth and parent keeps its line's
    indentation; a new or moved one takes its siblings', else its parent's plus the list's step.
    """
    toc = analysis.toc
    if len(toc.lists) != 1:
        return None
    first, last = toc.lists[0]
    item_lines: set[int] = set()
    for item in toc.items:
        if item.span.line != item.span.end_line or item.span.line != item.list_item.span.line:
            return None
        item_lines.add(item.span.line)
        if item not in analysis.heading_of_item and item not in analysis.dead:
            return None  # an entry that is not a heading: keep the TOC as the author wrote it
    if any(doc.line(n).strip() for n in range(first, last + 1) if n not in item_lines):
        return None
    if not analysis.shown:
        return None  # nothing left to list: removing the whole TOC is the author's call
    style = list_style(doc, analysis)
    writer = _Writer(doc, analysis, style)
    writer.write(None, "")
    old_shape = [(item.depth, _after_marker(doc, item)) for item in toc.items]
    return Rewrite("\n".join(writer.lines), writer.shape, old_shape)


class _Writer:
    """Writes the entries of the shown headings, depth first."""

    def __init__(self, doc: Document, analysis: TocAnalysis, style: ListStyle) -> None:
        self.doc, self.analysis, self.style = doc, analysis, style
        self.children: dict[Heading | None, list[Heading]] = {}
        for heading in analysis.shown:
            self.children.setdefault(analysis.parent[heading], []).append(heading)
        self.position = {item: index for index, item in enumerate(analysis.toc.items)}
        self.lines: list[str] = []
        self.shape: Shape = []

    def write(self, parent: Heading | None, parent_indent: str | None) -> None:
        """The entries under ``parent`` (None: the top level), whose line is indented
        ``parent_indent`` (None: written in the list's style)."""
        analysis, style = self.analysis, self.style
        parent_item = analysis.listed.get(parent) if parent is not None else None
        kept = {h: self.kept_indent(h, parent_item, parent_indent) for h in self.children[parent]}
        siblings = [indent for indent in kept.values() if indent is not None]
        for count, heading in enumerate(self.ordered(parent, parent_item), start=1):
            depth = analysis.depth[heading]
            indent = kept[heading]
            if indent is None:
                indent = siblings[0] if siblings else self.new_indent(depth, parent_indent)
            entry = analysis.listed.get(heading)
            if entry is not None:
                content = _kept_content(self.doc, analysis, style, entry)
            else:
                content = style.content(analysis, heading)
            if style.loose and self.lines:
                self.lines.append("")
            marker = style.numbered(depth, count)
            self.lines.append(f"{indent}{marker}{style.gap(depth)}{content}")
            self.shape.append((depth, content.rstrip(" \t")))
            if heading in self.children:
                self.write(heading, kept[heading])

    def kept_indent(
        self, heading: Heading, parent_item: TocItem | None, parent_indent: str | None
    ) -> str | None:
        """The indentation of ``heading``'s entry as written, when it stays where it is (same
        depth, same parent entry, whose line keeps its own indentation too)."""
        entry = self.analysis.listed.get(heading)
        if entry is None or entry.depth != self.analysis.depth[heading]:
            return None
        if entry.parent is not parent_item or (parent_item is not None and parent_indent is None):
            return None
        line = self.doc.line(entry.list_item.marker_span.line)
        return line[: entry.list_item.marker_span.column - 1]

    def new_indent(self, depth: int, parent_indent: str | None) -> str:
        """A new entry's indentation: the list's, or under a parent indented its own way, the
        parent's plus the list's step."""
        style = self.style
        if depth == 0 or parent_indent is None:
            return style.indent(depth)
        here, above = style.indent(depth), style.indent(depth - 1)
        step = here[len(above) :] if here.startswith(above) and here != above else None
        if step is None:
            step = " " * (len(style.marker(depth - 1)) + len(style.gap(depth - 1)))
        return parent_indent + step

    def ordered(self, parent: Heading | None, parent_item: TocItem | None) -> list[Heading]:
        """The headings under ``parent``: in document order, or, where the TOC sorts the group,
        its entries in place, those LL204 moves after the sibling it names, new ones sorted in."""
        analysis = self.analysis
        children = self.children[parent]
        group = (0, parent_item)
        if group not in analysis.alphabetical:
            return children
        moves = {m.item: m.after for m in analysis.out_of_order if m.alphabetical}
        listed = analysis.listed

        def stays(heading: Heading) -> bool:
            entry = listed.get(heading)
            return entry is not None and entry.parent is parent_item and entry not in moves

        order = sorted((h for h in children if stays(h)), key=lambda h: self.position[listed[h]])
        moved = {h for h in children if h in listed and listed[h] in moves}
        for heading in sorted(moved, key=lambda h: self.position[listed[h]]):
            after = moves[listed[heading]]
            anchor = analysis.heading_of_item.get(after) if after is not None else None
            index = order.index(anchor) + 1 if anchor in order else 0
            key = sort_key(analysis.titles[heading])
            while (
                index < len(order)
                and order[index] in moved
                and sort_key(analysis.titles[order[index]]) < key
            ):
                index += 1  # several moved after one sibling: in the alphabet's order
            order.insert(index, heading)
        for heading in children:
            if heading not in order:
                keys = [sort_key(analysis.titles[h]) for h in order]
                order.insert(bisect_left(keys, sort_key(analysis.titles[heading])), heading)
        return order


def _after_marker(doc: Document, item: TocItem) -> str:
    line = doc.line(item.list_item.marker_span.line)
    return line[item.list_item.marker_span.end_column - 1 :].strip(" \t")


def _kept_content(doc: Document, analysis: TocAnalysis, style: ListStyle, item: TocItem) -> str:
    """The entry as written after its marker, its link text or dead target corrected."""
    line = doc.line(item.span.line)
    content_start = item.list_item.marker_span.end_column - 1
    link = item.link
    heading = analysis.heading_of_item[item]
    edits: list[tuple[int, int, str]] = []
    title = analysis.titles[heading]
    if link is not None and link.text_span and analysis.text.differs(item.text, title):
        span = link.text_span
        edits.append((span.column - 1, span.end_column - 1, style.label(analysis, heading)))
    retargeted = item in analysis.retargets or item in analysis.twins
    if link is not None and link.destination_span is not None and retargeted:
        span = link.destination_span
        edits.append((span.column - 1, span.end_column - 1, style.relink(heading)))
    for start, end, text in sorted(edits, reverse=True):
        line = line[:start] + text + line[end:]
    return line[content_start:].lstrip(" \t")

"""The whole-TOC rewrite (LL209's unsafe fix): the table of contents written again from the
headings, in the list's own style. The other TOC rules fix one entry at a time instead."""

from __future__ import annotations

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.toc import TocItem
from listlint.rules._toc import TocAnalysis
from listlint.rules._toc_style import ListStyle, list_style


def rewrite_fix(doc: Document, analysis: TocAnalysis) -> Fix | None:
    """An unsafe fix that writes the TOC again from the headings, if it can and it changes it."""
    text = rewritten_toc(doc, analysis)
    if text is None:
        return None
    first, last = analysis.toc.lists[0]
    if text == "\n".join(doc.lines[first - 1 : last]):
        return None
    whole = Span(first, 1, last, len(doc.line(last)) + 1)
    edit = Edit.replace(whole, doc.text_at(whole), text.replace("\n", doc.newline))
    return Fix((edit,), "write the table of contents again from the headings", safe=False)


def rewritten_toc(doc: Document, analysis: TocAnalysis) -> str | None:
    """The TOC list written again, or None when it holds something a rewrite cannot place."""
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
    lines: list[str] = []
    counters: dict[int, int] = {}
    for heading in analysis.shown:
        depth = analysis.depth[heading]
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        counters[depth] = counters.get(depth, 0) + 1
        entry = analysis.listed.get(heading)
        if entry is not None:
            content = _kept_content(doc, analysis, style, entry)
        else:
            content = style.content(analysis, heading)
        if style.loose and lines:
            lines.append("")
        marker = style.numbered(depth, counters[depth])
        lines.append(f"{style.indent(depth)}{marker}{style.gap(depth)}{content}")
    return "\n".join(lines)


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

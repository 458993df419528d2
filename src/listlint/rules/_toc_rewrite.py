"""The whole-TOC rewrite: the table of contents written again from the headings, in the list's own
style (bullets, indentation, explicit anchors, case)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import TypeVar

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.model.toc import Toc, TocItem
from listlint.rules._toc import (
    CaseUsage,
    TocAnalysis,
    case_usage,
    comparable,
    heading_label,
    text_differs,
)

_T = TypeVar("_T")
_ORDERED = re.compile(r"(\d+)([.)])")
_EMPHASIS = re.compile(r"[*_~]*")


def rewrite_fix(doc: Document, analysis: TocAnalysis) -> Fix | None:
    """A fix that writes the TOC again from the headings in the list's own style, if it can."""
    text = _rewrite(doc, analysis)
    if text is None:
        return None
    first, last = analysis.toc.lists[0]
    if text == "\n".join(doc.lines[first - 1 : last]):
        return None
    whole = Span(first, 1, last, len(doc.line(last)) + 1)
    edit = Edit.replace(whole, doc.text_at(whole), text.replace("\n", doc.newline))
    return Fix((edit,), "rewrite the table of contents from the headings")


@dataclass(frozen=True)
class _Style:
    indents: dict[int, str]
    markers: dict[int, str]
    gaps: dict[int, str]
    sequential: set[int]  # depths whose ordered markers count up (1. 2. 3.) rather than repeat
    wrap: tuple[str, str]
    loose: bool
    explicit: bool
    transform: Callable[[str], str]
    drop_emoji: bool

    def indent(self, depth: int) -> str:
        if depth in self.indents:
            return self.indents[depth]
        known = max(d for d in self.indents if d < depth) if depth > 0 else 0
        base = self.indents.get(known, "")
        below = self.indents.get(known - 1)
        if below is not None and base.startswith(below) and base != below:
            step = base[len(below) :]
        elif "\t" in base:
            step = "\t"
        else:
            step = " " * (len(self.marker(known)) + len(self.gap(known)))
        return base + step * (depth - known)

    def marker(self, depth: int) -> str:
        return self.markers.get(depth) or self.markers[max(d for d in self.markers if d <= depth)]

    def gap(self, depth: int) -> str:
        return self.gaps.get(depth) or self.gaps[max(d for d in self.gaps if d <= depth)]


def _most_common(values: Iterable[_T], default: _T) -> _T:
    counted = Counter(values).most_common(1)
    return counted[0][0] if counted else default


def _style(doc: Document, analysis: TocAnalysis) -> _Style:
    items = analysis.toc.items
    indents: dict[int, list[str]] = {}
    markers: dict[int, list[str]] = {}
    gaps: dict[int, list[str]] = {}
    wraps: list[tuple[str, str]] = []
    explicit = slugs = 0
    same_case = 0
    transforms: Counter[str] = Counter()
    emoji_dropped = emoji_kept = 0
    for item in items:
        line = doc.line(item.list_item.marker_span.line)
        marker = item.list_item.marker_span
        indents.setdefault(item.depth, []).append(line[: marker.column - 1])
        markers.setdefault(item.depth, []).append(item.marker)
        rest = line[marker.end_column - 1 :]
        gaps.setdefault(item.depth, []).append(rest[: len(rest) - len(rest.lstrip(" \t"))] or " ")
        if item.link is not None and item.link.span.line == marker.line:
            start, end = item.link.span.column - 1, item.link.span.end_column - 1
            wraps.append((line[marker.end_column - 1 : start].strip(), line[end:].rstrip()))
        heading = item.heading
        if heading is None or item.fragment is None:
            continue
        if item.fragment == heading.anchor:
            slugs += 1
        else:
            explicit += 1
        written, original = item.text, heading.text.strip()
        if comparable(written) == comparable(original):
            same_case += 1
        for name, transform in _TRANSFORMS.items():
            if comparable(written) == transform(comparable(original)) != comparable(original):
                transforms[name] += 1
        if comparable(original) != original:
            if comparable(written) == written:
                emoji_dropped += 1
            else:
                emoji_kept += 1
    wrap = _most_common(wraps, ("", ""))
    if sum(1 for w in wraps if w == wrap) * 2 <= len(wraps):
        wrap = ("", "")
    best = transforms.most_common(1)
    transform = _TRANSFORMS[best[0][0]] if best and best[0][1] > same_case else _keep
    return _Style(
        indents={d: _most_common(v, "") for d, v in indents.items()},
        markers={d: _most_common(v, "-") for d, v in markers.items()},
        gaps={d: _most_common(v, " ") for d, v in gaps.items()},
        sequential={d for d, v in markers.items() if len(set(v)) > 1},
        wrap=wrap if _EMPHASIS.fullmatch(wrap[0] + wrap[1]) else ("", ""),
        loose=_is_loose(doc, analysis.toc),
        explicit=explicit > slugs,
        transform=transform,
        drop_emoji=emoji_dropped > emoji_kept,
    )


def _keep(text: str) -> str:
    return text


_TRANSFORMS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "upper": str.upper,
    "title": str.title,
}


def _is_loose(doc: Document, toc: Toc) -> bool:
    starts = [item.list_item.span.line for item in toc.items]
    gaps = [any(not doc.line(n).strip() for n in range(a + 1, b)) for a, b in pairwise(starts)]
    return bool(gaps) and sum(gaps) * 2 > len(gaps)


def _rewrite(doc: Document, analysis: TocAnalysis) -> str | None:
    """The new TOC block, or None when the TOC holds something the rewrite cannot place."""
    toc = analysis.toc
    if len(toc.lists) != 1:
        return None
    first, last = toc.lists[0]
    item_lines: set[int] = set()
    for item in toc.items:
        if item.span.line != item.span.end_line or item.span.line != item.list_item.span.line:
            return None
        item_lines.add(item.span.line)
        if item.heading is None and not (
            item.fragment is not None and not analysis.targets.exists(item.fragment)
        ):
            return None  # an entry that is not a heading: keep the TOC as the author wrote it
    if any(doc.line(n).strip() for n in range(first, last + 1) if n not in item_lines):
        return None
    if not analysis.shown:
        return None  # nothing left to list: removing the whole TOC is the author's call
    style = _style(doc, analysis)
    anchors = _explicit_anchors(analysis) if style.explicit else {}
    usage = case_usage(toc)
    lines: list[str] = []
    counters: dict[int, int] = {}
    for heading in analysis.shown:
        depth = analysis.depth[heading]
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        counters[depth] = counters.get(depth, 0) + 1
        entry = analysis.listed.get(heading)
        if entry is not None:
            content = _kept_content(doc, entry, usage, style, analysis.repairs.get(entry))
        else:
            target = anchors.get(heading, heading.anchor)
            label = _new_label(heading, style)
            content = f"{style.wrap[0]}[{label}](#{target}){style.wrap[1]}"
        if style.loose and lines:
            lines.append("")
        marker = _numbered(style.marker(depth), counters[depth], depth in style.sequential)
        lines.append(f"{style.indent(depth)}{marker}{style.gap(depth)}{content}")
    return "\n".join(lines)


def _numbered(marker: str, count: int, sequential: bool) -> str:
    match = _ORDERED.fullmatch(marker)
    return f"{count}{match.group(2)}" if match and sequential else marker


def _explicit_anchors(analysis: TocAnalysis) -> dict[Heading, str]:
    found: dict[Heading, str] = {}
    for name, heading in analysis.targets.heading_of.items():
        if name != heading.anchor:
            found.setdefault(heading, name)
    return found


def _new_label(heading: Heading, style: _Style) -> str:
    label = heading_label(heading)
    if style.drop_emoji:
        label = comparable(label)
    return style.transform(label)


def _kept_content(
    doc: Document, item: TocItem, usage: CaseUsage, style: _Style, repair: str | None
) -> str:
    """The entry as written after its marker, its link text or dead target corrected."""
    line = doc.line(item.span.line)
    content_start = item.list_item.marker_span.end_column - 1
    link, heading = item.link, item.heading
    edits: list[tuple[int, int, str]] = []
    if heading is not None and link is not None and link.text_span and text_differs(item, usage):
        span = link.text_span
        edits.append((span.column - 1, span.end_column - 1, _new_label(heading, style)))
    if repair is not None and link is not None and link.destination_span is not None:
        span = link.destination_span
        edits.append((span.column - 1, span.end_column - 1, f"#{repair}"))
    for start, end, text in sorted(edits, reverse=True):
        line = line[:start] + text + line[end:]
    return line[content_start:].lstrip(" \t")

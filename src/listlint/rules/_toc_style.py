"""How a TOC list is written (bullets, indentation, wrapping, anchors, case), learned from its
entries, so that the lines a fix writes look like the lines already there."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import TypeVar

from msgspec import Struct

from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.model.toc import Toc, TocItem
from listlint.rules._toc import TocAnalysis
from listlint.rules._toc_text import comparable, heading_label

_T = TypeVar("_T")
ORDERED = re.compile(r"(\d+)([.)])")
_EMPHASIS = re.compile(r"[*_~]*")
# Characters that end or break a link destination, percent-encoded (`<a name="a b">` -> `#a%20b`).
_DESTINATION_ESCAPES = str.maketrans(
    {char: f"%{ord(char):02X}" for char in " \t<>()\\"} | {"%": "%25"}
)


class ListStyle(Struct, frozen=True):
    """Per depth: indentation, marker and the space after it; and how entries are written."""

    indents: dict[int, str]
    markers: dict[int, str]
    gaps: dict[int, str]
    sequential: set[int]  # depths whose ordered markers count up (1. 2. 3.) rather than repeat
    wrap: tuple[str, str]
    loose: bool
    explicit: dict[Heading, str]  # heading -> its explicit anchor, when entries use those
    transform: Callable[[str], str]
    drop_emoji: bool

    def indent(self, depth: int) -> str:
        """The indentation of an entry at ``depth``; deeper than any entry: the list's step."""
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
        """The marker entries at ``depth`` use (the nearest shallower depth's, for a new one)."""
        return self.markers.get(depth) or self.markers[max(d for d in self.markers if d <= depth)]

    def gap(self, depth: int) -> str:
        """The space between the marker and the text at ``depth``."""
        return self.gaps.get(depth) or self.gaps[max(d for d in self.gaps if d <= depth)]

    def numbered(self, depth: int, count: int) -> str:
        """The marker of the ``count``-th entry at ``depth`` (ordered lists that count up)."""
        marker = self.marker(depth)
        match = ORDERED.fullmatch(marker)
        return f"{count}{match.group(2)}" if match and depth in self.sequential else marker

    def label(self, analysis: TocAnalysis, heading: Heading) -> str:
        """A new entry's text for ``heading``: its Markdown, as the other entries write theirs."""
        label = heading_label(heading, analysis.hidden.get(heading, ()))
        if self.drop_emoji:
            label = comparable(label)
        shortened = analysis.text.shortened(label)
        return self.transform(shortened)

    def target(self, heading: Heading) -> str:
        """The ``#fragment`` entries link ``heading`` with: its explicit anchor when entries use
        those, else its slug; written so that it stays one link destination."""
        return "#" + self.explicit.get(heading, heading.anchor).translate(_DESTINATION_ESCAPES)

    def relink(self, heading: Heading) -> str:
        """The ``#fragment`` an existing entry is retargeted to, as LL203 names it: the explicit
        anchor when entries use those and it is a plain destination, else the heading's slug
        (`<a name="a b">` would be written `#a%20b`)."""
        explicit = self.explicit.get(heading)
        if explicit is not None and explicit.translate(_DESTINATION_ESCAPES) == explicit:
            return f"#{explicit}"
        return f"#{heading.anchor}"

    def content(self, analysis: TocAnalysis, heading: Heading) -> str:
        """A new entry for ``heading``, after its marker: ``[Label](#anchor)``, wrapped."""
        link = f"[{self.label(analysis, heading)}]({self.target(heading)})"
        return f"{self.wrap[0]}{link}{self.wrap[1]}"


def _most_common(values: Iterable[_T], default: _T) -> _T:
    counted = Counter(values).most_common(1)
    return counted[0][0] if counted else default


_TRANSFORMS: dict[str, Callable[[str], str]] = {
    "lower": str.lower,
    "upper": str.upper,
    "title": str.title,
}


def _keep(text: str) -> str:
    return text


def list_style(doc: Document, analysis: TocAnalysis) -> ListStyle:
    """The style of the TOC's entries."""
    indents: dict[int, list[str]] = {}
    markers: dict[int, list[str]] = {}
    gaps: dict[int, list[str]] = {}
    wraps: list[tuple[str, str]] = []
    explicit = slugs = same_case = emoji_dropped = emoji_kept = 0
    transforms: Counter[str] = Counter()
    for item in analysis.toc.items:
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
        written = comparable(item.text)
        original = comparable(analysis.text.shortened(analysis.titles[heading]))
        if written == original:
            same_case += 1
        for name, transform in _TRANSFORMS.items():
            if written == transform(original) != original:
                transforms[name] += 1
        if comparable(heading.text.strip()) != heading.text.strip():
            if written == item.text:
                emoji_dropped += 1
            else:
                emoji_kept += 1
    wrap = _most_common(wraps, ("", ""))
    if sum(1 for w in wraps if w == wrap) * 2 <= len(wraps):
        wrap = ("", "")
    best = transforms.most_common(1)
    return ListStyle(
        indents={d: _most_common(v, "") for d, v in indents.items()},
        markers={d: _most_common(v, "-") for d, v in markers.items()},
        gaps={d: _most_common(v, " ") for d, v in gaps.items()},
        sequential={d for d, v in markers.items() if len(set(v)) > 1},
        wrap=wrap if _EMPHASIS.fullmatch(wrap[0] + wrap[1]) else ("", ""),
        loose=is_loose(doc, analysis.toc),
        explicit=_explicit_anchors(analysis) if explicit > slugs else {},
        transform=_TRANSFORMS[best[0][0]] if best and best[0][1] > same_case else _keep,
        drop_emoji=emoji_dropped > emoji_kept,
    )


def is_loose(doc: Document, toc: Toc) -> bool:
    """Whether most entries are separated by blank lines."""
    starts = [item.list_item.span.line for item in toc.items]
    gaps = [any(not doc.line(n).strip() for n in range(a + 1, b)) for a, b in pairwise(starts)]
    return bool(gaps) and sum(gaps) * 2 > len(gaps)


def _explicit_anchors(analysis: TocAnalysis) -> dict[Heading, str]:
    found: dict[Heading, str] = {}
    for name, heading in analysis.targets.heading_of.items():
        if name != heading.anchor:
            found.setdefault(heading, name)
    return found


def number(marker: str) -> int | None:
    """The number of an ordered list marker (``3.`` -> 3), None for a bullet."""
    match = ORDERED.fullmatch(marker)
    return int(match.group(1)) if match else None


def prefix(doc: Document, item: TocItem) -> str:
    """An entry's line up to the end of its marker (indentation and marker)."""
    marker = item.list_item.marker_span
    return doc.line(marker.line)[: marker.end_column - 1]

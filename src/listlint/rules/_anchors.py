"""Shared by the LL2xx rules: what a TOC should list, how its entries compare, and its rewrite."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, TypeVar
from urllib.parse import unquote

from rapidfuzz import fuzz, process

from listlint.document import Document, Heading
from listlint.findings import Edit, Fix, Span
from listlint.slug import slugify
from listlint.toc import Targets, Toc, TocItem, find_targets, fragment_of, title_key

_T = TypeVar("_T")

SUGGESTION_CUTOFF = 75.0
REPAIR_CUTOFF = 90.0
SUGGESTION_BUDGET = 2_000_000  # fragment pairs compared per run of a rule, at most
CASE_MAJORITY = 0.8

_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_ORDERED = re.compile(r"(\d+)([.)])")
_EMPHASIS = re.compile(r"[*_~]*")
_TEXT_ESCAPES = str.maketrans({"[": "\\[", "]": "\\]", "\\": "\\\\"})


DEFAULT_OPTIONAL = (
    "License", "Licence", "Contributing", "Contribute", "Contributors", "Credits",
    "Acknowledgements", "Acknowledgments", "Footnotes", "Code of Conduct", "Authors", "Maintainers",
    "Sponsors", "Backers",
)  # fmt: skip


def analyse_for(doc: Document, toc: Toc, settings: Mapping[str, Any]) -> TocAnalysis:
    """:func:`analyse` with the ``[tool.listlint.anchors]`` settings.

    ``toc-max-level``: the deepest heading level a TOC must list (0: the deepest it lists);
    ``toc-optional``: heading titles a TOC may leave out.
    """
    section = settings.get("anchors", {})
    optional = section.get("toc-optional", DEFAULT_OPTIONAL)
    return analyse(doc, toc, int(section.get("toc-max-level", 0)), optional)


class Suggester:
    """The closest anchor to a fragment, when one is close enough to be a likely typo.

    Each fragment is looked up once, and the lookups of one run compare at most
    ``SUGGESTION_BUDGET`` pairs: a file with thousands of dead links to thousands of headings
    gets its first suggestions, not a quadratic wait.
    """

    def __init__(self, candidates: Iterable[str], cutoff: float = SUGGESTION_CUTOFF) -> None:
        self.candidates = list(dict.fromkeys(candidates))
        self.cutoff = cutoff
        self.budget = SUGGESTION_BUDGET
        self.known: dict[str, str | None] = {}

    def __call__(self, fragment: str) -> str | None:
        if fragment not in self.known and self.budget >= len(self.candidates):
            self.budget -= len(self.candidates)
            match = process.extractOne(
                fragment, self.candidates, scorer=fuzz.ratio, score_cutoff=self.cutoff
            )
            self.known[fragment] = match[0] if match else None
        return self.known.get(fragment)


@dataclass(frozen=True)
class FragmentUse:
    """A ``#fragment`` link or reference definition: the decoded fragment, and where it is."""

    fragment: str
    span: Span
    destination_span: Span | None  # where ``written`` stands, when known
    written: str  # the destination as written, with its '#'


def fragment_links(doc: Document) -> Iterator[FragmentUse]:
    """Inline ``#`` links, and ``#`` reference definitions (reported where they are defined)."""
    for link in doc.links:
        fragment = fragment_of(link)
        if fragment is not None and link.kind == "inline":
            yield FragmentUse(fragment, link.span, link.destination_span, link.destination)
    for definition in doc.references:
        if definition.duplicate or not definition.destination.startswith("#"):
            continue
        fragment = unquote(definition.destination[1:])
        line = doc.line(definition.span.line)
        written = f"#{fragment}"
        column = line.find(written)
        place = None
        if column >= 0 and line.count(written) == 1:
            place = Span(
                definition.span.line, column + 1, definition.span.line, column + 1 + len(written)
            )
        yield FragmentUse(
            fragment, definition.span, place, written if place else definition.destination
        )


def comparable(text: str) -> str:
    """Text as a reader compares it: no emoji or ``:shortcodes:``, spaces collapsed."""
    text = _SHORTCODE.sub("", text)
    kept = "".join(
        c for c in text if unicodedata.category(c) not in ("So", "Sk", "Cf", "Mn") or c.isalnum()
    )
    return " ".join(kept.split())


def heading_label(heading: Heading) -> str:
    """A heading's text written as Markdown link text: code, emphasis and escapes kept, no HTML."""
    parts: list[str] = []
    for piece in heading.inline.pieces:
        token = piece.token
        if piece.kind == "text":
            parts.append(piece.text.translate(_TEXT_ESCAPES))
        elif piece.kind == "text_special":
            parts.append(token.markup or piece.text)
        elif piece.kind == "code_inline":
            parts.append(f"{token.markup}{piece.text}{token.markup}")
        elif piece.kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif piece.kind.endswith(("_open", "_close")) and not piece.kind.startswith("link"):
            parts.append(token.markup)
    return " ".join("".join(parts).split())


@dataclass(frozen=True)
class TocAnalysis:
    """How a TOC compares with the headings it should list."""

    toc: Toc
    targets: Targets
    listed: dict[int, TocItem]  # id(heading) -> first item that lists it
    heading_of_item: dict[int, Heading]  # id(item) -> its heading (a dead entry: the likely one)
    covered: list[Heading]  # headings after the TOC that it should list
    missing: list[Heading]
    depth: dict[int, int]  # id(heading) -> depth it should have in the TOC
    parent: dict[int, Heading | None]  # id(heading) -> the listed heading it belongs under
    shown: list[Heading]  # every heading the TOC should show, in document order
    max_level: int
    repairs: dict[int, str]  # id(item) -> the anchor a dead or doubled entry most likely meant
    twins: dict[int, Heading]  # id(item) -> the same-named heading an earlier entry already lists


def analyse(
    doc: Document, toc: Toc, max_level: int = 0, optional: Iterable[str] = ()
) -> TocAnalysis:
    """Compare ``toc`` with the document's headings.

    ``optional`` holds heading titles (compared by :func:`title_key`) the TOC may leave out.
    """
    targets = find_targets(doc)
    listed: dict[int, TocItem] = {}
    heading_of_item: dict[int, Heading] = {}
    repairs: dict[int, str] = {}
    twins: dict[int, Heading] = {}
    by_base: dict[str, list[Heading]] = {}
    for each in doc.headings:
        by_base.setdefault(slugify(each.text), []).append(each)
    heading: Heading | None
    repair = Suggester(targets.heading_of, REPAIR_CUTOFF)
    for item in toc.items:
        heading = item.heading
        if heading is None and item.fragment is not None and not targets.exists(item.fragment):
            meant = repair(item.fragment)
            heading = targets.heading_of.get(meant) if meant else None
            if meant and heading is not None and id(heading) not in listed:
                repairs[id(item)] = meant
        elif heading is not None and id(heading) in listed:
            twin = next((h for h in by_base[slugify(heading.text)] if id(h) not in listed), None)
            if twin is not None:
                twins[id(item)] = heading
                repairs[id(item)] = twin.anchor
                heading = twin
        if heading is not None:
            heading_of_item[id(item)] = heading
            listed.setdefault(id(heading), item)
    after = [h for h in heading_of_item.values() if h.span.line > toc.end_line]
    covered: list[Heading] = []
    deepest = 0
    if after:
        shallowest = min(h.level for h in after)
        deepest = max_level or max(h.level for h in after)
        roots = _roots(doc.headings, shallowest)
        listed_roots = {roots[id(h)] for h in after}
        skipped = {title_key(title) for title in optional}
        covered = [
            h
            for h in doc.headings
            if h.span.line > toc.end_line
            and shallowest <= h.level <= deepest
            and roots[id(h)] in listed_roots
            and h.text.strip()
            and (id(h) in listed or not (h.omit_from_toc or title_key(h.text) in skipped))
        ]
    missing = [h for h in covered if id(h) not in listed]
    wanted = set(listed) | {id(h) for h in covered}
    depth: dict[int, int] = {}
    parent: dict[int, Heading | None] = {}
    shown: list[Heading] = []
    stack: list[tuple[Heading, int, Heading | None]] = []  # heading, depth, nearest shown ancestor
    for heading in doc.headings:
        while stack and stack[-1][0].level >= heading.level:
            stack.pop()
        above_depth, above = (stack[-1][1], stack[-1][2]) if stack else (-1, None)
        if id(heading) in wanted:
            shown.append(heading)
            depth[id(heading)] = above_depth + 1
            parent[id(heading)] = above
            stack.append((heading, above_depth + 1, heading))
        else:
            stack.append((heading, above_depth, above))
    return TocAnalysis(
        toc,
        targets,
        listed,
        heading_of_item,
        covered,
        missing,
        depth,
        parent,
        shown,
        deepest,
        repairs,
        twins,
    )


def _roots(headings: list[Heading], level: int) -> dict[int, int]:
    """id(heading) -> id of its nearest ancestor shallower than ``level`` (0 for none)."""
    roots: dict[int, int] = {}
    stack: list[Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        above = [h for h in stack if h.level < level]
        roots[id(heading)] = id(above[-1]) if above else 0
        stack.append(heading)
    return roots


def out_of_order(analysis: TocAnalysis) -> list[tuple[TocItem, TocItem | None]]:
    """Entries out of document order among their siblings, each with the entry it should follow.

    Siblings (entries under the same parent entry) kept in place are a longest run already in
    document order; an entry moved with its sub-entries is one move.
    """
    starts = [first for first, _ in analysis.toc.lists]
    groups: dict[tuple[int, int], list[tuple[TocItem, int]]] = {}
    for item in analysis.toc.items:
        heading = analysis.heading_of_item.get(id(item))
        if heading is not None and analysis.listed.get(id(heading)) is item:
            in_list = bisect_left(starts, item.span.line + 1) - 1
            key = (in_list, id(item.parent) if item.parent else 0)
            groups.setdefault(key, []).append((item, heading.span.line))
    found: list[tuple[TocItem, TocItem | None]] = []
    for siblings in groups.values():
        lines = [line for _, line in siblings]
        kept_set = _longest_increasing(lines)
        kept = sorted(kept_set)
        kept_lines = [lines[i] for i in kept]
        for index, (item, line) in enumerate(siblings):
            if index not in kept_set:
                position = bisect_left(kept_lines, line)
                found.append((item, siblings[kept[position - 1]][0] if position else None))
    return sorted(found, key=lambda pair: pair[0].span.line)


def _longest_increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        position = bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[position] = value
            tail_index[position] = index
        previous[index] = tail_index[position - 1] if position else -1
    kept: set[int] = set()
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        kept.add(index)
        index = previous[index]
    return kept


@dataclass(frozen=True)
class CaseUsage:
    """Whether TOC entries copy their heading's case: the basis for reporting a case-only change."""

    same: int
    differs: int

    @property
    def strict(self) -> bool:
        """True when nearly all entries keep the heading's case, so a case change is a mistake."""
        total = self.same + self.differs
        return total > 0 and self.same >= CASE_MAJORITY * total


def case_usage(toc: Toc) -> CaseUsage:
    """Count entries whose text equals their heading's exactly vs. only ignoring case."""
    same = differs = 0
    for item in toc.items:
        if item.heading is None:
            continue
        toc_text, heading_text = comparable(item.text), comparable(item.heading.text)
        if toc_text == heading_text:
            same += 1
        elif toc_text.casefold() == heading_text.casefold():
            differs += 1
    return CaseUsage(same, differs)


def text_differs(item: TocItem, usage: CaseUsage) -> bool:
    """True when the entry's text is not its heading's (emoji, anchors, consistent case aside)."""
    if item.heading is None:
        return False
    toc_text, heading_text = comparable(item.text), comparable(item.heading.text)
    if toc_text == heading_text:
        return False
    return not (toc_text.casefold() == heading_text.casefold() and not usage.strict)


# --- the rewrite -------------------------------------------------------------------------------


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
        depth = analysis.depth[id(heading)]
        for deeper in [d for d in counters if d > depth]:
            del counters[deeper]
        counters[depth] = counters.get(depth, 0) + 1
        entry = analysis.listed.get(id(heading))
        if entry is not None:
            content = _kept_content(doc, entry, usage, style, analysis.repairs.get(id(entry)))
        else:
            target = anchors.get(id(heading), heading.anchor)
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


def _explicit_anchors(analysis: TocAnalysis) -> dict[int, str]:
    found: dict[int, str] = {}
    for name, heading in analysis.targets.heading_of.items():
        if name != heading.anchor:
            found.setdefault(id(heading), name)
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

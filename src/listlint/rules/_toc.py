"""Shared by the LL2xx rules: what a TOC should list and how its entries compare with headings."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from rapidfuzz import fuzz, process

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.model.toc import Targets, Toc, TocItem, fragment_of, title_key
from listlint.slug import slugify

SUGGESTION_CUTOFF = 75.0
REPAIR_CUTOFF = 90.0
SUGGESTION_BUDGET = 2_000_000  # fragment pairs compared per run of a rule, at most
CASE_MAJORITY = 0.8

_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")
_TEXT_ESCAPES = str.maketrans({"[": "\\[", "]": "\\]", "\\": "\\\\"})


DEFAULT_OPTIONAL = (
    "License", "Licence", "Contributing", "Contribute", "Contributors", "Credits",
    "Acknowledgements", "Acknowledgments", "Footnotes", "Code of Conduct", "Authors", "Maintainers",
    "Sponsors", "Backers",
)  # fmt: skip


def analyse_for(doc: Document, targets: Targets, settings: Mapping[str, Any]) -> TocAnalysis:
    """:func:`analyse` of the document's TOC with the ``[tool.listlint.anchors]`` settings.

    ``toc-max-level``: the deepest heading level a TOC must list (0: the deepest it lists);
    ``toc-optional``: heading titles a TOC may leave out.
    """
    section = settings.get("anchors", {})
    optional = section.get("toc-optional", DEFAULT_OPTIONAL)
    assert doc.toc is not None
    return analyse(doc, doc.toc, targets, int(section.get("toc-max-level", 0)), optional)


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
        if piece.kind == "text":
            parts.append(piece.text.translate(_TEXT_ESCAPES))
        elif piece.kind == "text_special":
            parts.append(piece.markup or piece.text)
        elif piece.kind == "code_inline":
            parts.append(f"{piece.markup}{piece.text}{piece.markup}")
        elif piece.kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif piece.kind.endswith(("_open", "_close")) and not piece.kind.startswith("link"):
            parts.append(piece.markup)
    return " ".join("".join(parts).split())


@dataclass(frozen=True)
class TocAnalysis:
    """How a TOC compares with the headings it should list."""

    toc: Toc
    targets: Targets
    listed: dict[Heading, TocItem]  # heading -> first item that lists it
    heading_of_item: dict[TocItem, Heading]  # item -> its heading (a dead entry: the likely one)
    covered: list[Heading]  # headings after the TOC that it should list
    missing: list[Heading]
    depth: dict[Heading, int]  # heading -> depth it should have in the TOC
    parent: dict[Heading, Heading | None]  # heading -> the listed heading it belongs under
    shown: list[Heading]  # every heading the TOC should show, in document order
    max_level: int
    repairs: dict[TocItem, str]  # item -> the anchor a dead or doubled entry most likely meant
    twins: dict[TocItem, Heading]  # item -> the same-named heading an earlier entry already lists


def analyse(
    doc: Document, toc: Toc, targets: Targets, max_level: int = 0, optional: Iterable[str] = ()
) -> TocAnalysis:
    """Compare ``toc`` with the document's headings.

    ``optional`` holds heading titles (compared by :func:`title_key`) the TOC may leave out.
    """
    listed: dict[Heading, TocItem] = {}
    heading_of_item: dict[TocItem, Heading] = {}
    repairs: dict[TocItem, str] = {}
    twins: dict[TocItem, Heading] = {}
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
            if meant and heading is not None and heading not in listed:
                repairs[item] = meant
        elif heading is not None and heading in listed:
            twin = next((h for h in by_base[slugify(heading.text)] if h not in listed), None)
            if twin is not None:
                twins[item] = heading
                repairs[item] = twin.anchor
                heading = twin
        if heading is not None:
            heading_of_item[item] = heading
            listed.setdefault(heading, item)
    after = [h for h in heading_of_item.values() if h.span.line > toc.end_line]
    covered: list[Heading] = []
    deepest = 0
    if after:
        shallowest = min(h.level for h in after)
        deepest = max_level or max(h.level for h in after)
        roots = _roots(doc.headings, shallowest)
        listed_roots = {roots[h] for h in after}
        skipped = {title_key(title) for title in optional}
        covered = [
            h
            for h in doc.headings
            if h.span.line > toc.end_line
            and shallowest <= h.level <= deepest
            and roots[h] in listed_roots
            and h.text.strip()
            and (h in listed or not (h.omit_from_toc or title_key(h.text) in skipped))
        ]
    missing = [h for h in covered if h not in listed]
    wanted = set(listed) | {h for h in covered}
    depth: dict[Heading, int] = {}
    parent: dict[Heading, Heading | None] = {}
    shown: list[Heading] = []
    stack: list[tuple[Heading, int, Heading | None]] = []  # heading, depth, nearest shown ancestor
    for heading in doc.headings:
        while stack and stack[-1][0].level >= heading.level:
            stack.pop()
        above_depth, above = (stack[-1][1], stack[-1][2]) if stack else (-1, None)
        if heading in wanted:
            shown.append(heading)
            depth[heading] = above_depth + 1
            parent[heading] = above
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


def _roots(headings: Sequence[Heading], level: int) -> dict[Heading, Heading | None]:
    """heading -> its nearest ancestor shallower than ``level`` (None for none)."""
    roots: dict[Heading, Heading | None] = {}
    stack: list[Heading] = []
    for heading in headings:
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        above = [h for h in stack if h.level < level]
        roots[heading] = above[-1] if above else None
        stack.append(heading)
    return roots


def out_of_order(analysis: TocAnalysis) -> list[tuple[TocItem, TocItem | None]]:
    """Entries out of document order among their siblings, each with the entry it should follow.

    Siblings (entries under the same parent entry) kept in place are a longest run already in
    document order; an entry moved with its sub-entries is one move.
    """
    starts = [first for first, _ in analysis.toc.lists]
    groups: dict[tuple[int, TocItem | None], list[tuple[TocItem, int]]] = {}
    for item in analysis.toc.items:
        heading = analysis.heading_of_item.get(item)
        if heading is not None and analysis.listed.get(heading) is item:
            in_list = bisect_left(starts, item.span.line + 1) - 1
            key = (in_list, item.parent)
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

"""Shared by the LL2xx rules and LL508: what a TOC lists, what it should list, and where.

Nothing is assumed about how a TOC is written; its conventions are learned from its majority:

- **Coverage, level by level.** A heading level is covered when at least half of its headings
  (after the TOC, in the parts of the document the TOC lists) are listed, at least two (or
  all of them); a heading whose
  sub-headings are mostly listed (more than half, at least two) has them covered even when their
  level is not. A heading listed at a level the TOC does not cover is an *exception*: it does not
  make its peers expected, and only its place is checked.
- **Nesting.** Whether the TOC lists sub-sections under their section's entry or beside it is
  decided by the majority of the pairs it lists; the entries of the title and of the TOC's own
  heading (markdown-toc lists them beside the sections) are decided on their own.
- **Levels.** Among at least 3 sibling entries, a heading whose level differs from ¾ of the
  others' is a level outlier, reported on the heading (LL508); the TOC is compared with the
  level the heading should have.
- **Order.** Siblings follow the document's order, or the alphabet when that explains more of them.
- **Text.** See :mod:`listlint.rules._toc_text`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import unquote

from msgspec import Struct
from msgspec.structs import replace

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.nodes import Heading, Link
from listlint.model.toc import Targets, Toc, TocItem, fragment_of, title_key
from listlint.rules._toc_text import TextStyle, comparable, heading_title, text_style
from listlint.slug import slugify

SUGGESTION_CUTOFF = 75.0
REPAIR_CUTOFF = 90.0  # a dead fragment this close to an unlisted heading's anchor is a typo
SLOT_CUTOFF = 40.0  # the one unlisted heading where a dead entry stands, this close, is a guess
SLOT_SURE = 70.0  # ... and this close, the renamed heading
SUGGESTION_BUDGET = 2_000_000  # fragment pairs compared per run of a rule, at most
COVERED_SHARE = 0.5
OUTLIER_SHARE = 0.75
MIN_SIBLINGS = 3
SORTED_SHARE = 0.8

DEFAULT_OPTIONAL = (
    "License", "Licence", "Contributing", "Contribute", "Contributors", "Credits",
    "Acknowledgements", "Acknowledgments", "Footnotes", "Code of Conduct", "Authors", "Maintainers",
    "Sponsors", "Backers",
    "Lizenz", "Mitwirken", "Beitragen", "Mitwirkende", "Danksagung",  # German
    "Contribuer", "Contributions", "Contributeurs", "Remerciements",  # French (Licence above)
    "Licencia", "Contribuir", "Contribuciones", "Colaboradores", "Agradecimientos",  # Spanish
    "Licença", "Contribuindo", "Contribuidores", "Agradecimentos",  # Portuguese
    "Licenza", "Contribuire", "Ringraziamenti",  # Italian
    "Лицензия", "Участие", "Вклад", "Участники", "Благодарности",  # Russian
    "贡献", "贡献指南", "如何贡献", "参与贡献", "贡献者", "许可", "许可证", "许可协议", "开源协议",
    "协议", "授权", "授权条款", "版权", "致谢", "鸣谢", "脚注", "注脚", "行为准则",  # Chinese
    "貢獻", "授權", "授權條款", "致謝",  # Chinese (traditional)
    "貢献", "ライセンス", "謝辞", "기여", "라이선스", "라이센스",  # Japanese, Korean
)  # fmt: skip


def analyse_for(doc: Document, targets: Targets, settings: Mapping[str, Any]) -> TocAnalysis:
    """:func:`analyse` of the document's TOC with the ``[tool.listlint.anchors]`` settings.

    ``toc-max-level``: the deepest heading level a TOC must list (0: inferred, level by level);
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
            from rapidfuzz import fuzz, process  # rapidfuzz loads only when it compares

            self.budget -= len(self.candidates)
            match = process.extractOne(
                fragment, self.candidates, scorer=fuzz.ratio, score_cutoff=self.cutoff
            )
            self.known[fragment] = match[0] if match else None
        return self.known.get(fragment)


class FragmentUse(Struct, frozen=True):
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


GroupKey = tuple[int, TocItem | None]  # the list an entry is in, and the entry it is listed under


class Retarget(Struct, frozen=True):
    """The heading a dead entry most likely meant; ``sure`` when safe to link it there."""

    heading: Heading
    sure: bool


class Twin(Struct, frozen=True):
    """An entry whose fragment lands on ``landed`` while it lists ``meant``, a same-named heading
    (``#misc`` for the second `Misc`, which is ``#misc-1``)."""

    landed: Heading
    meant: Heading


class LevelOutlier(Struct, frozen=True):
    """A listed heading whose level differs from its TOC siblings' ``level``."""

    heading: Heading
    level: int
    siblings: tuple[Heading, ...]  # the siblings at ``level``
    parent: TocItem | None  # the entry they are listed under
    moved: tuple[Heading, ...]  # its sub-sections, which change level with it


class Misplaced(Struct, frozen=True):
    """An entry listed under another entry than its heading's section's (None: the top level)."""

    item: TocItem
    heading: Heading
    under: Heading | None
    belongs: Heading | None
    exception: bool  # its level is one the TOC does not otherwise list
    level: int | None  # the heading's level that would match the TOC, when one would


class OutOfOrder(Struct, frozen=True):
    """An entry out of its siblings' order, and the sibling it belongs after (None: first)."""

    item: TocItem
    after: TocItem | None
    alphabetical: bool  # the siblings follow the alphabet, not the document


class TocAnalysis(Struct, frozen=True):
    """How a TOC compares with the headings it should list."""

    toc: Toc
    targets: Targets
    heading_of_item: dict[TocItem, Heading]  # item -> the heading it lists (or most likely meant)
    listed: dict[Heading, TocItem]  # heading -> first item that lists it
    dead: list[TocItem]  # entries whose fragment is no anchor, even ignoring case
    retargets: dict[TocItem, Retarget]  # dead entry -> the heading it most likely meant
    twins: dict[TocItem, Twin]
    outliers: dict[Heading, LevelOutlier]
    doubtful: frozenset[Heading]  # listed among siblings of another level, but not outliers
    level: dict[Heading, int]  # heading -> its level, an outlier's corrected
    exceptions: frozenset[Heading]  # listed although their level is not covered
    missing: list[Heading]
    why: dict[Heading, str]  # missing heading -> why the TOC should list it
    parent: dict[Heading, Heading | None]  # shown heading -> the heading it belongs under
    depth: dict[Heading, int]  # shown heading -> its depth in the TOC
    shown: list[Heading]  # every heading the TOC should show, in document order
    misplaced: list[Misplaced]
    out_of_order: list[OutOfOrder]
    alphabetical: frozenset[GroupKey]  # sibling groups kept in alphabetical order
    labels: dict[int, Heading]  # list of the TOC -> the section its label names
    titles: dict[Heading, str]  # what a reader sees of each heading, "back to top" links left out
    hidden: dict[Heading, tuple[Link, ...]]  # the links left out of each heading's title
    text: TextStyle

    def group(self, item: TocItem) -> GroupKey:
        """The sibling group of ``item``."""
        return _group(self.toc, item)

    def under(self, item: TocItem) -> Heading | None:
        """The heading of the nearest entry ``item`` is listed under (None: the top level)."""
        return _under(self.toc, item, self.heading_of_item, self.labels)


def analyse(
    doc: Document, toc: Toc, targets: Targets, max_level: int = 0, optional: Iterable[str] = ()
) -> TocAnalysis:
    """Compare ``toc`` with the document's headings.

    ``optional`` holds heading titles (compared by :func:`title_key`) the TOC may leave out;
    ``max_level`` (when not 0) is the deepest level it must list, instead of the inferred ones.
    """
    hidden = _hidden_links(doc, toc, targets)
    titles = {h: heading_title(h, hidden.get(h, ())) for h in doc.headings}
    resolved, dead = _resolve(toc, targets)
    twins = _twins(doc, toc, resolved)
    retargets = _retargets(doc, toc, resolved, dead, titles)
    listed: dict[Heading, TocItem] = {}
    for item, heading in resolved.items():
        listed.setdefault(heading, item)
    outliers, doubtful = _outliers(doc, toc, resolved, listed)
    level = {h: h.level for h in doc.headings}
    for heading, outlier in outliers.items():
        shift = outlier.level - heading.level
        for each in (heading, *outlier.moved):
            level[each] = each.level + shift
    tree = _tree(doc.headings, level)
    skipped = {title_key(title) for title in optional}
    labels = _list_labels(doc, toc, targets)

    def under(item: TocItem) -> Heading | None:
        return _under(toc, item, resolved, labels)

    coverage = _Coverage(
        doc, toc, listed, set(labels.values()), level, tree, under, max_level, skipped
    )
    nests = _nesting(toc, under, listed, tree, coverage)
    belongs: dict[Heading, Heading | None] = {}
    depth: dict[Heading, int] = {}
    shown_set = set(coverage.shown)
    for heading in coverage.shown:
        above = _shown_ancestor(heading, tree, shown_set)
        if heading not in coverage.exceptions:
            while above is not None and above not in nests:
                above = belongs[above]
        belongs[heading] = above
        depth[heading] = depth[above] + 1 if above is not None else 0
    # Where an entry stands is checked against the heading it lists or surely meant.
    placed = {i: h for i, h in resolved.items() if i not in retargets or retargets[i].sure}
    misplaced = _misplaced(toc, under, placed, listed, belongs, coverage.exceptions, doubtful)
    misplaced = _with_levels(misplaced, tree, level, belongs, doc.headings)
    out_of_order, alphabetical = _out_of_order(toc, placed, listed, {m.item for m in misplaced})
    checked = {i: h for i, h in resolved.items() if i not in retargets and i not in twins}
    return TocAnalysis(
        toc=toc,
        targets=targets,
        heading_of_item=resolved,
        listed=listed,
        dead=dead,
        retargets=retargets,
        twins=twins,
        outliers=outliers,
        doubtful=frozenset(doubtful),
        level=level,
        exceptions=frozenset(coverage.exceptions),
        missing=coverage.missing,
        why=coverage.why,
        parent=belongs,
        depth=depth,
        shown=coverage.shown,
        misplaced=misplaced,
        out_of_order=out_of_order,
        alphabetical=alphabetical,
        labels=labels,
        titles=titles,
        hidden=hidden,
        text=text_style({i: titles[h] for i, h in checked.items() if i.link is not None}),
    )


def _group(toc: Toc, item: TocItem) -> GroupKey:
    starts = [first for first, _ in toc.lists]
    return (bisect_right(starts, item.span.line) - 1, item.parent)


def _under(
    toc: Toc, item: TocItem, resolved: Mapping[TocItem, Heading], labels: Mapping[int, Heading]
) -> Heading | None:
    """The heading of the nearest entry ``item`` is listed under; for a top-level entry of a
    TOC made of several lists, the heading its list's label names (None: the top level)."""
    parent = item.parent
    while parent is not None and parent not in resolved:
        parent = parent.parent
    if parent is not None:
        return resolved[parent]
    return labels.get(_group(toc, item)[0])


def _list_labels(doc: Document, toc: Toc, targets: Targets) -> dict[int, Heading]:
    """For each list of the TOC, the section its label names: the heading or paragraph between
    it and the list before (``### [Tools](#tools-1)``, ``**Web Development**``)."""
    labels: dict[int, Heading] = {}
    for index, (first, _) in enumerate(toc.lists):
        low = toc.lists[index - 1][1] if index else toc.start_line
        blocks = [
            (h.span, h.inline.plain_text) for h in doc.headings if low < h.span.line < first
        ] + [
            (p.span, p.inline.plain_text)
            for p in doc.paragraphs
            if low < p.span.line < first and not p.in_list
        ]
        if not blocks:
            continue
        span, text = max(blocks, key=lambda block: block[0].line)
        fragments = [
            fragment
            for link in doc.links_on(span.line, span.end_line)
            if (fragment := fragment_of(link)) is not None
        ]
        named = [targets.heading_of.get(f) for f in fragments] or [
            targets.heading_of.get(slugify(text.strip()))
        ]
        heading = next((h for h in named if h is not None), None)
        if heading is not None and heading.span.line > toc.end_line:
            labels[index] = heading
    return labels


def _hidden_links(doc: Document, toc: Toc, targets: Targets) -> dict[Heading, tuple[Link, ...]]:
    """Per heading, its links back to the top or to the TOC (``[⬆](#contents)``)."""
    by_line: dict[int, Heading] = {h.span.line: h for h in doc.headings}
    found: dict[Heading, list[Link]] = {}
    for link in doc.links:
        fragment = fragment_of(link)
        heading = by_line.get(link.span.line) if link.block == "heading" else None
        if heading is None or fragment is None or not targets.exists(fragment):
            continue
        target = targets.heading_of.get(fragment)
        if target is None or target.span.line <= toc.end_line:
            found.setdefault(heading, []).append(link)
    return {heading: tuple(links) for heading, links in found.items()}


def _resolve(toc: Toc, targets: Targets) -> tuple[dict[TocItem, Heading], list[TocItem]]:
    """Each entry's heading (a fragment wrong only in case still leads to it), and the entries
    whose fragment is no anchor at all."""
    folded: dict[str, str] = {}
    for name in targets.names:
        folded.setdefault(name.casefold(), name)
    resolved: dict[TocItem, Heading] = {}
    dead: list[TocItem] = []
    for item in toc.items:
        heading = item.heading
        fragment = item.fragment
        if heading is None and fragment is not None and not targets.exists(fragment):
            actual = folded.get(fragment.casefold())
            if actual is None:
                dead.append(item)
                continue
            heading = targets.heading_of.get(actual)
        if heading is not None:
            resolved[item] = heading
    return resolved, dead


def _twins(doc: Document, toc: Toc, resolved: dict[TocItem, Heading]) -> dict[TocItem, Twin]:
    """Entries that land on a same-named heading other than the one they list; ``resolved`` is
    updated to the one meant: a namesake no entry lists, where the entry stands if one does.

    An entry means such a namesake when an earlier entry lists the heading it lands on; when it
    lands outside its place in the TOC (between the headings of the entries around it) and the
    namesake is inside; when it lands before the end of the TOC (on a label inside the TOC)
    while its siblings' headings come after it; or when its siblings' headings all have the
    namesake's level and not the one it lands on.
    """
    namesakes: dict[str, list[Heading]] = {}
    for heading in doc.headings:
        namesakes.setdefault(slugify(heading.text), []).append(heading)
    listed_by: dict[Heading, TocItem] = {}
    for item, heading in resolved.items():
        listed_by.setdefault(heading, item)
    positions = {item: index for index, item in enumerate(toc.items)}
    slots = {item: _slot(toc, positions[item], resolved) for item in resolved}

    def in_place(item: TocItem, heading: Heading) -> bool:
        low, high = slots[item]
        return low < heading.span.line < high

    # A heading is taken by an entry that stands where it is; one that an entry out of place
    # lands on is free for the entry whose place it is in (suffixes shifted by a new namesake).
    taken = {h for i, h in resolved.items() if in_place(i, h) or i.fragment is None}
    twins: dict[TocItem, Twin] = {}
    for item in toc.items:
        landed = resolved.get(item)
        if landed is None or item.fragment is None:
            continue
        others = [
            h
            for h in namesakes[slugify(landed.text)]
            if h not in taken and h is not landed and h.span.line > toc.end_line
        ]
        here = [h for h in others if in_place(item, h)]
        if not others:
            taken.add(landed)
            continue
        if listed_by[landed] is not item:
            meant = (here or others)[0]
        elif here and not in_place(item, landed):
            meant = here[0]
        elif landed.span.line <= toc.end_line:
            siblings = [h for i, h in resolved.items() if _is_sibling(toc, i, item)]
            if not siblings or any(h.span.line <= toc.end_line for h in siblings):
                taken.add(landed)
                continue  # its siblings are labels in the TOC too: it means the label
            meant = (here or others)[0]
        else:
            levels = {h.level for i, h in resolved.items() if _is_sibling(toc, i, item)}
            fitting = [h for h in others if levels == {h.level} != {landed.level}]
            if not fitting:
                taken.add(landed)
                continue
            meant = fitting[0]
        twins[item] = Twin(landed, meant)
        resolved[item] = meant
        taken.add(meant)
    return twins


def _is_sibling(toc: Toc, item: TocItem, other: TocItem) -> bool:
    return item is not other and _group(toc, item) == _group(toc, other)


def _retargets(
    doc: Document,
    toc: Toc,
    resolved: dict[TocItem, Heading],
    dead: Sequence[TocItem],
    titles: Mapping[Heading, str],
) -> dict[TocItem, Retarget]:
    """The heading each dead entry most likely meant; ``resolved`` is updated with them.

    Only headings no other entry lists are candidates: those after the TOC, and for the TOC's
    root entry (its first, with the others under it) the title too (`# Awesome X [![badge]…]`
    is ``#awesome-x-``). In order: the one whose text is the entry's; the only one standing
    where the entry stands in the TOC (between the headings of the entries before and after
    it), or the closest of several there; an anchor within a typo of the fragment. Sure (a safe
    fix) for the first when it is the only one of that text or in place, the only one in place
    when close enough, and a typo.
    """
    if not dead:
        return {}
    unlisted = [
        h
        for h in doc.headings
        if h.span.line > toc.end_line and h not in resolved.values() and h.text.strip()
    ]
    lines = [h.span.line for h in unlisted]
    by_text: dict[str, list[Heading]] = {}
    for heading in unlisted:
        by_text.setdefault(comparable(titles[heading]).casefold(), []).append(heading)
    title = _unlisted_title(doc, toc, resolved)
    positions = {item: index for index, item in enumerate(toc.items)}
    budget = SUGGESTION_BUDGET
    found: dict[TocItem, Retarget] = {}
    for item in dead:
        taken = {r.heading for r in found.values()}
        extra = [title] if title is not None and _is_root(toc, item) else []
        low, high = _slot(toc, positions[item], resolved)
        place = [h for h in unlisted[bisect_right(lines, low) : bisect_left(lines, high)]]
        place = [h for h in place if h not in taken]
        key = comparable(item.text).casefold()
        same = [h for h in by_text.get(key, []) if h not in taken]
        same += [h for h in extra if comparable(titles[h]).casefold() == key]
        fragment = item.fragment or ""
        choice: Retarget | None = None
        if same:
            here = [h for h in same if h in place]
            sure = len(here) == 1 or (len(same) == 1 and (low == high or same == extra))
            choice = Retarget((here or same)[0], sure)
        elif place and budget >= len(place):
            budget -= len(place)
            scored = sorted(place, key=lambda h: -_closeness(item, fragment, h, titles))
            best = _closeness(item, fragment, scored[0], titles)
            alone = len(place) == 1
            if best >= (SLOT_CUTOFF if alone else SUGGESTION_CUTOFF):
                choice = Retarget(scored[0], best >= (SLOT_SURE if alone else REPAIR_CUTOFF))
        if choice is None and budget >= len(unlisted):
            budget -= len(unlisted)
            free = {h.anchor: h for h in [*unlisted, *extra] if h not in taken}
            from rapidfuzz import fuzz, process

            match = process.extractOne(
                fragment, list(free), scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF
            )
            if match is not None:
                choice = Retarget(free[match[0]], match[1] >= REPAIR_CUTOFF)
        if choice is not None:
            found[item] = choice
            resolved[item] = choice.heading
    return found


def _unlisted_title(doc: Document, toc: Toc, resolved: Mapping[TocItem, Heading]) -> Heading | None:
    """The document's title, when it stands before the TOC and no entry lists it."""
    before = [h for h in doc.headings if h.span.line < toc.start_line and h.text.strip()]
    if not before:
        return None
    title = min(before, key=lambda h: (h.level, h.span.line))
    return title if title not in resolved.values() else None


def _is_root(toc: Toc, item: TocItem) -> bool:
    """Whether ``item`` is the TOC's root entry: its first, at the top, with entries under it."""
    return (
        bool(toc.items)
        and item is toc.items[0]
        and item.parent is None
        and any(i.parent is item for i in toc.items)
    )


def _slot(toc: Toc, position: int, resolved: Mapping[TocItem, Heading]) -> tuple[int, int]:
    """The lines between which the heading of the entry at ``position`` should stand: after the
    heading of the entry before it, before the heading of the entry after it (empty when those
    two are out of order)."""
    items = toc.items
    before = next((resolved[i].span.line for i in reversed(items[:position]) if i in resolved), 0)
    after = next((resolved[i].span.line for i in items[position + 1 :] if i in resolved), None)
    low = max(before, toc.end_line)
    high = after if after is not None else 1 << 30
    return (low, high) if low < high else (0, 0)


def _closeness(
    item: TocItem, fragment: str, heading: Heading, titles: Mapping[Heading, str]
) -> float:
    """How alike an entry and a heading are: by fragment and anchor, or by words of their texts
    (`Chat` and `Chat & Messaging` share all the entry's words)."""
    from rapidfuzz import fuzz

    by_fragment = fuzz.ratio(fragment, heading.anchor)
    entry, title = comparable(item.text).casefold(), comparable(titles[heading]).casefold()
    return max(by_fragment, fuzz.token_set_ratio(entry, title))


def _outliers(
    doc: Document, toc: Toc, resolved: Mapping[TocItem, Heading], listed: Mapping[Heading, TocItem]
) -> tuple[dict[Heading, LevelOutlier], set[Heading]]:
    """Listed headings whose level differs from at least ¾ of their (at least 2) TOC siblings'.

    Outliers are those the document itself shows wrong: a shallower heading that swallows the
    sibling listed after it as its sub-section, a deeper one that is the last sub-section of the
    sibling listed before it. The others (a shallower heading listed last) could as well be
    listed at the wrong place: they are returned apart, as headings whose level is in doubt.
    """
    tree = _tree(doc.headings, {h: h.level for h in doc.headings})
    last_child: dict[Heading | None, Heading] = {}
    for heading, above in tree.items():
        last_child[above] = heading
    groups: dict[GroupKey, list[Heading]] = {}
    for item in toc.items:  # in TOC order: the neighbours below are the listed ones
        target = resolved.get(item)
        if target is not None and listed[target] is item and target.span.line > toc.end_line:
            groups.setdefault(_group(toc, item), []).append(target)
    found: dict[Heading, LevelOutlier] = {}
    doubtful: set[Heading] = set()
    for key, members in groups.items():
        if len(members) < MIN_SIBLINGS:
            continue
        levels = Counter(h.level for h in members)
        by_level: dict[int, tuple[Heading, ...]] = {}
        for index, heading in enumerate(members):
            others = levels.copy()
            others[heading.level] -= 1
            level, count = others.most_common(1)[0]
            if heading.level == level or count < OUTLIER_SHARE * (len(members) - 1):
                continue
            if heading.level < level:
                after = members[index + 1] if index + 1 < len(members) else None
                shown = after is not None and _descends_from(after, heading, tree)
            else:
                before = members[index - 1] if index else None
                shown = (
                    before is not None
                    and tree[heading] is before
                    and (before.level == level and last_child[before] is heading)
                )
            if not shown:
                doubtful.add(heading)
                continue
            if level not in by_level:  # the heading itself is of another level
                by_level[level] = tuple(h for h in members if h.level == level)
            same = by_level[level]
            moved = _moved_with(heading, level, doc.headings, tree, listed)
            found[heading] = LevelOutlier(heading, level, same, key[1], moved)
    return found, doubtful


def _descends_from(
    heading: Heading, ancestor: Heading, tree: Mapping[Heading, Heading | None]
) -> bool:
    above = tree[heading]
    while above is not None and above is not ancestor:
        above = tree[above]
    return above is ancestor


def _moved_with(
    heading: Heading,
    level: int,
    headings: Sequence[Heading],
    tree: Mapping[Heading, Heading | None],
    listed: Mapping[Heading, TocItem],
) -> tuple[Heading, ...]:
    """The sub-sections that change level with an outlier: all of a deeper one's; of a
    shallower one, those the TOC lists under its entry, with their own sub-sections."""
    start = headings.index(heading) + 1
    end = next(
        (i for i in range(start, len(headings)) if headings[i].level <= heading.level),
        len(headings),
    )
    inside = headings[start:end]
    if heading.level > level:
        return tuple(inside)
    item = listed[heading]
    moved: list[Heading] = []
    for each in inside:
        entry = listed.get(each)
        above = tree[each]
        if entry is not None:
            if _item_descends(entry, item):
                moved.append(each)
        elif above is not heading and above in moved:
            moved.append(each)
    return tuple(moved)


def _item_descends(item: TocItem, ancestor: TocItem) -> bool:
    parent = item.parent
    while parent is not None and parent is not ancestor:
        parent = parent.parent
    return parent is ancestor


def _tree(
    headings: Sequence[Heading], level: Mapping[Heading, int]
) -> dict[Heading, Heading | None]:
    """heading -> the heading whose section it is in (None for none), by ``level``."""
    parent: dict[Heading, Heading | None] = {}
    stack: list[Heading] = []
    for heading in headings:
        while stack and level[stack[-1]] >= level[heading]:
            stack.pop()
        parent[heading] = stack[-1] if stack else None
        stack.append(heading)
    return parent


class _Coverage:
    """Which headings the TOC should list, and which it lists as exceptions."""

    def __init__(
        self,
        doc: Document,
        toc: Toc,
        listed: Mapping[Heading, TocItem],
        labelled: set[Heading],
        level: Mapping[Heading, int],
        tree: Mapping[Heading, Heading | None],
        under: Callable[[TocItem], Heading | None],
        max_level: int,
        skipped: set[str],
    ) -> None:
        self.level = level
        self.tree = tree
        self.under = under
        self.max_level = max_level
        self.listed = listed
        named = set(listed) | labelled  # listed by an entry, or by the label of a list
        self.exceptions: set[Heading] = set()
        self.missing: list[Heading] = []
        self.why: dict[Heading, str] = {}
        after = [h for h in named if h.span.line > toc.end_line]
        candidates: list[Heading] = []
        shallowest = min((level[h] for h in after), default=0)
        if after:
            roots = {h: self.root(h, shallowest) for h in doc.headings}
            listed_roots = {roots[h] for h in after}
            elsewhere = {
                title_key(item.text)
                for item in toc.items
                if item.link is not None and item.fragment is None
            }
            holding = _holding_entries(doc, toc)
            if sum(1 for h in after if h in holding) * 2 <= len(after):
                holding = set(doc.headings)  # a TOC of prose sections: any section may be one
            candidates = [
                h
                for h in doc.headings
                if h.span.line > toc.end_line
                and level[h] >= shallowest
                and roots[h] in listed_roots
                and h.text.strip()
                and (
                    h in named
                    or not (
                        h.omit_from_toc
                        or h.collapsed
                        or title_key(h.text) in skipped | elsewhere
                        or h not in holding
                    )
                )
            ]
        self.candidates = set(candidates)
        self.children: dict[Heading | None, list[Heading]] = {}
        shares: dict[int, list[bool]] = {}
        for heading in candidates:
            self.children.setdefault(tree[heading], []).append(heading)
            shares.setdefault(level[heading], []).append(heading in named)
        self.shares = {lvl: (sum(flags), len(flags)) for lvl, flags in shares.items()}
        nested = {level[h] for h in listed if tree[h] is not None and under(listed[h]) is tree[h]}
        self.covered_levels = {
            lvl
            for lvl, (count, total) in self.shares.items()
            if (
                lvl <= max_level
                if max_level
                else count >= COVERED_SHARE * total
                and (count >= 2 or count == total or lvl == shallowest or lvl in nested)
            )
        }
        shown: set[Heading] = set(named)
        for heading in candidates:
            above = tree[heading]
            if not self.covers(heading):
                if heading in listed:
                    self.exceptions.add(heading)
                continue
            if heading not in named and (
                above is None or above not in self.candidates or above in shown
            ):
                self.missing.append(heading)
                self.why[heading] = self.reason(heading)
                shown.add(heading)
        self.shown = [h for h in doc.headings if h in shown]

    def root(self, heading: Heading, shallowest: int) -> Heading | None:
        above = self.tree[heading]
        while above is not None and self.level[above] >= shallowest:
            above = self.tree[above]
        return above

    def reason(self, heading: Heading) -> str:
        """Why the TOC should list ``heading``: how many of its peers it lists."""
        level = self.level[heading]
        if self.max_level:
            return f"`toc-max-level` is {self.max_level}"
        if level in self.covered_levels:
            count, total = self.shares[level]
            return f"it lists {count} of the {total} h{level} headings"
        above = self.tree[heading]
        siblings = self.children.get(above, [])
        count = sum(1 for h in siblings if h in self.listed)
        name = f" of `{above.text.strip()}`" if above is not None else ""
        return f"it lists {count} of the {len(siblings)} sub-sections{name} under it"

    def covers(self, heading: Heading) -> bool:
        """Whether the TOC lists headings like this one: its level, or its siblings, mostly."""
        if self.level[heading] in self.covered_levels:
            return True
        if self.max_level:
            return False
        above = self.tree[heading]
        siblings = self.children.get(above, [])
        listed = [h for h in siblings if h in self.listed]
        nested = above is not None and any(self.under(self.listed[h]) is above for h in listed)
        return nested and len(listed) > COVERED_SHARE * len(siblings)


def _holding_entries(doc: Document, toc: Toc) -> set[Heading]:
    """Headings whose section (with its sub-sections) holds a list item, table row or entry: in a
    TOC that mostly lists such sections, the ones it should list, as opposed to prose, notices
    and appendices."""
    lines = sorted(
        {item.span.line for item in doc.list_items if item.span.line > toc.end_line}
        | {row.span.line for row in doc.table_rows}
        | {entry.span.line for entry in doc.entries}
    )
    holding: set[Heading] = set()
    for section in doc.sections:
        index = bisect_right(lines, section.start_line)
        if index < len(lines) and lines[index] <= section.end_line:
            holding.add(section.heading)
    return holding


def _shown_ancestor(
    heading: Heading, tree: Mapping[Heading, Heading | None], shown: set[Heading]
) -> Heading | None:
    above = tree[heading]
    while above is not None and above not in shown:
        above = tree[above]
    return above


def _nesting(
    toc: Toc,
    under: Callable[[TocItem], Heading | None],
    listed: Mapping[Heading, TocItem],
    tree: Mapping[Heading, Heading | None],
    coverage: _Coverage,
) -> set[Heading]:
    """The shown headings whose sub-sections the TOC lists under their entry.

    Counted over the pairs of a listed heading and a listed sub-section (exceptions aside): the
    sub-section's entry under the heading's ("nested") or beside it ("flat"). Headings before
    the end of the TOC (the title, the TOC's own heading) are decided each by its own pairs, the
    others (and the missing ones) by all their pairs together, where listing beside takes at
    least 3 pairs; a tie nests.
    """
    shown = set(listed)
    own: dict[Heading, Counter[bool]] = {}
    pooled: Counter[bool] = Counter()
    for heading, item in listed.items():
        if heading in coverage.exceptions:
            continue
        above = _shown_ancestor(heading, tree, shown)
        if above is None:
            continue
        parent = under(item)
        if parent is above:
            nested = True
        elif parent is under(listed[above]):
            nested = False
        else:
            continue
        if above.span.line <= toc.end_line:
            own.setdefault(above, Counter())[nested] += 1
        else:
            pooled[nested] += 1
    pooled_nests = pooled[True] >= pooled[False] or pooled[False] < MIN_SIBLINGS
    return {
        heading
        for heading in coverage.shown
        if (own[heading][True] >= own[heading][False] if heading in own else pooled_nests)
    }


def _misplaced(
    toc: Toc,
    under: Callable[[TocItem], Heading | None],
    checked: Mapping[TocItem, Heading],
    listed: Mapping[Heading, TocItem],
    belongs: Mapping[Heading, Heading | None],
    exceptions: set[Heading] | frozenset[Heading],
    doubtful: set[Heading],
) -> list[Misplaced]:
    """Entries listed under another entry than the one their heading belongs under."""
    found: list[Misplaced] = []
    for item, heading in checked.items():
        if listed[heading] is not item or heading.span.line <= toc.end_line:
            continue
        if heading not in belongs or belongs[heading] in doubtful:
            continue  # the heading it belongs under is at a level its own siblings doubt
        parent = under(item)
        if parent is not belongs[heading]:
            found.append(
                Misplaced(item, heading, parent, belongs[heading], heading in exceptions, None)
            )
    return found


def _with_levels(
    misplaced: list[Misplaced],
    tree: Mapping[Heading, Heading | None],
    level: Mapping[Heading, int],
    belongs: Mapping[Heading, Heading | None],
    headings: Sequence[Heading],
) -> list[Misplaced]:
    """Each misplaced entry with the level its heading would need for the TOC to be right, when
    changing it moves nothing else: one deeper, to be the last sub-section of the section it is
    listed under and follows (directly, or after others listed there the same way); or its
    section's level, when it is that section's last sub-section."""
    found: list[Misplaced] = []
    index_of = {heading: index for index, heading in enumerate(headings)}
    deeper: set[Heading] = set()
    for wrong in misplaced:
        heading, under = wrong.heading, wrong.under
        index = index_of[heading]
        before = None
        for candidate in reversed(headings[:index]):
            if level[candidate] <= level[heading] and candidate not in deeper:
                before = candidate
                break
        above = tree[heading]
        last = next((h for h in headings[index + 1 :] if level[h] <= level[heading]), None)
        if under is not None and before is under and level[under] == level[heading]:
            deeper.add(heading)
            wrong = replace(wrong, level=level[heading] + 1)
        elif (
            above is not None
            and above is wrong.belongs
            and (last is None or level[last] <= level[above])
            and belongs.get(above) is under
        ):
            wrong = replace(wrong, level=level[above])
        found.append(wrong)
    return found


def _out_of_order(
    toc: Toc,
    checked: Mapping[TocItem, Heading],
    listed: Mapping[Heading, TocItem],
    misplaced: set[TocItem],
) -> tuple[list[OutOfOrder], frozenset[GroupKey]]:
    """Entries out of order among their siblings, and the groups kept in alphabetical order.

    Siblings kept in place are a longest run already in order (an entry moved with its
    sub-entries is one move): the document's order, or the alphabet when at least 3 siblings
    follow it, 80% of them, and more than follow the document's.
    """
    groups: dict[GroupKey, list[tuple[TocItem, Heading]]] = {}
    for item in toc.items:  # in TOC order, whatever order ``checked`` was resolved in
        heading = checked.get(item)
        if heading is not None and listed[heading] is item and item not in misplaced:
            groups.setdefault(_group(toc, item), []).append((item, heading))
    found: list[OutOfOrder] = []
    alphabetical: set[GroupKey] = set()
    for key, siblings in groups.items():
        by_line = [heading.span.line for _, heading in siblings]
        kept = _longest_increasing(by_line)
        ranks = _alphabetical_ranks([item.text for item, _ in siblings])
        sorted_kept = max((_longest_increasing(r) for r in ranks), key=len)
        if (
            len(siblings) >= MIN_SIBLINGS
            and len(sorted_kept) > len(kept)
            and len(sorted_kept) >= SORTED_SHARE * len(siblings)
        ):
            alphabetical.add(key)
            order = max(ranks, key=lambda r: len(_longest_increasing(r)))
            found.extend(_moves(siblings, order, sorted_kept, alphabetical=True))
        else:
            found.extend(_moves(siblings, by_line, kept, alphabetical=False))
    return sorted(found, key=lambda move: move.item.span.line), frozenset(alphabetical)


def _moves(
    siblings: list[tuple[TocItem, Heading]], values: list[int], kept: set[int], alphabetical: bool
) -> Iterator[OutOfOrder]:
    """The siblings outside ``kept``, each with the kept sibling it belongs after. In an
    alphabetical TOC, an entry that stands where the document has its section (between the
    entries of the sections around it) is left alone: pinned first, or added at the end."""
    kept_sorted = sorted(kept, key=lambda index: values[index])
    kept_values = [values[index] for index in kept_sorted]
    lines = [heading.span.line for _, heading in siblings] + [1 << 30]
    for index, (item, _) in enumerate(siblings):
        if alphabetical and (lines[index - 1] if index else 0) < lines[index] < lines[index + 1]:
            continue
        if index not in kept:
            position = bisect_left(kept_values, values[index])
            after = siblings[kept_sorted[position - 1]][0] if position else None
            yield OutOfOrder(item, after, alphabetical)


def sort_key(text: str, spaced: bool = True) -> str:
    """An entry text as sorted alphabetically: casefolded, with or without spaces and
    punctuation (lists sort `App Store` before or after `Apple TV`)."""
    text = comparable(text).casefold()
    return text if spaced else "".join(c for c in text if c.isalnum())


def _alphabetical_ranks(texts: list[str]) -> list[list[int]]:
    """Each text's rank in alphabetical order, under both collations of :func:`sort_key`."""
    ranks = []
    for spaced in (True, False):
        order = sorted(range(len(texts)), key=lambda i: (sort_key(texts[i], spaced), i))
        rank = [0] * len(texts)
        for position, index in enumerate(order):
            rank[index] = position
        ranks.append(rank)
    return ranks


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

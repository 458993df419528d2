"""Shared helpers of the entry rules (LL3xx): the configured style and the list's own majority.

Every LL3xx rule compares an entry with a *convention*: what ``entries.style`` in the configuration
says, or else what most entries of the same document do. A convention is only inferred when a
clear majority follows it (:data:`THRESHOLD` of at least :data:`MINIMUM` entries), and messages
quote the count ("412 of 415 entries in this list ...") so the reader can judge it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.entries import CODE, Entry
from listlint.model.nodes import ListItem, Section

if TYPE_CHECKING:
    from listlint.facts import DocumentFacts

THRESHOLD = 0.8
MINIMUM = 5

T = TypeVar("T", bound=Hashable)


@dataclass(frozen=True)
class Convention:
    """A value most entries share (or the configuration sets), with the evidence for it."""

    value: Any
    count: int
    total: int
    source: str = ""  # the configured style's name, when configured

    def evidence(self, what: str) -> str:
        """``"412 of 415 <what>"`` or ``"the configured style 'awesome' wants <what>"``."""
        if self.source:
            return f"the configured entry style {self.source!r} requires this"
        return f"{self.count} of {self.total} {what}"


def majority(
    values: Iterable[T], *, threshold: float = THRESHOLD, minimum: int = MINIMUM
) -> Convention | None:
    """The value shared by at least ``threshold`` of at least ``minimum`` values, if any."""
    counts = Counter(values)
    total = sum(counts.values())
    if total < minimum:
        return None
    value, count = counts.most_common(1)[0]
    return Convention(value, count, total) if count >= threshold * total else None


@dataclass(frozen=True)
class Style:
    """What the configuration says entries look like; ``None`` fields are inferred from the list."""

    name: str = "auto"
    separator: str | None = None
    description: str | None = None  # "required" | "optional" | "below" | "none"
    ending: str | None = None  # the characters a description may end with; "" = no punctuation
    capitalized: bool | None = None
    title_gap: str | None = None
    link_gap: str | None = None
    labels: tuple[str, ...] = ()
    sorted: bool | None = None
    marker: str | None = None
    indent: str | None = None

    def configured(self, value: Any) -> Convention:
        """A convention that comes from this configured style."""
        return Convention(value, 0, 0, self.name)


NAMED_STYLES: Mapping[str, Style] = {
    "auto": Style(),
    "awesome": Style(
        "awesome",
        separator=" - ",
        description="optional",
        ending=".!?…",
        capitalized=True,
    ),
    "bold-title": Style("bold-title", description="below", title_gap=" ", link_gap="]["),
    "bold-link": Style("bold-link", separator=" - "),
    "table": Style("table"),
    "ordered": Style("ordered"),
}


def style(settings: Mapping[str, Any]) -> Style:
    """The ``[entries] style``: a named style, or a custom table the schema validated."""
    entries = settings.get("entries", {})
    declared = entries.get("style", "auto") if isinstance(entries, Mapping) else "auto"
    if isinstance(declared, str):
        chosen = NAMED_STYLES.get(declared, Style())
    else:
        base = NAMED_STYLES.get(str(declared.get("base", "auto")), Style())
        chosen = Style(
            name="custom",
            separator=declared.get("separator", base.separator),
            description=declared.get("description", base.description),
            ending=declared.get("ending", base.ending),
            capitalized=declared.get("capitalized", base.capitalized),
            title_gap=declared.get("title-gap", base.title_gap),
            link_gap=declared.get("link-gap", base.link_gap),
            labels=tuple(declared.get("labels", base.labels)),
            marker=declared.get("marker", base.marker),
            indent=declared.get("indent", base.indent),
        )
    sorted_setting = entries.get("sorted", "auto") if isinstance(entries, Mapping) else "auto"
    if isinstance(sorted_setting, bool):
        chosen = Style(**{**chosen.__dict__, "sorted": sorted_setting})
    return chosen


def convention(
    configured: Any, style_: Style, values: Iterable[T], **kwargs: Any
) -> Convention | None:
    """The configured value when there is one, else the majority of ``values``."""
    if configured is not None:
        return style_.configured(configured)
    return majority(values, **kwargs)


def descriptions_below(
    facts: DocumentFacts, layout: str
) -> tuple[list[tuple[Entry, Span]], Convention] | None:
    """Where the configuration or the list's majority puts bold-title descriptions below the
    title: the entries whose description has ``layout`` instead ("inline", "next-line"), each with
    the separator a fix replaces, and that convention (LL304, LL305)."""
    configured = style(facts.settings)
    entries = [e for e in facts.content_entries if e.style == "bold-title" and e.description]
    wanted = convention(
        "below" if configured.description == "below" else None,
        configured,
        (
            "below" if e.description_layout in ("below", "next-line") else e.description_layout
            for e in entries
        ),
    )
    if wanted is None or wanted.value != "below":
        return None
    misplaced = [
        (e, e.separator_span)
        for e in entries
        if e.description_layout == layout and e.separator_span is not None
    ]
    return misplaced, wanted


@dataclass(frozen=True)
class ListAnalysis:
    """The lists of a document, as the entry rules see them."""

    lists: tuple[tuple[ListItem, ...], ...]  # the sibling items of each list
    navigation: frozenset[ListItem]  # items of the TOC or of another list of in-page links
    children: frozenset[ListItem]  # items that have sub-items


def analyse_lists(doc: Document) -> ListAnalysis:
    """Group the items into lists and find the navigation lists (see :class:`ListAnalysis`)."""
    lists = sibling_lists(doc)
    links_by_line: dict[int, list[str]] = {}
    for link in doc.links:
        if not link.image:
            links_by_line.setdefault(link.span.line, []).append(link.destination)
    toc_lines = doc.toc.lists if doc.toc is not None else ()
    navigation: set[ListItem] = set()
    for items in lists:
        line = items[0].span.line
        in_toc = any(first <= line <= last for first, last in toc_lines)
        if in_toc or _is_navigation(items, links_by_line):
            navigation.update(items)
    for item in doc.list_items:  # parents come first: one pass adds every sub-item
        if item.parent is not None and item.parent in navigation:
            navigation.add(item)
    return ListAnalysis(
        lists=tuple(tuple(items) for items in lists),
        navigation=frozenset(navigation),
        children=frozenset(item.parent for item in doc.list_items if item.parent is not None),
    )


def sibling_lists(doc: Document) -> list[list[ListItem]]:
    """List items grouped by list: same parent and section, nothing but blank lines between."""
    groups: dict[tuple[ListItem | None, Section | None, bool, str], list[ListItem]] = {}
    ordered_groups: list[list[ListItem]] = []
    for item in doc.list_items:
        section = doc.section_at(item.span.line)
        key = (item.parent, section, item.ordered, item.marker)
        group = groups.get(key)
        if group is not None and _contiguous(doc, group[-1], item):
            group.append(item)
        else:
            group = [item]
            groups[key] = group
            ordered_groups.append(group)
    return ordered_groups


def _contiguous(doc: Document, previous: ListItem, item: ListItem) -> bool:
    """Whether only blank lines and ``previous``'s own lines lie between the two items."""
    return all(not doc.line(n).strip() for n in range(previous.span.end_line + 1, item.span.line))


def _is_navigation(items: list[ListItem], links_by_line: Mapping[int, list[str]]) -> bool:
    """A list most of whose items start with a ``#fragment`` link: in-page navigation (a list
    beside the TOC, a section's own index), whose items are not entries."""
    fragments = sum(
        1
        for item in items
        if any(d.startswith("#") for d in links_by_line.get(item.span.line, [])[:1])
    )
    return fragments >= 1 and fragments >= THRESHOLD * len(items)


_WORD = re.compile(r"[^\s\x00]+")
_TRIM = "\"'\u201c\u201d\u2018\u2019()[]{}.,;:!?*_"
LOWERCASE_IDENTIFIERS = frozenset(
    {"npm", "npx", "pnpm", "iOS", "iPadOS", "macOS", "watchOS", "tvOS", "visionOS"}
    | {"iPhone", "iPad", "iCloud", "eBay", "jQuery"}
)


def first_word(text: str) -> str:
    """The first word of ``text``, without the punctuation around it."""
    match = _WORD.search(text)
    return match.group(0).strip(_TRIM) if match else ""


def capitalised_words(entries: Iterable[Entry]) -> frozenset[str]:
    """Words the descriptions write with a capital letter somewhere (so they are ordinary words)."""
    found: set[str] = set()
    for entry in entries:
        for word in entry.description_prose.split():
            if word[:1].isupper() and word[1:].islower():
                found.add(word.strip(_TRIM).casefold())
    return frozenset(found)


def starts_lowercase(entry: Entry, ordinary: frozenset[str] | None) -> bool | None:
    """True if the description starts with a lowercase word, False with a capital, None if neither.

    Only ordinary words count: a word is ordinary when some description of the list writes it
    capitalised (``Provides``), or, with ``ordinary`` None (a configured style), when it is all
    lowercase letters. Names written in lowercase (``sklearn``, ``npm``, ``p2p``), code, quotes
    and digits say nothing.
    """
    text = entry.description_prose.lstrip()
    word = first_word(text)
    if not text or not word or text[0] in CODE + "(\"'\u201c\u2018" or not word[0].isalpha():
        return None
    if word[0].isupper():
        return False
    if not word.isalpha() or not word.islower() or word in LOWERCASE_IDENTIFIERS:
        return None
    if not unicodedata.name(word[0], "").startswith("LATIN"):  # Georgian, Armenian: not judged
        return None
    if word.casefold() in entry.name.casefold():
        return None
    if ordinary is not None and word.casefold() not in ordinary:
        return None
    return True


TERMINAL = ".!?…"


def ending(entry: Entry) -> str | None:
    """The punctuation class a description ends with: ``"."``, ``"!"``, ``"?"``, ``"…"``, ``""``.

    None when the ending says nothing about the list's habit: a closing parenthesis (a
    parenthetical such as ``(Japanese)``), an emoji or symbol, or code.
    """
    stripped = entry.description_prose.rstrip().rstrip("\"'\u201d\u2019*_")
    last = stripped[-1:]
    if last and last in TERMINAL:
        return last
    if last and (last.isalnum() or last in ",;:"):
        return ""
    return None


_NON_ALNUM = re.compile(r"[\W_]+")


def sort_key(name: str) -> str:
    """How lists compare names: case-insensitively, with punctuation and spaces as one space."""
    return _NON_ALNUM.sub(" ", name.casefold()).strip()


_COLLATIONS: tuple[Callable[[str], str], ...] = (
    sort_key,  # punctuation as a word break that sorts first: Mail-in-a-Box, Mailcow
    lambda name: sort_key(name).replace(" ", ""),  # punctuation ignored: Mailcow, Mail-in-a-Box
    lambda name: name.strip(),  # code points: Go Report Card, go.dev
    lambda name: name.strip().casefold(),
)


def out_of_order(before: str, after: str) -> bool:
    """Whether name ``after`` must come before name ``before`` under every usual collation.

    Lists sort with different collations (punctuation as a break or ignored, case-sensitive or
    not); only pairs that every one of them puts the other way round are out of order. Names that
    one collation sees as a prefix of the other (``Calibre`` / ``Calibre Web``) and names starting
    with a non-ASCII letter are never out of order.
    """
    first, second = sort_key(before), sort_key(after)
    if not first or not second or not (first[0].isascii() and second[0].isascii()):
        return False
    joined_first, joined_second = first.replace(" ", ""), second.replace(" ", "")
    if joined_first.startswith(joined_second) or joined_second.startswith(joined_first):
        return False
    return all(key(after) < key(before) for key in _COLLATIONS)


def group_by(values: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, list[T]]:
    """``values`` grouped by ``key``, in first-seen order."""
    groups: dict[Hashable, list[T]] = {}
    for value in values:
        groups.setdefault(key(value), []).append(value)
    return groups

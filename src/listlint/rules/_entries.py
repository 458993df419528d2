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
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from msgspec import Struct
from msgspec.structs import replace

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.entries import CODE, Entry, is_in_page
from listlint.model.nodes import Link, ListItem, Section

if TYPE_CHECKING:
    from listlint.facts import DocumentFacts

THRESHOLD = 0.8
MINIMUM = 5
CLEAR = 0.9  # a list's own style, in a document that has none
CLEAR_MINIMUM = 8

# Names of languages as language switchers write them (in English and in the language itself).
LANGUAGE_NAMES = frozenset(
    {
        "english",
        "español",
        "spanish",
        "deutsch",
        "german",
        "français",
        "french",
        "italiano",
        "italian",
        "português",
        "portuguese",
        "português (brasil)",
        "русский",
        "russian",
        "українська",
        "ukrainian",
        "polski",
        "polish",
        "čeština",
        "czech",
        "türkçe",
        "turkish",
        "nederlands",
        "dutch",
        "svenska",
        "swedish",
        "norsk",
        "dansk",
        "suomi",
        "magyar",
        "română",
        "ελληνικά",
        "greek",
        "עברית",
        "hebrew",
        "العربية",
        "arabic",
        "فارسی",
        "persian",
        "हिन्दी",
        "hindi",
        "বাংলা",
        "bengali",
        "ไทย",
        "thai",
        "tiếng việt",
        "vietnamese",
        "bahasa indonesia",
        "indonesian",
        "中文",
        "chinese",
        "简体中文",
        "繁體中文",
        "正體中文",
        "日本語",
        "japanese",
        "한국어",
        "korean",
        "uzbek",
        "o'zbekcha",
        "azərbaycan",
        "simplified chinese",
        "traditional chinese",
        "afrikaans",
        "bulgarian",
        "marathi",
        "malayalam",
        "telugu",
        "tamil",
        "khmer",
        "farsi",
        "bangla",
        "urdu",
        "kazakh",
        "português brasileiro",
        "brazilian portuguese",
        "filipino",
        "swahili",
        "catalan",
        "croatian",
        "serbian",
        "slovak",
        "slovenian",
        "lithuanian",
        "latvian",
        "estonian",
        "danish",
        "norwegian",
        "finnish",
        "hungarian",
        "romanian",
        "malay",
    }
)

T = TypeVar("T", bound=Hashable)


Scope = Literal["document", "list"]


class Convention(Struct, frozen=True):
    """A value most entries share (or the configuration sets), with the evidence for it: how
    many of how many, counted in the whole document or in one list (``scope``)."""

    value: Any
    count: int
    total: int
    source: str = ""  # the configured style's name, when configured
    scope: Scope = "document"

    def evidence(self, noun: str, verb: str) -> str:
        """``"412 of 415 <noun> in this document <verb>"`` (or ``of this list``), or what the
        configured style requires."""
        if self.source:
            return f"the configured entry style {self.source!r} requires this"
        where = "in this document" if self.scope == "document" else "of this list"
        return f"{self.count} of {self.total} {noun} {where} {verb}"


def majority(
    values: Iterable[T],
    *,
    threshold: float = THRESHOLD,
    minimum: int = MINIMUM,
    scope: Scope = "document",
) -> Convention | None:
    """The value shared by at least ``threshold`` of at least ``minimum`` values, if any."""
    counts = Counter(values)
    total = sum(counts.values())
    if total < minimum:
        return None
    value, count = counts.most_common(1)[0]
    return Convention(value, count, total, scope=scope) if count >= threshold * total else None


ListKey = tuple[ListItem | None, Section | None]


def list_of(entry: Entry) -> ListKey:
    """The list an entry belongs to: its parent item and its section."""
    item = entry.list_item
    return (item.parent if item else None, entry.section)


class Deviation(Struct, frozen=True):
    """A list whose entries share a style of their own, unlike the document's."""

    entries: tuple[Entry, ...]  # the list's entries that have a value, in order
    own: Convention  # the list's style, counted in the list
    document: Convention  # the document's, counted in the document


def decide(
    entries: Iterable[Entry],
    value_of: Callable[[Entry], Hashable | None],
    configured: Any,
    style_: Style,
) -> tuple[dict[ListKey, Convention], list[Deviation]]:
    """The convention each list's entries are judged by, and the lists that deviate as a whole.

    The evidence is taken where it is: the configured value when there is one; else the
    document's majority (:data:`THRESHOLD` of at least :data:`MINIMUM` values), unless a list
    has a style of its own (80 % of at least three of its entries), which then judges its
    entries and, when it differs from the document's, is a :class:`Deviation` to report once.
    In a document without a majority, a list is judged only by a clear style of its own
    (:data:`CLEAR` of at least :data:`CLEAR_MINIMUM` entries): in a mixed document, four of
    five is chance. Entries whose ``value_of`` is None are not counted.
    """
    by_list: dict[ListKey, list[tuple[Entry, Hashable]]] = {}
    for entry in entries:
        value = value_of(entry)
        if value is not None:
            by_list.setdefault(list_of(entry), []).append((entry, value))
    if configured is not None:
        wanted = style_.configured(configured)
        return {key: wanted for key in by_list}, []
    document = majority(value for members in by_list.values() for _, value in members)
    decided: dict[ListKey, Convention] = {}
    deviations: list[Deviation] = []
    for key, members in by_list.items():
        own = majority((value for _, value in members), minimum=3, scope="list")
        if document is not None and own is not None and own.value != document.value:
            deviations.append(Deviation(tuple(entry for entry, _ in members), own, document))
            decided[key] = own
        elif document is not None:
            decided[key] = document
        elif clear := majority(
            (value for _, value in members), threshold=CLEAR, minimum=CLEAR_MINIMUM, scope="list"
        ):
            decided[key] = clear
    return decided, deviations


class Style(Struct, frozen=True):
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
        chosen = replace(chosen, sorted=sorted_setting)
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


class ListAnalysis(Struct, frozen=True):
    """The lists of a document, as the entry rules see them."""

    lists: tuple[tuple[ListItem, ...], ...]  # the sibling items of each list
    navigation: frozenset[ListItem]  # items of the TOC or of another list of in-page links
    children: frozenset[ListItem]  # items that have sub-items
    toc: frozenset[ListItem] = frozenset()  # the navigation lists of ``#fragment`` links only


def analyse_lists(doc: Document) -> ListAnalysis:
    """Group the items into lists and find the navigation lists (see :class:`ListAnalysis`)."""
    lists = sibling_lists(doc)
    toc_lines = doc.toc.lists if doc.toc is not None else ()
    navigation: set[ListItem] = set()
    toc: set[ListItem] = set()
    for items in lists:
        line = items[0].span.line
        if any(first <= line <= last for first, last in toc_lines) or _is_navigation(
            doc, items, in_page_only=True
        ):
            toc.update(items)
            navigation.update(items)
        elif _is_navigation(doc, items):
            navigation.update(items)
    for item in doc.list_items:  # parents come first: one pass adds every sub-item
        if item.parent is not None and item.parent in navigation:
            navigation.add(item)
            if item.parent in toc:
                toc.add(item)
    return ListAnalysis(
        lists=tuple(tuple(items) for items in lists),
        navigation=frozenset(navigation),
        children=frozenset(item.parent for item in doc.list_items if item.parent is not None),
        toc=frozenset(toc),
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


def _is_navigation(doc: Document, items: list[ListItem], *, in_page_only: bool = False) -> bool:
    """A list most of whose items start with a link to a place in this document (``#fragment``,
    ``./#fragment``) or (unless ``in_page_only``) to a translation of it
    (``translations/README-es.md``, ``[日本語](…)``): in-page navigation (a list beside the TOC,
    a section's own index, a language switcher), whose items are not entries. Items that all link
    to one place are no navigation: they are groups with a "back to top" link each (``- **Python**
    | [Back to Top](#contents)``), and their sub-items are entries."""
    navigating = 0
    destinations: set[str] = set()
    for item in items:
        link = next((link for link in doc.links_on(item.span.line) if not link.image), None)
        if link is not None and (
            is_in_page(link) or (not in_page_only and is_translation_link(link))
        ):
            navigating += 1
            destinations.add(link.destination)
    if navigating >= 2 and len(destinations) == 1:
        return False
    return navigating >= 1 and navigating >= THRESHOLD * len(items)


_TRANSLATED_FILE = re.compile(
    r"(?:^|/)(?:readme|index)[-_.]([a-z]{2,3}(?:[-_][a-z0-9]{2,4})?)\.(?:md|markdown)(?:#|$)"
    r"|(?:^|/)(?:translations|i18n|locales?|lang)/",
    re.IGNORECASE,
)


def is_translation_link(link: Link) -> bool:
    """Whether a link leads to a translation of the document: a relative ``README-xx.md`` or a
    file under ``translations/``, or a link whose text is a language's name (``[Español](…)``,
    a translation or its issue). A list is navigation only when most of its items are such
    links, so a resource named after a language among entries is still an entry. A link to
    another file of the repository that is no README (``[Nepali](books/free-books-ne.md)``)
    leads to a catalogue of that language, not to a translation: an entry."""
    destination = link.destination.strip()
    relative = "://" not in destination and not destination.startswith(("//", "mailto:"))
    if relative and _TRANSLATED_FILE.search(destination):
        return True
    if relative and destination and not _README.search(destination):
        return False
    parts = _LANGUAGE_PARTS.split(link.text.casefold())  # ``Japanese (日本語)``, ``Urdu - اردو``
    return any(part.strip() in LANGUAGE_NAMES for part in parts)


_README = re.compile(r"(?:^|/)(?:readme|index)[^/]*(?:#.*)?$|^#|^\./#", re.IGNORECASE)
_LANGUAGE_PARTS = re.compile(r"(?<!\s)\s+-\s+|[()\uff08\uff09/|]")


_WORD = re.compile(r"(?<![^\s\x00])(?!:[a-z0-9_+-]+:(?:\s|$))[^\s\x00]+")  # not an :emoji:
_TRIM = "\"'\u201c\u201d\u2018\u2019()[]{}.,;:!?*_"
LOWERCASE_IDENTIFIERS = frozenset(
    {"npm", "npx", "pnpm", "iOS", "iPadOS", "macOS", "watchOS", "tvOS", "visionOS"}
    | {"iPhone", "iPad", "iCloud", "eBay", "jQuery"}
)


def first_word(text: str) -> str:
    """The first word of ``text``, without the punctuation around it; a GitHub ``:emoji:`` is no
    word (``:heart: Floating button`` starts with ``Floating``)."""
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
    and digits say nothing, nor does a description that follows the name without a separator
    (``[DevDocs](url) is a …`` continues the name as a sentence; LL302 judges the separator).
    """
    text = entry.description_prose.lstrip()
    if entry.separator and not entry.separator.strip():
        return None  # ``[DevDocs](url) is a …``: a sentence that continues the name
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


def latin_initial(entry: Entry) -> bool | None:
    """Whether the description's first letter is a Latin one (None without a letter)."""
    letter = next((char for char in entry.description_prose if char.isalpha()), None)
    return None if letter is None else unicodedata.name(letter, "").startswith("LATIN")


TERMINAL = ".!?…。！？．"  # the full-width marks end CJK sentences


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


class Collated(Struct, frozen=True):
    """A name with the keys every usual collation sorts it by (see :func:`out_of_order`)."""

    name: str
    key: str  # sort_key
    keys: tuple[str, ...]

    def before(self, other: Collated) -> bool:
        """Whether ``other`` must come before this name under every usual collation."""
        first, second = self.key, other.key
        if not first or not second or not (first[0].isascii() and second[0].isascii()):
            return False
        joined_first, joined_second = first.replace(" ", ""), second.replace(" ", "")
        if joined_first.startswith(joined_second) or joined_second.startswith(joined_first):
            return False
        return all(a < b for a, b in zip(other.keys, self.keys, strict=True))


def collated(name: str) -> Collated:
    """``name`` with its collation keys, computed once."""
    return Collated(name, sort_key(name), tuple(key(name) for key in _COLLATIONS))


def out_of_order(before: str, after: str) -> bool:
    """Whether name ``after`` must come before name ``before`` under every usual collation.

    Lists sort with different collations (punctuation as a break or ignored, case-sensitive or
    not); only pairs that every one of them puts the other way round are out of order. Names that
    one collation sees as a prefix of the other (``Calibre`` / ``Calibre Web``) and names starting
    with a non-ASCII letter are never out of order.
    """
    return collated(before).before(collated(after))


def group_by(values: Iterable[T], key: Callable[[T], Hashable]) -> dict[Hashable, list[T]]:
    """``values`` grouped by ``key``, in first-seen order."""
    groups: dict[Hashable, list[T]] = {}
    for value in values:
        groups.setdefault(key(value), []).append(value)
    return groups

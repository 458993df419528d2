"""Shared machinery of the duplicate rules (LL4xx): entry keys, exemptions, messages, blocking.

Every duplicate rule compares entries through :class:`Item`, computed once per entry: its URL
identity (:func:`listlint.urls.normalize_url`), its project (:func:`listlint.urls.project_key`)
and a comparison form of its name and description. Candidate pairs come from blocking (equal
keys, name prefixes and suffixes), never from comparing every pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from math import ceil
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.model.nodes import ListItem, Section
from listlint.urls import normalize_url

if TYPE_CHECKING:
    from listlint.facts import DocumentFacts

# "See above", "see DeepCpG above", "(listed under Tools below)", "described earlier".
_BACK_REFERENCE = re.compile(
    r"\b(?:see|listed|mentioned|described|covered|included|introduced)\b[^.!?]{0,80}?"
    r"\b(?:above|below|earlier)\b|\((?:see )?(?:above|below)\)",
    re.IGNORECASE,
)
# "(part of Django) The Django ORM.": a component deliberately linking its parent project.
_COMPONENT = re.compile(r"^\W*part of\b", re.IGNORECASE)
# Descriptions shorter than this (after processing) say too little to identify an entry.
SHORTEST_DESCRIPTION = 12
_DIGITS = re.compile(r"\d+")
_NON_ALNUM = re.compile(r"[\W_]+")
# A name written as a repository path, "owner/repo": compare by the repository name.
_REPO_PATH_NAME = re.compile(r"^[\w.-]+/([\w.-]+)$")
_DOMAIN_NAME = re.compile(
    r"^(?:www\.)?([\w-]+)\.(?:ai|app|co|com|dev|edu|gov|info|io|me|net|org)$", re.IGNORECASE
)

# Hosts of a person's or project's channels (profile pages): the same name linking a blog
# and a Twitter account names one owner but two different resources.
CHANNEL_HOSTS = frozenset(
    {
        "facebook.com",
        "instagram.com",
        "linkedin.com",
        "mastodon.social",
        "medium.com",
        "reddit.com",
        "twitter.com",
        "x.com",
        "youtube.com",
    }
)


Category = tuple[Document, Section | None, ListItem | None]  # a document, section and parent item


class Item(Struct, frozen=True, eq=False, dict=True):
    """One entry as the duplicate rules compare it (one per entry and run: compared by identity)."""

    doc: Document
    entry: Entry
    order: int  # position in the run: documents in the order given, entries in source order
    url: str  # normalize_url of the primary link
    name: str  # lower-case letters and digits only
    layout: SectionLayout
    language: str = ""  # the document's language tag ("ja", "zh-cn"); "" for the original

    @cached_property
    def project(self) -> str | None:
        """The project the primary link belongs to (:func:`listlint.urls.project_key`)."""
        return self.doc.urls.project(self.entry.link.destination) if self.entry.link else None

    @cached_property
    def host(self) -> str:
        """The primary link's host (:func:`listlint.urls.host_of`), '' without a link."""
        return self.doc.urls.host(self.entry.link.destination) if self.entry.link else ""

    @cached_property
    def description(self) -> str:
        """The description as compared (rapidfuzz's default processing); an entry without one
        is described by its metadata (``DoorDash 2017`` in `` `DoorDash` `2017` ``)."""
        from rapidfuzz.utils import default_process  # rapidfuzz loads only when it compares

        return default_process(self.entry.description or " ".join(self.entry.metadata))

    @cached_property
    def category(self) -> Category:
        """The entry's document, section and parent list item (its topic)."""
        parent = self.entry.list_item.parent if self.entry.list_item else None
        return self.doc, self.entry.section, parent

    @property
    def line(self) -> int:
        """The line the entry's name is on."""
        return self.entry.name_span.line

    @cached_property
    def is_back_reference(self) -> bool:
        """True when the entry says it repeats an entry listed elsewhere ("See above")."""
        notes = " ".join((self.entry.description, *self.entry.metadata))  # ``(see above)``
        return bool(_BACK_REFERENCE.search(notes))

    @cached_property
    def is_component(self) -> bool:
        """True for "(part of X)" entries, which link the project they belong to."""
        return self.entry.part_of is not None or bool(_COMPONENT.match(self.entry.description))


class SectionLayout(Struct, frozen=True):
    """How one document's section titles repeat, as :func:`in_parallel_sections` reads them."""

    titles: Mapping[Section, str]  # a section -> its title as compared
    repeated: frozenset[str]  # titles the document uses under three or more different parents
    subtitles: Mapping[Section, frozenset[str]]  # a section -> titles of its direct subsections

    def subtitles_of(self, section: Section) -> frozenset[str]:
        """Titles of the direct subsections of ``section``."""
        return self.subtitles.get(section, frozenset())


def section_layout(doc: Document) -> SectionLayout:
    """The :class:`SectionLayout` of ``doc``, in one pass over its sections."""
    titles: dict[Section, str] = {}
    parents: dict[str, set[Section | None]] = {}
    subtitles: dict[Section, set[str]] = {}
    for section in doc.sections:
        title = titles[section] = _title(section)
        parents.setdefault(title, set()).add(section.parent)
        if section.parent is not None:
            subtitles.setdefault(section.parent, set()).add(title)
    return SectionLayout(
        titles=titles,
        repeated=frozenset(
            title
            for title, seen in parents.items()
            if len(seen) >= 3 and title not in GENERIC_TITLES
        ),
        subtitles={key: frozenset(titles) for key, titles in subtitles.items()},
    )


# Titles any section may have: two sections sharing one are not parallel structures.
GENERIC_TITLES = frozenset(
    {
        "miscellaneous",
        "misc",
        "other",
        "others",
        "general",
        "tools",
        "resources",
        "libraries",
        "frameworks",
        "articles",
        "tutorials",
        "books",
        "videos",
        "examples",
        "related",
        "see also",
        "more",
    }
)


def name_key(name: str) -> str:
    """The name as compared: lower-case letters and digits.

    "owner/repo" names count as "repo" and domain names as their first label
    ("quandl.com" is "quandl").
    """
    stripped = name.strip()
    match = _REPO_PATH_NAME.match(stripped) or _DOMAIN_NAME.match(stripped)
    if match:
        stripped = match[1]
    return _NON_ALNUM.sub("", _spell_symbols(stripped.casefold()))


def _spell_symbols(name: str) -> str:
    """``C#`` as ``c sharp``, ``C++`` as ``c plus plus``: names that differ only in these are
    different languages, not one name written two ways."""
    return name.replace("#", " sharp ").replace("+", " plus ")


def name_words(name: str) -> list[str]:
    """The words of a name as compared: lower case, symbols spelt out, punctuation dropped."""
    return [word for word in _NON_ALNUM.split(_spell_symbols(name.casefold())) if word]


def items(documents: Sequence[DocumentFacts], allowed: Iterable[str] = ()) -> tuple[Item, ...]:
    """The entries of the ``documents`` with a primary link, in run order, minus allowed repeats,
    the links of navigation lists (the TOC, a language switcher) and links mentioned in the prose
    of an entry's sub-list (its description lines: ``- Taught by [Ada](u) …`` under a course)."""
    allowed_urls, allowed_names = allow_sets(allowed)
    tags = languages([facts.doc.path for facts in documents])
    found: list[Item] = []
    for facts in documents:
        doc = facts.doc
        layout = section_layout(doc)
        navigation = facts.lists.navigation
        for entry in doc.entries:
            if entry.link is None or not entry.link.destination.strip():
                continue
            if entry.list_item is not None and entry.list_item in navigation:
                continue
            if entry.style == "mention" and entry.parent is not None:
                continue
            url = doc.urls.key(entry.link.destination)
            name = name_key(entry.name)
            if url in allowed_urls or entry.name.strip().casefold() in allowed_names:
                continue
            found.append(
                Item(
                    doc=doc,
                    entry=entry,
                    order=len(found),
                    url=url,
                    name=name,
                    layout=layout,
                    language=tags[doc.path],
                )
            )
    return tuple(found)


# Language tags of translated files: every ISO 639-1 code; the ISO 639-2/3 codes file names use
# (HOWTO-fil.md; those that are English words, such as "may" or "per", are left out); and the
# country codes READMEs use for a language (README-cn.md, README-jp.md, HOWTO-np.md). A region
# may follow any of them (pt-BR, pt_BR, zh-Hant, es-419, and the run-together ptbr, zhcn).
_CODES = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi
    ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks
    ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl
    nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve
    vi vo wa wo xh yi yo za zh zu
    afr amh ara arn ast aze bel bre bul ceb ces chr ckb cym dan deu dsb ell eng epo eus fas
    fil fra fry gle glg gsw guj hak hau haw heb hin hrv hsb hun hye ibo ind isl ita jav jpn
    kab kan kaz khm kir kmr kor lao lav lij lmo ltz mal mkd mlt mri msa mya nan nds nep nld
    nno nob nor oci ori pes pms pol por pus que roh ron rus sah scn slk slv sna snd spa sqi
    srp swa swe szl tam tel tgk tgl tha tir tuk tur tzm uig ukr urd uzb vec vie wuu xho yid
    yor yue zgh zho zul
    cn jp tw ua cz gr dk vn ir kh np ph il rs ptbr ptpt zhcn zhtw zhhk enus engb esmx
"""
LANGUAGE_CODES = frozenset(_CODES.split())
_LANGUAGE_TAG = re.compile(
    r"^(?P<base>.+?)[-_.](?P<tag>[a-z]{2,4}(?:[-_](?:[a-z]{2,4}|\d{3}))?)$", re.IGNORECASE
)


def languages(paths: Sequence[str]) -> dict[str, str]:
    """The language tag of each path ("" for an original), so translations are compared only
    with files of their own language.

    A file is in a language when its name ends with a language tag (``README-ja.md``,
    ``README.zh-CN.md``, ``README_ZH-CN.md``, ``HOWTO-es.md``) and another file of the run has
    the same name without a tag or with another tag (``README.md``, ``HOWTO-fr.md``), or when it
    lies in a folder named by a language tag beside another such folder or under ``i18n/``,
    ``locales/`` or ``translations/`` (``i18n/ja/``, ``docs/zh-CN/`` beside ``docs/en/``).
    """
    names: dict[str, tuple[str, str]] = {}  # path -> (name without its tag, tag)
    variants: dict[str, set[str]] = {}  # name without tag -> the tags it is written with
    folders: dict[PurePath, set[str]] = {}  # folder -> tags of its language subfolders
    for path in paths:
        stem = PurePath(path).stem.casefold()
        match = _LANGUAGE_TAG.match(stem)
        tag = _language(match["tag"]) if match else ""
        base = match["base"] if match and tag else stem
        names[path] = (base, tag)
        variants.setdefault(base, set()).add(tag)
        for folder in PurePath(path).parents:
            if _language(folder.name):
                folders.setdefault(folder.parent, set()).add(_language(folder.name))
    found: dict[str, str] = {}
    for path in paths:
        base, tag = names[path]
        if tag and len(variants[base]) > 1:
            found[path] = tag
            continue
        found[path] = next(
            (
                _language(folder.name)
                for folder in PurePath(path).parents
                if _language(folder.name)
                and (
                    len(folders[folder.parent]) > 1
                    or folder.parent.name.casefold() in _TRANSLATION_FOLDERS
                )
            ),
            "",
        )
    return found


_TRANSLATION_FOLDERS = frozenset({"i18n", "l10n", "locale", "locales", "translations", "lang"})


def _language(tag: str) -> str:
    """The normalised language tag (``zh-cn``), or "" when ``tag`` is not one."""
    tag = tag.casefold().replace("_", "-")
    primary = tag.split("-")[0]
    return tag if primary in LANGUAGE_CODES else ""


def allow_sets(allowed: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The ``duplicates.allow`` setting split into URL keys and case-folded names."""
    urls, names = set(), set()
    for value in allowed:
        if "://" in value:
            urls.add(normalize_url(value))
        else:
            names.add(value.strip().casefold())
    return frozenset(urls), frozenset(names)


def allowed_repeats(ctx_settings: Mapping[str, Any]) -> list[str]:
    """The URLs and names the configuration allows to repeat (``[tool.listlint.duplicates]``)."""
    return list(ctx_settings.get("duplicates", {}).get("allow", []))


def name_score(a: Item, b: Item) -> float:
    """How alike two names are, 0-100 (rapidfuzz ratio of the name keys)."""
    from rapidfuzz import fuzz

    return fuzz.ratio(a.name, b.name)


def same_name(a: Item, b: Item, threshold: float) -> bool:
    """True when two names are one name written differently.

    The name keys must score at least ``threshold`` and differ only by a suffix ("Taiga",
    "Taiga.io") or one edit or swap ("impress.js", "imrpess.js"). Names that
    differ in their numbers ("SweetAlert", "SweetAlert2") or inside a word ("Open Government,
    Austria", "Open Government, Australia") are different names.
    """
    if a.name == b.name:
        return True
    if _DIGITS.findall(a.name) != _DIGITS.findall(b.name):
        return False
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    if fuzz.ratio(a.name, b.name) < threshold:
        return False
    if _in_a_series(name_words(a.entry.name), name_words(b.entry.name)):
        return False
    shorter, longer = sorted((a.name, b.name), key=len)
    return longer.startswith(shorter) or OSA.distance(a.name, b.name) <= 1


_ROMAN = re.compile(r"^(?=[ivx]+$)x{0,3}(?:ix|iv|v?i{0,3})$")
_SERIES_WORDS = frozenset({"part", "vol", "volume", "edition", "ed", "book", "module", "modulo"})


def _in_a_series(first: list[str], second: list[str]) -> bool:
    """Whether two names are one template filled differently: they differ in one short word
    (``R Notes`` / ``C Notes``, ``Java EE`` / ``Java SE``), in one word that extends the other's
    (``Essential C`` / ``Essential CSS``) or in a sequel mark (``Computer Science I`` / ``II``,
    ``Part 2``), or one adds a sequel mark to the other."""
    if len(first) == len(second):
        differing = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
        if len(differing) != 1:
            return False
        short, long = sorted(differing[0], key=len)
        if len(first) > 1 and long.startswith(short):
            return True  # ``Essential C`` / ``Essential CSS``, ``… Java`` / ``… JavaScript``
        return all(len(word) <= 2 or _ROMAN.match(word) for word in differing[0])
    shorter, longer = sorted((first, second), key=len)
    extra = longer[len(shorter) :]
    return longer[: len(shorter)] == shorter and all(
        _ROMAN.match(word) or word.isdigit() or word in _SERIES_WORDS for word in extra
    )


def components(first: Item, later: Item) -> bool:
    """True for two parts of one repository listed apart: ``uv`` in one section and
    ``uv-build`` in another, both linking ``github.com/astral-sh/uv``.

    The later entry links the repository's front page from another section under another name
    that shares a word with the first, contains it (``hatch``, ``hatchling``) or shares the
    repository's name with it (``g3proxy``, ``g3bench``), and both say something different about
    themselves. The same repository under a name it does not share (``Circular Chart`` linking
    the ``flutter-redux-todo-list`` repository), or with the same or no description (``trash``
    and ``trash-files``, "Move files to the trash."), is a slip or a duplicate.
    """
    return (
        is_repository_home(later)
        and not same_category(first, later)
        and _names_share(first, later)
        and all(len(item.description) >= SHORTEST_DESCRIPTION for item in (first, later))
        and description_score(first, later) < SAME_DESCRIPTION
    )


SAME_DESCRIPTION = 90  # descriptions at least this alike (0-100) say the same


def _names_share(a: Item, b: Item) -> bool:
    """Whether two names share a word, one contains the other (``hatch``, ``hatchling``) or
    both contain the repository's name (``g3proxy`` and ``g3bench`` in ``bytedance/g3``); but
    not when one name is a whole part of the other (``vproxy`` and ``vproxy/0x676e67`` name one
    project)."""
    if _name_parts(a.entry.name) & _name_parts(b.entry.name):
        return False
    shorter, longer = sorted((a.name, b.name), key=len)
    words = set(name_words(a.entry.name)) & set(name_words(b.entry.name))
    repository = name_key((a.project or "").rsplit("/", 1)[-1])
    in_both = bool(repository) and repository in a.name and repository in b.name
    return bool(words) or (bool(shorter) and shorter in longer) or in_both


def _name_parts(name: str) -> set[str]:
    """The "/"-separated parts of a name, as compared."""
    return {_NON_ALNUM.sub("", part.casefold()) for part in name.split("/")} - {""}


def names_overlap(a: Item, b: Item) -> float:
    """How far one name's words are contained in the other's, 0-100 (token set ratio)."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    return fuzz.token_set_ratio(a.entry.name, b.entry.name, processor=default_process)


def extends(a: Item, b: Item) -> bool:
    """True when one description is the other with words added at the end ("… analysis." and
    "… analysis and visualization."), both long enough to identify an entry."""
    shorter, longer = sorted((a.description, b.description), key=len)
    return len(shorter) >= 3 * SHORTEST_DESCRIPTION and longer.startswith(shorter)


def description_score(a: Item, b: Item) -> float:
    """How alike two descriptions are, 0-100; 0 when either is too short to tell."""
    if len(a.description) < SHORTEST_DESCRIPTION or len(b.description) < SHORTEST_DESCRIPTION:
        return 0.0
    from rapidfuzz import fuzz

    return fuzz.ratio(a.description, b.description)


def exempt(first: Item, later: Item, parallel_sections: bool) -> bool:
    """True when the repeat is deliberate: a back reference, a component, or parallel sections."""
    if first.is_back_reference or later.is_back_reference:
        return True
    if first.is_component or later.is_component:
        return True
    return parallel_sections and in_parallel_sections(first, later)


def in_parallel_sections(a: Item, b: Item) -> bool:
    """True for entries under parallel sections: sibling sections sharing subsection titles.

    Lists organised by language or platform repeat one structure under each parent
    ("C++ > General-Purpose Machine Learning", "Python > General-Purpose Machine Learning");
    a project listed once per parent is deliberate. Only titles the document repeats under
    three or more parents mark such a structure, and never titles any section may have
    ("Miscellaneous", "Tools": :data:`GENERIC_TITLES`); sections are parallel when they have
    such a title under different parents, or are siblings with such a subsection title in common.
    """
    first, second = a.entry.section, b.entry.section
    if a.doc is not b.doc or first is None or second is None or first is second:
        return False
    layout = a.layout  # one document: b's too
    titles = layout.titles
    if titles[first] == titles[second] in layout.repeated and first.parent is not second.parent:
        return True
    for branch_a in _ancestors(first):
        for branch_b in _ancestors(second):
            if branch_a is not branch_b and branch_a.parent is branch_b.parent:
                shared = layout.subtitles_of(branch_a) & layout.subtitles_of(branch_b)
                return bool(shared & layout.repeated)
    return False


def _ancestors(section: Section) -> list[Section]:
    chain = [section]
    parent = section.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain


def _title(section: Section) -> str:
    return _NON_ALNUM.sub(" ", section.heading.text.casefold()).strip()


def same_category(a: Item, b: Item) -> bool:
    """True for entries under the same heading and the same parent list item (topic bullet)."""
    return a.category == b.category


def is_repository_home(item: Item) -> bool:
    """True when the entry links a GitHub/GitLab repository's front page."""
    project = item.project
    return (
        project is not None
        and project.startswith(("github.com/", "gitlab.com/"))
        and item.url == f"https://{project}"
    )


# Stores and marketplaces: one project's artefacts for different platforms live on these.
STORE_HOSTS = frozenset(
    {
        "marketplace.visualstudio.com",
        "open-vsx.org",
        "plugins.jetbrains.com",
        "apps.apple.com",
        "itunes.apple.com",
        "play.google.com",
        "f-droid.org",
        "addons.mozilla.org",
        "chrome.google.com",
        "chromewebstore.google.com",
        "microsoftedge.microsoft.com",
        "apps.microsoft.com",
        "packagecontrol.io",
        "atom.io",
    }
)


def in_two_stores(a: Item, b: Item) -> bool:
    """True when the entries link two different stores (a plugin for two editors)."""
    hosts = {item.host for item in (a, b)}
    return len(hosts) == 2 and hosts <= STORE_HOSTS


def is_channel(item: Item) -> bool:
    """True when the entry links a profile on a social site (a channel, not the thing itself)."""
    return item.host in CHANNEL_HOSTS


def where(first: Item, later: Item) -> str:
    """Where ``first`` is, as seen from ``later``: 'line 45', 'line 45 under "Tools"', 'b.md:45'."""
    if first.doc is not later.doc:
        return f"{first.doc.path}:{first.line}"
    place = f"line {first.line}"
    section = first.entry.section
    if section is not None and section is not later.entry.section:
        place += f' under "{section.heading.text.strip()}"'
    return place


def duplicate_message(first: Item, later: Item, reason: str) -> str:
    """The house message: 'duplicate of "ADAGE" at line 45 (same URL)'."""
    return f'duplicate of "{first.entry.name.strip()}" at {where(first, later)} ({reason})'


def grouped(keyed: Iterable[tuple[str, Item]]) -> Iterator[list[Item]]:
    """Groups of two or more items sharing a key, each in run order."""
    groups: dict[str, list[Item]] = {}
    for key, item in keyed:
        if key:
            groups.setdefault(key, []).append(item)
    for group in groups.values():
        if len(group) > 1:
            yield group


_MAX_VARIANT_LENGTH = 64  # longer names are only matched exactly
CROWD = 50  # a name more entries than this share is a label (see similar_name_pairs)


def similar_name_pairs(
    found: Sequence[Item],
    threshold: float,
    alike: Callable[[Item], Hashable],
    blocks: Callable[[Item], Iterable[Hashable]],
) -> list[tuple[Item, Item]]:
    """Pairs (earlier, later) whose names are :func:`same_name`, in report order.

    Blocking makes this linear in the number of entries: :func:`same_name` accepts equal keys,
    keys one edit or swap apart (:func:`_one_edit_candidates`) and a key that is a long enough
    prefix of the other, so only those candidates are scored. Items with equal ``alike`` keys
    (which include the name) are interchangeable as the earlier of a pair: only the first of
    them is paired with later items. A name more than ``CROWD`` items share is a label
    ("Website", "Paper"), not a project's name: its items are paired only with the first
    ``CROWD`` items of the same name in one of their ``blocks`` (LL402: the same project, the
    same description).
    """
    by_name: dict[str, list[int]] = {}
    for index, item in enumerate(found):
        by_name.setdefault(item.name, []).append(index)
    stands = [True] * len(found)  # False for an item whose ``alike`` key an earlier one has
    for group in by_name.values():
        if len(group) > 1:  # alike items have the same name
            seen: set[Hashable] = set()
            for index in group:
                key = alike(found[index])
                stands[index] = key not in seen
                seen.add(key)
    crowded = {name for name, group in by_name.items() if len(group) > CROWD}
    by_block: dict[tuple[str, Hashable], list[int]] = {}
    for name in crowded:
        for index in by_name.pop(name):
            for block in blocks(found[index]):
                by_block.setdefault((name, block), []).append(index)
    by_name.pop("", None)
    candidates = _one_edit_candidates(found, crowded, threshold, stands)
    for group in by_name.values():
        if len(group) > 1:
            candidates.update(_pairs_with_earlier(group, stands))
    for group in by_block.values():
        candidates.update(_pairs_with_earlier(group, stands, limit=CROWD))
    shortest = threshold / (200 - threshold)  # ratio >= threshold needs len(short) >= this * len
    for index, item in enumerate(found):
        if item.name in crowded:
            continue  # a label: paired within its blocks only
        name = item.name
        prefixes = (
            name[:length] for length in range(max(1, ceil(shortest * len(name))), len(name))
        )
        for prefix in filter(by_name.__contains__, prefixes):
            for other in by_name[prefix]:
                first, later = min(index, other), max(index, other)
                if stands[first]:
                    candidates.add((first, later))
    pairs = [
        (found[a], found[b]) for a, b in candidates if same_name(found[a], found[b], threshold)
    ]
    return sorted(pairs, key=lambda pair: (pair[1].order, pair[0].order))


def _one_edit_candidates(
    found: Sequence[Item], crowded: set[str], threshold: float, stands: Sequence[bool]
) -> set[tuple[int, int]]:
    """Index pairs whose names (not crowded ones) may be one edit or swap apart with the same
    numbers: as in SymSpell, a one-letter insertion's deletion is the other name, and a
    substitution's or a swap's names share a deletion. Only names long enough for one edit to
    keep the ratio at ``threshold`` (:func:`_one_edit_lengths`) are blocked so."""
    insertion, substitution = _one_edit_lengths(threshold)
    by_key: dict[str, list[int]] = {}  # name and digits: where a one-letter insertion meets it
    first_with: dict[str, int] = {}  # a one-letter deletion: substitutions and swaps meet
    shared: dict[str, set[int]] = {}  # the deletions more than one name has, and those names
    deletions: list[tuple[int, list[str]]] = []  # of the names that may be an insertion
    for index, item in enumerate(found):
        name = item.name
        if name in crowded or not insertion <= len(name) <= _MAX_VARIANT_LENGTH:
            continue
        key = name + " " + " ".join(_DIGITS.findall(name))  # same_name wants equal numbers
        by_key.setdefault(key, []).append(index)
        if len(name) > insertion:
            cuts = [key[:cut] + key[cut + 1 :] for cut in range(len(name))]
            deletions.append((index, cuts))
            if len(name) >= substitution:
                for cut in cuts:
                    first = first_with.setdefault(cut, index)
                    if first != index:
                        shared.setdefault(cut, {first}).add(index)
    candidates: set[tuple[int, int]] = set()
    for group in shared.values():
        candidates.update(_pairs_with_earlier(sorted(group), stands))
    for index, cuts in deletions:
        for cut in filter(by_key.__contains__, cuts):
            for other in by_key[cut]:
                first, later = min(index, other), max(index, other)
                if stands[first]:
                    candidates.add((first, later))
    return candidates


def _one_edit_lengths(threshold: float) -> tuple[int, int]:
    """How long names must be for one edit to keep ``fuzz.ratio`` at ``threshold``: the shorter
    name of a one-letter insertion, and both names of a substitution or a swap (past
    ``_MAX_VARIANT_LENGTH``: no name is blocked so)."""
    lengths = range(1, _MAX_VARIANT_LENGTH + 1)
    never = _MAX_VARIANT_LENGTH + 1
    insertion = next((n for n in lengths if ratio_of_one_edit(n, n + 1) >= threshold), never)
    substitution = next((n for n in lengths if ratio_of_one_edit(n, n) >= threshold), never)
    return insertion, substitution


def ratio_of_one_edit(length: int, other: int) -> float:
    """``fuzz.ratio`` of names ``length`` and ``other`` letters long one edit apart (an insertion
    when the lengths differ, else a substitution or a swap: two Indel operations), computed as
    rapidfuzz does: ``(1 - distance / (length + other)) * 100``."""
    distance = 1 if length != other else 2
    return (1.0 - distance / (length + other)) * 100


def _pairs_with_earlier(
    group: Sequence[int], stands: Sequence[bool], limit: int | None = None
) -> Iterator[tuple[int, int]]:
    """Each index of the ascending ``group`` with every earlier one that stands for its kind
    (with the first ``limit`` of them only, when given)."""
    earlier: list[int] = []
    for index in group:
        for first in earlier:
            yield first, index
        if stands[index] and (limit is None or len(earlier) < limit):
            earlier.append(index)


# A document with at least this many entries listed again, under the same name, in another
# section, and this share of its entries, files entries under several sections on purpose.
CROSS_LISTED_ENTRIES = 20
CROSS_LISTED_SHARE = 0.05


def cross_listed(first: Item, later: Item) -> bool:
    """Whether ``later`` repeats ``first`` under the same name in a section of another title (an
    app under "Games" and under "Tools"; two "Books" sections are a section pasted twice)."""
    one, other = first.entry.section, later.entry.section
    if one is None or other is None or one is other or first.name != later.name:
        return False
    return one.heading.text.strip().casefold() != other.heading.text.strip().casefold()


def cross_listing(items: Sequence[Item]) -> frozenset[Document]:
    """The documents that list many of their entries again, by name, in other sections: they
    file an entry under each of its categories on purpose."""
    repeated: dict[Document, int] = {}
    for group in grouped((item.url, item) for item in items):
        seen: dict[tuple[Document, str], Item] = {}
        for item in group:
            first = seen.setdefault((item.doc, item.name), item)
            if first is not item and cross_listed(first, item):
                repeated[item.doc] = repeated.get(item.doc, 0) + 1
    sizes: dict[Document, int] = {}
    for item in items:
        sizes[item.doc] = sizes.get(item.doc, 0) + 1
    return frozenset(
        doc
        for doc, count in repeated.items()
        if count >= CROSS_LISTED_ENTRIES and count >= CROSS_LISTED_SHARE * sizes[doc]
    )

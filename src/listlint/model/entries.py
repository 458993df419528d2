"""Entries: the items a list curates, recognised in every common style.

- ``list``: a list item whose first paragraph starts with the entry's link, in any of the shapes
  lists use: ``- [Name](url) - Description.`` (awesome), ``1. [Title](url) by Author`` (ordered),
  ``- **[Name](url)** - Description. [ [paper](url) | [web](url) ]`` (bold link with a trailing
  bracket group), ``* [owner/repo](url) [[crate](url)] - Description`` (link groups after the name),
  leading badges, emoji or a task box (``- [ ] [Title](url)``), ``(part of X)`` sub-entries and
  nested sub-lists;
- ``quote``: a blockquote paragraph that starts with the entry's link,
  ``> **[Name](url)** <kbd>★ 3.8k</kbd><br>Description.`` (awesome-java);
- ``bold-title``: a paragraph ``**Name** [[github](url)][[paper](url)]`` with the description in the
  following paragraph (deeplearning-biology);
- ``table``: a table row whose first linked cell names the entry (public-apis);
- ``mention``: a list item, citation paragraph (``**[1]** Authors. "**Title**." [[pdf]](url)``) or
  table row that contains the entry's link without starting with it (``- **2016-12** | Title |
  [Venue](url)``, ``- Meetup [City](url)``, ``| 1) **Title** - summary | [Paper](url) |``), or
  a line that starts with an HTML link (``&nbsp; <a href="url"><b>name</b></a> - desc<br>``). Such
  an entry has a name and links but no description: only the duplicate rules read it. Notes
  (``- More tools: [x](url), [y](url)``, ``- See also [x](url)``) are not entries.

What surrounds the name and the description is *metadata*, kept in ``Entry.metadata`` and never
read as the description: markers between the name and the separator (``:zap:``, emoji,
``**[Deprecated]**``, ``[1290⭐]``, ``<kbd>MIT</kbd>``, ``_(label: x)_``, ``_In Chinese_``), tags
before the description (``- [python] -``, ``- [python] Desc``), an attribution (``by
[Author](url)``), and trailing tags, badges, licences and versions (``[MIT]``, ``_v1_``, `` `Go`
`MIT` ``); a placeholder (``N/A``) is no description. Sub-items that only link a resource of
their parent by a generic label (``- [App Store](url)``, ``- [Docs](url)``, ``- [PyPi](url) (📥
22M / month):``) are the parent's metadata, not entries, whether the parent is a list item or the
HTML block the list follows (``<details><summary><a href="url">name</a></summary>``).

The inline content of the entry's paragraph is read through a *mask*: the content with every link
and image replaced by placeholder characters of the same length (and metadata HTML such as
``<kbd>…</kbd>`` by another), so that plain-text patterns (the separator, bracket groups) can be
matched without ever mistaking text inside a link for them, and every offset still maps to the
file through :meth:`Inline.span`.
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from itertools import pairwise
from typing import Literal

from msgspec import Struct, field

from listlint.findings import Span
from listlint.model.nodes import Blocks, Inline, Link, ListItem, Paragraph, Section, TableRow

EntryStyle = Literal["list", "quote", "bold-title", "table", "mention"]
DescriptionLayout = Literal["inline", "next-line", "below", "none"]

LINK = "\x01"  # a link whose text is words
BADGE = "\x02"  # an image, or a link whose text is an image
META = "\x03"  # inline HTML that carries metadata: <kbd>★ 3k</kbd>, <sup>…</sup>, <img>, <a>…</a>
CODE = "\x00"  # stands for a code span in ``Entry.description_prose``
_PLACEHOLDERS = LINK + BADGE
_MASKED = LINK + BADGE + META

_TASK_BOX = r"\[[ xX]\][ \t]+"  # ``- [ ] [Title](url)``: a GitHub task list item
_LEADING = re.compile(
    rf"[ \t{BADGE}{META}]*(?:{_TASK_BOX})?"
    rf"(?:[^\w\s\[\]{_MASKED}*_`]{{1,6}}[ \t]+[ \t{BADGE}{META}]*)?"
)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)?")
_GROUP_PUNCTUATION = " \t\n[]|,()"
_SEPARATOR = re.compile(
    r"[\s\u00a0]*(--?|\u2013|\u2014|:|\|)(?=[\s\u00a0]|$)[\s\u00a0]*"
    r"|[ \t\u00a0]*\uff1a[\s\u00a0]*"  # a full-width colon, with or without spaces
    r"|\s+"
)
_DASH_AFTER = re.compile(r"[ \t]*(?:-|\u2013|\u2014)[ \t]")
# A second name joined to the first (``[xlwt](u) / [xlrd](u)``, ``… and [Part 2](u)``), before
# a separator or at the end of the item.
_JOINED = re.compile(rf"[ \t]*(?:/|&|\+|,|and|or)[ \t]*(?={LINK})")
_SEPARATOR_AHEAD = re.compile(r"[ \t]*(?:--?|\u2013|\u2014|:|\uff1a)")
_TITLE_NOTE = re.compile(rf"[ \t]*\([^(){_PLACEHOLDERS}]*\)")  # **Title** (and others) [[code](u)]
_NAVIGATION = re.compile(r"\n[ \t]*[*_]*(?=\x01)")  # a line starting with a link
_PART_OF = re.compile(r"\(part of ([^)]+)\)\s*")
_TAG_TEXT = rf"[^\[\]{_MASKED}\n]{{1,30}}"
# Markers between the name and the separator: a GitHub emoji code, a code span of symbols (`⚠`),
# a bracketed status or count ([Deprecated], **[Deprecated]**, [1290⭐]), an emphasised note
# (_(label: good first issue)_, or a short one before a separator or alone: _In Chinese_ –).
# Runs of emoji and masked metadata HTML are markers too.
_MARKER = re.compile(
    r":[a-z0-9_+-]{1,40}:"
    r"|`[^`\w\s]{1,4}`"
    rf"|(?:\*\*|__)\[{_TAG_TEXT}\](?:\*\*|__)|\[{_TAG_TEXT}\](?!\()"
    rf"|[*_]\([^(){_MASKED}\n]{{1,80}}\)[*_]"
    rf"|(?P<mark>\*\*|__|\*|_)[^\s*_{_MASKED}][^*_{_MASKED}\n]{{0,38}}(?<=\S)(?P=mark)"
    r"(?=[ \t\u00a0]*(?:(?:--?|\u2013|\u2014|:|\uff1a)(?:[ \t\u00a0]|$)|$))"
)
# Tags between two separators: ``- [CellPhoneDB](url) - [python] - Publicly available...``.
_LEADING_TAGS = re.compile(rf"(?:\[{_TAG_TEXT}\][ \t]*)+(?=(?:--?|\u2013|\u2014|:|\|)[ \t])")
# Tags after the separator with the description right after them: ``- [x](u) - [python] Cite…``.
_BARE_LEADING_TAGS = re.compile(rf"(?:\[{_TAG_TEXT}\][ \t]*)*\[{_TAG_TEXT}\][ \t]+(?=[^\s\[])")
# An attribution instead of a description: ``by [Author](url)``, ``by Flavio Copes (2018)``.
_BYLINE = re.compile(rf"by[ \t]+(?=[{LINK}@]|[A-Z])")
# No description: a placeholder (``N/A``), or a note on the name (``(Spanish)``, ``(54:26)``).
_PLACEHOLDER = re.compile(
    r"[*_ ]*(?:n/?a|tbd|todo|none|-+|\u2013|\u2014|\?|\([^()]*\))[*_ .]*", re.IGNORECASE
)
# Trailing patterns are searched, so each may start only where its leading run starts (the
# lookbehind), and their classes do not overlap where they meet (the first LINK / BADGE is the one
# matched), so no attempt backtracks over a run. Only the last _TAIL_WINDOW characters are searched.
_TRAILING_GROUP = re.compile(
    rf"(?<![\s\u00a0])[\s\u00a0]*[\[(][\s{BADGE},|]*{LINK}[\s{LINK}{BADGE},|]*[\])]\s*$"
)
_TRAILING_BADGES = re.compile(rf"(?<![\s{BADGE}{META}])\s*(?:[{BADGE}{META}]\s*)+$")
# `[MIT]`, `[GPLv3+][MIT]`: licence and language tags that Markdown leaves as text.
_TRAILING_BRACKETS = re.compile(rf"(?<![\s\]])\s*(?:\[{_TAG_TEXT}\]\s*)+$")
_TRAILING_VERSION = re.compile(r"(?<=\S)\s+[_*]v?\d[\w.]*[_*]\s*$")  # ``The API. _v1beta2_``
# `MIT` `Go` at the end (awesome-selfhosted), matched on the reversed text so it is anchored.
_TRAILING_TAGS_REVERSED = re.compile(r"\s*(?:`[^`\n]{1,40}`\s*){2,}")
_TRAILING_BY_LAST = {
    "]": (_TRAILING_GROUP, _TRAILING_BRACKETS),
    ")": (_TRAILING_GROUP,),
    BADGE: (_TRAILING_BADGES,),
    META: (_TRAILING_BADGES,),
    "_": (_TRAILING_VERSION,),
    "*": (_TRAILING_VERSION,),
}
_TAIL_WINDOW = 1000  # trailing groups are short once masked: a whole link is one character
# Inline HTML elements whose content is metadata, masked as a whole; <br> is a line break.
_META_OPEN = re.compile(r"<(kbd|sup|sub|a|small|span|img)\b[^>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BRACKETED = re.compile(r"\[([^\[\]]*)\]")  # the words of ``[MIT][GPLv3]`` tags
_CITATION = re.compile(r"[ \t]*(?:\*\*|__)?\[\d{1,4}\](?:\*\*|__)?[ \t]")  # **[1]** Authors...
# A note among entries rather than an entry: "More in [awful-ai](url)", "See also …".
_NOTE = re.compile(
    r"\W*(?:see(?: also)?|more(?: in| at| on)?|also|and more|check out|for more|related)\b",
    re.IGNORECASE,
)
# A line that starts with an HTML link and a description: ``&nbsp; <a href="url"><b>name</b></a> -
# desc<br>`` (a link alone on its line is a banner or a badge).
_HTML_ENTRY = re.compile(
    r"(?P<lead>(?:\s|&nbsp;|&emsp;|<(?:li|td|details|summary|b|strong)\b[^>]*>)*)"
    r"<a\s[^>]*?\bhref\s*=\s*(?P<quote>[\"'])(?P<url>https?://[^\"'\s]+)(?P=quote)[^>]*>"
    r"(?P<label>.*?)</a>(?:\s*</(?:b|strong)>)?(?:\s*\([^()<>]*\))?"  # a bold name, a note
    r"(?=\s*(?:-|\u2013|\u2014|:)\s+\S)",  # then a separator and a description
    re.IGNORECASE,
)
_CLOSING_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)")
_TAG = re.compile(r"<[^<>]*>")
# The HTML line that opens a list of its entry's resources (best-of lists).
_LABEL_END = re.compile(r"[:\uff1a][\s*_]*$")  # the text before a link is its label
_MENTION_LEAD = re.compile(rf"[ \t*_]*(?:{_TASK_BOX}[ \t*_]*)?")
_HTML_PARENT = re.compile(r"<(?:details|summary)\b|</summary>\s*$", re.IGNORECASE)
_NOTES = re.compile(r"\([^()]*\)")
_NOT_WORD = re.compile(r"[^\w\s-]+")
_CELL_NUMBER = re.compile(r"^\W*\d{1,4}[.)]\s+")  # ``1) **Title** - summary``
# Link texts of a sub-item that only adds a resource to its parent entry (the parent's metadata).
RESOURCE_LABELS = frozenset(
    {
        "app store",
        "apple app store",
        "play store",
        "google play",
        "f-droid",
        "fdroid",
        "testflight",
        "demo",
        "live demo",
        "website",
        "site",
        "homepage",
        "home page",
        "docs",
        "documentation",
        "source",
        "source code",
        "code",
        "github",
        "gitlab",
        "repo",
        "repository",
        "paper",
        "pdf",
        "slides",
        "video",
        "download",
        "screenshot",
        "screenshots",
        "pypi",
        "conda",
        "anaconda",
        "bioconda",
        "npm",
        "yarn",
        "docker",
        "docker hub",
        "dockerhub",
        "maven",
        "crates.io",
        "crate",
        "nuget",
        "packagist",
        "rubygems",
        "cran",
        "bioconductor",
        "homebrew",
        "helm",
        "arxiv",
        "blog",
        "wiki",
        "api",
        "api docs",
        "api reference",
        "changelog",
        "releases",
        "examples",
        "tutorial",
    }
)


# The words of a course's materials, listed under the course (prakhar1989/awesome-courses):
# ``- [Syllabus](u)``, ``- [Lecture Notes, Videos & Assignments](u)``, ``- [Course Site](u)``.
_COURSE_MATERIAL_WORDS = frozenset({
    "lecture", "lectures", "note", "notes", "video", "videos", "slide", "slides", "assignment",
    "assignments", "homework", "homeworks", "reading", "readings", "syllabus", "schedule", "lab",
    "labs", "exam", "exams", "solution", "solutions", "problem", "sets", "exercise", "exercises",
    "material", "materials", "handout", "handouts", "recitation", "recitations", "project",
    "projects", "course", "class", "site", "page", "home", "website", "playlist", "youtube",
    "github", "full", "practice", "discussion", "and", "all",
})  # fmt: skip


def is_in_page(link: Link) -> bool:
    """Whether the link goes to a place in this document: ``#anchor`` or ``./#anchor``."""
    return link.fragment is not None or link.destination.startswith("./#")


def is_note(text: str) -> bool:
    """Whether a list item's text is a note among entries: ``More in …``, ``See also …``."""
    return bool(_NOTE.match(text))


def _symbol(char: str) -> bool:
    """An emoji or other symbol (with its joiners and variation selectors), or masked metadata."""
    if char == META:
        return True
    return ord(char) > 127 and unicodedata.category(char) in ("So", "Sk", "Cf", "Mn", "Cs")


def _trailing_start(tail: str) -> int | None:
    """Where a trailing link group, badges or tags begin at the end of ``tail``, if they do."""
    last = tail.rstrip()[-1:]
    if not last:
        return None
    if last == "`":
        tags = _TRAILING_TAGS_REVERSED.match(tail[::-1])
        return len(tail) - tags.end() if tags else None
    # Each pattern ends in its own characters: only those that can match are searched.
    trailing = _TRAILING_BY_LAST.get(last, ())
    return next((m.start() for p in trailing if (m := p.search(tail)) is not None), None)


class Entry(Struct, frozen=True, eq=False):
    """One curated item: its name, primary link, other links, description and place.

    ``separator`` is the text between the name (with its link groups) and the description, as
    written (``" - "``, ``": "``, ``" "`` when the description just follows); empty when there is
    no description on the title line. ``link_gaps`` are the texts between consecutive link groups
    after the name (``"]["`` in ``[[github](u)][[paper](u)]``), and ``title_gap`` the text between
    a bold title and its first link group. ``metadata`` holds what surrounds the name and the
    description without being either (markers, tags, badges' text, an attribution), as read.
    """

    style: EntryStyle
    name: str
    name_span: Span
    link: Link | None
    links: tuple[Link, ...]
    description: str
    description_span: Span | None
    span: Span
    section: Section | None
    list_item: ListItem | None = None
    paragraph: Paragraph | None = None
    row: TableRow | None = None
    bold: bool = False
    separator: str = ""
    separator_span: Span | None = None
    description_layout: DescriptionLayout = "none"
    title_gap: str | None = None
    title_gap_span: Span | None = None
    link_gaps: tuple[tuple[str, Span], ...] = ()
    part_of: str | None = None
    parent: Entry | None = None
    group: str | None = None
    description_prose: str = ""  # the description with each code span replaced by CODE
    metadata: tuple[str, ...] = ()
    byline: str = ""  # ``by Author``, when the entry is attributed instead of described

    @property
    def url(self) -> str | None:
        """The primary link's destination."""
        return self.link.destination if self.link else None

    @property
    def other_links(self) -> tuple[Link, ...]:
        """Every link but the primary one; their ``text`` is their label (``github``, ``paper``)."""
        return tuple(link for link in self.links if link is not self.link)

    @property
    def depth(self) -> int:
        """Nesting depth of a list entry (0 at top level)."""
        return self.list_item.depth if self.list_item else 0

    @property
    def named(self) -> bool:
        """True when the entry starts with its name (every style but ``mention``)."""
        return self.style != "mention"


def count_styles(entries: tuple[Entry, ...]) -> Counter[str]:
    """How many entries of each style a document has (``--statistics``)."""
    return Counter(entry.style for entry in entries)


class _Masked(Struct, frozen=True, dict=True):
    """An inline with its links and images masked, and the links found at each offset."""

    inline: Inline
    text: str
    links: dict[int, Link]  # start offset of each top-level link or image -> the Link
    ends: dict[int, int]  # start offset -> end offset

    def plain(self, start: int, end: int, *, code: bool = True) -> str:
        """The text a reader sees between content offsets ``start`` and ``end``.

        Without ``code``, each code span is replaced by :data:`CODE`.
        """
        return _plain(self.inline, start, end, code=code)

    @cached_property
    def has_code(self) -> bool:
        """Whether the inline has a code span (else text with and without code is the same)."""
        return any(piece.kind == "code_inline" for piece in self.inline.pieces)


def _plain(inline: Inline, start: int, end: int, *, code: bool = True) -> str:
    parts: list[str] = []
    for piece in inline.pieces:
        if piece.end <= start or piece.start >= end:
            continue
        if piece.kind == "code_inline" and not code:
            parts.append(CODE)
        elif piece.kind in ("text", "text_special", "code_inline"):
            text = piece.text
            if piece.kind == "text" and len(text) == piece.end - piece.start:
                text = text[max(start - piece.start, 0) : end - piece.start]
            elif piece.start < start:
                continue
            parts.append(text)
        elif piece.start >= start and (
            piece.kind in ("softbreak", "hardbreak")
            or (piece.kind == "html_inline" and _BREAK.fullmatch(piece.text))
        ):
            parts.append(" ")
    return " ".join("".join(parts).split())


def _mask(inline: Inline, by_start: dict[tuple[int, int], Link]) -> _Masked:
    chars = list(inline.content)
    links: dict[int, Link] = {}
    ends: dict[int, int] = {}
    depth = 0
    for piece in inline.pieces:
        if piece.kind == "link_close":
            depth -= 1
            continue
        if piece.kind not in ("link_open", "image"):
            continue
        if piece.kind == "link_open":
            depth += 1
            if depth > 1:
                continue
        elif depth > 0:
            continue
        span = inline.span(piece.start, piece.end)
        link = by_start.get((span.line, span.column))
        if link is None:
            continue
        links[piece.start] = link
        ends[piece.start] = piece.end
        mark = BADGE if link.image or link.has_image else LINK
        chars[piece.start : piece.end] = mark * (piece.end - piece.start)
    _mask_html(inline, chars)
    for (
        piece
    ) in inline.pieces:  # a line break inside a link must stay one, to keep line checks right
        if piece.kind == "softbreak":
            chars[piece.start : piece.start + 1] = "\n"
    return _Masked(inline, "".join(chars), links, ends)


def _mask_html(inline: Inline, chars: list[str]) -> None:
    """Mask metadata elements (``<kbd>★ 3k</kbd>``) as META; make each ``<br>`` a line break."""
    pieces = inline.pieces
    closings: dict[str, list[int]] = {}  # element name -> indexes of its closing tags, in order
    for index, piece in enumerate(pieces):
        if piece.kind == "html_inline" and (closing := _CLOSING_TAG.match(piece.text)):
            closings.setdefault(closing.group(1).lower(), []).append(index)
    for index, piece in enumerate(pieces):
        if piece.kind != "html_inline" or chars[piece.start : piece.start + 1] != ["<"]:
            continue
        if _BREAK.fullmatch(piece.text):
            chars[piece.start : piece.end] = "\n" + " " * (piece.end - piece.start - 1)
            continue
        opening = _META_OPEN.match(piece.text)
        if opening is None:
            continue
        end = piece.end
        name = opening.group(1).lower()
        if name != "img" and not piece.text.endswith("/>"):
            later = closings.get(name, [])
            found = bisect_right(later, index)  # the first closing tag after this one
            if found < len(later):
                end = pieces[later[found]].end
        chars[piece.start : end] = META * (end - piece.start)


class _Parts(Struct):
    """Offsets of an entry's parts in its masked inline."""

    extra_start: int
    description_start: int
    description_end: int
    separator: str
    title_gap: tuple[int, int] | None
    gaps: list[tuple[int, int]]
    metadata: list[tuple[int, int]] = field(default_factory=list)
    byline: tuple[int, int] | None = None


def _link_zone(masked: _Masked, offset: int, bracketed_only: bool) -> tuple[int, list[int]]:
    """Skip link groups after ``offset``: ``[[label](url)]`` runs, badges and bare extra links.

    Returns the offset after the zone and the start offsets of the links in it. With
    ``bracketed_only``, plain links count only inside ``[...]`` (a list item's description may
    start with a link).
    """
    text = masked.text
    position = offset
    found: list[int] = []
    end = position
    while position < len(text):
        char = text[position]
        if char in _PLACEHOLDERS:
            bracketed = position > 0 and text[:position].rstrip(" \t").endswith("[")
            if char == LINK and bracketed_only and not bracketed and not found:
                after = masked.ends.get(position, position + 1)
                if not _DASH_AFTER.match(text, after):  # ``[name](u) [crate](u) - Desc``
                    break
            found.append(position)
            position = masked.ends.get(position, position + 1)
            end = position
            continue
        if char in _GROUP_PUNCTUATION and char not in "()":
            if char == "[" and not _opens_group(text, position):
                break
            position += 1
            if char == "]":
                end = position
            continue
        break
    return (end if found else offset), found


def _opens_group(text: str, position: int) -> bool:
    rest = text[position + 1 :].lstrip(" [")
    return bool(rest) and rest[0] in _PLACEHOLDERS


def _marker_zone(text: str, position: int) -> tuple[int, list[tuple[int, int]]]:
    """Skip the markers after a name (see :data:`_MARKER`); their offsets, and where they end."""
    found: list[tuple[int, int]] = []
    end = position
    while True:
        start = end
        while start < len(text) and text[start] in " \t\u00a0":
            start += 1
        marker = _MARKER.match(text, start)
        stop = marker.end() if marker else start
        if marker is None:
            while stop < len(text) and _symbol(text[stop]):
                stop += 1
        if stop == start or (stop < len(text) and not text[stop].isspace() and text[stop] != ":"):
            return end, found
        found.append((start, stop))
        end = stop


def _split(masked: _Masked, name_end: int, bracketed_only: bool) -> _Parts:
    """Find the link groups, separator and description after a name that ends at ``name_end``."""
    text = masked.text
    zone_end, found = _link_zone(masked, name_end, bracketed_only)
    title_gap = None
    if found:
        first = found[0]
        gap_start = name_end
        bracket = text.rfind("[", name_end, first)
        title_gap = (
            gap_start,
            bracket if bracket >= 0 and not text[bracket:first].strip("[ ") else first,
        )
    gaps = []
    for before, after in pairwise(found):
        gaps.append((masked.ends[before], after))
    rest_start, metadata = _marker_zone(text, zone_end)
    while joined := _JOINED.match(text, rest_start):  # ``[xlwt](u) / [xlrd](u)：Desc``
        link_end = masked.ends.get(joined.end(), joined.end() + 1)
        if not (_SEPARATOR_AHEAD.match(text, link_end) or not text[link_end:].strip()):
            break  # a second name ends the item (``[A](u) and [B](v)``) or is followed by one
        rest_start, markers = _marker_zone(text, link_end)
        metadata.extend(markers)
    match = _SEPARATOR.match(text, rest_start)
    separator = masked.inline.content[match.start() : match.end()] if match else ""
    description_start = match.end() if match else rest_start
    tags = _LEADING_TAGS.match(text, description_start)
    if tags and match and match.group(1):
        following = _SEPARATOR.match(text, tags.end())
        if following and following.group(1):
            metadata.append((tags.start(), len(text[: tags.end()].rstrip())))
            description_start = following.end()
    elif match and match.group(1) and (bare := _BARE_LEADING_TAGS.match(text, description_start)):
        metadata.append((bare.start(), len(text[: bare.end()].rstrip())))
        description_start = bare.end()
    description_end = len(text.rstrip())
    while description_end > description_start:  # trailing link groups, badges and tags
        window = max(description_start, description_end - _TAIL_WINDOW)
        start = _trailing_start(text[window:description_end])
        if start is None:
            break
        metadata.append((window + start, description_end))
        description_end = max(len(text[: window + start].rstrip()), description_start)
    for newline in _NAVIGATION.finditer(text, description_start, description_end):
        link = masked.links.get(newline.end())
        if link is not None and is_in_page(link):  # ``**[⬆ back to top](#contents)**``
            description_end = len(text[: newline.start()].rstrip())
            break
    byline = None
    if _BYLINE.match(text, description_start):
        byline = (description_start, description_end)
        description_start = description_end
    described = text[description_start:description_end]
    labels = [
        link.text.split()
        for start, link in masked.links.items()
        if description_start <= start < description_end
    ]
    if (
        not any(char.isalnum() for char in described) and all(len(label) < 3 for label in labels)
    ) or _PLACEHOLDER.fullmatch(masked.plain(description_start, description_end)):
        # labelled links, emoji or ``N/A`` alone: ``[Name](u) | [website](u)``; a link whose
        # text is a sentence (a paper's title) is a description
        if described.strip():
            metadata.append((description_start, description_end))
        description_start = description_end
    if description_start >= description_end:
        separator = ""
    return _Parts(
        name_end, description_start, description_end, separator, title_gap, gaps, metadata, byline
    )


def _name_of_mention(masked: _Masked, primary: int | None) -> tuple[str, int, int]:
    """The name of an entry whose link (at ``primary``, or in another cell) follows other text,
    with its content offsets.

    The link's text when the words before it are a label ending with a colon (``**START HERE**:
    [Title](u)``, ``- [ ] Good intro: [Title](u)``); else the first bold text with letters before
    the link (``**Title** (2015) [[pdf]](u)``, ``**[1]** Authors. "**Title**."``); else the first
    cell with letters of a ``|``-separated line (``**2016-12** | Title | *Authors* | [Venue](u)``);
    else the words before the link and its text (``Meetup [Egypt](u)``).
    """
    text = masked.text
    before = len(text) if primary is None else primary
    if primary is not None and _LABEL_END.search(masked.plain(0, primary)):
        link = masked.links[primary]  # ``**START HERE**: [Title](u)``, ``Good intro: [Title](u)``
        if any(char.isalpha() for char in link.text) and link.text.strip().casefold() not in (
            RESOURCE_LABELS
        ):
            return link.text.strip(), primary, masked.ends[primary]
    inside, first = False, -1
    words: list[str] = []
    for piece in masked.inline.pieces:
        if piece.kind == "link_open" and piece.start >= before:
            break
        if piece.kind == "strong_open":
            inside, first = True, -1
            words = []
        elif piece.kind == "strong_close" and inside:
            inside = False
            joined = "".join(words)
            if any(char.isalpha() for char in joined):
                return joined.strip(" .,;:\"'\u201c\u201d"), first, first + len(joined)
        elif inside and piece.kind in ("text", "code_inline") and piece.text:
            first = piece.start if first < 0 else first
            words.append(piece.text)
    leading = _MENTION_LEAD.match(text)  # ``- [ ] List of problems: [Title](u)``
    lead = leading.end() if leading else 0
    if "|" in text[:before]:
        offset = lead
        for cell in text[lead:before].split("|"):
            plain = masked.plain(offset, offset + len(cell)).strip(" *_")
            if any(char.isalpha() for char in plain):
                start = offset + len(cell) - len(cell.lstrip(" *_"))
                return plain, start, start + len(cell.strip(" *_"))
            offset += len(cell) + 1
    end = len(text.rstrip()) if primary is None else masked.ends[primary]
    return masked.plain(lead, end).strip(" -\u2013\u2014:|,;"), lead, end


class _Finder:
    """Finds the entries of one document."""

    def __init__(self, doc: Blocks) -> None:
        self.doc = doc
        self.by_start = {(link.span.line, link.span.column): link for link in doc.links}
        self.by_item: dict[ListItem, Entry] = {}

    def links_in(self, masked: _Masked) -> tuple[Link, ...]:
        return tuple(link for start, link in sorted(masked.links.items()) if not link.image)

    def list_entry(self, item: ListItem) -> Entry | None:
        paragraph = item.paragraph
        if paragraph is None:
            return None
        entry = self.linked_entry(paragraph, item)
        if entry is not None and _is_resource_of(entry) and self.has_parent(item):
            return None  # ``- [App Store](url)`` under an app: the app's metadata
        if entry is not None:
            self.by_item[item] = entry
        return entry

    def parent_entry(self, item: ListItem | None) -> Entry | None:
        """The entry of the list item ``item`` is nested in, if that item is one."""
        return self.by_item.get(item.parent) if item is not None and item.parent else None

    def has_parent(self, item: ListItem) -> bool:
        """Whether a list item is a sub-item of something: another list item of any form, or an
        HTML block whose list it opens (``<details><summary><a href="…">name</a></summary>``)."""
        if item.parent is not None:
            return True
        start = next(
            (first for first, last in self.doc.lists if first <= item.span.line <= last), 0
        )
        before = start - 1
        while before > 0 and not self.doc.line(before).strip():
            before -= 1
        return before > 0 and bool(_HTML_PARENT.search(self.doc.line(before)))

    def linked_entry(self, paragraph: Paragraph, item: ListItem | None) -> Entry | None:
        """The entry of a list item's or a blockquote's paragraph: named by a leading link, or
        (in a list item) mentioning one."""
        masked = _mask(paragraph.inline, self.by_start)
        text = masked.text
        lead = _LEADING.match(text)
        position = lead.end() if lead else 0
        emphasis = _EMPHASIS.match(text, position)
        marks = emphasis.group(1) if emphasis and emphasis.group(1) else ""
        position += len(marks)
        if position >= len(text) or text[position] != LINK:
            return self.mention(masked, paragraph, item) if item is not None else None
        primary = masked.links[position]
        if is_in_page(primary):
            return None
        name_end = masked.ends[position]
        if marks and text.startswith(marks, name_end):
            name_end += len(marks)
        parts = _split(masked, name_end, bracketed_only=True)
        return self.entry_from_parts(
            item, paragraph, masked, primary, parts, bold=marks in ("**", "__")
        )

    def mention(
        self, masked: _Masked, paragraph: Paragraph, item: ListItem | None = None
    ) -> Entry | None:
        """A ``mention`` entry: the first link to elsewhere in text that does not start with it."""
        primary = _first_web_link(masked)
        if primary is None or is_note(masked.plain(0, primary)):
            return None
        if _prose(masked, primary):
            return None  # ``Use [mtr](url) as a better traceroute``: a sentence, not an entry
        name, start, end = _name_of_mention(masked, primary)
        inline = paragraph.inline
        span = item.span if item is not None else paragraph.span
        return Entry(
            style="mention",
            name=name,
            name_span=inline.span(start, end),
            link=masked.links[primary],
            links=self.links_in(masked),
            description="",
            description_span=None,
            span=span,
            section=self.doc.section_at(span.line),
            list_item=item,
            paragraph=paragraph,
            parent=self.parent_entry(item),
        )

    def entry_from_parts(
        self,
        item: ListItem | None,
        paragraph: Paragraph,
        masked: _Masked,
        primary: Link,
        parts: _Parts,
        *,
        bold: bool,
    ) -> Entry:
        inline = paragraph.inline
        description_start = parts.description_start
        part_of = None
        found = _PART_OF.match(masked.text, description_start)
        if found and found.start() == description_start:
            part_of = found.group(1).strip()
            description_start = found.end()
        description = masked.plain(description_start, parts.description_end)
        has_description = description_start < parts.description_end and bool(description)
        parent_item = item.parent if item else None
        parent = self.parent_entry(item)
        group = None
        if parent_item is not None and parent is None and parent_item.paragraph is not None:
            group = parent_item.paragraph.inline.plain_text.strip() or None
        separator_span = None
        if parts.separator:
            separator_span = inline.span(
                parts.description_start - len(parts.separator), parts.description_start
            )
        span = item.span if item else paragraph.span
        return Entry(
            style="list" if item else "quote",
            name=primary.text.strip(),
            name_span=primary.text_span or primary.span,
            link=primary,
            links=self.links_in(masked),
            description=description if has_description else "",
            description_span=inline.span(description_start, parts.description_end)
            if has_description
            else None,
            span=span,
            section=self.doc.section_at(span.line),
            list_item=item,
            paragraph=paragraph,
            bold=bold,
            separator=parts.separator if has_description or part_of else "",
            separator_span=separator_span if has_description or part_of else None,
            description_layout=_layout(inline, parts.extra_start, description_start)
            if has_description
            else "none",
            title_gap=None,
            link_gaps=tuple(
                (masked.inline.content[start:end], inline.span(start, end))
                for start, end in parts.gaps
            ),
            part_of=part_of,
            parent=parent,
            group=group,
            description_prose=masked.plain(description_start, parts.description_end, code=False)
            if masked.has_code
            else description,
            metadata=_metadata(masked, parts.metadata),
            byline=masked.plain(*parts.byline) if parts.byline else "",
        )

    def quote_entries(self) -> Iterator[Entry]:
        """Blockquote paragraphs that start with a link (awesome-java's generated list)."""
        for paragraph in self.doc.paragraphs:
            if paragraph.in_quote and not paragraph.in_list:
                entry = self.linked_entry(paragraph, None)
                if entry is not None:
                    yield entry

    def citation_entries(self) -> Iterator[Entry]:
        """Numbered citation paragraphs: ``**[1]** Authors. "**Title**." Venue. [[pdf]](url)``."""
        for paragraph in self.doc.paragraphs:
            if paragraph.in_list or paragraph.in_quote:
                continue
            masked = _mask(paragraph.inline, self.by_start)
            if _CITATION.match(masked.text):
                entry = self.mention(masked, paragraph)
                if entry is not None:
                    yield entry

    def bold_entries(self) -> Iterator[Entry]:
        paragraphs = [p for p in self.doc.paragraphs if not p.in_list and not p.in_quote]
        for index, paragraph in enumerate(paragraphs):
            masked = _mask(paragraph.inline, self.by_start)
            text = masked.text
            if not (text.startswith("**") or text.startswith("__")):
                continue
            close = text.find(text[:2], 2)
            if close < 0 or any(c in _PLACEHOLDERS for c in text[2:close]):
                continue
            name_end = close + 2
            note = _TITLE_NOTE.match(text, name_end)
            parts = _split(masked, note.end() if note else name_end, bracketed_only=False)
            if parts.title_gap is None:
                continue  # no link group after the title: bold prose, not an entry
            links = tuple(link for link in self.links_in(masked) if not is_in_page(link))
            if not links:
                continue
            inline = paragraph.inline
            description = masked.plain(parts.description_start, parts.description_end)
            prose = masked.plain(parts.description_start, parts.description_end, code=False)
            layout: DescriptionLayout = "none"
            description_span = None
            span = paragraph.span
            if description:
                description_span = inline.span(parts.description_start, parts.description_end)
                layout = _layout(inline, name_end, parts.description_start)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if following is not None and self.is_description(following, paragraph):
                # text on the title line is then a note on the title, e.g. ``(and other papers)``
                description = following.inline.plain_text.strip()
                prose = _plain(following.inline, 0, len(following.inline.content), code=False)
                description_span = following.span
                layout = "below"
                span = Span(
                    span.line, span.column, following.span.end_line, following.span.end_column
                )
            gap = parts.title_gap
            yield Entry(
                style="bold-title",
                name=masked.plain(2, close).strip(),
                name_span=inline.span(2, close),
                link=links[0],
                links=links,
                description=description,
                description_span=description_span,
                span=span,
                section=self.doc.section_at(paragraph.span.line),
                paragraph=paragraph,
                bold=True,
                separator=parts.separator if layout in ("inline", "next-line") else "",
                separator_span=(
                    inline.span(
                        parts.description_start - len(parts.separator), parts.description_start
                    )
                    if layout in ("inline", "next-line")
                    else None
                ),
                description_layout=layout,
                title_gap=inline.content[gap[0] : gap[1]] if gap else None,
                title_gap_span=inline.span(gap[0], gap[1]) if gap else None,
                link_gaps=tuple(
                    (inline.content[start:end], inline.span(start, end))
                    for start, end in parts.gaps
                ),
                description_prose=prose,
                metadata=_metadata(masked, parts.metadata),
            )

    def is_description(self, paragraph: Paragraph, title: Paragraph) -> bool:
        """Whether ``paragraph`` is the description of the bold title paragraph ``title``."""
        text = paragraph.inline.content.lstrip()
        if text.startswith("**") or text.startswith("__"):
            return False
        between = range(title.span.end_line + 1, paragraph.span.line)
        if any(n in self.doc.code_lines or self.doc.line(n).strip() for n in between):
            return False
        return self.doc.section_at(paragraph.span.line) is self.doc.section_at(title.span.line)

    def table_entry(self, row: TableRow) -> Entry | None:
        if row.header or not row.cells:
            return None
        masks = [_mask(cell, self.by_start) for cell in row.cells]
        for position, masked in enumerate(masks):
            stripped = masked.text.strip()
            if not stripped or stripped[0] != LINK:
                if stripped:
                    return self.row_mention(row, masks)
                continue
            start = len(masked.text) - len(masked.text.lstrip())
            primary = masked.links[start]
            if is_in_page(primary):
                return None
            links = tuple(link for m in masks for link in self.links_in(m))
            rest = masks[position + 1 : position + 2]
            description, prose, description_span = "", "", None
            metadata: list[tuple[int, int]] = []
            if rest:
                cell = rest[0]
                content = cell.text
                lead = len(content) - len(content.lstrip())
                parts = _split(cell, lead, bracketed_only=True)
                description = cell.plain(parts.description_start, parts.description_end)
                prose = cell.plain(parts.description_start, parts.description_end, code=False)
                if description:
                    description_span = cell.inline.span(
                        parts.description_start, parts.description_end
                    )
                metadata = parts.metadata
            return Entry(
                style="table",
                name=primary.text.strip(),
                name_span=primary.text_span or primary.span,
                link=primary,
                links=links,
                description=description,
                description_span=description_span,
                span=row.span,
                section=self.doc.section_at(row.span.line),
                row=row,
                separator=" | " if description else "",
                description_layout="inline" if description else "none",
                description_prose=prose,
                metadata=_metadata(rest[0], metadata) if rest else (),
            )
        return None

    def row_mention(self, row: TableRow, masks: list[_Masked]) -> Entry | None:
        """A row that names the entry in text and links it in a later cell: the name is the
        first cell with letters (``| 1) **MusicGen** - … | [Paper](url) |``, not a date), or the
        link's text when a linked title is its cell's whole text (``| 2017-06 | Transformers |
        [Attention Is All You Need](url) |``)."""
        for masked in masks:
            primary = _first_web_link(masked)
            if primary is None:
                continue
            link = masked.links[primary]
            alone = (
                not masked.text[:primary].strip()
                and not masked.text[masked.ends[primary] :].strip()
            )
            if alone and len(link.text.split()) >= 3:  # the cell is a linked title: the name
                name, name_span = link.text.strip(), link.text_span or link.span
            else:
                title = next((m for m in masks if any(c.isalpha() for c in m.text)), masks[0])
                name, start, end = _name_of_mention(title, primary if title is masked else None)
                name_span = title.inline.span(start, end)
            number = _CELL_NUMBER.match(name)
            name = name[number.end() :] if number else name
            if len(name) > 80:  # a title cell with the summary run on: its first words
                name = name[:80].rsplit(" ", 1)[0]
            return Entry(
                style="mention",
                name=name,
                name_span=name_span,
                link=link,
                links=tuple(found for m in masks for found in self.links_in(m)),
                description="",
                description_span=None,
                span=row.span,
                section=self.doc.section_at(row.span.line),
                row=row,
            )
        return None


def _html_entries(doc: Blocks, covered: set[int]) -> Iterator[Entry]:
    """Lines in a section that start with an HTML link to elsewhere and a description, outside
    code and the other entries (the-book-of-secret-knowledge): ``mention`` entries named by the
    link's text."""
    for number, line in enumerate(doc.lines, start=1):
        if number in doc.code_lines or number in covered or "<a" not in line:
            continue
        section = doc.section_at(number)
        match = _HTML_ENTRY.match(line)
        name = html.unescape(_TAG.sub("", match["label"])).strip() if match else ""
        if match is None or not name or section is None or section.heading.level < 2:
            continue  # an image link (a badge) names nothing; sponsors stand under the title
        url = match["url"]
        link = Link(
            kind="html",
            text=name,
            destination=url,
            url=url,
            span=Span(number, match.end("lead") + 1, number, match.end() + 1),
            text_span=Span(number, match.start("label") + 1, number, match.end("label") + 1),
            destination_span=Span(number, match.start("url") + 1, number, match.end("url") + 1),
            reference=None,
            image=False,
            has_image=False,
            block="paragraph",
        )
        yield Entry(
            style="mention",
            name=name,
            name_span=link.text_span or link.span,
            link=link,
            links=(link,),
            description="",
            description_span=None,
            span=Span(number, 1, number, len(line) + 1),
            section=section,
        )


def _first_web_link(masked: _Masked) -> int | None:
    """Where the first link to a web page starts (not an image, a badge, a bare URL or a file
    of the repository: a note ``Full list - https://…`` or a sentence that links
    ``CONTRIBUTING.md`` mentions no entry)."""
    return next(
        (
            start
            for start, link in sorted(masked.links.items())
            if not link.image
            and not link.has_image
            and link.kind in ("inline", "reference")
            and _WEB.match(link.destination)
        ),
        None,
    )


def _prose(masked: _Masked, primary: int) -> bool:
    """Whether the link is mentioned by a sentence rather than listed.

    A citation or an entry ends with its links, notes in parentheses, tags or a separated
    description (``Meetup [Egypt](url)``, ``**Title** (2015) [[pdf]](url)``); a sentence goes
    on after its link (``Use [mtr](url) as a better traceroute``) or leads up to it in plain
    words (``Set the constraint where applicable to [improve performance](url).``), where a
    listed title is bold, in cells, or labelled (``2015-CVPR - Title. [[Paper]](url)``).
    """
    text, link_end = masked.text, masked.ends[primary]
    line_end = text.find("\n", link_end)
    tail = text[link_end : line_end if line_end >= 0 else len(text)]
    if not _SEPARATOR_AHEAD.match(tail):
        tail = _TAIL_NOTES.sub(" ", tail)
        if sum(1 for char in tail if char.isalpha()) >= _PROSE_LETTERS:
            return True
    before = text[:primary]
    label = masked.links[primary].text.strip()
    styled = "**" in before or "__" in before or "|" in before or before.rstrip().endswith("[")
    labelled = label.startswith("[") or label[:1].isupper()  # ``[[pdf]](url)``, ``[Paper](url)``
    return not styled and not labelled and len(before.split()) >= _PROSE_WORDS


_WEB = re.compile(r"https?://", re.IGNORECASE)
_TAIL_NOTES = re.compile(rf"\([^()]*\)|\[[^\[\]]*\]|:[a-z0-9_+-]+:|[{_MASKED}]|`[^`]*`")
_PROSE_LETTERS = 6
_PROSE_WORDS = 6


def _is_resource_of(entry: Entry) -> bool:
    """Whether a sub-item entry only links a resource of its parent (store page, demo, docs, a
    course's lecture notes): its text is a resource label, or words of a course's materials,
    and it has no description but notes in parentheses (``- [Conda](url) (📥 370K · ⏱️
    22.04.2025):``)."""
    label = " ".join(_NOT_WORD.sub(" ", entry.name).split()).casefold()  # `\uf8ff App Store`
    described = _NOT_WORD.sub("", _NOTES.sub("", entry.description)).strip()
    resource = label in RESOURCE_LABELS or _COURSE_MATERIAL_WORDS.issuperset(label.split())
    return entry.style == "list" and not described and bool(label) and resource


def _metadata(masked: _Masked, ranges: list[tuple[int, int]]) -> tuple[str, ...]:
    """The text a reader sees of each metadata range (the content of ``<kbd>``, a tag's words)."""
    found: list[str] = []
    for start, end in sorted(ranges):
        text = masked.plain(start, end)
        if not text:
            text = "".join(
                piece.text
                for piece in masked.inline.pieces
                if start <= piece.start < end and piece.kind == "text"
            ).strip()
        tags = _BRACKETED.findall(text)
        if tags and _BRACKETED.sub("", text).strip() == "":
            found.extend(tag.strip() for tag in tags)
        elif text:
            found.append(text)
    return tuple(found)


def _layout(inline: Inline, title_offset: int, description_offset: int) -> DescriptionLayout:
    title_line = inline.span(title_offset, title_offset).line
    return (
        "inline"
        if inline.span(description_offset, description_offset).line == title_line
        else "next-line"
    )


def find_entries(doc: Blocks) -> tuple[Entry, ...]:
    """Every entry of the document, in source order."""
    finder = _Finder(doc)
    found: list[Entry] = []
    for item in doc.list_items:  # parents come before their children
        entry = finder.list_entry(item)
        if entry is not None:
            found.append(entry)
    found.extend(finder.quote_entries())
    found.extend(finder.citation_entries())
    found.extend(finder.bold_entries())
    for row in doc.table_rows:
        row_entry = finder.table_entry(row)
        if row_entry is not None:
            found.append(row_entry)
    covered = {n for e in found for n in range(e.span.line, e.span.end_line + 1)}
    found.extend(_html_entries(doc, covered))
    return tuple(sorted(found, key=lambda e: (e.span.line, e.span.column)))

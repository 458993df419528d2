"""How a TOC entry's text compares with its heading's: what a reader sees of each, and the
conventions a TOC keeps consistently (a case style, a dropped prefix such as ``Tool: ``)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping

from msgspec import Struct

from listlint.model.nodes import Heading, Link, Piece
from listlint.model.toc import SHORTCODE, TocItem

CASE_MAJORITY = 0.8
AFFIX_MAJORITY = 0.8  # share of the entries for `Tool: x` headings that must drop `Tool: `

_TEXT_ESCAPES = str.maketrans({"[": "\\[", "]": "\\]", "\\": "\\\\"})


def comparable(text: str) -> str:
    """Text as a reader compares it: no emoji or ``:shortcodes:``, spaces collapsed."""
    text = SHORTCODE.sub("", text)
    kept = "".join(
        c for c in text if unicodedata.category(c) not in ("So", "Sk", "Cf", "Mn") or c.isalnum()
    )
    return " ".join(kept.split())


def visible_pieces(heading: Heading, hidden: Iterable[Link]) -> Iterator[Piece]:
    """The pieces of a heading, without the links in ``hidden`` (a "back to top" link)."""
    spans = {link.span for link in hidden}
    depth = 0
    for piece in heading.inline.pieces:
        if depth:
            depth += (piece.kind == "link_open") - (piece.kind == "link_close")
            continue
        if piece.kind == "link_open" and heading.inline.span(piece.start, piece.end) in spans:
            depth = 1
            continue
        yield piece


def heading_title(heading: Heading, hidden: Iterable[Link] = ()) -> str:
    """What a reader sees of a heading, links in ``hidden`` left out."""
    parts: list[str] = []
    for piece in visible_pieces(heading, hidden):
        if piece.kind in ("text", "text_special", "code_inline"):
            parts.append(piece.text)
        elif piece.kind in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def heading_label(heading: Heading, hidden: Iterable[Link] = ()) -> str:
    """A heading's text written as Markdown link text: code, emphasis and escapes kept, no HTML,
    links in ``hidden`` left out."""
    parts: list[str] = []
    for piece in visible_pieces(heading, hidden):
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


class TextStyle(Struct, frozen=True):
    """How a TOC writes its entries' texts, learned from the entries that lead to headings.

    ``same``/``case_differs`` count entries equal to their heading's text exactly / only when case
    is ignored; ``prefixes`` and ``suffixes`` (casefolded) are parts of heading texts the TOC
    consistently leaves out (``tool: `` when `[tar](#tool-tar)` lists `## Tool: tar`).
    """

    same: int
    case_differs: int
    prefixes: frozenset[str]
    suffixes: frozenset[str]

    @property
    def strict_case(self) -> bool:
        """True when nearly all entries keep their heading's case, so a case change is a slip."""
        total = self.same + self.case_differs
        return total > 0 and self.same >= CASE_MAJORITY * total

    def shortened(self, title: str) -> str:
        """``title`` (comparable text) without the prefix or suffix this TOC leaves out."""
        folded = title.casefold()
        for prefix in self.prefixes:
            if folded.startswith(prefix) and len(folded) > len(prefix):
                return title[len(prefix) :].strip()
        for suffix in self.suffixes:
            if folded.endswith(suffix) and len(folded) > len(suffix):
                return title[: len(title) - len(suffix)].strip()
        return title

    def differs(self, entry: str, title: str) -> bool:
        """True when an entry's text is not its heading's title in this TOC's style."""
        entry, title = comparable(entry), comparable(title)
        if entry in (title, self.shortened(title)):
            return False
        if entry.casefold() in (title.casefold(), self.shortened(title).casefold()):
            return self.strict_case
        return True


def text_style(pairs: Mapping[TocItem, str]) -> TextStyle:
    """The style of entries (each with the title of its heading)."""
    same = case_differs = 0
    prefixes: Counter[str] = Counter()
    suffixes: Counter[str] = Counter()
    for item, title in pairs.items():
        entry, title = comparable(item.text), comparable(title)
        folded, folded_title = entry.casefold(), title.casefold()
        if entry == title:
            same += 1
        elif folded == folded_title:
            case_differs += 1
        elif folded and folded_title.endswith(folded):
            prefixes[folded_title[: -len(folded)]] += 1
        elif folded and folded_title.startswith(folded):
            suffixes[folded_title[len(folded) :]] += 1
    titles = [comparable(title).casefold() for title in pairs.values()]
    return TextStyle(
        same,
        case_differs,
        _consistent(prefixes, lambda affix: sum(t.startswith(affix) for t in titles)),
        _consistent(suffixes, lambda affix: sum(t.endswith(affix) for t in titles)),
    )


def _consistent(dropped: Counter[str], having: Callable[[str], int]) -> frozenset[str]:
    """The affixes dropped at least twice, by nearly every entry whose heading has them."""
    return frozenset(
        affix
        for affix, count in dropped.items()
        if affix.strip() and count >= 2 and count >= AFFIX_MAJORITY * having(affix)
    )


def look_alikes(entry: str, title: str) -> str:
    """How two texts of the same length differ when the difference is letters of other scripts
    that look alike (Latin `c` for Cyrillic `с`); empty otherwise."""
    if len(entry) != len(title) or entry == title:
        return ""
    pairs = [(a, b) for a, b in zip(entry, title, strict=True) if a != b]
    if len(pairs) > 3 or not all(a.isalpha() and b.isalpha() for a, b in pairs):
        return ""
    if any(_script(a) == _script(b) for a, b in pairs):
        return ""
    return ", ".join(
        f"`{a}` (U+{ord(a):04X} {unicodedata.name(a, '?')}) where the heading has "
        f"`{b}` (U+{ord(b):04X} {unicodedata.name(b, '?')})"
        for a, b in dict.fromkeys(pairs)
    )


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0]

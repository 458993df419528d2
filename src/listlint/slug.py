"""GitHub-compatible heading anchors (slugs), matching github-slugger 2.0.

A heading's rendered text is lowercased with full Unicode case mapping, every
character of a dropped category is removed, and each ASCII space becomes ``-``.
Behaviours that are easy to get wrong, confirmed by the github-slugger
fixtures (recorded from github.com) unless said otherwise:

* There is no trimming or collapsing: ``" a "`` gives ``-a-`` and
  ``"a - b"`` gives ``a---b``.
* Only the ASCII space turns into ``-``. Other spaces (NBSP, U+3000, ...),
  line and paragraph separators, tabs and other control characters are
  dropped.
* Punctuation is dropped except ``-`` and connector punctuation (``_``,
  ``‿``, ...). Other dash characters (en dash, em dash) are also dropped.
* Decimal digits (Nd) and letter numbers (Nl, e.g. Roman numeral Ⅻ, lowercased
  to ⅻ) are kept. Other numbers (No: ``²``, ``½``, ``①``) are dropped.
* All symbols are dropped, emoji included. The exceptions are symbols with
  the Unicode *Alphabetic* property: circled and squared Latin letters. The
  fixtures show circled small letters (``ⓔ``) kept. The other ranges, and
  ``Ⓐ`` becoming ``ⓐ``, follow from github-slugger's regex generator, which
  takes Alphabetic code points out of the dropped set. ``unicodedata`` has no
  Alphabetic property, so these four ranges are encoded in
  ``_ALPHABETIC_SYMBOLS``.
* Format characters are dropped, ZWJ and ZWNJ included.
* Lowercasing can make the text longer: ``İ`` becomes ``i`` followed by
  U+0307 COMBINING DOT ABOVE (a kept mark).
* Repeats: each slug is recorded. If a heading's slug is already taken, a
  counter for that base slug goes up until ``base-N`` is free. The chosen slug
  is also recorded. So ``foxtrot-1, foxtrot, foxtrot`` gives ``foxtrot-2``
  for the third heading, and ``echo, echo, echo 1`` gives ``echo-1-1``.

Known divergence: github-slugger 2.0 uses Unicode 13 data. This module uses
the running Python's ``unicodedata`` (13.0 on Python 3.10, 14.0 on 3.11, 15.x
on 3.12 and 3.13). Letters assigned after Unicode 13 are therefore kept here,
and github-slugger drops them. The fixtures do not cover such characters, and
github.com itself may use newer Unicode data (not checked).
"""

import unicodedata

__all__ = ["Slugger", "slugify"]

# General categories whose characters are removed from a slug.
_DROPPED_CATEGORIES = frozenset(
    {
        "No",
        "Pd", "Ps", "Pe", "Pi", "Pf", "Po",
        "Sm", "Sc", "Sk", "So",
        "Cc", "Cf", "Cs", "Co", "Cn",
        "Zs", "Zl", "Zp",
    }
)  # fmt: skip

# github-slugger keeps characters that have the Alphabetic property, even in a
# dropped category. In Unicode 14 these are exactly four ranges, all So.
_ALPHABETIC_SYMBOLS = (
    (0x24B6, 0x24E9),  # CIRCLED LATIN CAPITAL LETTER A .. SMALL LETTER Z
    (0x1F130, 0x1F149),  # SQUARED LATIN CAPITAL LETTER A .. Z
    (0x1F150, 0x1F169),  # NEGATIVE CIRCLED LATIN CAPITAL LETTER A .. Z
    (0x1F170, 0x1F189),  # NEGATIVE SQUARED LATIN CAPITAL LETTER A .. Z
)


def _is_kept(code: int) -> bool:
    """Tell whether a (lowercased) code point stays in a slug."""
    if unicodedata.category(chr(code)) not in _DROPPED_CATEGORIES:
        return True
    return code == 0x2D or any(lo <= code <= hi for lo, hi in _ALPHABETIC_SYMBOLS)


class _Table(dict[int, int | str | None]):
    """A ``str.translate`` table that fills itself one code point at a time."""

    def __missing__(self, code: int) -> int | str | None:
        value: int | str | None
        if code == 0x20:
            value = "-"
        else:
            value = code if _is_kept(code) else None
        self[code] = value
        return value


_TABLE = _Table()


def slugify(text: str) -> str:
    """Return the anchor for one heading's rendered text, without a repeat suffix."""
    return text.lower().translate(_TABLE)


class Slugger:
    """Give unique anchors to the headings of one document, as GitHub does."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        """Return the anchor for ``text``, with ``-1``, ``-2``, ... if already used."""
        base = slug = slugify(text)
        while slug in self._occurrences:
            self._occurrences[base] += 1
            slug = f"{base}-{self._occurrences[base]}"
        self._occurrences[slug] = 0
        return slug

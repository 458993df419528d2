"""HTML in Markdown: comments, and the anchors GitHub keeps (`<a name>`, `id=`), in linear time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Literal

_ANCHOR_ATTRIBUTE = re.compile(r"(?:id|name)\s*=", re.IGNORECASE)


def comments(content: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of each complete ``<!-- ... -->`` in ``content``, in linear time.

    (The regex ``<!--(.*?)-->`` rescans to the end for every unclosed ``<!--``: quadratic.)
    """
    position = 0
    while (start := content.find("<!--", position)) >= 0:
        end = content.find("-->", start + 4)
        if end < 0:
            return
        yield start, end + 3
        position = end + 3


class _AnchorFinder(HTMLParser):
    """Collects ``name``/``id`` attributes from an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, Literal["name", "id"]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "id" or (key == "name" and tag == "a")):
                self.found.append((value, "id" if key == "id" else "name"))


def anchor_tags(
    content: str, skipped: list[tuple[int, int]]
) -> Iterator[tuple[str, Literal["name", "id"], int]]:
    """(name, attribute, offset) of each anchor in ``content``, outside the ``skipped`` ranges.

    HTMLParser is quadratic on unclosed tags (``<a <a <a ...``), so it only ever sees one tag at a
    time: the text from one ``<`` to the next, and only when it has an ``id=`` or ``name=``.
    """
    finder = _AnchorFinder()
    ranges = iter(skipped)
    skip = next(ranges, None)
    position = content.find("<")
    while position >= 0:
        following = content.find("<", position + 1)
        while skip is not None and skip[1] <= position:
            skip = next(ranges, None)
        inside = skip is not None and skip[0] <= position
        tag = content[position : following if following >= 0 else len(content)]
        if not inside and _ANCHOR_ATTRIBUTE.search(tag):
            finder.reset()
            finder.found = []
            try:
                finder.feed(tag)
                finder.close()
            except (AssertionError, ValueError):  # HTMLParser rejects some malformed markup
                pass
            for name, attribute in finder.found:
                yield name, attribute, position
        position = following

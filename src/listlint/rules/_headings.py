"""Shared by the heading-structure rules (LL5xx): where the list's title is."""

from __future__ import annotations

import re

from listlint.model.nodes import Blocks, Heading, Link

_HTML_H1 = re.compile(r"<h1[\s>]", re.IGNORECASE)
_EMPTY_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]+#*)?[ \t]*")


def is_empty(doc: Blocks, heading: Heading) -> bool:
    """Whether ``heading`` is a lone ``###`` (not one made of an image or a badge)."""
    return not heading.text.strip() and bool(_EMPTY_ATX.fullmatch(doc.line(heading.span.line)))


def heading_links(doc: Blocks, heading: Heading) -> list[Link]:
    """The links inside ``heading``."""
    return [
        link
        for link in doc.links_on(heading.span.line, heading.span.end_line)
        if link.block == "heading"
    ]


def is_link_label(doc: Blocks, heading: Heading) -> bool:
    """Whether ``heading`` is only a link to a place in the document (``#### [Other](#other-1)``):
    a label of a table of contents written as a heading, not a section."""
    links = heading_links(doc, heading)
    return (
        len(links) == 1
        and links[0].fragment is not None
        and links[0].text.strip() == heading.text.strip() != ""
    )


def html_title_line(doc: Blocks) -> int | None:
    """The line of an HTML ``<h1>`` before the first ``#`` heading (a title written in HTML, as
    lists with a centred banner do), outside code; None when there is none."""
    first = next((h.span.line for h in doc.headings if h.level == 1), len(doc.lines) + 1)
    for number in range(1, first):
        if number not in doc.code_lines and _HTML_H1.search(doc.line(number)):
            return number
    return None


def is_title_like(doc: Blocks, heading: Heading) -> bool:
    """Whether a heading reads as a list's title: it names an awesome list or carries a badge."""
    badge = any(link.has_image or link.image for link in heading_links(doc, heading))
    return badge or "awesome" in heading.text.casefold()

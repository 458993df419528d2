"""Shared helpers of the link rules (LL1xx): masked inline text, URL shapes, known sites."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from functools import cached_property

from markdown_it.common.utils import normalizeReference
from msgspec import Struct

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.nodes import Inline, Link
from listlint.urls import http_host

LINK_MASK = "\x01"  # a parsed link (inline, reference, autolink) or an image
OPAQUE_MASK = "\x00"  # a code span, inline HTML, an escape or an entity

# A destination as people write it: a scheme, ``www.``, a fragment or a path.
URLISH = r"(?:[A-Za-z][A-Za-z0-9+.-]{1,9}:|www\.|#|\.{0,2}/)"
# `[Name(https://…)`: the `]` is missing. Reported by LL102, so LL101 leaves that `[` alone.
UNCLOSED_LABEL = re.compile(
    r"\[([^\[\]()\x00\x01\n]+)\(((?:https?://|www\.)[^\s()\[\]\x00\x01]*)\)"
)
_WHITESPACE = re.compile(r"\s")  # in str patterns, the characters str.isspace() accepts


def has_whitespace(text: str) -> bool:
    """Whether ``text`` holds any whitespace character."""
    return _WHITESPACE.search(text) is not None


class Masked(Struct, frozen=True, dict=True):
    """The inline content of one block with everything that is not literal text blanked out.

    ``text`` has the same length as the content: code spans, inline HTML, escapes and entities are
    replaced by ``OPAQUE_MASK``, parsed links and images by ``LINK_MASK``. Bare URLs (linkified
    text) stay visible in ``text``; their ranges are in ``bare``.
    """

    inline: Inline
    text: str
    links: tuple[tuple[int, int], ...]
    bare: tuple[tuple[int, int], ...]  # in order; bare URLs never overlap

    def span(self, start: int, end: int) -> Span:
        """File span of content offsets ``[start, end)``."""
        return self.inline.source.span(start, end)

    def in_bare(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a bare URL."""
        index = bisect.bisect_right(self._bare_starts, offset) - 1
        return index >= 0 and offset < self.bare[index][1]

    @cached_property
    def _bare_starts(self) -> list[int]:
        return [start for start, _ in self.bare]

    @cached_property
    def link_starts(self) -> dict[int, int]:
        """Start offset -> end offset of every parsed link."""
        return dict(self.links)

    @cached_property
    def link_ends(self) -> dict[int, int]:
        """End offset -> start offset of every parsed link."""
        return {end: start for start, end in self.links}


_OPAQUE_KINDS = frozenset({"code_inline", "html_inline", "text_special"})


def mask(inline: Inline) -> Masked:
    """Blank out everything in ``inline`` that is not literal text (see :class:`Masked`)."""
    chars = list(inline.content)
    links: list[tuple[int, int]] = []
    bare: list[tuple[int, int]] = []
    for piece in inline.pieces:
        if not piece.positioned:
            continue
        start, end = piece.start, piece.end
        if piece.kind == "link_open" and piece.markup == "linkify":
            bare.append((start, end))
            continue
        if piece.kind in ("link_open", "image"):
            if links and links[-1][0] <= start and end <= links[-1][1]:
                continue  # an image inside a link label (pieces come in order): already masked
            links.append((start, end))
            filler = LINK_MASK
        elif piece.kind in _OPAQUE_KINDS:
            filler = OPAQUE_MASK
        else:
            continue
        chars[start:end] = filler * (end - start)
    return Masked(inline, "".join(chars), tuple(links), tuple(sorted(bare)))


def block_inlines(doc: Document) -> Iterator[Inline]:
    """The inline content of every paragraph (list items included), heading and table cell."""
    for paragraph in doc.paragraphs:
        yield paragraph.inline
    for heading in doc.headings:
        yield heading.inline
    for row in doc.table_rows:
        yield from row.cells


def source_text(doc: Document, start: tuple[int, int], end: tuple[int, int]) -> str:
    """The file text between two 1-based (line, column) positions, lines joined by ``\\n``."""
    (line, column), (end_line, end_column) = start, end
    if line == end_line:
        return doc.line(line)[column - 1 : end_column - 1]
    parts = [doc.line(line)[column - 1 :]]
    parts.extend(doc.line(number) for number in range(line + 1, end_line))
    parts.append(doc.line(end_line)[: end_column - 1])
    return "\n".join(parts)


def raw_label(doc: Document, link: Link) -> str | None:
    """The link text exactly as written between the brackets."""
    if link.text_span is None:
        return None
    span = link.text_span
    return source_text(doc, (span.line, span.column), (span.end_line, span.end_column))


def reference_label(doc: Document, link: Link) -> str | None:
    """The normalised reference label a reference-style link uses (full, collapsed or shortcut)."""
    if link.kind != "reference":
        return None
    label = link.reference if link.reference else raw_label(doc, link)
    return normalize_label(label) if label is not None else None


def normalize_label(label: str) -> str:
    """A reference label as CommonMark compares them (case-folded, whitespace collapsed)."""
    return str(normalizeReference(label))


def short(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def link_markup(text: str) -> str:
    """How a link is shown in a message: ``[text](…)``."""
    return f"[{short(text, 30)}](…)"


def shown(link: Link) -> str:
    """How ``link`` is shown in a message: ``[text](…)``, ``[![…](…)](…)`` for a badge."""
    if link.image:
        return f"![{short(link.text, 30)}](…)"
    if not link.text.strip() and link.has_image:
        return "[![…](…)](…)"
    return link_markup(link.text)


class Destination(Struct, frozen=True):
    """A URL as written somewhere in the document: in a link, an autolink or a definition."""

    url: str
    span: Span
    link: Link | None  # None for a reference definition

    @property
    def image(self) -> bool:
        """Whether this is the source of an image."""
        return self.link is not None and self.link.image


def destinations(doc: Document, *, bare: bool = False) -> Iterator[Destination]:
    """Every URL written in the document, each once: inline links and images, autolinks (and bare
    URLs when ``bare``), and reference definitions (not the reference links that use them)."""
    for link in doc.links:
        if link.kind == "inline" and link.destination_span is not None:
            yield Destination(link.destination, link.destination_span, link)
        elif link.kind == "autolink" or (bare and link.kind == "bare"):
            span = link.span
            if link.kind == "autolink":
                span = Span(span.line, span.column + 1, span.end_line, span.end_column - 1)
            yield Destination(link.destination, span, link)
    for reference in doc.references:
        yield Destination(
            reference.destination,
            definition_url_span(doc, reference.span, reference.destination),
            None,
        )


def definition_url_span(doc: Document, span: Span, url: str) -> Span:
    """Where ``url`` is written in the reference definition at ``span``."""
    for number in range(span.line, span.end_line + 1):
        line = doc.line(number)
        label_end = line.find("]:") + 2 if number == span.line else 0
        found = line.find(url, max(label_end, 0))
        if found >= 0:
            return Span(number, found + 1, number, found + 1 + len(url))
    return span


# Platforms whose every host (subdomains included) serves every page over HTTPS.
HTTPS_HOSTS = [
    "github.com", "github.io", "githubusercontent.com", "gitlab.com", "gitlab.io",
    "bitbucket.org", "pypi.org", "npmjs.com", "crates.io", "docs.rs", "arxiv.org", "biorxiv.org",
    "medrxiv.org", "doi.org", "youtube.com", "youtu.be", "twitter.com", "x.com",
    "readthedocs.io", "readthedocs.org", "huggingface.co", "wikipedia.org", "stackoverflow.com",
    "reddit.com", "kaggle.com", "zenodo.org", "medium.com",
]  # fmt: skip


class HttpsEvidence:
    """Why a host is known to serve https (LL112), or None: the document links it over https
    (hosts compared exactly, ports count), or it is one of ``known`` or their subdomains."""

    def __init__(self, doc: Document, known: Sequence[str]) -> None:
        self._doc = doc
        self._known = [host.lower() for host in known]

    @cached_property
    def _secure(self) -> set[str]:
        """The hosts (and ports) the document links over https; only read for an http link."""
        return {
            host
            for destination in destinations(self._doc, bare=True)
            if destination.url.lower().startswith("https://")
            and (host := self._host_and_port(destination.url)) is not None
        }

    def why(self, url: str) -> str | None:
        """Why ``url``'s host serves https, or None when nothing shows it does."""
        host = self._host_and_port(url)
        if host is None:
            return None
        if host in self._secure:
            return f"this document links `{host}` over https"
        if any(host == name or host.endswith("." + name) for name in self._known):
            return f"`{host}` serves https"
        return None

    def _host_and_port(self, url: str) -> str | None:
        host = http_host(url, self._doc.urls.split)
        if host is None:
            return None
        port = url.split("://", 1)[1].split("/", 1)[0].rpartition(":")[2]
        return f"{host}:{port}" if port.isdigit() else host

"""Shared helpers of the link rules (LL1xx): masked inline text, URL shapes, known sites."""

from __future__ import annotations

import bisect
import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import SplitResult, urlsplit

from markdown_it.common.utils import normalizeReference

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.nodes import Inline, Link

LINK_MASK = "\x01"  # a parsed link (inline, reference, autolink) or an image
OPAQUE_MASK = "\x00"  # a code span, inline HTML, an escape or an entity

# A destination as people write it: a scheme, ``www.``, a fragment or a path.
URLISH = r"(?:[A-Za-z][A-Za-z0-9+.-]{1,9}:|www\.|#|\.{0,2}/)"
# `[Name(https://…)`: the `]` is missing. Reported by LL102, so LL101 leaves that `[` alone.
UNCLOSED_LABEL = re.compile(
    r"\[([^\[\]()\x00\x01\n]+)\(((?:https?://|www\.)[^\s()\[\]\x00\x01]*)\)"
)


@dataclass(frozen=True)
class Masked:
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


# --- URL shapes ---

SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_HOST_LABEL = re.compile(r"(?!-)[\w-]{1,63}(?<!-)", re.UNICODE)
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")


_DOMAIN = re.compile(
    r"(?:[\w-]+\.)+(?:com|org|net|io|dev|edu|gov|co|ai|app|me|info|us|uk|de|fr|jp|cn|ru|in|xyz|tech|ly|"
    r"gg|tv|cc|eu|ca|au|nl|ch|se|so|sh|to|page|site|cloud|biz)(?::\d+)?",
    re.IGNORECASE,
)


def web_address_without_scheme(url: str) -> bool:
    """Whether a relative destination is really a web address: ``www.x.org``, ``github.com/o/r``."""
    return url.lower().startswith("www.") or bool(_DOMAIN.fullmatch(url.split("/", 1)[0]))


def split_url(url: str) -> SplitResult | None:
    """``urlsplit`` of ``url``, or None when Python refuses it."""
    try:
        result = urlsplit(url)
        result.port  # noqa: B018 -- raises ValueError for a malformed port
    except ValueError:
        return None
    return result


def host_of(url: str) -> str | None:
    """The lower-case host of an absolute http(s) URL, else None."""
    parts = split_url(url.strip())
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    return (parts.hostname or "").rstrip(".") or None


def host_problem(host: str) -> str | None:
    """Why ``host`` cannot be a host name, or None when it can."""
    if host == "localhost" or _IPV4.fullmatch(host) or host.startswith("["):
        return None
    labels = host.rstrip(".").split(".")
    if any(not label for label in labels):
        return "has an empty label (`..`)"
    bad = next((label for label in labels if not _HOST_LABEL.fullmatch(label)), None)
    if bad is not None:
        return f"has an invalid part `{bad}`"
    if len(labels) < 2:
        return "has no top-level domain"
    if labels[-1].isdigit():
        return "ends in a number"
    if len(labels[-1]) < 2:
        return f"has a one-letter top-level domain `.{labels[-1]}`"
    return None


# --- Known sites ---

# Site name -> (aliases a link text may use, host patterns). A host pattern without "/" matches the
# host and its subdomains ("*" globs allowed); one with "/" matches the start of host + path.
KNOWN_SITES: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "GitHub": (
        ("github",),
        ("github.com", "github.io", "githubusercontent.com", "git.io", "github.blog"),
    ),
    "GitLab": (("gitlab",), ("gitlab.com", "gitlab.io", "gitlab.*")),
    "Bitbucket": (("bitbucket",), ("bitbucket.org", "bitbucket.io")),
    "SourceForge": (("sourceforge",), ("sourceforge.net", "sourceforge.io", "sf.net")),
    "arXiv": (("arxiv",), ("arxiv.org",)),
    "bioRxiv": (("biorxiv",), ("biorxiv.org", "doi.org/10.1101")),
    "medRxiv": (("medrxiv",), ("medrxiv.org", "doi.org/10.1101")),
    "PyPI": (("pypi",), ("pypi.org", "pypi.python.org")),
    "npm": (("npm",), ("npmjs.com", "npmjs.org", "npm.im")),
    "crates.io": (("crates.io", "crates"), ("crates.io",)),
    "docs.rs": (("docs.rs",), ("docs.rs",)),
    "DOI": (("doi",), ("doi.org",)),
    "YouTube": (("youtube",), ("youtube.com", "youtu.be", "youtube-nocookie.com")),
    "Twitter": (("twitter",), ("twitter.com", "x.com", "t.co")),
    "Read the Docs": (
        ("read the docs", "readthedocs"),
        ("readthedocs.io", "readthedocs.org", "rtfd.io"),
    ),
    "Hugging Face": (("hugging face", "huggingface"), ("huggingface.co", "hf.co")),
    "Docker Hub": (("docker hub", "dockerhub"), ("hub.docker.com", "docker.com")),
    "Wikipedia": (("wikipedia",), ("wikipedia.org",)),
    "Stack Overflow": (("stack overflow", "stackoverflow"), ("stackoverflow.com",)),
    "Reddit": (("reddit",), ("reddit.com", "redd.it")),
    "Kaggle": (("kaggle",), ("kaggle.com",)),
    "Colab": (("colab", "google colab"), ("colab.research.google.com",)),
    "Zenodo": (("zenodo",), ("zenodo.org", "doi.org/10.5281")),
    "CRAN": (("cran",), ("cran.r-project.org", "r-project.org", "r-pkg.org")),
    "Bioconductor": (("bioconductor",), ("bioconductor.org",)),
    "LinkedIn": (("linkedin",), ("linkedin.com", "lnkd.in")),
    "Discord": (("discord",), ("discord.gg", "discord.com", "discordapp.com")),
}

# Words a link text may add around a site's name: "GitHub repo", "bioRxiv preprint", "on PyPI".
# Words around a site's name that keep the link text naming the site ("the GitHub repo").
_FILLER = frozenset(
    [
        "the",
        "on",
        "at",
        "via",
        "official",
        "repo",
        "repository",
        "code",
        "source",
        "src",
        "page",
        "link",
        "preprint",
        "paper",
        "profile",
        "package",
        "project",
        "crate",
        "module",
        "library",
        "lib",
        "pdf",
        "version",
        "video",
        "channel",
        "account",
        "org",
        "organization",
        "mirror",
        "release",
        "releases",
    ]
)
_WORDS = re.compile(r"[^\w.+\s-]+")


@dataclass(frozen=True)
class Site:
    """A site a link text can name, and the hosts its links go to."""

    name: str
    aliases: tuple[str, ...]  # lower-case words the link text may name the site by
    hosts: tuple[str, ...]

    def serves(self, url: SplitResult) -> bool:
        """Whether ``url`` is on one of this site's hosts."""
        host = (url.hostname or "").rstrip(".")
        for pattern in self.hosts:
            if "/" in pattern:
                site_host, path = pattern.split("/", 1)
                on_host = host == site_host or host.endswith("." + site_host)
                if on_host and (url.path.lstrip("/") + "/").startswith(path.rstrip("/") + "/"):
                    return True
            elif "*" in pattern:
                if fnmatch.fnmatchcase(host, pattern) or fnmatch.fnmatchcase(host, "*." + pattern):
                    return True
            elif host == pattern or host.endswith("." + pattern):
                return True
        return False


class Sites:
    """The sites link texts can name, indexed by alias (iterable as :class:`Site`)."""

    def __init__(self, sites: Iterable[Site]) -> None:
        self._sites = tuple(sites)
        self._by_alias: dict[str, tuple[int, Site]] = {}
        for rank, site in enumerate(self._sites):
            for alias in site.aliases:
                self._by_alias.setdefault(alias, (rank, site))
        self._longest = max((len(alias.split()) for alias in self._by_alias), default=0)

    def __iter__(self) -> Iterator[Site]:
        return iter(self._sites)

    def named(self, words: Sequence[str]) -> Site | None:
        """The first site (in table order) whose alias is ``words`` bar filler words at the ends."""
        leading = next((i for i, word in enumerate(words) if word not in _FILLER), len(words))
        trailing = next(
            (i for i, word in enumerate(reversed(words)) if word not in _FILLER), len(words)
        )
        found: list[tuple[int, Site]] = []
        for start in range(leading + 1):
            for end in range(max(start + 1, len(words) - trailing), len(words) + 1):
                if end - start > self._longest:
                    break
                match = self._by_alias.get(" ".join(words[start:end]))
                if match is not None:
                    found.append(match)
        return min(found, key=lambda match: match[0])[1] if found else None


def known_sites(extra: Mapping[str, Sequence[str]] | None = None) -> Sites:
    """The built-in sites plus ``extra`` (name -> host patterns; the name is also the alias)."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = dict(KNOWN_SITES)
    for name, hosts in (extra or {}).items():
        aliases, known = table.get(name, ((name.lower(),), ()))
        table[name] = (aliases, known + tuple(hosts))
    return Sites(Site(name, aliases, hosts) for name, (aliases, hosts) in table.items())


def named_site(text: str, sites: Sites) -> Site | None:
    """The site a link text names on its own (``GitHub``, ``[arXiv paper]``), if any."""
    words = " ".join(_WORDS.sub(" ", text.lower()).split()).strip(" .-")
    return sites.named(words.split()) if words else None


@dataclass(frozen=True)
class Destination:
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

"""URLs: their identity for duplicate detection, and their shape for the link rules.

``normalize_url`` maps URLs that name the same resource to one key, shaped like an
http(s) URL but only meant for comparison; a key normalises to itself.
``project_key`` maps every page of one project to a coarser key:
``github.com/<owner>/<repo>``, ``gitlab.com/<namespace>/<project>``,
``arxiv.org/abs/<id>``, ``doi.org/<doi>`` (also for bioRxiv/medRxiv preprints),
``pypi.org/project/<name>`` or ``npmjs.com/package/<name>``. Every rule is data in
the tables below.

Equivalences of ``normalize_url``:

- http and https; host case; a leading ``www.`` and a trailing dot on the host;
  the scheme's default port (http :80, https :443); user info (``user@``). On any
  other port the scheme is kept: ``http://h:443`` is not ``https://h``.
- Trailing slashes; a last segment ``index.html``/``index.htm`` (not ``index.php``:
  PHP apps route through it, so ``/index.php?x`` is not ``/?x``).
- Percent-encoding: escaped unreserved characters are decoded, other escapes get
  upper-case hex, non-ASCII characters are encoded as UTF-8.
- Query: tracking parameters (``utm_*`` and ``_TRACKING_PARAMS``, by name, any case),
  GitHub's default ``tab=readme-ov-file`` and empty items are dropped; order is kept.
- Fragment: ``#readme``, ``#top`` and ``#`` are dropped; other fragments are kept
  because lists link separate sections of one page as separate entries.
- GitHub/GitLab: case of the owner and repository (GitLab: the whole namespace path),
  a ``.git`` suffix, ``/tree/<b>`` and ``/blob/<b>/README*`` for ``b`` in
  ``_DEFAULT_BRANCHES`` mean the repository page, GitLab's legacy ``/o/r/issues``
  is ``/o/r/-/issues``.
- DOI: ``dx.doi.org`` is ``doi.org``; the DOI is ASCII case-insensitive and fully
  percent-decoded.
- arXiv: ``abs``/``pdf``/``html`` views, ``vN`` versions and ``.pdf`` all mean
  ``arxiv.org/abs/<id>`` (new ``1234.56789`` and old ``q-bio/0601001`` ids);
  ``export.arxiv.org`` is ``arxiv.org``.
- bioRxiv/medRxiv: versions, ``_PREPRINT_VIEWS`` suffixes and
  ``/content/early/YYYY/MM/DD/<id>`` all mean ``/content/10.1101/<id>``.
- PyPI: ``pypi.python.org/pypi/<name>`` is ``pypi.org/project/<name>``; names are
  normalised per PEP 503.
- npm: ``npmjs.org`` is ``npmjs.com``.

The repository-page rules are for duplicate detection: a repository page shows its
README, so a link to the root README on the default branch is the same entry.

Deliberate non-equivalences: path case outside GitHub/GitLab namespaces; branches
other than ``_DEFAULT_BRANCHES`` and files other than a root README; different
repositories, including forks; ``<owner>.github.io/<repo>`` vs
``github.com/<owner>/<repo>`` (a site, not the repository); a paper's landing page
vs its ``doi.org`` URL (same project for bioRxiv/medRxiv only); query parameter
order; ``+`` vs ``%20``; dot segments and repeated slashes inside paths; Unicode vs
punycode host names. ``ref`` is always treated as tracking, even where a site uses
it for a branch.

Input that is not an absolute http(s) URL with a host (empty, relative, ``#frag``,
``mailto:``, ``ftp:``, unparsable) is its own identity: ``normalize_url`` returns it
stripped of surrounding whitespace and ``project_key`` returns ``None``.
"""

import re
import string
from collections.abc import Callable
from urllib.parse import SplitResult, quote, unquote, urlsplit

_DEFAULT_PORTS = {"http": "80", "https": "443"}
_HOST_ALIASES = {
    "dx.doi.org": "doi.org",
    "export.arxiv.org": "arxiv.org",
    "npmjs.org": "npmjs.com",
    "pypi.python.org": "pypi.org",
}
_INDEX_FILES = frozenset({"index.html", "index.htm"})
_TRACKING_PREFIXES = ("utm_",)
_TRACKING_PARAMS = frozenset(
    {
        "_hsenc",
        "_hsmi",
        "dclid",
        "fbclid",
        "gbraid",
        "gclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "msclkid",
        "ref",
        "ref_src",
        "twclid",
        "wbraid",
        "yclid",
    }
)
_NOISE_QUERY_ITEMS = frozenset({"tab=readme-ov-file"})
_IGNORED_FRAGMENTS = frozenset({"", "readme", "top"})
_DEFAULT_BRANCHES = frozenset({"HEAD", "main", "master"})
_README_FILES = frozenset(
    {
        "readme",
        "readme.adoc",
        "readme.markdown",
        "readme.md",
        "readme.org",
        "readme.rst",
        "readme.txt",
    }
)
# First path segments that are GitHub/GitLab site pages, not users or groups.
_GITHUB_RESERVED = frozenset(
    {
        "about",
        "apps",
        "collections",
        "enterprise",
        "events",
        "explore",
        "features",
        "issues",
        "login",
        "marketplace",
        "new",
        "notifications",
        "orgs",
        "pricing",
        "pulls",
        "search",
        "settings",
        "sponsors",
        "topics",
        "trending",
        "users",
    }
)
_GITLAB_RESERVED = frozenset(
    {"-", "admin", "dashboard", "explore", "groups", "help", "search", "users"}
)
# Project pages GitLab served before the ``/-/`` separator (now redirects).
_GITLAB_LEGACY_PAGES = frozenset(
    {"blob", "commits", "issues", "merge_requests", "raw", "tags", "tree", "wikis"}
)
_PYPI_PROJECT_DIRS = frozenset({"project", "pypi"})
_PREPRINT_VIEWS = (".full.pdf", ".full", ".abstract", ".full-text")

_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")
_ASCII = "".join(map(chr, range(128)))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_PATH_SAFE = "/!$&'()*+,;=:@"

_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_PYPI_SEPARATORS = re.compile(r"[-_.]+")
_ARXIV_PAPER = re.compile(
    r"/(?:abs|pdf|html)/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Za-z]{2})?/\d{7})"
    r"(?:v\d+)?(?:\.pdf)?",
    re.ASCII,
)
_PREPRINT_PAPER = re.compile(
    r"/content/(?:(?:biorxiv|medrxiv)/)?(?:early/\d{4}/\d{2}/\d{2}/|10\.1101/)"
    r"(\d{4}\.\d{2}\.\d{2}\.\d+|\d+)(?:v\d+)?"
    rf"(?:{'|'.join(map(re.escape, _PREPRINT_VIEWS))})?",
    re.ASCII,
)

_PathRule = Callable[[str], tuple[str, str | None]]


class UrlFacts:
    """The identity, project and parts of a document's URLs, each computed once per distinct
    URL: the duplicate rules, LL108 and LL112 ask for the same URLs again and again. One lives
    on each document (:attr:`listlint.model.nodes.Blocks.urls`)."""

    def __init__(self) -> None:
        self._parts: dict[str, SplitResult | None] = {}
        self._canonical: dict[str, tuple[str, str | None] | None] = {}
        self._split: dict[str, SplitResult | None] = {}

    def _parts_of(self, url: str) -> SplitResult | None:
        if url not in self._parts:
            self._parts[url] = _stripped_split(url)
        return self._parts[url]

    def _canonical_of(self, url: str) -> tuple[str, str | None] | None:
        if url not in self._canonical:
            parts = self._parts_of(url)
            self._canonical[url] = None if parts is None else _canonical_parts(parts)
        return self._canonical[url]

    def key(self, url: str) -> str:
        """:func:`normalize_url` of ``url``."""
        canonical = self._canonical_of(url)
        return url.strip() if canonical is None else canonical[0]

    def project(self, url: str) -> str | None:
        """:func:`project_key` of ``url``."""
        canonical = self._canonical_of(url)
        return None if canonical is None else canonical[1]

    def host(self, url: str) -> str:
        """:func:`host_of` of ``url``."""
        parts = self._parts_of(url)
        return "" if parts is None else _split_netloc(parts.netloc)[0]

    def split(self, url: str) -> SplitResult | None:
        """:func:`split_url` of ``url``."""
        if url not in self._split:
            parts = self._parts_of(url) if url == url.strip() else None
            self._split[url] = split_url(url) if parts is None else _with_valid_port(parts)
        return self._split[url]


def normalize_url(url: str) -> str:
    """Canonical identity key of a URL: two URLs with the same key name the same resource."""
    canonical = _canonical(url)
    return url.strip() if canonical is None else canonical[0]


def project_key(url: str) -> str | None:
    """Coarser key naming the project a URL belongs to; None when none is recognised."""
    canonical = _canonical(url)
    return None if canonical is None else canonical[1]


def host_of(url: str) -> str:
    """Lower-cased host without 'www.', trailing dot and port ('' when none)."""
    parts = _stripped_split(url)
    return "" if parts is None else _split_netloc(parts.netloc)[0]


def _stripped_split(url: str) -> SplitResult | None:
    """``urlsplit`` of ``url`` without surrounding whitespace, or None when Python refuses it."""
    try:
        return urlsplit(url.strip())
    except ValueError:
        return None


def _split_netloc(netloc: str) -> tuple[str, str]:
    """Split a netloc into its canonical host and its port, dropping user info."""
    host = netloc.rpartition("@")[2]
    if host.startswith("["):  # IPv6 literal; urlsplit ensures the "]"
        end = host.index("]") + 1
        host, port = host[:end], host[end + 1 :]
    else:
        host, _, port = host.partition(":")
    return host.lower().rstrip(".").removeprefix("www."), port


def _canonical(url: str) -> tuple[str, str | None] | None:
    """Identity key and project key of an http(s) URL; None for any other input."""
    parts = _stripped_split(url)
    return None if parts is None else _canonical_parts(parts)


def _canonical_parts(parts: SplitResult) -> tuple[str, str | None] | None:
    """:func:`_canonical` of a split URL."""
    host, port = _split_netloc(parts.netloc)
    if parts.scheme not in _DEFAULT_PORTS or not host:
        return None
    host = _HOST_ALIASES.get(host, host)
    scheme = "https"
    if port not in ("", _DEFAULT_PORTS[parts.scheme]):
        scheme, host = parts.scheme, f"{host}:{port}"
    path = _normalize_escapes(parts.path).rstrip("/")
    rule = _PATH_RULES.get(host)
    path, project = (_drop_index_file(path), None) if rule is None else rule(path)
    key = f"{scheme}://{host}{path}"
    query = "&".join(
        item
        for item in map(_normalize_escapes, parts.query.split("&"))
        if item and not _is_noise(item)
    )
    if query:
        key += f"?{query}"
    fragment = _normalize_escapes(parts.fragment)
    if fragment.lower() not in _IGNORED_FRAGMENTS:
        key += f"#{fragment}"
    return key, project


def _normalize_escapes(text: str) -> str:
    """Decode escaped unreserved characters, upper-case other escapes, encode non-ASCII."""
    if "%" in text:
        text = _ESCAPE.sub(_unescape, text)
    if not text.isascii():
        text = quote(text, safe=_ASCII, errors="surrogatepass")
    return text


def _unescape(match: re.Match[str]) -> str:
    char = chr(int(match[1], 16))
    return char if char in _UNRESERVED else match[0].upper()


def _is_noise(item: str) -> bool:
    """True for a query item that does not change the resource."""
    name = item.partition("=")[0].lower()
    return (
        name in _TRACKING_PARAMS
        or name.startswith(_TRACKING_PREFIXES)
        or item in _NOISE_QUERY_ITEMS
    )


def _drop_index_file(path: str) -> str:
    head, _, last = path.rpartition("/")
    return head.rstrip("/") if last in _INDEX_FILES else path


def _repo_page(host: str, project: str, rest: list[str], separator: str) -> tuple[str, str | None]:
    """Path and project key of a page ``rest`` inside repository ``project``."""
    project = project.lower().removesuffix(".git")
    is_root = not rest or _is_root_view(rest)
    page = "" if is_root else f"{separator}/{'/'.join(rest)}"
    return f"/{project}{page}", f"{host}/{project}"


def _is_root_view(rest: list[str]) -> bool:
    """True for the default branch's tree root and root README."""
    match rest:
        case ["tree", branch]:
            return branch in _DEFAULT_BRANCHES
        case ["blob", branch, name]:
            return branch in _DEFAULT_BRANCHES and name.lower() in _README_FILES
    return False


def _github(path: str) -> tuple[str, str | None]:
    segments = path.split("/")[1:]
    if not segments or segments[0].lower() in _GITHUB_RESERVED:
        return path, None
    if len(segments) < 2 or not segments[0] or not segments[1]:
        return "/".join(["", segments[0].lower(), *segments[1:]]), None
    return _repo_page("github.com", "/".join(segments[:2]), segments[2:], "")


def _gitlab(path: str) -> tuple[str, str | None]:
    segments = path.split("/")[1:]
    if not segments or segments[0].lower() in _GITLAB_RESERVED:
        return path, None
    end = next(
        (
            i
            for i, segment in enumerate(segments)
            if segment == "-" or (i >= 2 and segment in _GITLAB_LEGACY_PAGES)
        ),
        len(segments),
    )
    if end < 2:
        return "/".join(["", segments[0].lower(), *segments[1:]]), None
    has_separator = end < len(segments) and segments[end] == "-"
    rest = segments[end + 1 if has_separator else end :]
    return _repo_page("gitlab.com", "/".join(segments[:end]), rest, "/-")


def _arxiv(path: str) -> tuple[str, str | None]:
    match = _ARXIV_PAPER.fullmatch(path)
    if match is None:
        return path, None
    return f"/abs/{match[1]}", f"arxiv.org/abs/{match[1]}"


def _preprint(path: str) -> tuple[str, str | None]:
    match = _PREPRINT_PAPER.fullmatch(path)
    if match is None:
        return path, None
    return f"/content/10.1101/{match[1]}", f"doi.org/10.1101/{match[1]}"


def _doi(path: str) -> tuple[str, str | None]:
    if not path.startswith("/10."):
        return path, None
    doi = unquote(path[1:]).translate(_ASCII_LOWER)
    doi = quote(doi, safe=_PATH_SAFE, errors="surrogatepass")
    return f"/{doi}", f"doi.org/{doi}"


def _pypi(path: str) -> tuple[str, str | None]:
    segments = path.split("/")
    if len(segments) < 3 or segments[1] not in _PYPI_PROJECT_DIRS or not segments[2]:
        return path, None
    name = _PYPI_SEPARATORS.sub("-", segments[2]).lower()
    return "/".join(["", "project", name, *segments[3:]]), f"pypi.org/project/{name}"


def _npm(path: str) -> tuple[str, str | None]:
    segments = path.split("/")
    if len(segments) < 3 or segments[1] != "package" or not segments[2]:
        return path, None
    scoped = segments[2].startswith("@")
    if scoped and len(segments) < 4:
        return path, None
    return path, f"npmjs.com/package/{'/'.join(segments[2 : 4 if scoped else 3])}"


_PATH_RULES: dict[str, _PathRule] = {
    "arxiv.org": _arxiv,
    "biorxiv.org": _preprint,
    "doi.org": _doi,
    "github.com": _github,
    "gitlab.com": _gitlab,
    "medrxiv.org": _preprint,
    "npmjs.com": _npm,
    "pypi.org": _pypi,
}


# --- URL shapes (the link rules): a scheme, a host name that can exist, a missing scheme ---

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
        return _with_valid_port(urlsplit(url))
    except ValueError:
        return None


def _with_valid_port(parts: SplitResult) -> SplitResult | None:
    """``parts``, or None when their port is malformed."""
    try:
        parts.port  # noqa: B018 -- raises ValueError for a malformed port
    except ValueError:
        return None
    return parts


def http_host(url: str, split: Callable[[str], SplitResult | None] = split_url) -> str | None:
    """The lower-case host of an absolute http(s) URL as written (``www.`` kept), else None;
    :func:`host_of` is the host as duplicates compare it. ``split`` is :func:`split_url` or a
    document's memo of it."""
    parts = split(url.strip())
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

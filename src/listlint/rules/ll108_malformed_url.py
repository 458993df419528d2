"""LL108 malformed-url."""

import re
from collections.abc import Callable, Iterator
from urllib.parse import SplitResult

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import Destination, destinations, has_whitespace, short
from listlint.urls import SCHEME, host_problem, web_address_without_scheme

_DEFAULT_SCHEMES = [
    "http", "https", "mailto", "ftp", "ftps", "sftp", "ssh", "git", "svn", "irc", "ircs", "tel",
    "sms", "xmpp", "magnet", "news", "nntp", "ws", "wss", "tcp", "udp", "rtsp", "webcal", "feed",
]  # fmt: skip
_DANGEROUS = frozenset({"javascript", "vbscript", "data", "file"})
_WEB_SCHEMES = frozenset({"http", "https", "ftp", "ftps", "ws", "wss"})
_NO_COLON = re.compile(r"(?P<scheme>[A-Za-z]{3,6})/{2,3}(?=[\w.-])")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2}).{0,2}")
_DOUBLED = re.compile(r"(?i)(https?:/+)(https?:/*)")


@rule(
    "LL108",
    "malformed-url",
    tags=("links", "urls"),
    options={
        "allowed-schemes": {
            "type": "array",
            "items": {"type": "string"},
            "default": _DEFAULT_SCHEMES,
            "description": "URL schemes links may use; `javascript:`, `vbscript:`, "
            "`data:` (except in "
            "images) and `file:` are always reported.",
        }
    },
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link's URL must be well formed: a known scheme, `://`, and a valid host.

    Why: a URL with a typo in its scheme (`htps://`, `http//`, `http:/`), no scheme at all
    (`www.example.org` or `github.com/o/r` as a destination, a destination that starts with a
    stray `(` or `[` or is itself a Markdown link, which GitHub treats as a path inside
    the repository), a doubled scheme (`https://https://`) or an impossible host (`http://homepage`,
    `https://github,com`) is a broken link, and so is a DOI written `doi:10.1038/…` (the message
    suggests `https://doi.org/10.1038/…`). Schemes that run code (`javascript:`, `vbscript:`,
    `data:` outside images, `file:`) are never acceptable in a list; other schemes must be in
    `allowed-schemes`. Whitespace in destinations is LL106's, relative files LL109's; `mailto:` and
    `#fragment` links are not checked.

    Example: `- [Flask](htps://flask.palletsprojects.com) - A microframework.`

    Fix: none; the message names the correction.
    """
    allowed = {scheme.lower() for scheme in ctx.options.get("allowed-schemes", _DEFAULT_SCHEMES)}
    for destination in destinations(doc):
        message = _problem(destination, allowed, doc.urls.split)
        if message is not None:
            yield Problem(destination.span, message)


def _problem(
    destination: Destination, allowed: set[str], split: Callable[[str], SplitResult | None]
) -> str | None:
    url = destination.url.strip()
    if not url or url.startswith(("#", "/", "?", ".")) or has_whitespace(url):
        return None
    if url.startswith("[") and "](" in url:
        return f"destination `{short(url)}` is itself a Markdown link; write only its URL"
    if url[0] in "([<\"'":
        return f"destination `{short(url)}` starts with a stray `{url[0]}`; remove it"
    doubled = _DOUBLED.match(url)
    if doubled:
        return f"scheme written twice in `{short(url)}`; remove `{doubled.group(1)}`"
    match = SCHEME.match(url)
    if match is None:
        return _schemeless(url)
    scheme = match.group(1).lower()
    rest = url[match.end() :]
    not_an_address = _not_an_address(url, match.group(1), rest, allowed)
    if not_an_address:
        return not_an_address
    if scheme in _DANGEROUS and not (scheme == "data" and destination.image):
        return f"`{scheme}:` URLs are not allowed in a list: `{short(url)}`"
    if scheme not in allowed:
        if _like_http(scheme) and rest.startswith("/"):
            return (
                f"misspelt scheme `{match.group(1)}:` in `{short(url)}`; write `https:` or `http:`"
            )
        return f"scheme `{match.group(1)}:` is not allowed here (allowed-schemes): `{short(url)}`"
    if scheme not in _WEB_SCHEMES:
        return None
    if not rest.startswith("//") or rest.startswith("///"):
        return f"`{short(url)}` needs exactly two slashes after `{match.group(1)}:`"
    bad_escape = _BAD_ESCAPE.search(url)
    if bad_escape:
        escape = bad_escape.group()
        return f"`{escape}` in `{short(url)}` is not a percent escape (`%` and two hex digits)"
    parts = split(url)
    if parts is None:
        return f"`{short(url)}` is not a valid URL (bad host or port)"
    host = (parts.hostname or "").rstrip(".")
    if not host:
        return f"`{short(url)}` has no host"
    reason = host_problem(host)
    if reason is not None:
        return f"host `{host}` {reason}: `{short(url)}`"
    return None


def _not_an_address(url: str, scheme: str, rest: str, allowed: set[str]) -> str | None:
    """A DOI written as a URL (``doi:10.1038/…``), or a host and port without a scheme."""
    if scheme.lower() == "doi" and "doi" not in allowed:  # browsers cannot open an identifier
        return f"`{short(url)}` is a DOI, not a web address; write `https://doi.org/{rest}`"
    if rest[:1].isdigit() and scheme.lower() not in allowed:
        return f"`{short(url)}` has no scheme: `{scheme}:` is a host and port; write `http://{url}`"
    return None


def _schemeless(url: str) -> str | None:
    no_colon = _NO_COLON.match(url)
    if no_colon and _like_http(no_colon.group("scheme").lower()):
        scheme = no_colon.group("scheme")
        if scheme.lower() in ("http", "https"):
            return f"`{short(url)}` is missing the `:` after `{scheme}`"
        return f"misspelt scheme `{scheme}` in `{short(url)}`; write `https://` or `http://`"
    if web_address_without_scheme(url):
        return (
            f"`{short(url)}` has no scheme, so it is a relative path; write `https://{short(url)}`"
        )
    return None


def _like_http(scheme: str) -> bool:
    from rapidfuzz.distance import Levenshtein  # rapidfuzz loads only when it compares

    return min(Levenshtein.distance(scheme, "http"), Levenshtein.distance(scheme, "https")) <= 2

"""How URLs are written: a scheme, a host name that can exist, a web address missing its scheme
(the link rules' view of a URL; its identity for duplicates is :mod:`listlint.urls`)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

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


def http_host(url: str) -> str | None:
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

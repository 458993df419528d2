"""Shared helpers of the online rules (LL6xx): the links an online run checked, with their answers.

The rules read ``ctx.online`` (None offline: then they yield nothing) and ``ctx.settings["online"]``
(thresholds, allow lists). They never import :mod:`listlint.online`, so offline runs do not either.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from listlint.model.document import Document
from listlint.rule import Context, find_rule
from listlint.rules._links import Destination, destinations, short

if TYPE_CHECKING:
    from datetime import datetime

    from listlint.online.facts import LinkResult, Repository, RepositoryResult


def online_settings(ctx: Context) -> Mapping[str, Any]:
    """``[tool.listlint.online]``."""
    section = ctx.settings.get("online", {})
    return section if isinstance(section, Mapping) else {}


def checked_links(doc: Document, ctx: Context) -> Iterator[tuple[Destination, LinkResult]]:
    """Every destination of ``doc`` that the online run checked as a link, with its answer."""
    if ctx.online is None:
        return
    for destination in destinations(doc, bare=True):
        result = ctx.online.link(destination.url)
        if result is not None:
            yield destination, result


def checked_repositories(
    doc: Document, ctx: Context
) -> Iterator[tuple[Destination, str, RepositoryResult]]:
    """Every repository page ``doc`` links that was looked up: where, ``owner/name``, the lookup."""
    if ctx.online is None:
        return
    for destination in destinations(doc, bare=True):
        found = ctx.online.repository(destination.url)
        if found is not None:
            yield destination, found[0], found[1]


def found_repositories(
    doc: Document, ctx: Context, code: str
) -> Iterator[tuple[Destination, str, Repository]]:
    """The repositories that exist, minus those allowed for rule ``code``."""
    for destination, name, lookup in checked_repositories(doc, ctx):
        if lookup.repository is not None and not allowed(doc, ctx, code, destination):
            yield destination, name, lookup.repository


def days_since(ctx: Context, moment: datetime) -> int:
    """Whole days from ``moment`` to when the online run asked."""
    assert ctx.online is not None
    return (ctx.online.checked_at - moment).days


def allowed(doc: Document, ctx: Context, code: str, destination: Destination) -> bool:
    """Whether ``[tool.listlint.online.allow]`` exempts this link from rule ``code``.

    The table's keys are rule codes or names (or ``all``); its values list URLs (compared without
    scheme, ``www.``, trailing slash and case) and entry names (any case).
    """
    table = online_settings(ctx).get("allow", {})
    known = find_rule(code)
    keys = ("all", code, known.name if known else code)
    listed = [item for key in keys for item in table.get(key, ())]
    if not listed:
        return False
    url = _comparable(destination.url)
    names = {
        entry.name.casefold()
        for entry in doc.entries
        if destination.link is not None and any(link is destination.link for link in entry.links)
    }
    return any(_comparable(item) == url or item.casefold() in names for item in listed)


def _comparable(url: str) -> str:
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return urlunsplit(("", host, parts.path.rstrip("/"), parts.query, "")).lower()


def shown_url(url: str) -> str:
    """A URL as messages show it: at most 60 characters."""
    return short(url, 60)

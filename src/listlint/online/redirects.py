"""Which redirect chains are worth a new link: permanent moves, not scheme or slash changes."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from listlint.online.facts import Hop

PERMANENT = frozenset({301, 308})


def permanent_target(url: str, hops: Sequence[Hop]) -> str | None:
    """Where ``url`` has moved for good, or None.

    The leading permanent hops (301, 308) are followed; a temporary one (302, 303, 307) ends
    the move, since its target is not meant to be linked. A move that only switches to https or
    adds or drops a trailing slash is not worth reporting on its own.
    """
    target = url
    for hop in hops:
        if hop.status not in PERMANENT:
            break
        target = hop.location
    return None if _essence(target) == _essence(url) else target


def _essence(url: str) -> tuple[str, str, str]:
    """A URL without what a trivial redirect changes: the scheme and a trailing slash."""
    parts = urlsplit(url)
    return parts.netloc.lower(), parts.path.rstrip("/"), parts.query

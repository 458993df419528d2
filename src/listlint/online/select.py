"""Which URLs an online run asks about: every link of a whole-list run, or in a pull request only
the links on added lines whose URL the base version did not already have."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence

from listlint.changes import FileChange
from listlint.model.document import Document, parse_document
from listlint.online.facts import link_key
from listlint.rules._links import Destination, destinations


def base_keys(doc: Document, change: FileChange) -> frozenset[str]:
    """The link keys the base version of ``doc`` had: on lines the change kept, or in what it
    removed.

    Every line of the base is either still there (not added) or removed, so this is the base's
    links without the base's text.
    """
    kept = {
        key
        for destination in destinations(doc, bare=True)
        if destination.span.line not in change.added
        and (key := link_key(destination.url)) is not None
    }
    if change.removed_text.strip():
        removed = parse_document(change.removed_text, doc.path)
        kept.update(
            key for d in destinations(removed, bare=True) if (key := link_key(d.url)) is not None
        )
    return frozenset(kept)


def checked_destinations(doc: Document, scope: FileChange | None) -> Iterator[Destination]:
    """The destinations of ``doc`` an online run looks at (all of them without a scope)."""
    if scope is None:
        yield from destinations(doc, bare=True)
        return
    base = base_keys(doc, scope)
    for destination in destinations(doc, bare=True):
        key = link_key(destination.url)
        if destination.span.line in scope.added and key is not None and key not in base:
            yield destination


def urls_to_check(
    docs: Sequence[Document],
    scopes: Mapping[str, FileChange | None],
    excluded: Callable[[str], bool],
) -> list[str]:
    """The link keys of every http(s) link the run asks about, each once, in document order.

    Only the documents named in ``scopes`` count (context files are not checked).
    """
    wanted: dict[str, None] = {}
    for doc in docs:
        if doc.path not in scopes:
            continue
        for destination in checked_destinations(doc, scopes[doc.path]):
            key = link_key(destination.url)
            if key is not None and not excluded(destination.url):
                wanted[key] = None
    return list(wanted)

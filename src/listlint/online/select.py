"""Which URLs an online run asks about: every link of a whole-list run, or in a pull request only
the links on added lines whose URL the base version did not already have."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from listlint.model.document import Document, parse_document
from listlint.online.facts import link_key
from listlint.rules._links import Destination, destinations


@dataclass(frozen=True)
class AddedLines:
    """A partial run's view of one file: the lines a change added, and the text it removed."""

    lines: frozenset[int]
    removed: str = ""

    def base_keys(self, doc: Document) -> frozenset[str]:
        """The link keys the base version had: on lines the change kept, or in what it removed.

        Every line of the base is either still there (not added) or removed, so this is the
        base's links without the base's text.
        """
        kept = {
            key
            for destination in destinations(doc, bare=True)
            if destination.span.line not in self.lines
            and (key := link_key(destination.url)) is not None
        }
        if self.removed.strip():
            removed = parse_document(self.removed, doc.path)
            kept.update(
                key
                for d in destinations(removed, bare=True)
                if (key := link_key(d.url)) is not None
            )
        return frozenset(kept)


def removed_text(diff: str) -> str:
    """The removed lines of a unified diff (``git diff`` or a GitHub ``patch``), as one text."""
    lines, in_hunk = [], False
    for line in diff.split("\n"):
        if line.startswith("@@"):
            in_hunk = True
        elif in_hunk and line.startswith("-"):
            lines.append(line[1:])
    return "\n".join(lines)


def checked_destinations(doc: Document, scope: AddedLines | None) -> Iterator[Destination]:
    """The destinations of ``doc`` an online run looks at (all of them without a scope)."""
    if scope is None:
        yield from destinations(doc, bare=True)
        return
    base = scope.base_keys(doc)
    for destination in destinations(doc, bare=True):
        key = link_key(destination.url)
        if destination.span.line in scope.lines and key is not None and key not in base:
            yield destination


def urls_to_check(
    docs: Sequence[Document],
    scopes: Mapping[str, AddedLines | None],
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

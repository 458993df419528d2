"""The contribution rules' shared machinery (LL7xx): what a change adds, judged as reviewers do.

A change comes from ``--changed-since REF`` or a pull request (:mod:`listlint.changes`). An entry
the change *adds* sits on an added line and was not in the text the change removed (neither its
link nor its name): an entry moved, re-worded or re-linked is not added. The same holds for
headings. Without a change (a whole-file run) nothing is added and the rules report nothing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from msgspec import Struct
from msgspec.structs import replace

from listlint.model.document import Document, parse_document
from listlint.model.entries import Entry
from listlint.model.nodes import Heading
from listlint.rules._links import destinations
from listlint.urls import normalize_url, project_key

if TYPE_CHECKING:  # a whole-file run imports no git machinery
    from listlint.changes import Change, FileChange
    from listlint.facts import ProjectFacts
    from listlint.rules._duplicates import Item

SETTINGS = "contribution"  # the configuration section: [tool.listlint.contribution]


class Contribution(Struct, frozen=True):
    """What the ``contribution`` section lets a change do; None and ``"any"``: not checked."""

    max_new_entries: int | None = None
    placement: str = "any"  # "alphabetical", "end" or "any"
    new_sections: bool = True
    files: tuple[str, ...] | None = None
    min_entries_per_section: int | None = None
    pr_description_link: bool = False


def contribution(settings: Mapping[str, Any]) -> Contribution:
    """The contribution settings of a configuration's family settings."""
    section: Mapping[str, Any] = settings.get(SETTINGS, {})
    files = section.get("files")
    return Contribution(
        max_new_entries=section.get("max-new-entries"),
        placement=section.get("placement", "any"),
        new_sections=section.get("new-sections", True),
        files=tuple(files) if files is not None else None,
        min_entries_per_section=section.get("min-entries-per-section"),
        pr_description_link=section.get("pr-description-link", False),
    )


def added_entries(
    entries: Sequence[Entry], change: FileChange, removed: Document
) -> tuple[Entry, ...]:
    """The ``entries`` the change adds: on an added line, their link and name not among the
    links and link texts of ``removed`` (the removed lines, parsed)."""
    candidates = [e for e in entries if e.name_span.line in change.added]
    if not candidates or not change.removed:
        return tuple(candidates)
    urls = {normalize_url(d.url) for d in destinations(removed, bare=True)}
    names = {link.text.strip().casefold() for link in removed.links}
    names.update(e.name.strip().casefold() for e in removed.entries)
    return tuple(
        e
        for e in candidates
        if (e.url is None or normalize_url(e.url) not in urls)
        and e.name.strip().casefold() not in names
    )


def added_headings(
    headings: Sequence[Heading], change: FileChange, removed: Document
) -> tuple[Heading, ...]:
    """The ``headings`` on added lines whose text is not a heading of ``removed`` (the removed
    lines, parsed): a moved or re-levelled heading is not added."""
    gone = {h.text.strip().casefold() for h in removed.headings}
    return tuple(
        h for h in headings if h.span.line in change.added and h.text.strip().casefold() not in gone
    )


def change_last(found: Sequence[Item], change: Change) -> tuple[Item, ...]:
    """The duplicate rules' items with those on added lines last (each part in run order)."""
    added: list[Item] = []
    kept: list[Item] = []
    for item in found:
        own = change.files.get(item.doc.path)
        (added if own is not None and item.line in own.added else kept).append(item)
    if not added:
        return tuple(found)
    return tuple(replace(item, order=order) for order, item in enumerate([*kept, *added]))


def repeat_message(project: ProjectFacts, first: Item, later: Item, reason: str) -> str:
    """The duplicate rules' message: the house form, or for an entry the change adds,
    're-adds "X", listed at line 171 under "Tools" (same URL)'."""
    from listlint.rules._duplicates import duplicate_message, where

    if project.change is None or first.entry in project.facts_of(first.doc).added_entries:
        return duplicate_message(first, later, reason)
    if later.entry not in project.facts_of(later.doc).added_entries:
        return duplicate_message(first, later, reason)
    return f're-adds "{first.entry.name.strip()}", listed at {where(first, later)} ({reason})'


def entry_count(count: int) -> str:
    """``"1 entry"``, ``"3 entries"``."""
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def description_links(description: str, repository: str | None) -> list[str]:
    """The pages a pull request's description links (not images, not its own repository's
    pages), each once, in order."""
    own = f"/{repository.lower()}" if repository else None
    found: dict[str, None] = {}
    for destination in destinations(parse_document(description, "description"), bare=True):
        link = destination.link
        if link is not None and (link.image or link.has_image):
            continue
        key = project_key(destination.url)
        if own is not None and key is not None and key.endswith(own):
            continue
        found.setdefault(destination.url, None)
    return list(found)

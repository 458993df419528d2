"""What several rules read about one document, or about the documents of a run.

Each fact is computed the first time a rule asks for it and kept for the rest of that run, like
markdownlint's per-file cache: the engine makes one :class:`DocumentFacts` per document and one
:class:`ProjectFacts` per group of documents checked together, and drops them after the run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from listlint.model.document import Document, parse_document

if TYPE_CHECKING:
    from listlint.changes import Change, FileChange
    from listlint.model.entries import Entry
    from listlint.model.nodes import Heading
    from listlint.model.toc import Targets
    from listlint.rules._duplicates import Item
    from listlint.rules._entries import ListAnalysis
    from listlint.rules._links import Masked
    from listlint.rules._toc import TocAnalysis
    from listlint.rules._toc_style import ListStyle


class DocumentFacts(Struct, eq=False, dict=True):
    """Facts about one document, under the family settings of its configuration; ``change`` is
    the run's change to it (``--changed-since``, a pull request), None in a whole-file run."""

    doc: Document
    settings: Mapping[str, Any]
    change: FileChange | None = None

    @cached_property
    def targets(self) -> Targets:
        """Every ``#fragment`` target and the heading each lands on."""
        from listlint.model.toc import find_targets

        return find_targets(self.doc)

    @cached_property
    def toc(self) -> TocAnalysis | None:
        """The TOC compared with the headings (None without a TOC)."""
        from listlint.rules._toc import analyse_for

        return analyse_for(self.doc, self.targets, self.settings) if self.doc.toc else None

    @cached_property
    def toc_style(self) -> ListStyle | None:
        """How the TOC's entries are written, for the lines TOC fixes write (None without one)."""
        from listlint.rules._toc_style import list_style

        return list_style(self.doc, self.toc) if self.toc is not None else None

    @cached_property
    def lists(self) -> ListAnalysis:
        """The document's lists: siblings grouped, navigation lists, items with sub-items."""
        from listlint.rules._entries import analyse_lists

        return analyse_lists(self.doc)

    @cached_property
    def content_entries(self) -> tuple[Entry, ...]:
        """Named entries outside the TOC and other in-page navigation: the ones conventions count
        (an entry that only mentions its link in other text has no name or description to judge)."""
        navigation = self.lists.navigation
        return tuple(
            e
            for e in self.doc.entries
            if e.named and (e.list_item is None or e.list_item not in navigation)
        )

    @cached_property
    def masked_blocks(self) -> tuple[Masked, ...]:
        """Every block's inline content with links, code and HTML masked (the link rules)."""
        from listlint.rules._links import block_inlines, mask

        return tuple(mask(inline) for inline in block_inlines(self.doc))

    @cached_property
    def cross_listing(self) -> bool:
        """Whether the document files many entries under several sections on purpose."""
        from listlint.rules._duplicates import allowed_repeats, cross_listing, items

        return bool(cross_listing(items([self], allowed_repeats(self.settings))))

    @cached_property
    def removed(self) -> Document:
        """The lines the change removed, parsed as a document of their own (empty without one)."""
        return parse_document(self.change.removed_text if self.change else "", self.doc.path)

    @cached_property
    def added_entries(self) -> tuple[Entry, ...]:
        """The content entries the change adds: on added lines, and neither moved nor edited
        (their link and name are not in what it removed); none without a change."""
        from listlint.rules._contribution import added_entries

        return added_entries(self.content_entries, self.change, self.removed) if self.change else ()

    @cached_property
    def added_headings(self) -> tuple[Heading, ...]:
        """The headings the change adds (not moved or re-levelled ones); none without a change."""
        from listlint.rules._contribution import added_headings

        return added_headings(self.doc.headings, self.change, self.removed) if self.change else ()


class ProjectFacts(Struct, eq=False, dict=True):
    """Facts about the documents of a run that cross-file rules compare, with the run's change
    (None in a whole-file run) and each document's own facts when the engine made them."""

    documents: Sequence[Document]
    settings: Mapping[str, Any]
    change: Change | None = None
    document_facts: dict[str, DocumentFacts] = field(default_factory=dict)

    def facts_of(self, doc: Document) -> DocumentFacts:
        """The facts of one of the documents."""
        if doc.path not in self.document_facts:
            change = self.change.files.get(doc.path) if self.change else None
            self.document_facts[doc.path] = DocumentFacts(doc, self.settings, change)
        return self.document_facts[doc.path]

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """The linked entries of every document, in run order, minus allowed repeats; in a
        change, the entries on lines it added come last, so that a duplicate rule reports the
        change's copy whichever comes first in the file."""
        from listlint.rules._contribution import change_last
        from listlint.rules._duplicates import allowed_repeats, items

        found = items(
            [self.facts_of(doc) for doc in self.documents], allowed_repeats(self.settings)
        )
        return change_last(found, self.change) if self.change else found

    @cached_property
    def cross_listing(self) -> frozenset[Document]:
        """The documents that file many entries under several sections on purpose."""
        from listlint.rules._duplicates import cross_listing

        return cross_listing(self.items)

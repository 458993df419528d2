"""What several rules read about one document, or about the documents of a run.

Each fact is computed the first time a rule asks for it and kept for the rest of that run, like
markdownlint's per-file cache: the engine makes one :class:`DocumentFacts` per document and one
:class:`ProjectFacts` per group of documents checked together, and drops them after the run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from listlint.model.document import Document

if TYPE_CHECKING:
    from listlint.model.entries import Entry
    from listlint.model.toc import Targets
    from listlint.rules._duplicates import Item
    from listlint.rules._entries import ListAnalysis
    from listlint.rules._links import Masked
    from listlint.rules._toc import TocAnalysis


@dataclass(eq=False)
class DocumentFacts:
    """Facts about one document, under the family settings of its configuration."""

    doc: Document
    settings: Mapping[str, Any]

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


@dataclass(eq=False)
class ProjectFacts:
    """Facts about the documents of a run that cross-file rules compare."""

    documents: Sequence[Document]
    settings: Mapping[str, Any]

    @cached_property
    def items(self) -> tuple[Item, ...]:
        """The linked entries of every document, in run order, minus allowed repeats."""
        from listlint.rules._duplicates import allowed_repeats, items

        return items(self.documents, allowed_repeats(self.settings))

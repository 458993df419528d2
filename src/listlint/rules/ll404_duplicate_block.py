"""LL404 duplicate-block."""

from collections.abc import Iterator
from functools import cache

from listlint.findings import Span
from listlint.model.document import Document
from listlint.model.nodes import ListItem
from listlint.rule import Context, Problem, rule


@rule(
    "LL404",
    "duplicate-block",
    tags=("duplicates",),
    options={
        "min-lines": {
            "type": "integer",
            "minimum": 2,
            "default": 3,
            "description": "Shortest run of repeated non-blank lines reported as a block.",
        },
    },
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A run of lines repeats an earlier run: a section, TOC or group of entries pasted twice.

    Why: merge conflicts and copy-paste leave whole blocks twice in a list; every entry in the
    copy is a duplicate and a second TOC drifts from the first. Lines are compared without
    trailing whitespace (indentation counts, so a section's own indented sub-TOC is no copy),
    blank lines and code blocks are skipped, and a block must hold at least `min-lines` lines
    and start two or more Markdown blocks (items, paragraphs, headings, rows) that are not
    nested in one another, so one entry repeated with its links or its sub-items (LL401's
    business) is not a block. In a list that files entries under several sections on purpose
    (LL401's `cross-listing`), a run of entries repeated in another section is not a block
    either; a repeated heading, TOC or paragraph still is. A run of headings, "back to top" links
    and short labels only is a template every section repeats (`**Libraries**`, `[Back to
    Top](#contents)`, `### Libraries`), not a pasted block.

    Example:

        ## Contents
        - [Editors](#editors)
        - [Linters](#linters)
        - [Editors](#editors)
        - [Linters](#linters)

    Fix: delete the second copy.
    """
    minimum = int(ctx.options["min-lines"])
    lines = [
        (number, text.rstrip())
        for number, text in enumerate(doc.lines, 1)
        if text.strip() and number not in doc.code_lines
    ]
    starts = _block_starts(doc)

    @cache
    def entry_lines() -> frozenset[int]:
        """Lines of entries and of navigation ("back to top" between entries is no content),
        found only once a run of blocks repeats."""
        items = {e.list_item.span.line for e in doc.entries if e.list_item is not None}
        return frozenset(items | _navigation_lines(doc))

    @cache
    def scaffolding() -> frozenset[int]:
        """Lines of headings, and of navigation and short labels (``**Libraries**``) outside
        lists: what a template repeats in every section, found only once a run repeats."""
        items = {item.span.line for item in doc.list_items}  # a TOC pasted twice is no template
        outside = (_navigation_lines(doc) | _label_lines(doc)) - items
        return frozenset({h.span.line for h in doc.headings} | outside)

    texts = [text for _, text in lines]
    # The latest earlier occurrence: a run of identical lines then overlaps itself and is skipped at
    # once, instead of being compared with its first line again and again (quadratic).
    last_seen: dict[tuple[str, ...], int] = {}
    index = 0
    while index + minimum <= len(lines):
        window = tuple(texts[index : index + minimum])
        earlier = last_seen.get(window)
        if earlier is None or earlier + minimum > index:
            last_seen[window] = index
            index += 1
            continue
        length = minimum
        while (
            index + length < len(lines)
            and earlier + length < index
            and texts[earlier + length] == texts[index + length]
        ):
            length += 1
        copy = [number for number, _ in lines[index : index + length]]
        if (
            _outer_blocks(starts, copy) < 2
            or (_only_entries(starts, copy, entry_lines()) and ctx.facts.cross_listing)
            or _only_scaffolding(starts, copy, scaffolding())
        ):
            last_seen[window] = index
            index += 1
            continue
        original = lines[earlier][0], lines[earlier + length - 1][0]
        last = copy[-1]
        span = Span(copy[0], 1, last, len(doc.line(last)) + 1)
        yield Problem(
            span,
            f"lines {copy[0]}-{last} repeat lines {original[0]}-{original[1]} "
            f"({length} lines); delete one copy",
        )
        index += length


def _block_starts(doc: Document) -> dict[int, int]:
    """Lines where a list item, paragraph, heading or table row begins, each with the line of
    the block it belongs to: its own, or its entry's for a sub-item that is not an entry itself
    (an app's ``- [App Store](url)``, ``- `2024` `swift```) and for a paragraph inside an item."""
    entries = {entry.list_item for entry in doc.entries if entry.list_item is not None}
    starts: dict[int, int] = {}
    for item in doc.list_items:
        parent = item.parent
        part_of_parent = parent in entries and item not in entries
        starts[item.span.line] = parent.span.line if parent and part_of_parent else item.span.line
    items = sorted(doc.list_items, key=lambda item: item.span.line)
    open_items: list[ListItem] = []
    position = 0
    for line in sorted(
        {p.span.line for p in doc.paragraphs}
        | {h.span.line for h in doc.headings}
        | {r.span.line for r in doc.table_rows}
    ):
        while position < len(items) and items[position].span.line <= line:
            open_items.append(items[position])
            position += 1
        while open_items and open_items[-1].span.end_line < line:
            open_items.pop()
        if line not in starts:
            starts[line] = starts[open_items[-1].span.line] if open_items else line
    return starts


def _outer_blocks(starts: dict[int, int], copy: list[int]) -> int:
    """How many blocks start on the lines ``copy`` (an entry with its sub-items is one)."""
    return len({starts[line] for line in copy if line in starts})


def _navigation_lines(doc: Document) -> set[int]:
    """Lines of paragraphs made of in-document links only (``[back to top](#readme)``)."""
    found = set()
    for paragraph in doc.paragraphs:
        own = doc.links_on(paragraph.span.line)
        texts = "".join("".join(link.text for link in own).split())
        if (
            own
            and all(link.fragment is not None for link in own)
            and "".join(paragraph.inline.plain_text.split()) == texts
        ):
            found.add(paragraph.span.line)
    return found


def _label_lines(doc: Document) -> set[int]:
    """Lines of paragraphs of a few words and no link (``**Libraries**``, ``Tools:``)."""
    return {
        p.span.line
        for p in doc.paragraphs
        if len(p.inline.plain_text.split()) <= _LABEL_WORDS and not doc.links_on(p.span.line)
    }


_LABEL_WORDS = 4


def _only_scaffolding(starts: dict[int, int], copy: list[int], scaffolding: frozenset[int]) -> bool:
    """Whether every block starting on the lines ``copy`` is a heading, navigation or a label."""
    return all(starts[line] in scaffolding for line in copy if line in starts)


def _only_entries(starts: dict[int, int], copy: list[int], entry_lines: frozenset[int]) -> bool:
    """Whether every block starting on the lines ``copy`` is an entry (with its sub-items) or a
    navigation line."""
    return all(starts[line] in entry_lines for line in copy if line in starts)

"""LL404 duplicate-block."""

from collections.abc import Iterator

from listlint.findings import Span
from listlint.model.document import Document
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
    and start two or more Markdown blocks (items, paragraphs, headings, rows), so one entry
    repeated with its links (LL401's business) is not a block.

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
        if sum(number in starts for number in copy) < 2:
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


def _block_starts(doc: Document) -> frozenset[int]:
    """Lines where a list item, paragraph, heading or table row begins."""
    return frozenset(
        [item.span.line for item in doc.list_items]
        + [paragraph.span.line for paragraph in doc.paragraphs]
        + [heading.span.line for heading in doc.headings]
        + [row.span.line for row in doc.table_rows]
    )

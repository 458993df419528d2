"""LL309 list-marker-typo."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule

_MARKERS = ("-", "*", "+")


@rule("LL309", "list-marker-typo", fixable="sometimes", tags=("entries", "lists"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A list item's marker should be typed once and followed by a space.

    Why: without the space Markdown does not see a list item at all: ``-[Name](url) - Desc.``
    renders as a line of paragraph text starting with a dash, glued to the lines around it.
    Reported for a paragraph line that starts with ``-``, ``*`` or ``+`` immediately followed by a
    link (an unmatched ``*`` only: ``*[emphasised link](url)*`` is emphasis, not a broken item).
    A doubled marker (``* * [Name](url)``) nests the entry in an otherwise empty item, which
    renders as a second bullet.

    Example: `-[AdaTracker](https://github.com/UlrikHjort/Ada-Tracker) - A music tracker.`

    Fix (safe): a space is inserted after the marker; the extra marker is removed.
    """
    for item in doc.list_items:
        parent = item.parent
        if parent is None or parent.marker_span.line != item.marker_span.line or parent.paragraph:
            continue
        span = Span(
            parent.marker_span.line,
            parent.marker_span.column,
            item.marker_span.line,
            item.marker_span.column,
        )
        extra = doc.text_at(span)
        marker = doc.text_at(parent.marker_span)
        fix = None
        if extra.startswith(marker) and not extra[len(marker) :].strip():
            fix = Fix((Edit.replace(span, extra, ""),), "remove the extra list marker")
        yield Problem(
            span,
            f"doubled list marker {item.marker!r}: "
            f"the item is nested in an empty item; remove one marker",
            fix,
        )
    for paragraph in doc.paragraphs:
        pieces = paragraph.inline.pieces
        line_start = True
        for index, piece in enumerate(pieces):
            if piece.kind == "softbreak":
                line_start = True
                continue
            starts_line, line_start = line_start, False
            if not starts_line or piece.kind != "text" or piece.text not in _MARKERS:
                continue
            following = pieces[index + 1] if index + 1 < len(pieces) else None
            if following is None or following.kind != "link_open" or following.start != piece.end:
                continue
            span = paragraph.inline.span(piece.start, piece.end)
            yield Problem(
                span,
                f"no space after the list marker {piece.text!r}, so this line is not a list item; "
                f"write '{piece.text} ['",
                Fix(
                    (Edit.replace(span, piece.text, piece.text + " "),),
                    "insert a space after the marker",
                ),
            )

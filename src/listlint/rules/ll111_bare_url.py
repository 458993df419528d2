"""LL111 bare-url."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Link
from listlint.rule import Context, Problem, rule
from listlint.rules._links import short

_TRAILING = " \t.,;:!?)]}*_'\"\u00bb\u201d\u2019"
_MINIMUM_ENTRIES = 5


@rule("LL111", "bare-url", severity="warning", tags=("links", "style"), fixable="unsafe")
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A bare URL in a list whose entries use `[name](url)` links.

    Why: a list that writes its entries as links reads as names; a bare `https://…` among them is
    usually an entry (or a homepage) added in a hurry, and GitHub only links it by guessing where
    it ends. Reported are bare URLs in list items and table cells that start the item or end it
    (nothing but punctuation after them), in a document with at least five entries that use links;
    a URL in the middle of a sentence (`Humanize a URL: https://x.com → x.com`) is left alone, and
    so are `<https://…>` autolinks, URLs in code spans and URLs after a link text whose syntax
    broke (`[Name] (https://…)`, which LL102 reports).

    Example: `- [clappr](https://github.com/clappr/clappr) - An extensible media player http://clappr.io`

    Fix (unsafe): wrap the URL in `<…>`, which makes the link explicit; naming it is up to you.
    """
    linked = sum(
        1 for e in doc.entries if e.named and e.link and e.link.kind in ("inline", "reference")
    )
    if linked < _MINIMUM_ENTRIES:
        return
    blocks = [p.inline for p in doc.paragraphs if p.in_list]
    blocks.extend(cell for row in doc.table_rows if not row.header for cell in row.cells)
    for inline in blocks:
        for piece in inline.pieces:
            if piece.kind != "link_open" or piece.markup != "linkify":
                continue
            start, end = piece.start, piece.end
            if inline.content[:start].rstrip().rstrip("(").rstrip().endswith(("]", ")")):
                continue  # `[name]https://…`, `[name] (https://…)`: broken link syntax (LL102)
            before = inline.content[:start].strip(" \t-*•")
            after = inline.content[end:].strip(_TRAILING)
            if before and after:
                continue
            link = _link_at(doc, inline.span(start, end))
            if link is None:
                continue
            yield Problem(
                link.span,
                f"bare URL `{short(link.destination)}`; {linked} entries of this list "
                "use `[name](url)` links: write `[name](…)`",
                Fix(
                    (Edit.replace(link.span, link.destination, f"<{link.destination}>"),),
                    "wrap the URL in <…>",
                    safe=False,
                ),
            )


def _link_at(doc: Document, span: Span) -> Link | None:
    return next((link for link in doc.links if link.kind == "bare" and link.span == span), None)

"""LL106 destination-whitespace."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Link
from listlint.rule import Context, Problem, rule
from listlint.rules._links import has_whitespace, short, shown, source_text


@rule(
    "LL106",
    "destination-whitespace",
    severity="warning",
    fixable="sometimes",
    tags=("links", "whitespace"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link destination must not be broken across lines nor padded or split by spaces.

    Why: `[text](\\nhttps://…)` and `[text]( https://… )` still render, but only by a CommonMark
    allowance that other renderers and many link checkers do not share, and the broken line is
    usually an accident of an editor's line wrapping. A space inside `<…>` destinations
    (`[text](<https://a b>)`) is encoded as `%20` and almost always means a typo.

    Example: `[[bioRxiv preprint](` at the end of a line and the URL on the next one.

    Fix (safe): the whitespace between `(` and the destination, and between the destination and
    `)`, is removed (joining a destination broken across lines). Spaces inside `<…>` are only
    reported.
    """
    for link in doc.links:
        if link.kind != "inline" or link.destination_span is None or link.text_span is None:
            continue
        span = link.destination_span
        open_paren = (link.text_span.end_line, link.text_span.end_column + 2)
        before = source_text(doc, open_paren, (span.line, span.column))
        if before and not before.strip():
            yield _padding(doc, Span(*open_paren, span.line, span.column), before, link, "before")
        close = (link.span.end_line, link.span.end_column - 1)
        after = source_text(doc, (span.end_line, span.end_column), close)
        if after and not after.strip():
            yield _padding(doc, Span(span.end_line, span.end_column, *close), after, link, "after")
        if has_whitespace(link.destination):
            yield Problem(
                span,
                f"destination `{short(link.destination)}` contains whitespace; "
                "encode spaces as `%20`",
            )


def _padding(doc: Document, span: Span, whitespace: str, link: Link, where: str) -> Problem:
    if "\n" in whitespace:
        message = f"line break {where} the destination of `{shown(link)}`; join the lines"
    else:
        message = f"space {where} the destination of `{shown(link)}`; remove it"
    edit = Edit.replace(span, doc.text_at(span), "")
    return Problem(span, message, Fix((edit,), "remove the whitespace"))

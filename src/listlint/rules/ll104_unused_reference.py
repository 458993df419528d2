"""LL104 unused-reference."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.findings import Edit, Fix, Span
from listlint.rule import Context, Problem, rule
from listlint.rules._links import normalize_label, reference_label, short


@rule("LL104", "unused-reference", severity="warning", fixable=True, tags=("links", "references"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A reference definition `[label]: url` that no link uses.

    Why: an unused definition is usually the leftover of an entry that was removed, or the sign of a
    link whose label was mistyped; either way the URL is invisible to readers.

    Example: `[flask]: https://flask.palletsprojects.com` and no `[…][flask]` or `[flask]` link.

    Fix (unsafe): delete the definition's lines.
    """
    used = {label for link in doc.links if (label := reference_label(doc, link)) is not None}
    for reference in doc.references:
        if reference.duplicate or normalize_label(reference.label) in used:
            continue
        span = reference.span
        whole = Span(span.line, 1, span.end_line + 1, 1)
        yield Problem(
            Span(span.line, span.column, span.line, len(doc.line(span.line)) + 1),
            f"reference `[{short(reference.label, 30)}]` is defined but never used; "
            "remove it or link to it",
            Fix((Edit.replace(whole, ""),), "delete the unused definition", safe=False),
        )

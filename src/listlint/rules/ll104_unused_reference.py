"""LL104 unused-reference."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import ReferenceDefinition
from listlint.rule import Context, Problem, rule
from listlint.rules._links import normalize_label, reference_label, short


@rule(
    "LL104", "unused-reference", severity="warning", fixable="unsafe", tags=("links", "references")
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A reference definition `[label]: url` that no link uses, or that repeats a label.

    Why: an unused definition is usually the leftover of an entry that was removed, or the sign of a
    link whose label was mistyped; either way the URL is invisible to readers. Of two definitions
    of one label only the first counts, so the second is never used even when its URL differs.

    Example: `[flask]: https://flask.palletsprojects.com` and no `[…][flask]` or `[flask]` link.

    Fix (unsafe): delete the definition's lines.
    """
    used = {label for link in doc.links if (label := reference_label(doc, link)) is not None}
    first: dict[str, ReferenceDefinition] = {}
    by_place: dict[Span, ReferenceDefinition] = {}  # each definition once, as written
    for reference in doc.references:
        if reference.span not in by_place or by_place[reference.span].duplicate:
            by_place[reference.span] = reference
    for reference in sorted(by_place.values(), key=lambda r: r.span.line):
        label = normalize_label(reference.label)
        earlier = first.setdefault(label, reference)
        if earlier is not reference:
            same = earlier.destination == reference.destination
            message = (
                f"`[{short(reference.label, 30)}]` is defined again (first on line "
                f"{earlier.span.line}{'' if same else ', with another URL'}); only the first counts"
            )
        elif label not in used:
            message = (
                f"reference `[{short(reference.label, 30)}]` is defined but never used; "
                "remove it or link to it"
            )
        else:
            continue
        span = reference.span
        whole = Span(span.line, 1, span.end_line + 1, 1)
        yield Problem(
            Span(span.line, span.column, span.line, len(doc.line(span.line)) + 1),
            message,
            Fix(
                (Edit.replace(whole, doc.text_at(whole), ""),), "delete the definition", safe=False
            ),
        )

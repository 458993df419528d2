"""LL502 multiple-h1."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL502", "multiple-h1", severity="warning", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A list has one top-level heading: its title.

    Why: a second `#` heading splits the document's outline in two; sections of a list belong at
    `##` and below.

    Example:

        # Awesome Widgets
        ...
        # Contributing

    Fix: make the later heading a `##` heading.
    """
    first = None
    for heading in doc.headings:
        if heading.level != 1:
            continue
        if first is None:
            first = heading
            continue
        yield Problem(
            heading.span,
            f"second h1 (the title is {first.text.strip()!r} at line {first.span.line}); "
            "use ## for sections",
        )

"""LL107 link-text-whitespace."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.findings import Edit, Fix, Span
from listlint.rule import Context, Problem, rule
from listlint.rules._links import raw_label, short


@rule(
    "LL107", "link-text-whitespace", severity="warning", fixable=True, tags=("links", "whitespace")
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Link text must not start or end with spaces: `[ Flask ](url)`.

    Why: the spaces are part of the link, so they show as underlined blanks around the name and
    make the entry look misaligned next to its neighbours. Only text on one line is checked; links
    with no other text than spaces are LL105's.

    Example: `- [Flask ](https://flask.palletsprojects.com) - A microframework.`

    Fix (safe): the leading and trailing spaces inside the brackets are removed.
    """
    for link in doc.links:
        if link.image or link.text_span is None or not link.text.strip():
            continue
        label = raw_label(doc, link)
        span = link.text_span
        if label is None or span.line != span.end_line:
            continue
        stripped = label.strip(" \t")
        if stripped == label or not stripped:
            continue
        lead = len(label) - len(label.lstrip(" \t"))
        trail = len(label) - len(label.rstrip(" \t"))
        edits = []
        if lead:
            edits.append(Edit(span.line, span.column, span.line, span.column + lead, ""))
        if trail:
            edits.append(Edit(span.line, span.end_column - trail, span.line, span.end_column, ""))
        where = "leading and trailing" if lead and trail else "leading" if lead else "trailing"
        yield Problem(
            Span(span.line, span.column, span.line, span.end_column),
            f"{where} space in link text `[{label}]`; write `[{short(stripped, 30)}]`",
            Fix(tuple(edits), "trim the link text"),
        )

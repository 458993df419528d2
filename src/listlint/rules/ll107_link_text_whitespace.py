"""LL107 link-text-whitespace."""

from collections import Counter
from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Link
from listlint.rule import Context, Problem, rule
from listlint.rules._links import raw_label, short

_STYLE_SHARE = 0.5  # a section where at least this share of links is padded pads on purpose
_STYLE_MINIMUM = 5


@rule(
    "LL107",
    "link-text-whitespace",
    severity="warning",
    fixable="always",
    tags=("links", "whitespace"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Link text must not start or end with spaces: `[ Flask ](url)`.

    Why: the spaces are part of the link, so inside a sentence they show as underlined blanks, and
    they make the entry look misaligned next to its neighbours. Only text on one line is checked;
    links with no other text than spaces are LL105's. A section where at least half of the links
    (and at least five) are padded, like awesome-deep-learning's `[ Yann LeCun ](…)` researchers,
    pads on purpose and is left alone.

    Example: `- [Flask ](https://flask.palletsprojects.com) - A microframework.`

    Fix (safe): the leading and trailing spaces inside the brackets are removed.
    """
    padded: list[tuple[Link, str]] = []
    links_per_section: Counter[int] = Counter()
    for link in doc.links:
        if link.image or link.text_span is None or not link.text.strip():
            continue
        links_per_section[_section(doc, link)] += 1
        label = raw_label(doc, link)
        span = link.text_span
        if label is not None and span.line == span.end_line and label.strip(" \t") != label:
            padded.append((link, label))
    padded_per_section = Counter(_section(doc, link) for link, _ in padded)
    for link, label in padded:
        section = _section(doc, link)
        count = padded_per_section[section]
        if count >= _STYLE_MINIMUM and count >= _STYLE_SHARE * links_per_section[section]:
            continue
        yield _problem(link, label)


def _section(doc: Document, link: Link) -> int:
    section = doc.section_at(link.span.line)
    return section.start_line if section else 0


def _problem(link: Link, label: str) -> Problem:
    assert link.text_span is not None
    span = link.text_span
    stripped = label.strip(" \t")
    lead = len(label) - len(label.lstrip(" \t"))
    trail = len(label) - len(label.rstrip(" \t"))
    edits = []
    if lead:
        edits.append(Edit(span.line, span.column, span.line, span.column + lead, "", label[:lead]))
    if trail:
        edits.append(
            Edit(span.line, span.end_column - trail, span.line, span.end_column, "", label[-trail:])
        )
    where = "leading and trailing" if lead and trail else "leading" if lead else "trailing"
    return Problem(
        Span(span.line, span.column, span.line, span.end_column),
        f"{where} space in link text `[{label}]`; write `[{short(stripped, 30)}]`",
        Fix(tuple(edits), "trim the link text"),
    )

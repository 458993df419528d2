"""LL508 heading-level-mismatch."""

import re
from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.rule import Context, Problem, rule

_ATX_OPENING = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
NAMED_SIBLINGS = 3


@rule(
    "LL508",
    "heading-level-mismatch",
    severity="warning",
    fixable="sometimes",
    tags=("headings", "toc"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A heading's level differs from its siblings' in the table of contents.

    Why: the TOC shows which sections are peers; when it lists a `##` heading among `###`
    siblings, the heading usually has one `#` too few (a contributor's typo), and on the page it
    swallows the sections after it as its sub-sections. Reported when at least 3 entries are
    listed together (under the same entry) and at least ¾ of the others lead to headings of one
    level. A deeper heading is reported only when it is the last sub-section of the sibling
    listed before it (a real sub-section listed at the wrong depth is LL205's). The TOC is then
    compared with the level the heading should have, so LL205 does not report its entry too.

    Example:

        - [Tools](#tools)
          - [Linters](#linters)
          - [Editors](#editors)
          - [Formatters](#formatters)

        ## Tools
        ### Linters
        ## Editors
        ### Formatters

    Fix (safe, for `#` headings): the heading gets its siblings' level (`### Editors`).
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    for heading, outlier in sorted(analysis.outliers.items(), key=lambda o: o[0].span.line):
        level = outlier.level
        parent = outlier.parent
        if parent is None:
            where = "at the top level"
        else:
            where = f"under `{parent.text}`"
        named = [f"`{analysis.titles[h]}`" for h in outlier.siblings[:NAMED_SIBLINGS]]
        if len(outlier.siblings) > NAMED_SIBLINGS:
            named.append(f"{len(outlier.siblings) - NAMED_SIBLINGS} more")
        marks = "#" * level
        remedy = f"make it `{marks}`"
        if outlier.moved:
            count = len(outlier.moved)
            remedy += f", and its {count} sub-section{'s' * (count > 1)} one level "
            remedy += "deeper" if level > heading.level else "higher"
        yield Problem(
            heading.span,
            f"`{'#' * heading.level} {analysis.titles[heading]}` is h{heading.level}, but the "
            f"table of contents lists it {where} among h{level} headings ({', '.join(named)}); "
            f"{remedy}",
            _level_fix(doc, (heading, *outlier.moved), level - heading.level, remedy),
        )


def _level_fix(doc: Document, headings: tuple[Heading, ...], shift: int, remedy: str) -> Fix | None:
    """The edits that change each heading's ``#`` count by ``shift``; None for a setext one."""
    edits = []
    for heading in headings:
        number = heading.span.line
        opening = _ATX_OPENING.match(doc.line(number))
        if opening is None:
            return None  # a setext heading: its underline makes it h1 or h2
        span = Span(number, opening.start(1) + 1, number, opening.end(1) + 1)
        edits.append(Edit.replace(span, opening.group(1), "#" * (heading.level + shift)))
    return Fix(tuple(edits), remedy)

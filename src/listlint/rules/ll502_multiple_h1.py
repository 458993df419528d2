"""LL502 multiple-h1."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.model.nodes import Heading
from listlint.rule import Context, Problem, rule
from listlint.rules._headings import html_title_line
from listlint.rules._toc import TocAnalysis


@rule("LL502", "multiple-h1", severity="warning", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A list has one top-level heading: its title.

    Why: a second `#` heading splits the document's outline in two; sections of a list belong at
    `##` and below. The title may be an HTML `<h1>` (a centred banner): then every `#` heading
    is a second one. Not reported: `#` parts that the table of contents lists as parts, beside
    the title's entry or other `#` parts (awesome-cpp's `# Software`, `# Resources`), and
    headings that LL508 or LL205 already report for their level.

    Example:

        # Awesome Widgets
        ...
        # Contributing

    Fix: make the later heading a `##` heading.
    """
    html = html_title_line(doc)
    analysis = ctx.facts.toc
    first: Heading | None = None
    for heading in doc.headings:
        if heading.level != 1:
            continue
        if first is None and html is None:
            first = heading
            continue
        if analysis is not None and _reported_or_a_part(analysis, heading):
            continue
        title = (
            f"the title is `{first.text.strip()}` on line {first.span.line}"
            if first is not None
            else f"the title is the HTML `<h1>` on line {html}"
        )
        yield Problem(heading.span, f"second h1 ({title}); use ## for sections")


def _reported_or_a_part(analysis: TocAnalysis, heading: Heading) -> bool:
    """Whether the TOC lists ``heading`` among `#` headings only (a part), or LL508/LL205 report
    its level."""
    if heading in analysis.outliers:
        return True
    if any(m.heading is heading and m.level is not None for m in analysis.misplaced):
        return True
    item = analysis.listed.get(heading)
    if item is None:
        return False
    group = analysis.group(item)
    peers = [
        h
        for i, h in analysis.heading_of_item.items()
        if i is not item and analysis.group(i) == group
    ]
    return bool(peers) and all(analysis.level[h] == 1 for h in peers)

"""LL509 title-level."""

import re
from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.nodes import Paragraph
from listlint.rule import Context, Problem, rule
from listlint.rules._headings import html_title_line, is_title_like

_H2 = re.compile(r" {0,3}##(?=[ \t])")


@rule("LL509", "title-level", severity="warning", fixable="sometimes", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A list with no `#` heading writes its title as a `##` heading or in bold.

    Why: the title is the one `#` heading of a list; written as `## Awesome X`, it is a sibling
    of the list's own `##` sections in the outline (GitHub's heading menu, TOC generators), and
    written as `**Awesome X**` it is no heading at all. Reported only when the document has no
    `#` heading and no HTML `<h1>`, and the title comes before the TOC and the first entry: a
    `##` heading that names an awesome list or carries a badge, followed by other `##`
    sections, or a bold paragraph on the first line followed by `##` sections. Titles made of a
    banner image are fine.

    Example:

        ## Awesome X [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

        ## Resources

    Fix: `#` for the `##` title (safe); `# Awesome X` for the bold one (unsafe: it changes the
    page's look).
    """
    headings = doc.headings
    if any(h.level == 1 for h in headings) or html_title_line(doc) is not None:
        return
    starts = [doc.entries[0].span.line] if doc.entries else []
    if doc.toc is not None:
        starts.append(doc.toc.start_line)
    limit = min(starts, default=len(doc.lines) + 1)
    sections = [h for h in headings if h.level == 2]
    first = headings[0] if headings else None
    opening = _H2.match(doc.line(first.span.line)) if first is not None else None
    if (
        first is not None
        and opening is not None
        and first.level == 2
        and first.span.line < limit
        and len(sections) > 1
        and is_title_like(doc, first)
    ):
        line = first.span.line
        edit = Edit.replace(Span(line, opening.end() - 1, line, opening.end() + 1), "##", "#")
        yield Problem(
            first.span,
            f"the list's title `{first.text.strip()}` is h2, a sibling of its own `##` "
            f"sections (`{sections[1].text.strip()}`, ...); make it `#`",
            Fix((edit,), "make the title `#`"),
        )
        return
    bold = _bold_first_line(doc)
    if bold is not None and sections and bold.span.line < limit:
        title = bold.inline.plain_text.strip()
        span = bold.span
        original = doc.text_at(span)
        yield Problem(
            span,
            f"the list's title `{title}` is bold text, not a heading; write it `# {title}`",
            Fix((Edit.replace(span, original, f"# {title}"),), "make the title a heading", False),
        )


def _bold_first_line(doc: Document) -> Paragraph | None:
    """The paragraph on the document's first non-blank line, when it is all bold and one line."""
    number = next((n for n, line in enumerate(doc.lines, 1) if line.strip()), None)
    paragraph = next((p for p in doc.paragraphs if p.span.line == number), None)
    if paragraph is None or paragraph.span.end_line != number or paragraph.in_list:
        return None
    kinds = [p.kind for p in paragraph.inline.pieces if p.kind != "text" or p.text.strip()]
    if kinds[:1] != ["strong_open"] or kinds[-1:] != ["strong_close"]:
        return None
    inner = kinds[1:-1]
    if any(kind in ("strong_open", "strong_close", "link_open", "image") for kind in inner):
        return None
    return paragraph

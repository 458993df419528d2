"""LL206 toc-text."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_edits import retext_fix
from listlint.rules._toc_text import comparable, look_alikes


@rule("LL206", "toc-text", severity="warning", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry's text differs from its heading's.

    Why: when a heading is renamed, its entry keeps the old name (the link often still works
    through an explicit `<a name>` anchor), so the TOC promises a section the page does not have.
    Ignored: anchor HTML, emoji and `:shortcodes:`, "back to top" links in the heading, and what
    the TOC does consistently: a case style (a case change is reported only when at least 80% of
    entries keep their heading's case), a prefix or suffix it drops (`[tar](#tool-tar)` for
    `## Tool: tar`, when 80% of such headings' entries drop it). Look-alike letters of another
    script (a Latin `c` for a Cyrillic `с`) are named in the message.

    Example:

        - [Predicting enhancers and regulatory elements](#genomics_enhancers)

        ### Predicting enhancers and regulatory regions <a name='genomics_enhancers'></a>

    Fix (safe): the link text is replaced by the heading's, in the TOC's style.
    """
    analysis = ctx.facts.toc
    style = ctx.facts.toc_style
    if analysis is None or style is None:
        return
    text = analysis.text
    for item, heading in analysis.heading_of_item.items():
        if item in analysis.retargets or item in analysis.twins:
            continue  # LL203 and LL207 retarget these first; their text is judged after
        title = analysis.titles[heading]
        if not text.differs(item.text, title):
            continue
        message = f"TOC entry reads `{item.text}` but its heading reads `{title}`"
        entry, shown = comparable(item.text), comparable(title)
        alike = look_alikes(entry, shown)
        if alike:
            message += f": look-alike letters, {alike}"
        elif entry.casefold() == shown.casefold():
            total = text.same + text.case_differs
            message += f" (case differs; {text.same} of {total} entries keep their heading's case)"
        place = item.link.text_span or item.span if item.link else item.span
        yield Problem(place, message, retext_fix(doc, analysis, style, item))

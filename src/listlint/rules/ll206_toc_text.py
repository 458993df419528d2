"""LL206 toc-text."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import case_usage, comparable, text_differs
from listlint.rules._toc_rewrite import rewrite_fix


@rule("LL206", "toc-text", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A table of contents entry's text differs from its heading's.

    Why: when a heading is renamed, its entry keeps the old name (the link often still works
    through an explicit `<a name>` anchor), so the TOC promises a section the page does not have.
    Anchor HTML, emoji and `:shortcodes:` are ignored, and so are case changes when the TOC makes
    them consistently (a case change is reported only when at least 80% of entries keep their
    heading's case).

    Example:

        - [Predicting enhancers and regulatory elements](#genomics_enhancers)

        ### Predicting enhancers and regulatory regions <a name='genomics_enhancers'></a>

    Fix: use the heading's text; `--fix` rewrites the TOC from the headings.
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    toc = analysis.toc
    usage = case_usage(toc)
    differing = [item for item in toc.items if text_differs(item, usage)]
    if not differing:
        return
    fix = rewrite_fix(doc, analysis)
    for item in differing:
        heading = item.heading
        assert heading is not None
        heading_text = heading.text.strip()
        message = f"TOC entry reads `{item.text}` but its heading reads `{heading_text}`"
        if comparable(item.text).casefold() == comparable(heading_text).casefold():
            message += (
                f" (case differs; {usage.same} of {usage.same + usage.differs} entries keep "
                "their heading's case)"
            )
        yield Problem(item.link.text_span or item.span if item.link else item.span, message, fix)

"""LL209 toc-regenerate."""

from collections.abc import Iterator

from listlint.findings import Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc_rewrite import rewrite_fix, rewritten_toc


@rule(
    "LL209",
    "toc-regenerate",
    severity="warning",
    default=False,
    fixable="unsafe",
    tags=("anchors", "toc"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """The table of contents differs from the one its headings give (opt-in).

    Why: the other TOC rules report, and fix, one entry at a time, and leave alone what the list
    does on purpose. This rule is the explicit "regenerate" action for a maintainer who wants the
    TOC written again from the headings: it reports the TOC once, with how many entries would
    change. Only what renders counts: each entry's depth and text, not how wide its indentation
    is. It is off by default; enable it with `--extend-select LL209`.

    Example: a TOC whose entries were re-ordered, re-nested and renamed by hand.

    Fix (unsafe, so only with `--unsafe-fixes`): the TOC list is written again from the headings
    the TOC should list, in the list's own style (bullets, indentation, explicit anchors, case,
    dropped prefixes): existing entries keep their line (with text and dead fragments corrected,
    and their indentation when they keep their depth and parent), removed headings' entries are
    dropped, missing ones added, each at the depth of its heading, under its section's entry
    (a title listed as the root stays the root). Siblings follow the document's order, or the
    alphabet where the TOC sorts them: entries stay, those LL204 reports move where it says,
    new ones go to their alphabetical place. No fix when the TOC holds something it cannot
    place (external links, group labels, entries over several lines, several lists).
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    rewrite = rewritten_toc(doc, analysis)
    if rewrite is None or not rewrite.differs:
        return
    from difflib import SequenceMatcher  # only a TOC that differs from its headings needs it

    matcher = SequenceMatcher(a=rewrite.old_shape, b=rewrite.shape, autojunk=False)
    changed = sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )
    first = analysis.toc.lists[0][0]
    yield Problem(
        Span(first, 1, first, len(doc.line(first)) + 1),
        f"the table of contents differs from its headings in {changed} "
        f"entr{'ies' if changed != 1 else 'y'}; "
        "`--unsafe-fixes` writes it again from the headings",
        rewrite_fix(doc, analysis, rewrite),
    )

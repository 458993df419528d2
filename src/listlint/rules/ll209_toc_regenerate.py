"""LL209 toc-regenerate."""

from collections.abc import Iterator
from difflib import SequenceMatcher

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
    TOC written again from the headings: it reports the TOC once, with how many lines would
    change. It is off by default; enable it with `--extend-select LL209`.

    Example: a TOC whose entries were re-ordered, re-nested and renamed by hand.

    Fix (unsafe, so only with `--unsafe-fixes`): the TOC list is written again from the headings
    the TOC should list, in the list's own style (bullets, indentation, explicit anchors, case,
    dropped prefixes): existing entries keep their line (with text and dead fragments corrected),
    removed headings' entries are dropped, missing ones added, everything in document order at
    the depth of its heading. No fix when the TOC holds something it cannot place (external
    links, group labels, entries over several lines, several lists).
    """
    analysis = ctx.facts.toc
    if analysis is None:
        return
    text = rewritten_toc(doc, analysis)
    first, last = analysis.toc.lists[0]
    old = list(doc.lines[first - 1 : last])
    if text is None or text.split("\n") == old:
        return
    matcher = SequenceMatcher(a=old, b=text.split("\n"), autojunk=False)
    changed = sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )
    yield Problem(
        Span(first, 1, first, len(doc.line(first)) + 1),
        f"the table of contents differs from its headings in {changed} "
        f"line{'s' * (changed != 1)}; "
        "`--unsafe-fixes` writes it again from the headings",
        rewrite_fix(doc, analysis),
    )

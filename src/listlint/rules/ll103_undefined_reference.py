"""LL103 undefined-reference."""

import re
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import LINK_MASK, OPAQUE_MASK, normalize_label, short

_TEXT = rf"[^\[\]{LINK_MASK}{OPAQUE_MASK}]"
_FULL = re.compile(rf"!?\[({_TEXT}+)\]\[({_TEXT}*)\]")


@rule("LL103", "undefined-reference", tags=("links", "references"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A reference-style link `[text][label]` or `[text][]` must have a `[label]: url` definition.

    Why: without its definition the link is not rendered; readers see `[text][label]` as plain text.
    A lone `[text]` is not reported: in prose it is usually meant literally ("[WIP]", "[1]").
    Labels starting with `^` (footnotes) are skipped.

    Example: `- [Flask][flask] - A microframework.` with no `[flask]: https://…` line.

    Fix: none; add the definition or write an inline link.
    """
    defined = {normalize_label(reference.label) for reference in doc.references}
    for block in ctx.facts.masked_blocks:
        if "][" not in block.text:
            continue
        for match in _FULL.finditer(block.text):
            label = match.group(2) or match.group(1)
            if label.startswith("^") or normalize_label(label) in defined or not label.strip():
                continue
            if match.start() and block.text[match.start() - 1].isalnum():
                continue  # `matrix[i][j]` is an index, not a link
            yield Problem(
                block.span(match.start(), match.end()),
                f"reference `[{short(label, 30)}]` is not defined; "
                f"add `[{short(label, 30)}]: <url>` "
                "or write an inline link",
            )

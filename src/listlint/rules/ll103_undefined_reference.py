"""LL103 undefined-reference."""

import re
from collections.abc import Iterator

from listlint.findings import Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import LINK_MASK, OPAQUE_MASK, normalize_label, short

_TEXT = rf"[^\[\]{LINK_MASK}{OPAQUE_MASK}]"
_FULL = re.compile(rf"!?\[({_TEXT}+)\]\[({_TEXT}*)\]")
_RUN = re.compile(rf"(?:\[{_TEXT}*\]){{2,}}")  # ``[GPLv3+][MIT][Apache2]``
_BRACKETED = re.compile(rf"\[({_TEXT}*)\]")


@rule("LL103", "undefined-reference", tags=("links", "references"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A reference-style link `[text][label]` or `[text][]` must have a `[label]: url` definition.

    Why: without its definition the link is not rendered; readers see `[text][label]` as plain text.
    A lone `[text]` is not reported: in prose it is usually meant literally ("[WIP]", "[1]").
    Labels starting with `^` (footnotes) are skipped, and so is a run of two or more bracketed
    tags in an entry's metadata none of which is defined (licence tags: `- [Kaitai](url) - A
    language. [GPLv3+][MIT][Apache2]`).

    Example: `- [Flask][flask] - A microframework.` with no `[flask]: https://…` line.

    Fix: none; add the definition or write an inline link.
    """
    defined = {normalize_label(reference.label) for reference in doc.references}
    metadata: dict[int, set[str]] = {}
    for entry in doc.entries:
        for line in range(entry.span.line, entry.span.end_line + 1):
            metadata.setdefault(line, set()).update(entry.metadata)
    for block in ctx.facts.masked_blocks:
        if "][" not in block.text:
            continue
        runs = list(_RUN.finditer(block.text))
        for match in _FULL.finditer(block.text):
            label = match.group(2) or match.group(1)
            if label.startswith("^") or normalize_label(label) in defined or not label.strip():
                continue
            if match.start() and block.text[match.start() - 1].isalnum():
                continue  # `matrix[i][j]` is an index, not a link
            run = next((r for r in runs if r.start() <= match.start() < r.end()), None)
            if run is not None and _tags(run.group(0), defined, metadata, block.span(*run.span())):
                continue
            yield Problem(
                block.span(match.start(), match.end()),
                f"reference `[{short(label, 30)}]` is not defined; "
                f"add `[{short(label, 30)}]: <url>` "
                "or write an inline link",
            )


def _tags(run: str, defined: set[str], metadata: dict[int, set[str]], span: Span) -> bool:
    """Whether a run of bracketed texts is tags of an entry: none is a defined label, and each
    is a tag of the entry's metadata on that line."""
    labels = [label.strip() for label in _BRACKETED.findall(run)]
    tags = metadata.get(span.line, set())
    return all(normalize_label(label) not in defined and label in tags for label in labels)

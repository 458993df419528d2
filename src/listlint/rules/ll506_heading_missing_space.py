"""LL506 heading-missing-space."""

import re
from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule

# `###Title` on a line of its own: the hashes, then a letter, digit or mark (not `#!`, `#1`).
_NO_SPACE = re.compile(r" {0,3}(#{1,6})(?=[^\W_])(.*)")


@rule("LL506", "heading-missing-space", fixable="always", tags=("headings",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A line meant as a heading has no space after its `#`s, so it is not one.

    Why: since GitHub moved to CommonMark (2017), `###Web Feed Reader` renders as the literal
    text `###Web Feed Reader`: the section has no heading, no anchor and no place in the outline.
    Reported for a line of its own (a one-line paragraph, not in a list or quote) that starts
    with two to six `#`, or with one `#` and a capital or non-Latin letter and several words
    (`#include <x>` and `#hashtag` are left alone).

    Example:

        ###Web Feed Reader
        - [a](https://a.example) - A.

    Fix (safe): a space is inserted after the `#`s (`### Web Feed Reader`).
    """
    for paragraph in doc.paragraphs:
        number = paragraph.span.line
        if paragraph.in_list or paragraph.in_quote or paragraph.span.end_line != number:
            continue
        line = doc.line(number)
        found = _NO_SPACE.fullmatch(line)
        if found is None or not _meant_as_heading(found.group(1), found.group(2)):
            continue
        hashes = found.group(1)
        column = found.end(1) + 1
        yield Problem(
            Span(number, found.start(1) + 1, number, len(line) + 1),
            f"`{line.strip()}` is not a heading: GitHub needs a space after `{hashes}`; "
            f"write `{hashes} {found.group(2).strip()}`",
            Fix((Edit.insert(number, column, " "),), f"add a space after `{hashes}`"),
        )


def _meant_as_heading(hashes: str, text: str) -> bool:
    if not any(char.isalpha() for char in text):
        return False
    if len(hashes) > 1:
        return True
    first = text[0]
    return (first.isupper() or not first.isascii()) and (" " in text.strip() or not first.isascii())

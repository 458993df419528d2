"""LL313 description-repeats-name."""

import re
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule

_NOT_WORD = re.compile(r"[\W_]+")


def _normal(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())


@rule("LL313", "description-repeats-name", severity="warning", tags=("entries", "description"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description should say something the name does not.

    Why: ``- [Flask](url) - Flask.`` spends the description on repeating the name. Reported when
    the description, ignoring case, spaces and punctuation, is the name (or the name with the
    list's usual words "a", "the" around it). Names shorter than three letters are not judged.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - Ruff.`

    Fix: describe what the entry is or does.
    """
    for entry in ctx.facts.content_entries:
        if entry.description_span is None or not entry.name:
            continue
        description = _normal(entry.description)
        for article in ("the", "a", "an"):
            if description.startswith(article) and description[len(article) :] == _normal(
                entry.name
            ):
                description = description[len(article) :]
        if len(description) >= 3 and description == _normal(entry.name):
            yield Problem(
                entry.description_span,
                f"description of {entry.name[:50]!r} only repeats the name; say what it is or does",
            )

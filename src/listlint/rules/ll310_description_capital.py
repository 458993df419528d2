"""LL310 description-capital."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import (
    capitalised_words,
    convention,
    first_word,
    starts_lowercase,
    style,
)


@rule(
    "LL310",
    "description-capital",
    severity="warning",
    fixable="unsafe",
    tags=("entries", "description"),
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A description should start with a capital letter when the list's descriptions do.

    Why: lists read as a column of sentences; one description starting in lowercase stands out.
    The convention is the list's majority (or the configured style's ``capitalized``). Words that
    are not ordinary lowercase words are never reported: a word counts as ordinary only when some
    description of the list writes it capitalised (``Provides``), so names written in lowercase
    (``sklearn``, ``npm``, ``p2p``), code, quotes, digits and the entry's own name are left alone.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - fast Python linter.`

    Fix (unsafe, as some lowercase words are names): the first letter is capitalised.
    """
    configured = style(ctx.settings)
    entries = [
        e for e in ctx.facts.content_entries if e.description and e.description_span is not None
    ]
    ordinary = None if configured.capitalized else capitalised_words(entries)
    verdicts = [(entry, starts_lowercase(entry, ordinary)) for entry in entries]
    wanted = convention(
        configured.capitalized,
        configured,
        (not lower for _, lower in verdicts if lower is not None),
    )
    if wanted is None or wanted.value is not True:
        return
    for entry, lower in verdicts:
        span = entry.description_span
        if not lower or span is None:
            continue
        word = first_word(entry.description)
        line = doc.line(span.line)
        column = line.find(word, span.column - 1)
        fix = None
        if column >= 0:
            letter = Span(span.line, column + 1, span.line, column + 2)
            fix = Fix(
                (Edit.replace(letter, word[0], word[0].upper()),),
                "capitalise the description",
                safe=False,
            )
        yield Problem(
            span,
            f"description of {entry.name[:50]!r} starts with lowercase {word!r} "
            f"({wanted.evidence('descriptions in this list start with a capital letter')})",
            fix,
        )

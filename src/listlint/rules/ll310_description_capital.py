"""LL310 description-capital."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import (
    capitalised_words,
    decide,
    first_word,
    latin_initial,
    list_of,
    starts_lowercase,
    style,
)

CAPITAL = "start with a capital letter"


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
    The convention is the document's majority (or the configured style's ``capitalized``); a
    sub-list whose descriptions clearly start their own way (80 % of at least three) is judged
    by its own, and reported once, as a whole, when that is lowercase in a capitalised document.
    Only lists whose descriptions are mostly written in Latin script have a capital convention
    (a Chinese list's few English descriptions say nothing). Words that are not ordinary
    lowercase words are never reported: a word counts as ordinary only when some description of
    the list writes it capitalised (``Provides``), so names written in lowercase (``sklearn``,
    ``npm``, ``p2p``), code, quotes, digits and the entry's own name are left alone. Tags before
    the description (``- [python] -``), markers and an attribution (``by [Author](url)``) are
    metadata, and a GitHub ``:emoji:`` is a picture: none is the description's first word.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - fast Python linter.`

    Fix (unsafe, as some lowercase words are names): the first letter is capitalised.
    """
    configured = style(ctx.settings)
    entries = [
        e for e in ctx.facts.content_entries if e.description and e.description_span is not None
    ]
    scripts = [latin for latin in map(latin_initial, entries) if latin is not None]
    if configured.capitalized is None and 2 * sum(scripts) < len(scripts):
        return  # mostly other scripts: no capital convention
    ordinary = None if configured.capitalized else capitalised_words(entries)
    verdicts = {entry: starts_lowercase(entry, ordinary) for entry in entries}

    def capital(entry: Entry) -> bool | None:
        lower = verdicts[entry]
        return None if lower is None else not lower

    decided, deviations = decide(entries, capital, configured.capitalized, configured)
    for deviation in deviations:
        if deviation.document.value is True:
            lowered = [e for e in deviation.entries if verdicts[e]]
            words = ", ".join(repr(first_word(e.description)) for e in lowered[:3])
            fixes = [_fix(doc, e) for e in lowered]
            yield Problem(
                lowered[0].description_span or lowered[0].span,
                f"descriptions of this list ({deviation.own.total}) start with a lowercase word "
                f"({words}{', …' if len(lowered) > 3 else ''}), unlike the document "
                f"({deviation.document.evidence('descriptions', CAPITAL)})",
                Fix(tuple(f for f in fixes if f), "capitalise the descriptions", safe=False)
                if all(fixes)
                else None,
            )
    for entry in entries:
        wanted = decided.get(list_of(entry))
        if not verdicts[entry] or wanted is None or wanted.value is not True:
            continue
        edit = _fix(doc, entry)
        yield Problem(
            entry.description_span or entry.span,
            f"description of {entry.name[:50]!r} starts with lowercase "
            f"{first_word(entry.description)!r} ({wanted.evidence('descriptions', CAPITAL)})",
            Fix((edit,), "capitalise the description", safe=False) if edit else None,
        )


def _fix(doc: Document, entry: Entry) -> Edit | None:
    """The edit capitalising the description's first letter, where it is found on its line."""
    span = entry.description_span
    if span is None:
        return None
    word = first_word(entry.description)
    column = doc.line(span.line).find(word, span.column - 1)
    if column < 0:
        return None
    letter = Span(span.line, column + 1, span.line, column + 2)
    return Edit.replace(letter, word[0], word[0].upper())

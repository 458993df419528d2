"""LL302 entry-separator."""

from collections.abc import Callable, Iterable, Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.model.entries import Entry
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import Deviation, ListKey, decide, list_of, majority, style

SEPARATE = "separate name and description that way"


@rule(
    "LL302", "entry-separator", severity="warning", fixable="sometimes", tags=("entries", "format")
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Name and description should be separated the way the rest of the list separates them.

    Why: ``- [Name](url) - Description.`` is the most common shape; a missing dash, an en dash, a
    colon or doubled spaces in a few entries are slips that make the list look unkept. The expected
    separator is the document's majority among list entries with a description (or the configured
    style's ``separator``); a sub-list with a clear separator of its own (80 % of at least three
    entries) is judged by its own, and when its separator differs from the document's, the
    sub-list is reported once, as a whole. A list whose entries run straight into a description
    that continues the name (``[DevDocs](url) is a ...``) has no separator, and its entries are
    not asked for one. Markers between the name and the separator (``:zap:``, emoji,
    ``**[Deprecated]**``, ``[1290⭐]``) and tags between two separators (``- [python] -``) are
    metadata, not a missing separator; a second link after ``|`` (``| [website](url)``) is a
    link of the entry, not a description.

    Example:

        - [ruff](https://github.com/astral-sh/ruff) Fast linter.
        - [black](https://github.com/psf/black): The uncompromising formatter.

    Fix: the separator is replaced with the list's (safe when the entry had a separator of another
    form; unsafe when it had none, as the text after the name might not be a description).
    """
    configured = style(ctx.settings)
    entries = [
        e
        for e in ctx.facts.content_entries
        if e.style == "list" and e.description_layout == "inline" and e.separator_span is not None
    ]
    decided, deviations = decide(entries, lambda e: e.separator, configured.separator, configured)
    attributed = _attributed_lists(ctx.facts.content_entries)
    prose = _prose_lists(entries) | attributed
    for deviation in deviations:
        if deviation.document.value.strip() and list_of(deviation.entries[0]) not in attributed:
            yield from _whole_list(deviation)
    for entry in entries:
        wanted = decided.get(list_of(entry))
        if wanted is None or not wanted.value.strip() or entry.separator == wanted.value:
            continue
        missing = not entry.separator.strip()
        if missing and list_of(entry) in prose and not wanted.source:
            continue  # a list written as prose (``[DevDocs](url) is a ...``): its own convention
        if missing and (
            entry.description_prose.startswith("(")
            or not any(char.isalnum() for char in entry.description_prose)
        ):
            continue  # ``[Name](url) (Japanese)`` or an emoji: a note on the name, no description
        problem = "missing separator" if missing else f"separator {entry.separator!r}"
        yield Problem(
            entry.separator_span or entry.span,
            f"{problem} between {entry.name[:50]!r} and its description; write {wanted.value!r} "
            f"({wanted.evidence('entries', SEPARATE)})",
            _fix([entry], wanted.value, safe=not missing),
        )


def _whole_list(deviation: Deviation) -> Iterator[Problem]:
    """One problem for a list that separates its entries its own way, unless it runs its names
    into a description that continues them (prose: ``[DevDocs](url) is a ...``)."""
    own, wanted = deviation.own, deviation.document
    entries = [e for e in deviation.entries if e.separator == own.value]
    missing = not own.value.strip()
    if missing:
        lowercase = majority(
            (e.description_prose[:1].islower() for e in entries), threshold=0.5, minimum=1
        )
        if lowercase is not None and lowercase.value:
            return
    first = entries[0]
    written = "runs name and description together" if missing else f"separates with {own.value!r}"
    yield Problem(
        first.separator_span or first.span,
        f"this list ({own.total} entries) {written}, unlike the document; write "
        f"{wanted.value!r} ({wanted.evidence('entries', SEPARATE)})",
        _fix(entries, wanted.value, safe=not missing),
    )


def _prose_lists(entries: list[Entry]) -> set[ListKey]:
    """Lists where at least half of (at least three) entries run the name into the description."""
    return _lists_where(entries, lambda entry: not entry.separator.strip())


def _attributed_lists(entries: Iterable[Entry]) -> set[ListKey]:
    """Lists where at least half of (at least three) entries are attributed, not described
    (``[Title](url) by Author``): books and talks, whose other items name an author too."""
    return _lists_where(
        [e for e in entries if e.style == "list" and (e.byline or e.description)],
        lambda entry: bool(entry.byline),
    )


def _lists_where(entries: Iterable[Entry], test: Callable[[Entry], bool]) -> set[ListKey]:
    by_list: dict[ListKey, list[bool]] = {}
    for entry in entries:
        by_list.setdefault(list_of(entry), []).append(test(entry))
    return {
        key
        for key, verdicts in by_list.items()
        if (found := majority(verdicts, threshold=0.5, minimum=3)) is not None and found.value
    }


def _fix(entries: list[Entry], separator: str, *, safe: bool) -> Fix:
    return Fix(
        tuple(
            Edit.replace(e.separator_span, e.separator, separator)
            for e in entries
            if e.separator_span is not None
        ),
        f"separate name and description with {separator!r}",
        safe=safe,
    )

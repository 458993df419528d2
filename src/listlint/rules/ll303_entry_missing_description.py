"""LL303 entry-missing-description."""

import re
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import style

_RETIRED = re.compile(r"deprecated|archived|unmaintained|abandoned|obsolete", re.IGNORECASE)


@rule("LL303", "entry-missing-description", severity="warning", tags=("entries", "format"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An entry should have a description when the entries around it have one.

    Why: a bare link tells the reader nothing about why it is in the list. Lists do leave some
    groups bare on purpose (meetups, books, other awesome lists), so this is checked list by list:
    an entry is reported when at least 90 % of the entries of its own list (at least five) have a
    description, or when the configured style's ``description`` is ``"required"`` (never when it is
    ``"optional"``, as in the ``awesome`` style). Bold-title
    entries (whose title is a sentence), ``(part of X)`` sub-entries and entries attributed rather
    than described (``[Title](url) by Author``) or marked retired (``**[Deprecated]**``) are not
    checked. Tags, markers and badges are not
    a description (``- [x](url) - [python]`` has none).

    Example: `- [ruff](https://github.com/astral-sh/ruff)` among described entries.

    Fix: add ``- Description.`` after the link.
    """
    configured = style(ctx.settings)
    if configured.description == "optional":
        return
    analysis = ctx.facts.lists
    by_item = {e.list_item: e for e in doc.entries if e.list_item is not None and e.named}
    for items in analysis.lists:
        if any(item in analysis.navigation for item in items):
            continue
        entries = [by_item[item] for item in items if item in by_item]
        entries = [
            e for e in entries if e.part_of is None and e.link is not None and not e.link.has_image
        ]
        described = sum(1 for e in entries if e.description or e.byline)
        if configured.description == "required":
            why = f"the configured entry style {configured.name!r} requires one"
        elif described >= 5 and described >= 0.9 * len(entries):
            why = f"{described} of the {len(entries)} entries of this list have one"
        else:
            continue
        for entry in entries:
            retired = any(_RETIRED.search(marker) for marker in entry.metadata)
            if not entry.description and not entry.byline and not retired:
                yield Problem(
                    entry.span,
                    f"entry {entry.name[:50]!r} has no description ({why}); add ' - Description.'",
                )

"""LL591 unknown-suppression-rule (reported by the suppression engine)."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL591", "unknown-suppression-rule", scope="meta", tags=("suppression",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A suppression comment must name rules that exist.

    Why: a misspelt code (`LL2O1`) suppresses nothing, so the finding it was meant to silence still
    appears, or a later one slips through unnoticed.

    Example: `<!-- listlint-disable LL999 -->`

    Fix: use a code, prefix or name from `listlint rules`, or no code at all to mean every rule.
    """
    return iter(())

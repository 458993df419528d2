"""LL590 unused-suppression (reported by the suppression engine, like ruff's RUF100)."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL590", "unused-suppression", severity="warning", scope="meta", tags=("suppression",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A `listlint-disable…` comment that suppresses nothing should be removed.

    Why: a stale suppression hides the next real problem on that line or block, and tells readers
    something is wrong where nothing is.

    Example: `<!-- listlint-disable-next-line LL101 -->` above a line with no LL101 finding.

    Fix: delete the comment, or narrow it to the rule that still fires.
    """
    return iter(())

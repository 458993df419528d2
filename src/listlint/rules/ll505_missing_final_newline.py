"""LL505 missing-final-newline."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL505", "missing-final-newline", severity="warning", fixable="always", tags=("whitespace",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A file should end with a newline.

    Why: POSIX tools expect it, and without it every later addition at the end of the list shows
    the old last line as changed in the diff.

    Example: the last line `- [ruff](https://github.com/astral-sh/ruff) - Fast linter.` with no
    line break after it.

    Fix (safe): a newline is added, in the style the file already uses (LF or CRLF).
    """
    if not doc.text or doc.text.endswith(("\n", "\r")):
        return
    last = len(doc.lines)
    end = len(doc.line(last)) + 1
    span = Span(last, end, last, end)
    yield Problem(
        span,
        "file does not end with a newline; add one",
        Fix((Edit.insert(last, end, doc.newline),), "add a final newline"),
    )

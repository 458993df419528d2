"""LL504 trailing-whitespace."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule


@rule("LL504", "trailing-whitespace", severity="warning", fixable="always", tags=("whitespace",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Lines should not end in spaces or tabs.

    Why: trailing whitespace is invisible, makes diffs noisy, and two trailing spaces silently turn
    into a hard line break. Exactly two spaces at the end of a line that continues a paragraph are
    allowed, as the deliberate hard line break Markdown defines. Code blocks are not checked.

    Example: `- [ruff](https://github.com/astral-sh/ruff) - Fast linter.␠␠␠`

    Fix (safe): the trailing whitespace is removed.
    """
    for number, line in enumerate(doc.lines, start=1):
        stripped = line.rstrip(" \t")
        if stripped == line or number in doc.code_lines:
            continue
        trailing = line[len(stripped) :]
        if trailing == "  " and stripped and doc.line(number + 1).strip():
            continue
        span = Span(number, len(stripped) + 1, number, len(line) + 1)
        plural = "s" * (len(trailing) != 1)
        yield Problem(
            span,
            f"{len(trailing)} trailing whitespace character{plural}; remove them",
            Fix((Edit.replace(span, trailing, ""),), "remove trailing whitespace"),
        )

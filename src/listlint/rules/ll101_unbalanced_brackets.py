"""LL101 unbalanced-brackets."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import Masked, link_markup, masked_blocks

_PAIRS = {"]": "[", ")": "("}


@rule("LL101", "unbalanced-brackets", tags=("links", "syntax"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Brackets around links must pair up: report a missing `[` or `]` where it belongs.

    Why: lists that wrap each link in brackets (`[[GitHub](url)][[Paper](url)]`) break silently when
    one bracket is lost: Markdown renders the stray bracket as text and readers see
    `[[GitHub](…)[[Paper](…)]`. Every literal `[` and `]` in a paragraph, heading or table cell is
    paired (code spans, escapes, HTML and bare URLs are skipped). A `[` right before a link whose `]`
    is missing is reported just after that link, where the `]` belongs; a `]` right after a link whose
    `[` is missing is reported at that link's start. Other unpaired square brackets are reported where
    they are. Parentheses are only checked next to a link (`([docs](url)` or `[docs](url))`), because
    prose uses lone `)` in enumerations such as `a) … b) …`.

    Example: `**DragoNN** [[Github](https://github.com/kundajelab/dragonn)[[Website](https://…)]` —
    missing `]` after `[Github](…)`.

    Fix: none; the right place is a guess (add the bracket where the message says, or escape a
    bracket that is meant literally as `\\[`).
    """
    for block in masked_blocks(doc):
        yield from _unbalanced(block)


def _unbalanced(block: Masked) -> Iterator[Problem]:
    text = block.text
    if not any(char in text for char in "[]()"):
        return
    stack: list[tuple[str, int]] = []
    unmatched: list[tuple[str, int]] = []
    for offset, char in enumerate(text):
        if char in "[(" and not block.in_bare(offset):
            stack.append((char, offset))
        elif char in "])" and not block.in_bare(offset):
            opener = _PAIRS[char]
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == opener:
                    unmatched.extend(stack[depth + 1 :])  # opened inside, never closed
                    del stack[depth:]
                    break
            else:
                unmatched.append((char, offset))
    unmatched.extend(stack)
    for char, offset in sorted(unmatched, key=lambda item: item[1]):
        problem = _problem(block, char, offset)
        if problem is not None:
            yield problem


def _problem(block: Masked, char: str, offset: int) -> Problem | None:
    content = block.inline.content
    if char in "[(":
        link = block.link_starting_at(offset + 1)
        closer = "]" if char == "[" else ")"
        if link is not None:
            shown = _shown(content[link[0] : link[1]])
            return Problem(
                block.span(link[1], link[1]),
                f"missing `{closer}` after `{shown}`; write `{char}{shown}{closer}`",
            )
        if char == "(":
            return None
        return Problem(
            block.span(offset, offset + 1),
            "unmatched `[`; add the `]` that closes it, or escape it as `\\[`",
        )
    link = block.link_ending_at(offset)
    opener = _PAIRS[char]
    if link is not None:
        shown = _shown(content[link[0] : link[1]])
        return Problem(
            block.span(link[0], link[0]),
            f"missing `{opener}` before `{shown}`; write `{opener}{shown}{char}`",
        )
    if char == ")":
        return None
    return Problem(
        block.span(offset, offset + 1),
        "unmatched `]`; add the `[` it closes, or escape it as `\\]`",
    )


def _shown(markup: str) -> str:
    """A link's markup as a message shows it: `[text](…)`."""
    if markup.startswith("[") and "](" in markup:
        return link_markup(markup[1 : markup.rindex("](")])
    return markup if len(markup) <= 40 else markup[:39] + "…"

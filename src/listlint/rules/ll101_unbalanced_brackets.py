"""LL101 unbalanced-brackets."""

import re
from collections.abc import Iterator

from listlint.findings import Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import UNCLOSED_LABEL, Masked, link_markup, short

_PAIRS = {"]": "[", ")": "("}
_BRACKET = re.compile(r"[][()]")
_FAILED_DESTINATION = re.compile(r"\]\([^\s()\[\]]+$")


@rule("LL101", "unbalanced-brackets", tags=("links", "syntax"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Brackets around links must pair up: report a missing `[` or `]` where it belongs.

    Why: lists that wrap each link in brackets (`[[GitHub](url)][[Paper](url)]`) break silently when
    one bracket is lost: Markdown renders the stray bracket as text and readers see
    `[[GitHub](…)[[Paper](…)]`. Every literal `[` and `]` in a paragraph, heading or table cell is
    paired (code spans, escapes, HTML and bare URLs are skipped). A `[` right before a link whose
    `]` is missing is reported just after that link (or after the run of links it wraps), where the
    `]` belongs; a `]` right after a link whose `[` is missing is reported at that link's start when
    the block wraps other links in brackets, else as a stray `]`. Other unpaired square brackets
    are reported where they are. Parentheses are only checked next to a link (`([docs](url)` or
    `[docs](url))`), because prose uses lone `)` in enumerations such as `a) … b) …`.

    Two slips keep the brackets balanced but break the wrapping style: a link written bare right
    next to wrapped ones (`[Github](…)[[Paper](…)]`; the link that names a list entry, as in
    `- [tokio](…) [[crate](…)]`, is exempt), and, in a document that wraps at least three links,
    brackets moved inside the link text (`[[crate]](…)`).

    Example: `**DragoNN** [[Github](https://github.com/kundajelab/dragonn)[[Website](https://…)]` —
    missing `]` after `[Github](…)`.

    Fix: none; the right place is a guess (add the bracket where the message says, or escape a
    bracket that is meant literally as `\\[`).
    """
    names = {e.link.span for e in doc.entries if e.link and e.named and e.style != "bold-title"}
    wrapped_total = 0
    inside: list[tuple[Masked, int]] = []  # links written `[[name]](url)`
    for block in ctx.facts.masked_blocks:
        problems, wrapped = _unbalanced(block)
        yield from problems
        wrapped_total += len(wrapped)
        yield from _unwrapped(block, wrapped, names)
        inside.extend((block, start) for start in _brackets_inside(block))
    if wrapped_total >= _CONVENTION:
        for block, start in inside:
            markup = block.inline.content[start : block.link_starts[start]]
            yield Problem(
                block.span(start, start),
                f"brackets inside the link text of `{_shown(markup)}`; this list wraps "
                f"{wrapped_total} links as `[[name](url)]`: write `[[{_shown_label(markup)}](…)]`",
            )


_CLOSERS = {"[": "]", "(": ")"}
_CONVENTION = 3  # wrapped links a document needs before `[[name]](url)` counts as a slip
_SEPARATORS = frozenset(" \t\n,;|/·•")


def _unbalanced(block: Masked) -> tuple[list[Problem], set[int]]:
    """Problems with the block's brackets, and the start of every link wrapped in `[…]`."""
    text = block.text
    if not any(char in text for char in "[]()"):
        return [], set()
    wrapped: set[int] = set()
    stack: list[tuple[str, int]] = []
    unmatched: dict[int, str] = {}
    wrapping: set[str] = set()  # brackets this block pairs around links: "[[GitHub](…)]"
    open_count = {"[": 0, "(": 0}  # openers on the stack, so that no scan looks for a missing one
    in_bare = block.in_bare if block.bare else None
    for found in _BRACKET.finditer(text):
        offset, char = found.start(), found.group()
        if in_bare is not None and in_bare(offset):
            continue
        if char in "[(":
            stack.append((char, offset))
            open_count[char] += 1
            continue
        opener = _PAIRS[char]
        if not open_count[opener]:
            unmatched[offset] = char
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                for kind, _ in stack[depth:]:
                    open_count[kind] -= 1
                if offset in block.link_ends and stack[depth][1] + 1 in block.link_starts:
                    wrapping.add(char)
                    if char == "]" and block.link_ends[offset] == stack[depth][1] + 1:
                        wrapped.add(stack[depth][1] + 1)
                unmatched.update((position, kind) for kind, position in stack[depth + 1 :])
                del stack[depth:]
                break
    unmatched.update((position, kind) for kind, position in stack)
    reported: set[int] = set()
    problems = []
    for offset in sorted(unmatched):
        if offset in reported:
            continue
        problem = _problem(block, unmatched, offset, opener_wraps=unmatched[offset] in wrapping)
        if problem is not None:
            reported.add(offset)
            problems.append(problem)
            reported.update(_partner(block, unmatched, offset))
    return problems, wrapped


def _unwrapped(block: Masked, wrapped: set[int], names: set[Span]) -> Iterator[Problem]:
    """Links written bare right next to links wrapped in `[…]`: `[Github](…)[[Paper](…)]`."""
    if not wrapped:
        return
    text = block.text
    for start, end in block.links:
        markup = block.inline.content[start:end]
        badge = markup.startswith(("!", "[!", "[<"))
        if (
            badge
            or start in wrapped
            or text[start - 1 : start] == "["
            or text[end : end + 1] == "]"
        ):
            continue
        after = end + (text[end : end + 1] == " ")
        before = start - (text[start - 1 : start] == " ")
        next_wrapped = text[after : after + 1] == "[" and after + 1 in wrapped
        previous_wrapped = (
            text[before - 1 : before] == "]" and block.link_ends.get(before - 1) in wrapped
        )
        if not (next_wrapped or previous_wrapped) or block.span(start, end) in names:
            continue
        shown = _shown(markup)
        yield Problem(
            block.span(start, start),
            f"`{shown}` is not wrapped in `[…]` like the links next to it; write `[{shown}]`",
        )


def _brackets_inside(block: Masked) -> Iterator[int]:
    """Links whose whole text is in brackets, `[[name]](url)`, with no `]` after them."""
    content = block.inline.content
    for start, end in block.links:
        markup = content[start:end]
        label_in_brackets = markup.startswith("[[") and markup.find("]](") == markup.find("]")
        if label_in_brackets and block.text[end : end + 1] != "]":
            yield start


def _group_end(block: Masked, start: int) -> int:
    """End of the run of links starting at ``start``, separated by commas, spaces or bars."""
    text, end = block.text, block.link_starts[start]
    while True:
        position = end
        while position < len(text) and text[position] in _SEPARATORS:
            position += 1
        if position == end or position not in block.link_starts:
            return end
        end = block.link_starts[position]


def _group_start(block: Masked, end: int) -> int:
    """Start of the run of links ending at ``end``, separated by commas, spaces or bars."""
    text, start = block.text, block.link_ends[end]
    while True:
        position = start
        while position > 0 and text[position - 1] in _SEPARATORS:
            position -= 1
        if position == start or position not in block.link_ends:
            return start
        start = block.link_ends[position]


def _partner(block: Masked, unmatched: dict[int, str], offset: int) -> list[int]:
    """The unmatched closer of the other kind right after the links an opener wraps, if any."""
    if unmatched[offset] in "[(" and offset + 1 in block.link_starts:
        end = _group_end(block, offset + 1)
        if unmatched.get(end) == ("]" if unmatched[offset] == "(" else ")"):
            return [end]
    return []


def _problem(
    block: Masked, unmatched: dict[int, str], offset: int, *, opener_wraps: bool
) -> Problem | None:
    content, char = block.inline.content, unmatched[offset]
    if char in "[(":
        closer = _CLOSERS[char]
        if offset + 1 not in block.link_starts:
            if char == "(" or UNCLOSED_LABEL.match(block.text, offset):
                return None  # `[Name(https://…)` is LL102's
            return Problem(
                block.span(offset, offset + 1),
                "unmatched `[`; add the `]` that closes it, or escape it as `\\[`",
            )
        end = _group_end(block, offset + 1)
        shown = _shown(content[block.link_ends[end] : end])
        wrong = _partner(block, unmatched, offset)
        if wrong:
            return Problem(
                block.span(end, end + 1),
                f"`{content[end]}` after `{shown}` should be `{closer}`, "
                f"to close the `{char}` before it",
            )
        return Problem(
            block.span(end, end),
            f"missing `{closer}` after `{shown}`; write `{char}…{shown}{closer}`"
            if end != block.link_starts[offset + 1]
            else f"missing `{closer}` after `{shown}`; write `{char}{shown}{closer}`",
        )
    opener = _PAIRS[char]
    if offset not in block.link_ends:
        if char == ")" or _FAILED_DESTINATION.search(block.text, 0, offset):
            return None  # `[Name](https://…]` is LL102's
        return Problem(
            block.span(offset, offset + 1),
            "unmatched `]`; add the `[` it closes, or escape it as `\\]`",
        )
    start = _group_start(block, offset)
    markup = (
        content[start:offset]
        if start == block.link_ends[offset]
        else content[block.link_ends[offset] : offset]
    )
    shown = _shown(markup)
    if char == "]" and markup.startswith("[[") and "]](" in markup:
        return Problem(
            block.span(offset, offset + 1),
            f"`]` after `{shown}` is misplaced: move it into the link, "
            f"`[[{_shown_label(markup)}](…)]`",
        )
    if opener_wraps:
        return Problem(
            block.span(start, start),
            f"missing `{opener}` before `{shown}`; write `{opener}{shown}{char}`",
        )
    return Problem(
        block.span(offset, offset + 1),
        f"stray `{char}` after `{shown}`; remove it, "
        f"or add the `{opener}` it closes before the link",
    )


def _shown_label(markup: str) -> str:
    return short(markup[2 : markup.index("]](")], 30)


def _shown(markup: str) -> str:
    """A link's markup as a message shows it: `[text](…)`."""
    if markup.startswith("[") and "](" in markup:
        return link_markup(markup[1 : markup.rindex("](")])
    return short(markup)

"""LL102 broken-link-syntax."""

import re
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import LINK_MASK, OPAQUE_MASK, UNCLOSED_LABEL, URLISH, Masked, short
from listlint.urls import SCHEME

_TEXT = rf"[^\[\]{LINK_MASK}{OPAQUE_MASK}\n]"
_URL = rf"{URLISH}[^\s()\[\]{LINK_MASK}{OPAQUE_MASK}]*"
_REVERSED = re.compile(
    rf"\(([^()\[\]{LINK_MASK}{OPAQUE_MASK}\n]*\w[^()\[\]{LINK_MASK}{OPAQUE_MASK}\n]*)\)\[({_URL})\]"
)
_SPACED = re.compile(rf"(!?)\[({_TEXT}+)\]([ \t]+)\(({_URL})\)")
_GLUED = re.compile(rf"\[({_TEXT}+)\]((?:https?://|www\.)[^\s()\[\]{LINK_MASK}{OPAQUE_MASK}]+)")
_URL_START = re.compile(URLISH)
_REFUSED = frozenset({"javascript", "vbscript", "file", "data"})
_SWAPPED = re.compile(rf"\[({_TEXT}+)\]\)\(({_URL})\)")
_OPEN = re.compile(rf"(!?)\[({_TEXT}*)\]\(")
_NESTED = re.compile(rf"\[{LINK_MASK}+\]\(({_URL})\)")


@rule("LL102", "broken-link-syntax", tags=("links", "syntax"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Text that looks like a link but is not one: Markdown shows the brackets and the URL as text.

    Why: a link that fails to parse still "works" in the editor's preview of the diff, so the slip
    goes unnoticed; readers get `[Name](https://…` as plain text. Reported shapes:

    - reversed: `(Name)[https://…]` — write `[Name](https://…)`;
    - a space between the parts: `[Name] (https://…)` — remove the space;
    - no parentheses: `[Name]https://…` — write `[Name](https://…)`;
    - `[Name](https://…` with no closing `)`, or with unbalanced parentheses inside the URL — the
      message says where the `)` belongs;
    - `[Name])(https://…)`: a `)` that belongs after the link;
    - `[Name(https://…)`: the `]` is missing;
    - `[[Name](https://a)](https://b)`: a link inside a link's text;
    - `[Name](https://a b)`: a space inside the destination — encode it as `%20`;
    - `[Name](javascript:…)`: renderers refuse `javascript:`, `vbscript:`, `file:` and `data:` URLs.

    Code spans, escaped brackets and inline HTML are skipped; `[text]` alone is prose, not a link.

    Example: `- [Flask] (https://flask.palletsprojects.com) - A microframework.`

    Fix: none (the intended text is a guess); the message shows the corrected markup.
    """
    for block in ctx.facts.masked_blocks:
        if "[" in block.text or "(" in block.text:
            yield from _broken(block)


def _broken(block: Masked) -> Iterator[Problem]:
    text = block.text
    for match in _REVERSED.finditer(text):
        label, url = match.group(1), match.group(2)
        yield Problem(
            block.span(match.start(), match.end()),
            f"reversed link syntax `({short(label, 30)})[…]`; "
            f"write `[{short(label, 30)}]({short(url)})`",
        )
    for match in _SPACED.finditer(text):
        bang, label, url = match.group(1), match.group(2), match.group(4)
        yield Problem(
            block.span(match.start(3), match.end(3)),
            f"space between `{bang}[{short(label, 30)}]` and `(…)` is not allowed in a link; "
            f"write `{bang}[{short(label, 30)}]({short(url)})`",
        )
    for match in _GLUED.finditer(text):
        label, url = match.group(1), match.group(2)
        if match.start() > 0 and text[match.start() - 1] == "]":
            continue
        yield Problem(
            block.span(match.start(), match.end()),
            f"`[{short(label, 30)}]` is followed by a URL without parentheses; "
            f"write `[{short(label, 30)}]({short(url)})`",
        )
    for match in _SWAPPED.finditer(text):
        label, url = match.group(1), match.group(2)
        yield Problem(
            block.span(match.start() + len(label) + 2, match.start() + len(label) + 3),
            f"`)` between `[{short(label, 30)}]` and `({short(url)})` breaks the link; "
            f"write `[{short(label, 30)}]({short(url)}))`",
        )
    for match in UNCLOSED_LABEL.finditer(text):
        label, url = match.group(1), match.group(2)
        yield Problem(
            block.span(match.start(2) - 1, match.start(2) - 1),
            f"`]` is missing after `[{short(label, 30)}`; "
            f"write `[{short(label, 30)}]({short(url)})`",
        )
    for match in _NESTED.finditer(text):
        yield Problem(
            block.span(match.start(), match.end()),
            f"a link inside another link's text; keep one of them (`{short(match.group(1))}`)",
        )
    opens = list(_OPEN.finditer(text))
    for match, following in zip(opens, [*opens[1:], None], strict=False):
        problem = _unparsed(block, match, following.start() if following else len(text))
        if problem is not None:
            yield problem


def _unparsed(block: Masked, match: re.Match[str], next_open: int) -> Problem | None:
    """Explain why ``[text](…`` in literal text did not parse: a missing `)` or a space.

    The destination is looked for up to the end of the line or the next ``[text](``, so each
    character is scanned once however many openings a line has.
    """
    text = block.text
    label = short(match.group(2), 30)
    kind = "image" if match.group(1) else "link"
    start = match.end()
    line_end = text.find("\n", start, next_open)
    line_end = next_open if line_end < 0 else line_end
    if line_end == next_open and next_open < len(text) and text[start:line_end].strip(" \t") == "":
        return None  # ``[a]([b](…``: the next opening is the one to diagnose
    depth = 0
    first_space = -1
    close = -1
    for offset in range(start, line_end):
        char = text[offset]
        if char in (LINK_MASK, OPAQUE_MASK) and first_space < 0:
            return None  # code, HTML or a link inside the destination: not a simple slip
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                close = offset
                break
            depth -= 1
        elif char in " \t" and first_space < 0 and offset > start:
            first_space = offset
    if first_space < 0:
        if close >= 0:
            scheme = SCHEME.match(text[start:close])
            if scheme and scheme.group(1).lower() in _REFUSED:
                return Problem(
                    block.span(start, close),
                    f"`[{label}](…)` is not a {kind}: Markdown refuses `{scheme.group(1)}:` URLs; "
                    "remove it",
                )
            return None  # closed and without spaces: failed for a reason not diagnosed here
        first_space = line_end
    url = text[start:first_space]
    if not url.strip():
        return None
    inside = text[start:close] if close >= 0 else ""
    plain = close >= 0 and "[" not in inside and not inside.rstrip().endswith(('"', "'"))
    if plain and not _URL_START.match(url):
        return Problem(
            block.span(start, close),
            f"`[{label}](…)` is not a {kind}: `{short(inside)}` is not a URL",
        )
    if plain and inside.count(" ") <= 2:
        return Problem(
            block.span(first_space, first_space + 1),
            f"`[{label}](…)` is not a {kind}: its destination contains a space; "
            "encode it as `%20` or remove it",
        )
    if url.endswith("]"):
        return Problem(
            block.span(first_space - 1, first_space),
            f"`[{label}](…)` is not a {kind}: the `]` after `{short(url[:-1])}` should be `)`",
        )
    return Problem(
        block.span(first_space, first_space),
        f"`[{label}](…)` is not a {kind}: `)` is missing after `{short(url)}`",
    )

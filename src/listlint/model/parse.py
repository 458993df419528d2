"""The one Markdown parse: markdown-it-py set up like GitHub, with positions on inline tokens.

markdown-it-py gives block tokens a line map but inline tokens no position. We wrap every inline
rule so that the first token a successful rule pushes records ``meta["pos"] = (start, end)``:
offsets into the inline source (``state.src``). Links also record where their label and
destination are. :mod:`listlint.model.inline` turns those offsets back into lines and columns.

Most inline content of a list is plain text, ``[name](url)`` links and code spans: a fast path
tokenizes that content itself, into exactly the tokens markdown-it and the wrappers would make
(``tests/test_parse_fast_path.py`` holds it to that), and leaves anything else to markdown-it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

InlineRule = Callable[[StateInline, bool], bool]


def _link_parts(state: StateInline, start: int, end: int) -> dict[str, Any]:
    """Offsets of a link's label and destination, re-found with markdown-it's own helpers."""
    image = state.src[start] == "!"
    saved = state.pos
    label_end = state.md.helpers.parseLinkLabel(state, start + image, not image)
    state.pos = saved
    label_start = start + 1 + image
    parts: dict[str, Any] = {"label": (label_start, label_end), "dest": None, "kind": "reference"}
    pos = label_end + 1
    if pos < end and state.src[pos] == "(":
        parts["kind"] = "inline"
        pos += 1
        while pos < end and state.src[pos] in " \t\n":
            pos += 1
        result = state.md.helpers.parseLinkDestination(state.src, pos, end)
        parts["dest"] = (pos, result.pos if result.ok else pos)
    elif pos < end and state.src[pos] == "[":
        close = state.src.find("]", pos, end)
        parts["ref"] = state.src[pos + 1 : close] if close > pos + 1 else None
    return parts


def _mark(token: Token, start: int, end: int) -> None:
    token.meta = {**(token.meta or {}), "pos": (start, end)}


def _tracking(name: str, rule: InlineRule) -> InlineRule:
    """Wrap an inline rule so that its first non-text token records where it came from."""
    links = name in ("link", "image")

    def tracked(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        if not rule(state, silent):
            return False
        if not silent:
            for token in state.tokens[count:]:
                if token.type != "text" and "pos" not in (token.meta or {}):
                    _mark(token, start, state.pos)
                    if links:
                        token.meta.update(_link_parts(state, start, state.pos))
                    break
        return True

    return tracked


def _tracking_delimiters(rule: InlineRule) -> InlineRule:
    """Emphasis and strikethrough push one text token per delimiter run; mark each of them."""

    def tracked(state: StateInline, silent: bool) -> bool:
        start, count, pending = state.pos, len(state.tokens), bool(state.pending)
        if not rule(state, silent):
            return False
        if not silent:
            offset = start
            for token in state.tokens[count + pending :]:  # the first flushes pending text
                _mark(token, offset, offset + len(token.content))
                offset += len(token.content)
        return True

    return tracked


def _tracking_linkify(rule: InlineRule) -> InlineRule:
    """Linkify takes back the scheme it had already passed as text: start the link there."""

    def tracked(state: StateInline, silent: bool) -> bool:
        start, count, pending = state.pos, len(state.tokens), len(state.pending)
        if not rule(state, silent):
            return False
        if not silent:
            new = state.tokens[count:]
            kept = len(new[0].content) if new and new[0].type == "text" else 0
            links = [token for token in new if token.type == "link_open"]
            if links:
                _mark(links[0], start - (pending - kept), state.pos)
        return True

    return tracked


# The fast path: inline content made only of plain text, ``[text](destination)`` links and
# single-backtick code spans, each in its simplest form. Plain text has no character any inline
# rule reacts to (markdown-it's text rule stops at more, but no rule fires on the others); a
# link's text is plain, its destination has no space, control character, parenthesis, bracket,
# backslash or angle bracket. Anything else, and any doubt, goes to markdown-it.


def _simple(plain: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<text>{plain}+)"
        rf"|\[(?P<label>{plain}+)\]\((?P<dest>[^\x00-\x20\x7f\\()<>\[\]`]+)\)"
        r"|`(?P<code>[^`\n]+)`(?!`)"
    )


_SIMPLE = _simple(r"[^\n\\`*_~<>&\[\]]")
# Without any ``]`` in the content no link or image can close: ``[`` and ``![`` are plain text
# (megabytes of ``[`` cost markdown-it a dozen rule calls per character).
_SIMPLE_WITHOUT_LABELS = _simple(r"[^\n\\`*_~<>&\]]")

# URLs that markdown-it's normalizeLink leaves as they are (and validateLink accepts): http(s),
# a host name of at most 255 characters in plain labels (no user, no port), then only characters
# mdurl never encodes (no ``;``, so no entity for unescapeAll) and well-formed %-escapes; or a
# #fragment of those.
_URL_CHARS = r"(?:[A-Za-z0-9/?:@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})*"
_NORMAL_URL = re.compile(
    r"(?:https?://(?=[A-Za-z0-9_.-]{1,255}(?:[/?#]|$))"
    rf"[A-Za-z0-9_-]{{1,63}}(?:\.[A-Za-z0-9_-]{{1,63}})*(?:[/?#]{_URL_CHARS})?"
    rf"|#{_URL_CHARS})"
)


def _simple_inline(src: str, md: MarkdownIt) -> list[Token] | None:
    """The tokens markdown-it (with the position-tracking wrappers) makes of ``src``, when
    ``src`` is simple enough to tokenize here; else None."""
    if "]" not in src:
        match = _SIMPLE_WITHOUT_LABELS.match
    elif "![" in src:  # an image
        return None
    else:
        match = _SIMPLE.match
    tokens: list[Token] = []
    pos, end = 0, len(src)
    while pos < end:
        found = match(src, pos)
        if found is None:
            return None
        start, pos = pos, found.end()
        text = found.group("text")
        if text is not None:
            if "://" in text:  # linkify
                return None
            tokens.append(Token("text", "", 0, content=text))
            continue
        label = found.group("label")
        if label is not None:
            dest = found.group("dest")
            if _NORMAL_URL.fullmatch(dest) is None:
                dest = md.normalizeLink(unescapeAll(dest))
                if not md.validateLink(dest):
                    return None
            meta = {
                "pos": (start, pos),
                "label": (start + 1, found.end("label")),
                "dest": (found.start("dest"), found.end("dest")),
                "kind": "inline",
            }
            tokens.append(Token("link_open", "a", 1, attrs={"href": dest}, meta=meta))
            tokens.append(Token("text", "", 0, content=label, level=1))
            tokens.append(Token("link_close", "a", -1))
            continue
        code = found.group("code")
        if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
            code = code[1:-1]
        tokens.append(
            Token("code_inline", "code", 0, content=code, markup="`", meta={"pos": (start, pos)})
        )
    return tokens


def _inline(state: StateCore) -> None:
    """markdown-it's core inline rule, with the fast path first."""
    md = state.md
    for token in state.tokens:
        if token.type == "inline":
            simple = _simple_inline(token.content, md)
            if simple is not None:
                token.children = simple
            else:
                token.children = token.children or []
                md.inline.parse(token.content, md, state.env, token.children)


def _may_link(token: Token) -> bool:
    """Whether linkify could find a link in the text of inline ``token``: with fuzzy links and
    e-mails off, every link it finds starts with a scheme and ``:`` or with ``//``."""
    return any(
        child.type == "text" and (":" in child.content or "//" in child.content)
        for child in token.children or ()
    )


def _linkify_where_possible(linkify: Callable[[StateCore], None]) -> Callable[[StateCore], None]:
    """markdown-it's core linkify rule, run only on the inline tokens it could change (its own
    pre-test passes for nearly every entry, because of the URL in the entry's link)."""

    def run(state: StateCore) -> None:
        candidates = [t for t in state.tokens if t.type == "inline" and _may_link(t)]
        if candidates:
            linkify(StateCore(state.src, state.md, state.env, candidates))

    return run


@cache
def markdown() -> MarkdownIt:
    """The parser: CommonMark plus GitHub's tables, strikethrough and autolinks."""
    md = MarkdownIt("commonmark", {"linkify": True, "inline_definitions": True})
    md.enable(["table", "strikethrough", "linkify"])
    md.disable("text_join")  # keep escapes and entities as their own, positioned tokens
    md.linkify.set(  # type: ignore[union-attr]
        {"fuzzy_link": False, "fuzzy_email": False}
    )
    for rule in md.inline.ruler.__rules__:
        if rule.name in ("emphasis", "strikethrough"):
            rule.fn = _tracking_delimiters(rule.fn)
        elif rule.name == "linkify":
            rule.fn = _tracking_linkify(rule.fn)
        elif rule.name != "text":  # text pushes no token: plain text gets its place later
            rule.fn = _tracking(rule.name, rule.fn)
    md.inline.ruler.__cache__ = None
    md.core.ruler.at("inline", _inline)
    core_linkify = next(rule.fn for rule in md.core.ruler.__rules__ if rule.name == "linkify")
    md.core.ruler.at("linkify", _linkify_where_possible(core_linkify))
    return md


def parse_tokens(text: str) -> tuple[list[Token], dict[str, Any]]:
    """Block and inline tokens of ``text``, and the parse environment (references)."""
    env: dict[str, Any] = {}
    return markdown().parse(text, env), env

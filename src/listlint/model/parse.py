"""The one Markdown parse: markdown-it-py set up like GitHub, with positions on inline tokens.

markdown-it-py gives block tokens a line map but inline tokens no position. We wrap every inline
rule so that the first token a successful rule pushes records ``meta["pos"] = (start, end)``:
offsets into the inline source (``state.src``). Links also record where their label and
destination are. :mod:`listlint.model.inline` turns those offsets back into lines and columns.

Most inline content of a list is plain text, ``[name](url)`` links, code spans and bold titles:
a fast path tokenizes that content itself, into exactly the tokens markdown-it and the wrappers
would make (``tests/test_parse_fast_path.py`` holds it to that), and leaves anything else to
markdown-it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace, unescapeAll
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


# The fast path: inline content made only of plain text, ``[text](destination)`` links (also in
# brackets, ``[[crate](url)]``), ``![text](source)`` images, links around one image
# (a badge), single-backtick code spans, ``*emphasis*`` and ``**strong**`` text, each in its
# simplest form. Plain text has no character any inline rule reacts to (markdown-it's text rule
# stops at more, but no rule fires on the others; an ``&`` starts no entity unless a letter or
# ``#`` follows); a link's or image's text is plain, its destination has no space, control
# character, parenthesis, bracket, backslash or angle bracket; each ``*`` or ``**`` either only
# opens or only closes emphasis, in turn (none nested). Anything else, and any doubt, goes to
# markdown-it.

_DEST = r"[^\x00-\x20\x7f\\()<>\[\]`]+"
_LABEL = r"[^\n\\`*_~<>\[\]]"  # plain text inside brackets (entities: see _ENTITY)
# Plain text: runs without ``!`` and ``&``, or one of them where it starts no image or entity
# (adjacent matches are one text token, as in markdown-it). No inline rule starts at ``]``.
_TEXT = r"[^\n\\`*_~<>&\[!]+|!(?!\[)|&(?![#A-Za-z])"
_CODE = r"`(?P<code>[^`\n]+)`(?!`)"
_EMPHASIS = r"(?P<emphasis>\*\*?)(?!\*)"

_SIMPLE = re.compile(
    rf"(?P<text>{_TEXT})"
    rf"|\[(?P<label>{_LABEL}+)\]\((?P<dest>{_DEST})\)"
    rf"|!\[(?P<alt>{_LABEL}+)\]\((?P<source>{_DEST})\)"
    rf"|\[!\[(?P<badge_alt>{_LABEL}+)\]\((?P<badge_source>{_DEST})\)\]\((?P<badge_dest>{_DEST})\)"
    # a bracket before a link (``[[crate](url)]``, ``[ [web](url) ]``) opens no link, since a
    # link holds none: it is text, as is the ``]`` that closes it (no rule starts at ``]``)
    rf"|(?P<link_bracket>\[)(?=[ \t]*\[{_LABEL}+\]\()"
    # brackets around plain text, no link after them: text in a file without reference
    # definitions (``**[Deprecated]**``)
    rf"|\[(?P<bracketed>{_LABEL}+)\](?![(\[])"
    rf"|{_CODE}|{_EMPHASIS}"
)
# Without any ``]`` in the content no link or image can close: ``[`` and ``![`` are plain text
# (megabytes of ``[`` cost markdown-it a dozen rule calls per character).
_SIMPLE_WITHOUT_LABELS = re.compile(
    rf"(?P<text>[^\n\\`*_~<>&\]]+|&(?![#A-Za-z]))|{_CODE}|{_EMPHASIS}"
)
_ENTITY = re.compile(r"&[#A-Za-z]")  # where markdown-it's entity rule may start

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


def _simple_inline(src: str, md: MarkdownIt, env: Mapping[str, Any]) -> list[Token] | None:
    """The tokens markdown-it (with the position-tracking wrappers) makes of ``src`` in the
    parse environment ``env``, when ``src`` is simple enough to tokenize here; else None."""
    scan = (_SIMPLE if "]" in src else _SIMPLE_WITHOUT_LABELS).match
    tokens: list[Token] = []
    pos, end = 0, len(src)
    inside, emphasis = "", False  # the ``*`` or ``**`` of the emphasis open; any seen
    while pos < end:
        found = scan(src, pos)
        if found is None:
            return None
        start, pos = pos, found.end()
        made: list[Token] | None
        match found.lastgroup:  # each alternative's last group names it
            case "text" | "link_bracket" | "bracketed":
                text = _plain_text(found, env)
                if text is None:
                    return None
                _add_text(tokens, text)
                continue
            case "dest":  # [label](dest)
                made = _link(found, "dest", start, md, _label(found, "label"))
            case "source":  # ![alt](source)
                image = _image(found, "alt", "source", start, md, level=0)
                made = None if image is None else [image]
            case "badge_dest":  # [![alt](source)](dest)
                image = _image(found, "badge_alt", "badge_source", start + 1, md, level=1)
                made = _link(found, "badge_dest", start, md, image)
            case "emphasis":  # * or ** that opens emphasis, or closes the one open
                run, opening = found.group("emphasis"), not inside
                flanking = _opens_emphasis(src, start, len(run))
                if flanking is not opening or inside not in ("", run):
                    return None
                _add_emphasis(tokens, start, run, opens=opening)
                inside, emphasis = run if opening else "", True
                continue
            case _:
                code = found.group("code")
                if code.startswith(" ") and code.endswith(" ") and code.strip(" "):
                    code = code[1:-1]
                meta = {"pos": (start, pos)}
                made = [Token("code_inline", "code", 0, content=code, markup="`", meta=meta)]
        if made is None:
            return None
        tokens.extend(made)
    if emphasis and not inside:
        _set_levels(tokens)
    return None if inside else tokens


def _plain_text(found: re.Match[str], env: Mapping[str, Any]) -> str | None:
    """The plain text matched; None where linkify may find a link in it, or for ``[text]``
    where a reference definition may make it a link or an entity may start in it."""
    text = found.group()
    if "://" in text:
        return None
    if found.lastgroup == "bracketed" and ("references" in env or _ENTITY.search(text)):
        return None
    return text


def _add_text(tokens: list[Token], text: str, meta: dict[str, Any] | None = None) -> None:
    """Add a text token as markdown-it leaves it: adjacent text is one token, with the meta of
    the later one (fragments_join; plain text has none, a delimiter its position)."""
    if tokens and tokens[-1].type == "text" and tokens[-1].level == 0:
        last = tokens[-1]
        last.content += text
        if meta is not None or last.meta:
            last.meta = meta if meta is not None else {}
    else:
        tokens.append(Token("text", "", 0, content=text, meta=meta if meta is not None else {}))


def _set_levels(tokens: list[Token]) -> None:
    """Nesting levels as markdown-it's fragments_join sets them, once emphasis is resolved."""
    level = 0
    for token in tokens:
        level += min(token.nesting, 0)
        token.level = level
        level += max(token.nesting, 0)


def _opens_emphasis(src: str, start: int, length: int) -> bool | None:
    """Whether the run of ``length`` stars at ``start`` opens (True) or closes (False) emphasis,
    by markdown-it's flanking rules (``StateInline.scanDelims``); None when it could do both or
    neither."""
    before = src[start - 1] if start > 0 else " "
    after = src[start + length] if start + length < len(src) else " "
    before_space, after_space = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    before_punct = isMdAsciiPunct(ord(before)) or isPunctChar(before)
    after_punct = isMdAsciiPunct(ord(after)) or isPunctChar(after)
    left = not (after_space or (after_punct and not (before_space or before_punct)))
    right = not (before_space or (before_punct and not (after_space or after_punct)))
    return None if left == right else left


def _add_emphasis(tokens: list[Token], start: int, run: str, *, opens: bool) -> None:
    """The tokens markdown-it leaves of the ``*`` or ``**`` at ``start``: each ``*`` is a
    delimiter the wrappers mark. A ``*`` becomes ``em_open`` or ``em_close``; of ``**`` the inner
    one becomes ``strong_open`` or ``strong_close``, the outer one an empty text token, joined
    to the text before an opening one."""
    kind = "em" if run == "*" else "strong"
    nesting: Literal[1, -1] = 1 if opens else -1
    tag = Token(f"{kind}_{'open' if opens else 'close'}", kind, nesting, markup=run)
    if run == "*":
        tag.meta = {"pos": (start, start + 1)}
        tokens.append(tag)
    elif opens:
        tag.meta = {"pos": (start + 1, start + 2)}
        _add_text(tokens, "", {"pos": (start, start + 1)})
        tokens.append(tag)
    else:
        tag.meta = {"pos": (start, start + 1)}
        tokens.append(tag)
        _add_text(tokens, "", {"pos": (start + 1, start + 2)})


def _label(found: re.Match[str], label: str) -> Token | None:
    """The text token of a link's plain label; None when an entity may start in it."""
    text = found.group(label)
    return None if _ENTITY.search(text) else Token("text", "", 0, content=text, level=1)


def _link(
    found: re.Match[str], dest: str, start: int, md: MarkdownIt, inside: Token | None
) -> list[Token] | None:
    """The tokens of the link at ``start`` whose destination is group ``dest``, around the
    token ``inside`` (its label's text, or an image); None when there is none or markdown-it
    refuses the destination."""
    href = _href(found.group(dest), md)
    if href is None or inside is None:
        return None
    return [
        Token("link_open", "a", 1, attrs={"href": href}, meta=_parts(found, dest, start)),
        inside,
        Token("link_close", "a", -1),
    ]


def _href(dest: str, md: MarkdownIt) -> str | None:
    """The URL markdown-it makes of a destination as written; None when it refuses it."""
    if _NORMAL_URL.fullmatch(dest) is not None:
        return dest
    href = md.normalizeLink(unescapeAll(dest))
    return href if md.validateLink(href) else None


def _parts(found: re.Match[str], dest: str, start: int) -> dict[str, Any]:
    """The position-tracking meta of the link or image at ``start`` whose destination is group
    ``dest`` of ``found``: its span, label and destination, as the wrappers record them."""
    end = found.end(dest) + 1
    return {
        "pos": (start, end),
        "label": (start + 1 + (found.string[start] == "!"), found.start(dest) - 2),
        "dest": (found.start(dest), found.end(dest)),
        "kind": "inline",
    }


def _image(
    found: re.Match[str], alt: str, source: str, start: int, md: MarkdownIt, *, level: int
) -> Token | None:
    """The image token markdown-it makes of ``![alt](source)`` at ``start``; None when its text
    holds a URL (linkify works inside an image's text) or markdown-it refuses its source."""
    text = found.group(alt)
    src = _href(found.group(source), md)
    if src is None or "://" in text or _ENTITY.search(text):
        return None
    return Token(
        "image",
        "img",
        0,
        attrs={"src": src, "alt": ""},
        content=text,
        children=[Token("text", "", 0, content=text)],
        meta=_parts(found, source, start),
        level=level,
    )


def _inline(state: StateCore) -> None:
    """markdown-it's core inline rule, with the fast path first."""
    md = state.md
    for token in state.tokens:
        if token.type == "inline":
            simple = _simple_inline(token.content, md, state.env)
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

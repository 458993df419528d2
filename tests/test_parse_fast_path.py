"""The fast path of the parse makes exactly the tokens markdown-it makes, or makes none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.linkify import linkify
from markdown_it.token import Token

from listlint.model.parse import _NORMAL_URL, _simple_inline, markdown

from conftest import FIXTURES, SHARED


def slow(content: str, env: dict[str, object] | None = None) -> list[Token]:
    """What markdown-it's inline parser (with the position-tracking wrappers) makes."""
    md = markdown()
    return md.inline.parse(content, md, env if env is not None else {}, [])


def inline_contents(text: str) -> Iterator[tuple[str, dict[str, object]]]:
    """The content of every inline token of ``text``, with the parse environment."""
    md = markdown()
    env: dict[str, object] = {}
    state = StateCore(text, md, env)
    rules = dict(zip(md.core.ruler.get_all_rules(), md.core.ruler.getRules(""), strict=False))
    rules["normalize"](state)
    rules["block"](state)
    for token in state.tokens:
        if token.type == "inline":
            yield token.content, env


@pytest.mark.parametrize(
    "content",
    [
        "[Helix](https://helix-editor.com) - Modal editor.",
        "[a](https://a.org) - Uses `code` and [b](https://b.org/x?y=1&z=2).",
        "` two spaces ` and `  ` and `a`",
        "Plain text: with colons, (parentheses) and 100% - signs!",
        "[ spaced label ](#anchor)",
        "[a](b)(c)",
        "[[[ no closing bracket ![ at all `[`",
        "![image](https://a.org/i.png)",
        "[ripgrep](https://g.com/r) [![CI](https://b.io/r.svg)](https://g.com/r/actions) - Fast!",
        "Wow! ![a b](i.png) !! [x](#y)",
        "[Woxi](https://g.com/w) [[woxi](https://crates.io/crates/woxi)] - Rust & more.",
        "see [[a](#a)], [b & c](#b) and [[d](#d)]!",
        "**Deep learning in biomedicine** [[paper](https://n.com/a)][[code](https://g.com/b)]",
        "**[Bioperl](https://github.com/bioperl)** - Perl tools.",
        "**2007-08**",
        "a **b** c, **d**: e (**f**) **g**.**h**",
        "**2014-06** | Splicing code | *Michael K. K. Leung, Brendan J. Frey* | [J](https://d.org/1)",
        "*[a](#a)* and *b*",
        "[a] [b], [[a](#a)][b] and **[Deprecated]**",  # no reference definitions: text
        "[[a](#a)](#b)",  # a link holds no link: the inner one is the link
        "**[B](https://g.com/b)** - Tools. [ [paper](https://d.org/x), [web](https://w.io) ]",
    ],
)
def test_simple_content_gives_markdown_its_tokens(content: str) -> None:
    fast = _simple_inline(content, markdown(), {})
    assert fast is not None
    assert fast == slow(content)


@pytest.mark.parametrize(
    "content",
    [
        "![see https://a.org](https://a.org/i.png)",  # linkify inside an image's text
        "[![a](https://a.org/i.png) b](https://a.org)",  # more than a badge in a link
        "R&D &amp; &#35;",  # entities
        "![a](javascript:alert(1))",
        "see https://a.org/x",  # linkify
        "***both***",
        "**a *nested* b**",
        "*a **nested** b*",
        "** a**",  # opens nothing
        "**a**b**c**",  # the middle one could open or close
        "i**j**k",  # so could both here
        "**unclosed",
        "__bold__",
        "snake_case",
        "a\nb",
        "[a](javascript:alert(1))",
        "[a](<b c>)",
        "`a``",
        "a &amp; b",
        "<https://a.org>",
        "a\\*b",
        "~~gone~~",
        "[a](b 'title')",
    ],
)
def test_anything_else_is_left_to_markdown_it(content: str) -> None:
    assert _simple_inline(content, markdown(), {}) is None


@pytest.mark.parametrize("content", ["[a] [b]", "[[a](#a)][b]", "**[Deprecated]**"])
def test_brackets_are_left_to_markdown_it_where_references_are_defined(content: str) -> None:
    assert _simple_inline(content, markdown(), {"references": {}}) is None


ALPHABET = st.sampled_from(
    [
        *"ab :/.-()[]`*_~<>&!\\#'\"\n\t",
        *("http", "://", "](", "](http://a.b/c)", "é", "\u00a0", "![", "![a](http://a.b/i)"),
        *("**", " **", "** ", "**a**", "*a*", " *", "][[", "[a]", "[a] "),
        "[![a](http://a.b/i)](http://a.b/c)",
        *("[[a](http://a.b/c)]", "&a;", "&#1;", "& "),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_fast_path_never_differs(content: str) -> None:
    fast = _simple_inline(content, markdown(), {})
    if fast is not None:
        assert fast == slow(content)


def corpus_files() -> list[Path]:
    files = sorted(FIXTURES.rglob("*.md"))
    if SHARED is not None:
        files += sorted((SHARED / "corpus").rglob("*.md"))
    return files


def test_fast_path_agrees_on_every_fixture_and_corpus_file() -> None:
    md = markdown()
    checked = 0
    for path in corpus_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for content, env in inline_contents(text):
            fast = _simple_inline(content, md, env)
            if fast is not None:
                assert fast == slow(content, env), (path, content)
                checked += 1
    assert checked > 100


URL_PARTS = st.sampled_from(
    [
        *"aZ09-_.~!$&'()*+,;=:@/?#%é ",
        "http://",
        "https://",
        "HTTP://",
        "%41",
        "%zz",
        "&amp;",
        "x" * 64,
        "a.b",
        ":80",
        "user@",
        "xn--",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(URL_PARTS, max_size=12).map("".join))
def test_urls_taken_as_they_are_are_what_markdown_it_makes_of_them(url: str) -> None:
    md = markdown()
    if _NORMAL_URL.fullmatch(url):
        assert md.normalizeLink(unescapeAll(url)) == url
        assert md.validateLink(url)


def test_host_names_over_255_characters_are_left_to_markdown_it() -> None:
    md = markdown()
    longest = ".".join(["a" * 63] * 4)  # 255 characters
    too_long = "bb." + longest[2:]
    assert md.normalizeLink(f"https://{too_long}/x") != f"https://{too_long}/x"
    assert _NORMAL_URL.fullmatch(f"https://{too_long}/x") is None
    assert md.normalizeLink(f"https://{longest}/x") == f"https://{longest}/x"
    assert _NORMAL_URL.fullmatch(f"https://{longest}/x") is not None


def stock_linkify_parse(text: str) -> list[Token]:
    """The tokens of ``text`` with markdown-it's own core linkify rule run on every inline."""
    md = markdown()
    rule = next(rule for rule in md.core.ruler.__rules__ if rule.name == "linkify")
    ours, rule.fn = rule.fn, linkify
    md.core.ruler.__cache__ = None
    try:
        return md.parse(text, {})
    finally:
        rule.fn = ours
        md.core.ruler.__cache__ = None


LINKIFY_ALPHABET = st.sampled_from(
    [*"ab :/.-()[]`@\n", "//", "mailto:", "MAILTO:", "a@b.org", "http", "www.", "ftp:", "//a.org"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINKIFY_ALPHABET, max_size=20).map("".join))
def test_linkify_is_skipped_only_where_it_finds_nothing(text: str) -> None:
    assert markdown().parse(text, {}) == stock_linkify_parse(text)


def test_linkify_skipping_agrees_on_every_fixture_and_corpus_file() -> None:
    for path in corpus_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        assert markdown().parse(text, {}) == stock_linkify_parse(text), path

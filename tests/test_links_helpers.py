"""Shared helpers of the link rules: masking, URL shapes, the known-sites table, rule options."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from listlint.document import parse_document
from listlint.rule import Context, find_rule
from listlint.rules._links import (
    LINK_MASK,
    OPAQUE_MASK,
    host_problem,
    known_sites,
    mask,
    named_site,
)


def test_mask_blanks_code_links_and_escapes_but_keeps_bare_urls() -> None:
    code, link, escape, bare = "`[x](y`", "[b](https://c.org)", "\\[", "https://d.org"
    doc = parse_document(f"a {code} {link} {escape} {bare}\n", "t.md")
    masked = mask(doc.paragraphs[0].inline)
    blanked = f"a {OPAQUE_MASK * len(code)} {LINK_MASK * len(link)} {OPAQUE_MASK * 2} {bare}"
    assert masked.text == blanked
    link_start = len(code) + 3
    assert masked.link_starts == {link_start: link_start + len(link)}
    assert masked.bare == ((len(blanked) - len(bare), len(blanked)),)


@pytest.mark.parametrize(
    ("host", "problem"),
    [
        ("github.com", None),
        ("localhost", None),
        ("127.0.0.1", None),
        ("bücher.de", None),
        ("homepage", "has no top-level domain"),
        ("github,com", "has an invalid part `github,com`"),
        ("a..org", "has an empty label (`..`)"),
        ("-a.org", "has an invalid part `-a`"),
        ("a.b.c", "has a one-letter top-level domain `.c`"),
    ],
)
def test_host_problem(host: str, problem: str | None) -> None:
    assert host_problem(host) == problem


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("GitHub", "GitHub"),
        ("github repo", "GitHub"),
        ("bioRxiv preprint", "bioRxiv"),
        ("on PyPI", "PyPI"),
        ("Read the Docs", "Read the Docs"),
        ("arXiv paper", "arXiv"),
        ("GitHub Actions guide", None),
        ("awesome-npm", None),
        ("Paper", None),
    ],
)
def test_named_site(text: str, site: str | None) -> None:
    found = named_site(text, known_sites())
    assert (found.name if found else None) == site


def test_known_sites_accept_subdomains_path_prefixes_and_globs() -> None:
    sites = {site.name: site for site in known_sites()}
    assert sites["GitHub"].serves(urlsplit("https://kundajelab.github.io/dragonn/"))
    assert sites["bioRxiv"].serves(urlsplit("http://dx.doi.org/10.1101/050757"))
    assert not sites["bioRxiv"].serves(urlsplit("https://doi.org/10.1038/nature14539"))
    assert sites["GitLab"].serves(urlsplit("https://gitlab.gnome.org/GNOME/gtk"))
    assert not sites["arXiv"].serves(urlsplit("https://github.com/mila-iqia/gene-graph-conv"))


def test_sites_option_extends_the_table() -> None:
    rule = find_rule("label-contradicts-url")
    assert rule is not None
    doc = parse_document("**X** [[Codeberg](https://github.com/a/b)]\n", "t.md")
    context = Context({"sites": {"Codeberg": ["codeberg.org"]}}, {})
    assert [p.span.line for p in rule.check(doc, context)] == [1]  # type: ignore[arg-type, union-attr]
    assert list(rule.check(doc, Context(rule.defaults(), {}))) == []  # type: ignore[arg-type]


def test_allowed_schemes_option() -> None:
    rule = find_rule("malformed-url")
    assert rule is not None
    doc = parse_document("- [Settings](chrome://settings)\n", "t.md")
    assert len(list(rule.check(doc, Context(rule.defaults(), {})))) == 1  # type: ignore[arg-type]
    allowed = Context({"allowed-schemes": ["https", "chrome"]}, {})
    assert list(rule.check(doc, allowed)) == []  # type: ignore[arg-type]


def test_missing_file_is_skipped_outside_a_repository(tmp_path: object) -> None:
    rule = find_rule("missing-file")
    assert rule is not None
    doc = parse_document("[a](nope.md)\n", "-")
    assert list(rule.check(doc, Context({}, {}))) == []  # type: ignore[arg-type]


def test_a_section_that_pads_every_link_text_does_so_on_purpose() -> None:
    rule = find_rule("link-text-whitespace")
    assert rule is not None
    names = ["Alex Krizhevsky", "Yann LeCun", "Yoshua Bengio", "Andrew Ng", "Fei-Fei Li"]
    padded = "".join(
        f"{n}. [ {name} ](https://example.org/{n})\n" for n, name in enumerate(names, 1)
    )
    doc = parse_document(
        f"# Researchers\n\n{padded}\n# Tools\n\n- [Flask ](https://f.org)\n", "t.md"
    )
    found = list(rule.check(doc, Context({}, {})))  # type: ignore[arg-type]
    assert [problem.span.line for problem in found] == [11]

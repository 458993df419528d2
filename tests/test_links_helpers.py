"""Shared helpers of the link rules: masking, URL shapes, the known-sites table, rule options."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from listlint.model.document import parse_document
from listlint.rule import Problem, find_rule
from listlint.rules._links import LINK_MASK, OPAQUE_MASK, mask
from listlint.rules._sites import known_sites, named_site
from listlint.urls import host_problem

from conftest import check_rule


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


def run(name: str, text: str, options: dict[str, Any] | None = None) -> list[Problem]:
    """Problems of document rule ``name`` on ``text``, with its default options or ``options``."""
    found = find_rule(name)
    assert found is not None
    doc = parse_document(text, "-")
    return [problem for _, problem in check_rule(found, [doc], options)]


def test_sites_option_extends_the_table() -> None:
    text = "**X** [[Codeberg](https://github.com/a/b)]\n"
    assert [
        p.span.line
        for p in run("label-contradicts-url", text, {"sites": {"Codeberg": ["codeberg.org"]}})
    ] == [1]
    assert run("label-contradicts-url", text) == []


def test_allowed_schemes_option() -> None:
    text = "- [Settings](chrome://settings)\n"
    assert len(run("malformed-url", text)) == 1
    assert run("malformed-url", text, {"allowed-schemes": ["https", "chrome"]}) == []


def test_missing_file_is_skipped_outside_a_repository() -> None:
    assert run("missing-file", "[a](nope.md)\n") == []


def test_a_section_that_pads_every_link_text_does_so_on_purpose() -> None:
    names = ["Alex Krizhevsky", "Yann LeCun", "Yoshua Bengio", "Andrew Ng", "Fei-Fei Li"]
    padded = "".join(
        f"{n}. [ {name} ](https://example.org/{n})\n" for n, name in enumerate(names, 1)
    )
    text = f"# Researchers\n\n{padded}\n# Tools\n\n- [Flask ](https://f.org)\n"
    assert [problem.span.line for problem in run("link-text-whitespace", text)] == [11]


def test_https_hosts_option() -> None:
    text = "- [a](http://a.example.org/x)\n- [b](http://user.github.io/y)\n"
    assert [p.span.line for p in run("http-with-https-available", text)] == [2]
    only_example = {"https-hosts": ["example.org"]}
    assert [p.span.line for p in run("http-with-https-available", text, only_example)] == [1]


def test_a_run_of_undefined_tags_in_an_entrys_metadata_is_no_reference() -> None:
    text = (
        "# Libs\n\n## Formats\n\n"
        "- [Kaitai Struct](https://kaitai.io) - Binary structures. [GPLv3+][MIT][Apache2]\n"
        "- [Flask][flask] - A microframework.\n"
        "- [Docs](https://docs.example) - Read [the guide][guide] first.\n"
    )
    assert [p.span.line for p in run("LL103", text)] == [6, 7]


def test_a_doi_destination_is_suggested_as_a_doi_org_link() -> None:
    (problem,) = run("LL108", "# T\n\n- [Paper](doi:10.1038/nmeth.4402) - A paper.\n")
    assert problem.message == (
        "`doi:10.1038/nmeth.4402` is a DOI, not a web address; "
        "write `https://doi.org/10.1038/nmeth.4402`"
    )
    assert run("LL108", "- [P](doi:10.1/x)\n", {"allowed-schemes": ["https", "doi"]}) == []

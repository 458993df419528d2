"""LL110 label-contradicts-url."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import short
from listlint.rules._sites import known_sites, named_site
from listlint.urls import split_url


@rule(
    "LL110",
    "label-contradicts-url",
    tags=("links", "urls"),
    options={
        "sites": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "default": {},
            "description": "More sites, or more hosts for a built-in site: name -> host patterns "
            '(`"Codeberg": ["codeberg.org"]`, `"GitLab": ["git.example.org"]`). '
            "A pattern without `/` matches the host and its subdomains (`*` globs allowed); "
            "one with `/` the start of host + path.",
        }
    },
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link whose text names a site (`[GitHub]`, `[arXiv paper]`) must point to that site.

    Why: lists that give each entry several links (`[[GitHub](…)][[Paper](…)]`) are edited by
    copying a link and changing its URL; when the change is forgotten, `[arxiv]` points to the
    GitHub repository and readers never find the paper. The link text must name the site on its
    own, maybe with a generic word (`GitHub repo`, `bioRxiv preprint`, `on PyPI`); text that merely
    mentions a site (`GitHub Actions guide`) is not checked, and neither is the link that names an
    entry (`- [npm](https://github.com/sindresorhus/awesome-npm) - …` is about npm).
    The built-in table covers GitHub, GitLab, Bitbucket, SourceForge, arXiv, bioRxiv, medRxiv,
    PyPI, npm, crates.io, docs.rs, DOI, YouTube, Twitter/X, Read the Docs, Hugging Face, Docker Hub,
    Wikipedia, Stack Overflow, Reddit, Kaggle, Colab, Zenodo, CRAN, Bioconductor, LinkedIn and
    Discord; `sites` adds more. Relative links and `#anchors` are not checked.

    Example: `**Gene graph convolutions** [[github](https://github.com/mila-iqia/gene-graph-conv)]
    [[arxiv](https://github.com/mila-iqia/gene-graph-conv)]`.

    Fix: none; only the author knows the right URL.
    """
    sites = known_sites(ctx.options.get("sites") or {})
    names = {
        entry.link.span
        for entry in doc.entries
        if entry.link is not None and entry.named and entry.style != "bold-title"
    }
    for link in doc.links:
        if link.image or link.kind not in ("inline", "reference") or link.span in names:
            continue
        site = named_site(link.text, sites)
        if site is None:
            continue
        parts = split_url(link.destination.strip())
        if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            continue
        if site.serves(parts):
            continue
        yield Problem(
            link.span,
            f"link text `{short(link.text, 30)}` names {site.name}, but the link goes to "
            f"`{parts.hostname}`: `{short(link.destination)}`",
        )

"""LL112 http-with-https-available."""

from collections.abc import Iterator, Sequence

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import destinations, short
from listlint.urls import http_host

# Platforms whose every host (subdomains included) serves every page over HTTPS.
_HTTPS_HOSTS = [
    "github.com", "github.io", "githubusercontent.com", "gitlab.com", "gitlab.io",
    "bitbucket.org", "pypi.org", "npmjs.com", "crates.io", "docs.rs", "arxiv.org", "biorxiv.org",
    "medrxiv.org", "doi.org", "youtube.com", "youtu.be", "twitter.com", "x.com",
    "readthedocs.io", "readthedocs.org", "huggingface.co", "wikipedia.org", "stackoverflow.com",
    "reddit.com", "kaggle.com", "zenodo.org", "medium.com",
]  # fmt: skip


@rule(
    "LL112",
    "http-with-https-available",
    severity="warning",
    fixable="always",
    tags=("links", "urls"),
    options={
        "https-hosts": {
            "type": "array",
            "items": {"type": "string"},
            "default": _HTTPS_HOSTS,
            "description": "Hosts known to serve HTTPS (subdomains included), besides those the "
            "document itself links over https.",
        }
    },
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An `http://` link to a host that is known to serve `https://`.

    Why: the host serves HTTPS, so the `http://` link only adds a redirect or, worse, an
    unencrypted hop. A host is known to serve HTTPS when the same document links it over https
    (hosts compared exactly: `www.example.org` is not `example.org`; ports count), or when it is
    in `https-hosts` (GitHub, GitHub Pages, PyPI, arXiv, Wikipedia, Read the Docs… and their
    subdomains).

    Example: `[Docs](http://flask.palletsprojects.com/)` when the list also links
    `https://flask.palletsprojects.com/…`; `[Code](http://github.com/pallets/flask)`.

    Fix (safe): `http://` becomes `https://`.
    """
    known = [host.lower() for host in ctx.options.get("https-hosts", _HTTPS_HOSTS)]
    secure = {
        host
        for destination in destinations(doc, bare=True)
        if destination.url.lower().startswith("https://")
        and (host := _host(destination.url)) is not None
    }
    for destination in destinations(doc, bare=True):
        url = destination.url
        if not url.lower().startswith("http://"):
            continue
        host = _host(url)
        if host is None:
            continue
        if host in secure:
            why = f"this document links `{host}` over https"
        elif _listed(host, known):
            why = f"`{host}` serves https"
        else:
            continue
        span = destination.span
        scheme = Span(span.line, span.column, span.line, span.column + 4)
        yield Problem(
            span,
            f"`{short(url)}` uses http, but {why}; write `https://`",
            Fix((Edit.replace(scheme, url[:4], "https"),), "use https"),
        )


def _listed(host: str, known: Sequence[str]) -> bool:
    return any(host == name or host.endswith("." + name) for name in known)


def _host(url: str) -> str | None:
    host = http_host(url)
    if host is None:
        return None
    port = url.split("://", 1)[1].split("/", 1)[0].rpartition(":")[2]
    return f"{host}:{port}" if port.isdigit() else host

"""LL112 http-with-https-available."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix, Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import HTTPS_HOSTS, HttpsEvidence, destinations, short


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
            "default": HTTPS_HOSTS,
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
    evidence = HttpsEvidence(doc, ctx.options.get("https-hosts", HTTPS_HOSTS))
    for destination in destinations(doc, bare=True):
        url = destination.url
        why = evidence.why(url) if url.lower().startswith("http://") else None
        if why is None:
            continue
        span = destination.span
        scheme = Span(span.line, span.column, span.line, span.column + 4)
        yield Problem(
            span,
            f"`{short(url)}` uses http, but {why}; write `https://`",
            Fix((Edit.replace(scheme, url[:4], "https"),), "use https"),
        )

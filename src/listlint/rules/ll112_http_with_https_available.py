"""LL112 http-with-https-available."""

from collections.abc import Iterator

from listlint.document import Document
from listlint.findings import Edit, Fix, Span
from listlint.rule import Context, Problem, rule
from listlint.rules._links import destinations, host_of, short


@rule(
    "LL112", "http-with-https-available", severity="warning", fixable=True, tags=("links", "urls")
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An `http://` link to a host that the same document already links over `https://`.

    Why: the host serves HTTPS (another link proves it), so the `http://` link only adds a redirect
    or, worse, an unencrypted hop. Hosts are compared exactly (`www.example.org` is not
    `example.org`), ports included.

    Example: `[Docs](http://flask.palletsprojects.com/)` when the list also links
    `https://flask.palletsprojects.com/…`.

    Fix (safe): `http://` becomes `https://`.
    """
    secure = {
        host
        for destination in destinations(doc, bare=True)
        if destination.url.lower().startswith("https://")
        and (host := _host(destination.url)) is not None
    }
    if not secure:
        return
    for destination in destinations(doc, bare=True):
        url = destination.url
        if not url.lower().startswith("http://") or _host(url) not in secure:
            continue
        span = destination.span
        scheme = Span(span.line, span.column, span.line, span.column + 4)
        yield Problem(
            span,
            f"`{short(url)}` uses http, but this document links `{_host(url)}` over https; write `https://`",
            Fix((Edit.replace(scheme, "https"),), "use https"),
        )


def _host(url: str) -> str | None:
    host = host_of(url)
    if host is None:
        return None
    port = url.split("://", 1)[1].split("/", 1)[0].rpartition(":")[2]
    return f"{host}:{port}" if port.isdigit() else host

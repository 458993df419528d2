"""LL113 http-link."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import HTTPS_HOSTS, HttpsEvidence, destinations, short
from listlint.urls import http_host

_LOCAL = ("localhost", "127.0.0.1", "[::1]")


@rule("LL113", "http-link", severity="warning", default=False, tags=("links", "urls"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every `http://` link (opt-in: enable it for a list that wants HTTPS everywhere).

    Why: plain-HTTP links can be intercepted and most sites now serve HTTPS. The rule is off by
    default because many older sites still have no HTTPS at all. Links whose host is proven to
    serve HTTPS are LL112's (with a safe fix) and not reported again here; nor are `localhost`
    links.

    Example: `- [Flask](http://flask.pocoo.org/) - A microframework.`

    Fix: none (not every host serves HTTPS; LL112 fixes the proven ones).
    """
    proven = HttpsEvidence(doc, HTTPS_HOSTS)
    for destination in destinations(doc, bare=True):
        url = destination.url
        if not url.lower().startswith("http://") or http_host(url, doc.urls.split) in _LOCAL:
            continue
        if proven.why(url) is None:
            yield Problem(
                destination.span,
                f"`{short(url)}` uses http; link over https if the site supports it",
            )

"""LL113 http-link."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import destinations, short
from listlint.urls import http_host

_LOCAL = ("localhost", "127.0.0.1", "[::1]")


@rule("LL113", "http-link", severity="warning", default=False, tags=("links", "urls"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every `http://` link (opt-in: enable it for a list that wants HTTPS everywhere).

    Why: plain-HTTP links can be intercepted and most sites now serve HTTPS. The rule is off by
    default because many older sites still have no HTTPS at all; LL112 already catches the links
    whose host is proven to serve HTTPS. `localhost` links are not reported.

    Example: `- [Flask](http://flask.pocoo.org/) - A microframework.`

    Fix: none (not every host serves HTTPS; LL112 fixes the proven ones).
    """
    for destination in destinations(doc, bare=True):
        url = destination.url
        if url.lower().startswith("http://") and http_host(url) not in _LOCAL:
            yield Problem(
                destination.span,
                f"`{short(url)}` uses http; link over https if the site supports it",
            )

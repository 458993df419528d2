"""LL602 permanent-redirect."""

from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import allowed, checked_links, shown_url


@rule("LL602", "permanent-redirect", severity="warning", fixable="always", tags=("online", "links"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link that has moved for good: it answers with a permanent redirect (`--online` only).

    Why: a `301` or `308` says the old address is retired; it may stop redirecting any day, and
    every reader pays a round trip meanwhile. Only the permanent hops at the start of the chain
    count: a temporary redirect (`302`, `303`, `307`) ends the move, since its target is not
    meant to be linked. A move that only adds `https` or a trailing slash is not reported on its
    own, and a chain that ends in a failure is LL601's or LL603's, not this rule's.

    Example: `[Docs](https://old.example.org/docs)` answered with
    `301 Location: https://docs.example.org/`.

    Fix (safe): the link becomes the address the permanent redirects lead to (its `#fragment`
    kept).
    """
    for destination, result in checked_links(doc, ctx):
        if result.moved_to is None or allowed(doc, ctx, "LL602", destination):
            continue
        target = _keep_fragment(result.moved_to, destination.url)
        statuses = "→".join(str(hop.status) for hop in result.hops if hop.status in (301, 308))
        yield Problem(
            destination.span,
            f"`{shown_url(destination.url)}` has moved ({statuses}) to `{shown_url(target)}`",
            Fix((Edit.replace(destination.span, destination.url, target),), "link the new address"),
        )


def _keep_fragment(target: str, url: str) -> str:
    fragment = urlsplit(url).fragment
    if not fragment or urlsplit(target).fragment:
        return target
    return urlunsplit(urlsplit(target)._replace(fragment=fragment))

"""LL601 dead-link."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import allowed, checked_links, shown_url


@rule("LL601", "dead-link", tags=("online", "links"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link that is certainly dead (`--online` only).

    Why: readers of a curated list follow its links; a dead one wastes their time and tells them
    the list is not kept. Only definite failures count: `404 Not Found` and `410 Gone` (confirmed
    with `GET` when `HEAD` said so), a host name that does not exist (asked twice), and a
    connection refused twice. A `403`, `429`, `5xx`, a timeout or a TLS error says nothing about
    the link (bot walls, rate limits, outages): such links are *unverified*, listed in the
    summary and the json report, never reported here (see LL603).

    Example: `[Tool](https://example.org/gone)` when the server answers 404.

    Fix: link where the project lives now, or remove the entry. A link that only fails for
    listlint can be left alone with `exclude` (regular expressions) or `accept` (statuses) in
    `[tool.listlint.online]`, or allowed with `[tool.listlint.online.allow] dead-link = [URL or
    entry name]`.
    """
    for destination, result in checked_links(doc, ctx):
        if result.state == "dead" and not allowed(doc, ctx, "LL601", destination):
            yield Problem(
                destination.span, f"dead link `{shown_url(destination.url)}`: {result.reason}"
            )

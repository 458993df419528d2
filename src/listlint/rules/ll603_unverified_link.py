"""LL603 unverified-link."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._online import allowed, checked_links, online_settings, shown_url

DEFAULT_RUNS = 3


@rule("LL603", "unverified-link", severity="warning", tags=("online", "links"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link that could not be verified in several consecutive runs (`--online` only).

    Why: a `403` (often a bot wall), `429`, `5xx`, a timeout or a TLS error says nothing certain
    about a link, so one such answer is never a finding: the run lists it as *unverified* (on
    standard error in text output, as a `"severity": "info"` item in json). But a link nobody
    could verify for weeks deserves a look. The cache counts the consecutive runs that could
    not verify each link; from `unverified-warn-after` runs on (default 3; 0: never) it is
    reported here as a warning.

    Example: a link answered `503` by the weekly workflow three weeks in a row.

    Fix: check the link in a browser. If it works there, leave it to listlint with `exclude`
    or `accept` in `[tool.listlint.online]`, or `[tool.listlint.online.allow] unverified-link =
    [URL or entry name]`.
    """
    after = int(online_settings(ctx).get("unverified-warn-after", DEFAULT_RUNS))
    if after <= 0:
        return
    for destination, result in checked_links(doc, ctx):
        if (
            result.state == "unverified"
            and result.unverified_runs >= after
            and not allowed(doc, ctx, "LL603", destination)
        ):
            yield Problem(
                destination.span,
                f"`{shown_url(destination.url)}` could not be verified in {result.unverified_runs}"
                f" runs in a row: {result.reason}",
            )

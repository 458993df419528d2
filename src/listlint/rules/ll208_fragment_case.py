"""LL208 fragment-case."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import fragment_links


@rule("LL208", "fragment-case", severity="warning", fixable="sometimes", tags=("anchors", "links"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A `#fragment` link matches an anchor only when case is ignored.

    Why: GitHub's heading ids are lowercase and HTML ids are case-sensitive, so `#Tools` is not the
    id `tools`. Browsers, other Markdown renderers and link checkers treat it as a dead link; only
    some of GitHub's own page scripts forgive it. markdownlint's MD051 reports it too.

    Example:

        [Tools](#Tools)

        ## Tools

    Fix: write the anchor exactly (`#tools`); `--fix` does it. Disable this rule to accept
    case-insensitive fragments (markdownlint's `ignore_case`).
    """
    targets = ctx.facts.targets
    folded: dict[str, str] = {}
    for name in targets.names:
        folded.setdefault(name.casefold(), name)
    for use in fragment_links(doc):
        fragment = use.fragment
        actual = folded.get(fragment.casefold())
        if targets.exists(fragment) or actual is None:
            continue
        fix = None
        if use.destination_span is not None and use.written == f"#{fragment}":
            edit = Edit.replace(use.destination_span, use.written, f"#{actual}")
            fix = Fix((edit,), f"link to `#{actual}`")
        yield Problem(
            use.span,
            f"`#{fragment}` matches the anchor `#{actual}` only when case is ignored; "
            f"ids are case-sensitive, write `#{actual}`",
            fix,
        )

"""LL201 dead-fragment."""

from collections.abc import Iterator

from listlint.findings import Edit, Fix
from listlint.model.document import Document
from listlint.patterns import UserPattern
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import Suggester, fragment_links


@rule(
    "LL201",
    "dead-fragment",
    fixable="unsafe",
    tags=("anchors", "links"),
    options={
        "ignored-pattern": {
            "type": "string",
            "format": "regex",
            "default": "",
            "description": "A regular expression; fragments it finds are not reported.",
        }
    },
)
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A `#fragment` link goes to no heading or anchor of this document.

    Why: GitHub gives every heading an id (its slug: lowercased, punctuation dropped, spaces turned
    into `-`, `-1` added to repeats) and keeps `id`/`name` anchors from HTML. A link whose fragment
    matches none of them scrolls nowhere. It usually means a heading was renamed or removed.
    `#top` and line links (`#L10`, `#L10-L20`) are always valid. Links in the table of contents are
    reported by LL203, case-only differences by LL208.

    Example:

        See [the tools](#tool).

        ## Tools

    Fix: link to the heading's anchor (`#tools`); the message suggests the closest anchor, and
    `--fix --unsafe-fixes` applies that suggestion.
    """
    targets = ctx.facts.targets
    folded = {name.casefold() for name in targets.names}
    pattern = str(ctx.options.get("ignored-pattern") or "")
    ignored = UserPattern(pattern) if pattern else None
    toc_links = {item.link.span for item in doc.toc.items if item.link} if doc.toc else set()
    suggest = Suggester(targets.names)
    for use in fragment_links(doc):
        fragment = use.fragment
        if use.span in toc_links or targets.exists(fragment) or fragment.casefold() in folded:
            continue
        if ignored is not None and ignored.search(fragment):
            continue
        meant = suggest(fragment)
        message = f"no heading or anchor in this document has the id `#{fragment}`"
        fix = None
        if meant is not None:
            message += f"; did you mean `#{meant}`?"
            if use.destination_span is not None and use.written == f"#{fragment}":
                edit = Edit.replace(use.destination_span, use.written, f"#{meant}")
                fix = Fix((edit,), f"link to `#{meant}`", safe=False)
        yield Problem(use.span, message, fix)

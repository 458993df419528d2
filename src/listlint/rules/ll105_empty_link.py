"""LL105 empty-link."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import raw_label, short


@rule("LL105", "empty-link", tags=("links",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A link needs text and a destination: no `[]()`, `[](url)`, `[   ](url)` or `[text]()`.

    Why: a link without text is invisible (or shows as a few underlined spaces); a link without a
    destination points back at the page itself. Both are usually a half-finished edit. A link whose
    text is an image (a badge) has text, and so has one whose text is HTML (`<img>`). Images are
    not checked: their alt text is not a link text.

    Example: `- [](https://github.com/pallets/flask) - A microframework.`

    Fix: none; write the missing part.
    """
    for link in doc.links:
        if link.image or link.kind not in ("inline", "reference"):
            continue
        no_text = (
            not link.text.strip() and not link.has_image and "<" not in (raw_label(doc, link) or "")
        )
        no_destination = not link.destination.strip()
        if no_text and no_destination:
            message = (
                "empty link `[]()`: it has neither text nor destination; write both or remove it"
            )
        elif no_text:
            what = "whitespace-only" if link.text else "empty"
            message = (
                f"{what} link text for `{short(link.destination)}`; write what the link points to"
            )
        elif no_destination:
            message = f"link `[{short(link.text, 30)}]` has an empty destination; add its URL"
        else:
            continue
        yield Problem(link.span, message)

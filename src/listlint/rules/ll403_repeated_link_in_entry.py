"""LL403 repeated-link-in-entry."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.model.nodes import Link
from listlint.rule import Context, Problem, rule


@rule("LL403", "repeated-link-in-entry", tags=("duplicates",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """An entry links the same URL twice, usually where a second link should point elsewhere.

    Why: an entry's extra links promise different resources (`[github]`, `[paper]`, `[docs]`);
    when two of them lead to the same page after URL normalisation, one label is wrong, as in
    `[[github](https://github.com/o/gene-graph-conv)] [[arxiv](https://github.com/o/gene-graph-conv)]`.
    In-document links (`#anchor`), badges (links around images) and a repeat of the entry's
    name link (`[Nimbus](url) … [Demo](url)`: the site is its own demo) are not reported.

    Example:

        **Gene graphs** [[github](https://github.com/o/r)] [[arxiv](https://github.com/o/r)]

    Fix: point the second link at the resource its label names, or remove it.
    """
    for entry in doc.entries:
        if not entry.named:
            continue  # the links of a sentence that mentions one (``- Read [x](u) or [y](u)``)
        name_link = entry.link if entry.style != "bold-title" else None
        seen: dict[str, Link] = {}
        for link in entry.links:
            destination = link.destination.strip()
            if not destination or link.fragment is not None or link.has_image:
                continue
            key = doc.urls.key(destination)
            if key not in seen:
                seen[key] = link
                continue
            if seen[key] is name_link:
                continue
            first = seen[key].text.strip()
            message = (
                f'"{link.text.strip()}" links the same URL as "{first}" in this entry; '
                f'point "{link.text.strip()}" at its own resource or remove it'
            )
            yield Problem(link.span, message)

"""LL308 entry-required-links."""

from collections.abc import Iterator

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._entries import style


@rule("LL308", "entry-required-links", tags=("entries", "format"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """Every entry should have the links the configured style requires (``labels``).

    Why: a list of papers may promise a ``[paper]`` link on every entry, a list of tools a
    ``[github]`` link. Nothing is inferred here: the rule only runs when
    ``[tool.listlint.entries.style]`` declares ``labels``. A label matches a link whose text
    starts with it, case-insensitively (``paper`` matches ``paper-2019`` and ``Paper``); the
    entry's own name link counts too.

    Example, with ``labels = ["paper"]``: `**DeepVariant** [[github](https://github.com/google/deepvariant)]`

    Fix: add the missing link group, e.g. ``[[paper](https://doi.org/...)]``.
    """
    labels = style(ctx.settings).labels
    if not labels:
        return
    for entry in ctx.facts.content_entries:
        texts = [link.text.strip().casefold() for link in entry.links]
        missing = [
            label for label in labels if not any(t.startswith(label.casefold()) for t in texts)
        ]
        if missing:
            names = ", ".join(f"[{label}](…)" for label in missing)
            yield Problem(
                entry.name_span,
                f"entry {entry.name[:50]!r} lacks the link{'s' * (len(missing) > 1)} {names} "
                "that the "
                f"configured entry style requires",
            )

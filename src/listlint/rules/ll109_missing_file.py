"""LL109 missing-file."""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._links import destinations, short
from listlint.urls import SCHEME, web_address_without_scheme


@rule("LL109", "missing-file", tags=("links", "files"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A relative link must point to a file or folder that exists next to the list.

    Why: `[Contributing](CONTRIBUTING.md)` breaks silently when the file is renamed or the list is
    moved. Relative links resolve against the list's folder, `/path` links against the root of the
    git repository, as GitHub does. The rule only runs for a file inside a git work tree (where the
    files it links to live); standard input and loose copies of a list are skipped. Links that leave
    the repository (`../../wiki`, GitHub's own pages) and web addresses written without a scheme
    (LL108) are not checked.

    Example: `See [the guidelines](contributing.md).` where the file is `CONTRIBUTING.md`.

    Fix: none; correct the path or add the file.
    """
    path = Path(doc.path)
    if not path.is_file():
        return
    folder = path.resolve().parent
    root = next(
        (parent for parent in (folder, *folder.parents) if (parent / ".git").exists()), None
    )
    if root is None:
        return
    for destination in destinations(doc):
        url = destination.url.strip()
        if (
            not url
            or url.startswith(("#", "//"))
            or SCHEME.match(url)
            or web_address_without_scheme(url)
        ):
            continue
        relative = unquote(url.split("#", 1)[0].split("?", 1)[0])
        if not relative or "//" in relative:
            continue  # `http//host/…` is a misspelt URL (LL108), not a path
        target = (root / relative.lstrip("/")) if relative.startswith("/") else (folder / relative)
        resolved = target.resolve()
        if not resolved.is_relative_to(root) or resolved.exists():
            continue
        yield Problem(
            destination.span,
            f"`{short(url)}` does not exist in the repository (relative to the list's folder)",
        )

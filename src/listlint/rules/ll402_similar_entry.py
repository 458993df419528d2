"""LL402 similar-entry."""

from collections.abc import Hashable, Iterator

from listlint.model.document import Document
from listlint.rule import Problem, ProjectContext, project_rule
from listlint.rules import _duplicates as dup
from listlint.rules._contribution import repeat_message


@project_rule(
    "LL402",
    "similar-entry",
    severity="warning",
    tags=("duplicates",),
    options={
        "name-threshold": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "default": 90,
            "description": "Names at least this alike (rapidfuzz ratio of the names' letters and "
            "digits, 0-100) are the same name.",
        },
        "description-threshold": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "default": 90,
            "description": "With the same name, descriptions at least this alike (rapidfuzz "
            "ratio, 0-100) make two entries with unrelated URLs the same thing.",
        },
        "parallel-sections": {
            "type": "boolean",
            "default": True,
            "description": "Allow one listing per equally named section of different parents.",
        },
    },
)
def check(ctx: ProjectContext) -> Iterator[tuple[Document, Problem]]:
    """An entry has the name of an earlier entry and points at the same project by another URL.

    Why: duplicates rarely share a URL byte for byte. The same name linking two pages of one
    repository (`github.com/o/r` and `github.com/o/r/wiki`), one package's PyPI page twice, or a
    fork or moved homepage that still carries the same description is one entry listed twice.

    Entries with the same name but different projects are common (`jwt` by two authors) and are
    not reported: the URLs must name the same project, or the descriptions must match
    (`description-threshold`, or one is the other with words added at the end). Profiles on
    social sites (a blog and its Twitter account) are different resources, and so are one
    plugin's or app's pages in two stores (the VS Code marketplace and the JetBrains plugins
    site, the App Store and Google Play). Names written from one template are different names:
    `C Notes` / `R Notes`, `Java EE` / `Java SE`, `Computer Science I` / `II`, `C` / `C#` /
    `C++`. Translations are compared only with files of their own language. Exemptions are those
    of LL401. A name more than 50 entries share ("Website", "Paper") is a label rather than a
    project's name: such entries are compared only with the first 50 of that name linking the
    same project or carrying the same description.

    Example:

        - [flac](https://github.com/eaburns/flac) - A native Go FLAC decoder.
        - [flac](https://github.com/mewkiz/flac) - A native Go FLAC decoder.

    Fix: keep the entry with the canonical URL and remove the other.
    """
    name_threshold = float(ctx.options["name-threshold"])
    description_threshold = float(ctx.options["description-threshold"])
    parallel = bool(ctx.options["parallel-sections"])
    reported: set[int] = set()
    for first, later in dup.similar_name_pairs(ctx.project.items, name_threshold, _alike, _blocks):
        if later.order in reported or first.url == later.url or first.language != later.language:
            continue
        if dup.exempt(first, later, parallel):  # similar_name_pairs: the names are the same
            continue
        if dup.in_two_stores(first, later):
            continue  # one plugin for two editors, one app for two platforms
        description = dup.description_score(first, later)
        if first.project is not None and first.project == later.project:
            if description < _SAME_PROJECT_DESCRIPTION:
                continue  # another page of the project (its style guide, its docs)
            reason = f"same name, same project {first.project}"
        elif (
            not dup.is_channel(first)
            and not dup.is_channel(later)
            and (description >= description_threshold or dup.extends(first, later))
        ):
            reason = "same name and description, another URL"
        else:
            continue
        reported.add(later.order)
        yield (
            later.doc,
            Problem(later.entry.name_span, repeat_message(ctx.project, first, later, reason)),
        )


def _alike(item: dup.Item) -> Hashable:
    """All that :func:`check` reads of the earlier entry of a pair, bar its position."""
    return (
        item.language,
        item.name,
        item.url,
        item.project,
        item.description,
        item.doc,
        item.entry.section,
        item.is_back_reference,
        item.is_component,
        dup.is_channel(item),
    )


def _blocks(item: dup.Item) -> Iterator[Hashable]:
    """Where an entry of a crowded name may have its duplicate: its project, its description."""
    if item.project is not None:
        yield "project", item.project
    if len(item.description) >= dup.SHORTEST_DESCRIPTION:
        yield "description", item.description


# Within one project, the same name with a description this alike (0-100) is the same entry.
_SAME_PROJECT_DESCRIPTION = 50

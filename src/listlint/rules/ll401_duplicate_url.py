"""LL401 duplicate-url."""

from collections.abc import Iterator, Sequence
from itertools import chain, islice

from listlint.model.document import Document
from listlint.rule import Problem, ProjectContext, project_rule
from listlint.rules import _duplicates as dup
from listlint.rules._contribution import repeat_message


@project_rule(
    "LL401",
    "duplicate-url",
    tags=("duplicates",),
    options={
        "name-threshold": {
            "type": "number",
            "minimum": 0,
            "maximum": 100,
            "default": 85,
            "description": "Names at least this alike (rapidfuzz ratio, 0-100) are one name.",
        },
        "parallel-sections": {
            "type": "boolean",
            "default": True,
            "description": "Allow one listing per equally named section of different parents "
            "(lists organised by language: 'C++ > Tools', 'Python > Tools').",
        },
        "cross-listing": {
            "type": "boolean",
            "default": True,
            "description": "Allow one listing per section, under the same name, in a document "
            "that files many of its entries under several sections (at least "
            f"{dup.CROSS_LISTED_ENTRIES} entries and {dup.CROSS_LISTED_SHARE:.0%} of them).",
        },
    },
)
def check(ctx: ProjectContext) -> Iterator[tuple[Document, Problem]]:
    """An entry links the same URL as an earlier entry (after URL normalisation).

    Why: a project listed twice is the most common review comment on a curated list. URLs are
    compared by identity (`http`/`https`, `www.`, trailing slashes, GitHub case and `/tree/main`,
    arXiv `abs`/`pdf`, tracking parameters...), across sections and across the files of one run
    (translations only with files of their own language: `README-ja.md` with `README-ja.md`).
    Every entry style counts, including items that only mention their link in other text
    (`- Meetup [Egypt](url)`, `- **2016-12** | Title | [Venue](url)`, citation paragraphs,
    table rows); links of a table of contents or a language switcher do not, nor do a link
    mentioned in the prose of an entry's sub-list (its description lines) and a sub-item that
    only links a page of its entry (`- [Syllabus](url)` under a course). Two differently
    named entries sharing a URL are reported too (one link is usually a copy-paste slip, and
    the same repository under a new name in another section is the commonest way a duplicate
    gets in), except components of one repository listed apart under names sharing a word and
    with descriptions of their own (`uv` and `uv-build`).

    Allowed: an entry saying it repeats another ("See above", "see … below"), "(part of X)"
    entries, one listing per parallel section (`parallel-sections`), and URLs or names in
    `[tool.listlint.duplicates] allow`. A list that files an app under each of its categories
    (at least 20 entries, and 5% of its entries, listed again under the same name in a section
    of another title: generated lists such as open-source-ios-apps) cross-lists on purpose:
    such copies are not reported (`cross-listing = false` reports them); copies in one section,
    in two sections of one title (a section pasted twice) and under another name still are. An
    entry is compared with at most 50 earlier listings of its URL, those of its own section
    first.

    Example:

        ## Parsers
        - [goldmark](https://github.com/yuin/goldmark) - Markdown parser.
        ## Text
        - [goldmark](http://github.com/yuin/goldmark/) - Markdown parser.

    Fix: remove the later entry (or write "See above" if it belongs in both places), or fix the
    link that points at the wrong project.
    """
    threshold = float(ctx.options["name-threshold"])
    parallel = bool(ctx.options["parallel-sections"])
    found = ctx.project.items
    crossing = ctx.project.cross_listing if ctx.options["cross-listing"] else frozenset()
    for group in dup.grouped((f"{item.language} {item.url}", item) for item in found):
        for first, later, reason in _repeats(group, threshold, parallel, crossing):
            message = repeat_message(ctx.project, first, later, reason)
            yield later.doc, Problem(later.entry.name_span, message)


def _repeats(
    group: Sequence[dup.Item], threshold: float, parallel: bool, crossing: frozenset[Document]
) -> Iterator[tuple[dup.Item, dup.Item, str]]:
    """(first, later, reason) for each item of one URL's group that repeats an earlier one.

    Earlier items of the later one's category are chosen first, then tried in run order, so that a
    third copy is reported against the first one. Earlier items alike in all that
    :func:`_reason` reads (document, section, parent item, name) are tried once, through the first
    of them; no more than ``CROWD`` are tried, so that a URL listed thousands of times (under as
    many parallel sections) costs no more than a few listings.
    """
    standing: dict[tuple[dup.Category, str], dup.Item] = {}  # in group order
    by_category: dict[dup.Category, list[dup.Item]] = {}
    for later in group:
        if later.is_back_reference or later.is_component:
            continue  # exempt against every earlier item, and stands for none
        category = later.category
        same = by_category.setdefault(category, [])
        others = (item for (place, _), item in standing.items() if place != category)
        candidates = sorted(islice(chain(same, others), dup.CROWD), key=lambda item: item.order)
        for first in candidates:  # the first copy, not the one just before: one blame for all
            reason = _reason(first, later, threshold, parallel, crossing)
            if reason is not None:
                yield first, later, reason
                break
        if (category, later.entry.name) not in standing:
            standing[category, later.entry.name] = later
            same.append(later)


def _reason(
    first: dup.Item,
    later: dup.Item,
    threshold: float,
    parallel: bool,
    crossing: frozenset[Document],
) -> str | None:
    """Why ``later`` repeats ``first``, or None when the repeat is allowed (``crossing``: the
    documents that cross-list entries on purpose)."""
    if dup.exempt(first, later, parallel):
        return None
    if later.doc in crossing and first.doc is later.doc and dup.cross_listed(first, later):
        return None
    if not dup.same_name(first, later, threshold) and dup.components(first, later):
        return None  # components of one repository, listed where each belongs
    if max(dup.name_score(first, later), dup.names_overlap(first, later)) >= threshold:
        return "same URL"
    name = later.entry.name.strip()
    return f'same URL under another name: if "{name}" is another project, fix its link'

"""LL207 ambiguous-anchor."""

from bisect import bisect_left
from collections.abc import Iterator

from listlint.model.document import Document
from listlint.model.nodes import Heading, HtmlAnchor
from listlint.model.toc import Targets
from listlint.rule import Context, Problem, rule
from listlint.rules._toc import fragment_links
from listlint.rules._toc_edits import retarget_fix

NEAR_LINES = 10


@rule("LL207", "ambiguous-anchor", fixable="sometimes", tags=("anchors", "toc"))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A linked `#fragment` names two different places, or a TOC entry lands on a namesake.

    Why: an explicit `<a name>`/`id` can repeat a heading's slug or another anchor; a link then
    always lands on the first one, which is rarely what the second one's author meant. Reported
    only for fragments some link uses; an anchor on a heading (or a few lines above it) and that
    heading's own slug count as one place. Two headings with the same text get `-1`, `-2`
    suffixes (`#misc`, `#misc-1`): a TOC entry that repeats `#misc` for the second one leads to
    the first. So does an entry whose `#utilities` lands on a `### Utilities` under another
    section (or on a label inside the TOC) while its siblings list `##` sections and the
    `## Utilities` it lists is `#utilities-1`.

    Example:

        - [Misc](#misc)
        - [Misc](#misc)

        ## Misc
        ## Misc

    Fix (safe, for TOC entries): the entry is linked to `#misc-1`. Otherwise rename a repeated
    anchor and update the links that meant it.
    """
    yield from _doubled_toc_entries(doc, ctx)
    targets = ctx.facts.targets
    heading_lines = [heading.span.line for heading in doc.headings]
    analysis = ctx.facts.toc
    retargeted = {item.fragment for item in analysis.twins} if analysis is not None else set()
    used: dict[str, int] = {}
    for use in fragment_links(doc):
        if use.fragment not in retargeted:  # its TOC entry's finding says where it lands
            used.setdefault(use.fragment, use.span.line)
    for fragment, line in used.items():
        places = _places(doc, targets, heading_lines, targets.names.get(fragment, []))
        if len(places) < 2:
            continue
        first, second = places[0], places[1]
        yield Problem(
            second.span,
            f"`#{fragment}` names both {_describe(first)} (line {first.span.line}) and "
            f"{_describe(second)}; the link on line {line} always goes to the first; "
            "rename one of them",
        )


def _doubled_toc_entries(doc: Document, ctx: Context) -> Iterator[Problem]:
    analysis = ctx.facts.toc
    style = ctx.facts.toc_style
    if analysis is None or style is None:
        return
    for item, twin in analysis.twins.items():
        landed, meant = twin.landed, twin.meant
        earlier = analysis.listed.get(landed)
        if earlier is not None and earlier is not item:
            where = f"that line {earlier.span.line} already lists"
        else:
            above = _section(doc, landed)
            where = f"under `{above.text.strip()}`" if above is not None else "before the TOC"
        yield Problem(
            item.link.span if item.link else item.span,
            f"TOC entry `{item.text}` links to `#{item.fragment}`, the "
            f"`{'#' * landed.level} {landed.text.strip()}` heading on line {landed.span.line} "
            f"{where}; the `{'#' * meant.level} {meant.text.strip()}` heading on line "
            f"{meant.span.line} is `{style.relink(meant)}`",
            retarget_fix(doc, style, item, meant, safe=True),
        )


def _section(doc: Document, heading: Heading) -> Heading | None:
    """The heading whose section ``heading`` is in."""
    section = doc.section_at(heading.span.line)
    parent = section.parent if section is not None else None
    return parent.heading if parent is not None else None


def _places(
    doc: Document, targets: Targets, heading_lines: list[int], found: list[Heading | HtmlAnchor]
) -> list[Heading | HtmlAnchor]:
    """The targets that are at different places, in document order.

    An anchor a few lines above a heading, with no other heading between, is at that heading.
    """
    seen: set[object] = set()
    distinct: list[Heading | HtmlAnchor] = []
    for target in sorted(found, key=lambda t: (t.span.line, t.span.column)):
        if isinstance(target, Heading):
            place: object = target
        else:
            heading = targets.attached.get(target)
            following = bisect_left(heading_lines, target.span.line)
            if (
                heading is None
                and following < len(heading_lines)
                and heading_lines[following] - target.span.line <= NEAR_LINES
            ):
                heading = doc.headings[following]
            place = heading if heading else (target.span.line, target.span.column)
        if place not in seen:
            seen.add(place)
            distinct.append(target)
    return distinct


def _describe(target: Heading | HtmlAnchor) -> str:
    if isinstance(target, Heading):
        return f"the heading `{target.text.strip()}`"
    return f'`<a {target.attribute}="{target.name}">`'

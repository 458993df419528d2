"""The Document: one parse, exact positions for everything rules read."""

from __future__ import annotations

from listlint.findings import Span

from conftest import parse


def test_inline_link_has_spans_of_link_text_and_destination() -> None:
    doc = parse("# T\n\n- [Helix](https://helix-editor.com) - Modal editor.\n")
    (link,) = doc.links
    assert (link.kind, link.text, link.destination) == (
        "inline",
        "Helix",
        "https://helix-editor.com",
    )
    assert link.span == Span(3, 3, 3, 36)
    assert link.text_span == Span(3, 4, 3, 9)
    assert link.destination_span == Span(3, 11, 3, 35)


def test_destination_broken_over_two_lines_keeps_both_lines() -> None:
    doc = parse("**A** [[Github](https://x.org/a)][[paper](\nhttps://x.org/b)]\n")
    paper = doc.links[1]
    assert paper.destination == "https://x.org/b"
    assert (paper.span.line, paper.span.end_line) == (1, 2)
    assert paper.destination_span == Span(2, 1, 2, 16)


def test_reference_autolink_and_bare_links() -> None:
    doc = parse("See [docs][d], <https://a.org> and https://b.org/x.\n\n[d]: https://d.org\n")
    kinds = [(link.kind, link.url) for link in doc.links]
    assert kinds == [
        ("reference", "https://d.org"),
        ("autolink", "https://a.org"),
        ("bare", "https://b.org/x"),
    ]
    assert doc.links[2].span == Span(1, 36, 1, 51)
    assert [r.label for r in doc.references] == ["d"]


def test_links_in_code_are_not_links() -> None:
    doc = parse("`[a](https://a.org)`\n\n```\n[b](https://b.org)\n```\n")
    assert doc.links == ()
    assert doc.code_lines == frozenset({3, 4, 5})


def test_heading_text_anchor_and_explicit_html_anchor() -> None:
    doc = parse('# Title\n\n## Reviews <a name="reviews"></a>\n\n## Reviews\n')
    assert [(h.level, h.text, h.anchor) for h in doc.headings] == [
        (1, "Title", "title"),
        (2, "Reviews ", "reviews-"),
        (2, "Reviews", "reviews"),
    ]
    (anchor,) = doc.html_anchors
    assert (anchor.name, anchor.attribute, anchor.span.line, anchor.span.column) == (
        "reviews",
        "name",
        3,
        12,
    )
    assert set(doc.anchors()) == {"title", "reviews-", "reviews"}


def test_crlf_lines_and_columns_match_lf() -> None:
    lf = parse("# T\n\n- [a](https://a.org) - A.\n")
    crlf = parse("# T\r\n\r\n- [a](https://a.org) - A.\r\n")
    assert crlf.lines == lf.lines
    assert crlf.links[0].span == lf.links[0].span


def test_list_items_know_depth_marker_and_parent() -> None:
    doc = parse("- [a](https://a.org) - A.\n  * [b](https://b.org) - B.\n1. [c](https://c.org)\n")
    items = [(i.depth, i.marker, i.ordered, i.marker_span.column) for i in doc.list_items]
    assert items == [(0, "-", False, 1), (1, "*", False, 3), (0, ".", True, 1)]
    assert doc.list_items[1].parent is doc.list_items[0]


def test_sections_nest_by_heading_level() -> None:
    doc = parse("# T\n\n## A\n\ntext\n\n### A1\n\nmore\n\n## B\n")
    assert [(s.heading.text, s.start_line, s.end_line) for s in doc.sections] == [
        ("T", 1, 11),
        ("A", 3, 10),
        ("A1", 7, 10),
        ("B", 11, 11),
    ]
    assert doc.section_at(9) is doc.sections[2]


def test_entries_in_the_three_base_styles() -> None:
    doc = parse(
        "## List\n\n- [Helix](https://helix-editor.com) - Modal editor.\n\n"
        "## Papers\n\n**DragoNN** [[Github](https://github.com/k/dragonn)]\n\nA toolkit.\n\n"
        "## APIs\n\n| API | Description |\n|---|---|\n| [Cat](https://cat.api) | Cats |\n"
    )
    entries = [(e.style, e.name, e.url, e.description) for e in doc.entries]
    assert entries == [
        ("list", "Helix", "https://helix-editor.com", "Modal editor."),
        ("bold-title", "DragoNN", "https://github.com/k/dragonn", "A toolkit."),
        ("table", "Cat", "https://cat.api", "Cats"),
    ]

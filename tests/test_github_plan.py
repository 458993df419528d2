"""Planning a review: fingerprints, suggestions, filter modes, re-runs and stale comments."""

from __future__ import annotations

from listlint.changes import parse_patch
from listlint.findings import Edit, Finding, Fix, Severity, Span
from listlint.fingerprint import fingerprint
from listlint.github.plan import (
    MAX_INLINE,
    PostedComment,
    ReviewPlan,
    locate,
    plan_review,
    same_lines,
    suggested_text,
)

TEXT = "# List\n\n## Tools\n\n- [a](https://a.example)   \n- [b](https://b.example)\n"
LINES = TEXT.split("\n")


def finding(
    line: int,
    code: str = "LL504",
    *,
    fix: Fix | None = None,
    end_line: int | None = None,
    column: int = 1,
    end_column: int = 2,
    severity: Severity = "warning",
) -> Finding:
    return Finding(
        "README.md",
        line,
        column,
        end_line or line,
        end_column,
        code,
        "rule-name",
        severity,
        "message",
        fix,
    )


def strip_trailing(line: int = 5) -> Fix:
    return Fix((Edit(line, 25, line, 28, "", "   "),), "remove trailing whitespace")


def test_a_fingerprint_ignores_line_numbers_and_whitespace_but_not_rule_path_or_text() -> None:
    base = fingerprint("LL504", "README.md", "- [a](https://a.example)")
    assert fingerprint("LL504", "README.md", "  - [a](https://a.example)  ") == base
    assert fingerprint("LL505", "README.md", "- [a](https://a.example)") != base
    assert fingerprint("LL504", "docs/x.md", "- [a](https://a.example)") != base
    assert fingerprint("LL504", "README.md", "- [b](https://b.example)") != base


def test_a_finding_keeps_its_fingerprint_when_lines_above_it_move() -> None:
    moved = "# List\n\nIntro.\n\n" + TEXT[len("# List\n\n") :]
    before = locate([finding(5)], {"README.md": TEXT})[0].fingerprint
    after = locate([finding(7)], {"README.md": moved})[0].fingerprint
    assert before == after


def test_the_same_rule_on_identical_lines_gets_distinct_fingerprints() -> None:
    text = "- [a](https://a.example)\n- [a](https://a.example)\n"
    first, second = locate([finding(1, "LL401"), finding(2, "LL401")], {"README.md": text})
    assert first.fingerprint != second.fingerprint


def test_a_safe_fix_on_its_own_line_becomes_the_new_line_text() -> None:
    assert suggested_text(finding(5, fix=strip_trailing()), TEXT) == "- [a](https://a.example)"


def test_an_unsafe_fix_or_one_reaching_another_line_gets_no_suggestion() -> None:
    unsafe = Fix((Edit(5, 25, 5, 28, "", "   "),), "remove", safe=False)
    elsewhere = Fix((Edit(6, 1, 6, 2, "*", "-"),), "bullet")
    assert suggested_text(finding(5, fix=unsafe), TEXT) is None
    assert suggested_text(finding(5, fix=elsewhere), TEXT) is None
    assert suggested_text(finding(5), TEXT) is None


def test_a_fix_deleting_whole_lines_suggests_nothing_in_their_place() -> None:
    delete = Fix((Edit.replace(Span(6, 1, 7, 1), LINES[5] + "\n", ""),), "remove the duplicate")
    assert suggested_text(finding(6, fix=delete, end_line=7, end_column=1), TEXT) == ""


def test_a_fix_that_joins_a_line_with_the_next_is_not_a_suggestion() -> None:
    join = Fix((Edit(5, 28, 6, 1, " ", "\n"),), "join")
    assert suggested_text(finding(5, fix=join), TEXT) is None


def test_a_fix_on_an_unterminated_last_line_is_not_a_suggestion() -> None:
    text = "# List\nlast"
    assert suggested_text(finding(2, fix=Fix((Edit.insert(2, 5, "\n"),), "newline")), text) is None


PATCH = "@@ -3,2 +3,4 @@\n ## Tools\n \n+- [a](https://a.example)   \n+- [b](https://b.example)"


def plan(
    findings: list[Finding],
    mode: str = "added",
    posted: tuple[PostedComment, ...] = (),
    bodies: frozenset[str] = frozenset(),
    max_comments: int = 50,
) -> ReviewPlan:
    located = locate(findings, {"README.md": TEXT})
    return plan_review(
        located,
        {"README.md": parse_patch(PATCH, "README.md")},
        mode=mode,
        posted=posted,
        posted_in_bodies=bodies,
        max_comments=max_comments,
    )


def test_added_mode_reports_only_findings_on_added_lines() -> None:
    result = plan([finding(1), finding(3), finding(5)])
    assert [item.finding.line for item in result.reported] == [5]
    assert [item.start_line for item in result.inline] == [5]
    assert result.filtered_out == 2


def test_diff_context_mode_adds_context_lines() -> None:
    result = plan([finding(1), finding(3), finding(5)], mode="diff_context")
    assert [item.start_line for item in result.inline] == [3, 5]


def test_file_mode_puts_findings_off_the_diff_in_the_body() -> None:
    result = plan([finding(1), finding(5)], mode="file")
    assert [item.start_line for item in result.inline] == [5]
    assert [item.finding.line for item in result.body] == [1]


def test_nofilter_mode_reports_files_the_pull_request_did_not_change() -> None:
    other = Finding("other.md", 1, 1, 1, 2, "LL501", "x", "error", "m")
    located = locate([other], {"other.md": "# x\n"})
    result = plan_review(
        located, {}, mode="nofilter", posted=(), posted_in_bodies=frozenset(), max_comments=5
    )
    assert [item.finding.path for item in result.body] == ["other.md"]


def test_max_comments_moves_the_rest_to_the_body() -> None:
    result = plan([finding(5), finding(6)], max_comments=1)
    assert [item.start_line for item in result.inline] == [5]
    assert [item.start_line for item in result.body] == [6]


def test_a_re_run_reports_nothing_new_and_finds_nothing_stale() -> None:
    first = plan([finding(5), finding(6)], max_comments=1)
    posted = tuple(PostedComment(i, item.fingerprint, False) for i, item in enumerate(first.inline))
    again = plan(
        [finding(5), finding(6)],
        posted=posted,
        bodies=frozenset(item.fingerprint for item in first.body),
        max_comments=1,
    )
    assert not again.has_news
    assert not again.stale
    assert len(again.reported) == 2


def test_a_comment_whose_finding_is_gone_is_stale_unless_someone_replied() -> None:
    gone = fingerprint("LL504", "README.md", "- [z](https://z.example)")
    posted = (PostedComment(1, gone, False), PostedComment(2, gone + "x", True))
    result = plan([finding(5)], posted=posted)
    assert [c.id for c in result.stale] == [1]


def test_a_span_leaving_its_hunk_shrinks_to_its_first_line_without_suggestion() -> None:
    fix = Fix(
        (Edit.replace(Span(6, 1, 8, 1), "".join(f"{line}\n" for line in LINES[5:7]), ""),), "drop"
    )
    result = plan([finding(6, fix=fix, end_line=8, end_column=1)], mode="file")
    (item,) = result.inline
    assert (item.start_line, item.end_line, item.suggestion) == (6, 6, None)


def test_inline_comments_are_capped_whatever_max_comments_asks() -> None:
    text = "".join(f"line {n}   \n" for n in range(150))
    many = [Finding("README.md", n, 1, n, 2, "LL504", "x", "warning", "m") for n in range(1, 151)]
    patch = "@@ -0,0 +1,150 @@\n" + "".join(f"+line {n}   \n" for n in range(150))
    result = plan_review(
        locate(many, {"README.md": text}),
        {"README.md": parse_patch(patch, "README.md")},
        mode="added",
        posted=(),
        posted_in_bodies=frozenset(),
        max_comments=500,
    )
    assert len(result.inline) == MAX_INLINE and len(result.body) == 150 - MAX_INLINE


def test_same_lines_compares_every_line_a_finding_covers() -> None:
    spanning = finding(5, end_line=6)
    assert same_lines(spanning, TEXT, TEXT)
    assert not same_lines(spanning, TEXT.replace("[b]", "[x]"), TEXT)
    assert not same_lines(finding(40), TEXT, TEXT)

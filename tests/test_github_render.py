"""What listlint writes to GitHub: list content stays inert text."""

from __future__ import annotations

from listlint.findings import Edit, Finding, Fix, Severity
from listlint.github.plan import ReviewPlan, locate, plan_review
from listlint.github.render import (
    MAX_BODY,
    SUGGESTION_LIMIT,
    comment_body,
    escape,
    fenced,
    fingerprint_of,
    outputs,
    review_body,
    review_comment,
    step_summary,
    workflow_commands,
)
from listlint.github.seen import seen_in


def finding(
    message: str = "message", severity: Severity = "warning", line: int = 1, fix: Fix | None = None
) -> Finding:
    return Finding(
        "README.md",
        line,
        1,
        line,
        2,
        "LL504",
        "trailing-whitespace",
        severity,
        message,
        fix,
    )


def test_escaped_text_cannot_mention_anyone() -> None:
    assert "@octocat" not in escape("thanks @octocat and @github/security")
    assert escape("a@b").replace("\u200d", "") == "a@b"


def test_escaped_text_cannot_open_html_comments_details_or_code() -> None:
    hostile = "--> </details> <!-- ``` [x](javascript:alert(1)) **bold**\n# heading"
    text = escape(hostile)
    for raw in ("<", ">", "```", "](", "**", "\n"):
        assert raw not in text.replace("\\`", "").replace("\\]", "").replace("\\*", "")
    assert "&lt;/details&gt;" in text


def test_a_fence_is_longer_than_any_backtick_run_inside() -> None:
    assert fenced("use ```` here", "suggestion").startswith("`````suggestion\n")
    assert fenced("", "suggestion") == "```suggestion\n```"


def test_a_comment_opens_with_its_fingerprint_marker() -> None:
    (item,) = locate([finding()], {"README.md": "text \n"})
    body = comment_body(item)
    assert fingerprint_of(body) == item.fingerprint
    assert fingerprint_of("quoted: " + body) is None


def test_a_safe_whole_line_fix_becomes_a_suggestion_block() -> None:
    fix = Fix((Edit(1, 5, 1, 6, "", " "),), "remove trailing whitespace")
    (item,) = locate([finding(fix=fix)], {"README.md": "text \n"})
    assert comment_body(item).endswith("```suggestion\ntext\n```")
    assert review_comment(item) == {
        "path": "README.md",
        "line": 1,
        "side": "RIGHT",
        "body": comment_body(item),
    }


def test_a_multi_line_comment_names_its_first_line() -> None:
    spanning = Finding("README.md", 1, 1, 2, 3, "LL503", "empty-section", "warning", "m")
    (item,) = locate([spanning], {"README.md": "## A\n## B\n"})
    assert review_comment(item)["start_line"] == 1
    assert review_comment(item)["line"] == 2


def plan_of(*findings: Finding) -> ReviewPlan:
    located = locate(findings, {"README.md": "a\nb\nc\n"})
    return plan_review(
        located, {}, mode="nofilter", posted=(), posted_in_bodies=frozenset(), max_comments=0
    )


def test_the_review_body_lists_findings_in_a_collapsed_section_with_their_fingerprints() -> None:
    plan = plan_of(finding("first @someone"), finding("second", line=2))
    body = review_body(plan, run="r1")
    assert "<details>" in body and "</details>" in body
    assert all(item.fingerprint in seen_in([body]) for item in plan.body)
    assert "<!-- listlint:run=r1 -->" in body.splitlines()
    assert "@someone" not in body


def test_annotations_put_errors_first() -> None:
    plan = plan_of(finding("w", "warning"), finding("e", "error", line=2))
    commands = workflow_commands(plan.reported)
    assert [c.split(" ")[0] for c in commands] == ["::error", "::warning"]


def test_the_summary_lists_every_reported_finding_and_outputs_count_them() -> None:
    plan = plan_of(finding("w | pipe"), finding("e", "error", line=2))
    summary = step_summary(plan, status="Posted.")
    assert summary.count("| README.md") == 2
    assert "w \\| pipe" in summary
    assert outputs(plan, comments=0) == "findings=2\nerrors=1\nwarnings=1\ncomments=0\n"


def test_a_huge_body_lists_the_first_findings_and_points_to_the_summary() -> None:
    many = [finding(f"m{n}", line=n) for n in range(1, 131)]
    located = locate(many, {"README.md": "x\n" * 131})
    plan = plan_review(
        located, {}, mode="nofilter", posted=(), posted_in_bodies=frozenset(), max_comments=0
    )
    body = review_body(plan, run="r1")
    assert body.count("\n- README.md:") == 100
    assert "and 30 more in this run's job summary" in body
    assert all(item.fingerprint in seen_in([body]) for item in plan.body)


def test_a_long_message_is_clipped_and_a_long_suggestion_left_out() -> None:
    text = "x" * (SUGGESTION_LIMIT + 10) + "  \n"
    fix = Fix(
        (Edit(1, SUGGESTION_LIMIT + 11, 1, SUGGESTION_LIMIT + 13, "", "  "),), "strip " * 10_000
    )
    (item,) = locate([finding("m" * 70_000, fix=fix)], {"README.md": text})
    assert item.suggestion is not None
    body = comment_body(item)
    assert "```suggestion" not in body and len(body) < 3 * 1_000 + 200


def test_a_body_of_long_findings_stays_under_githubs_limit() -> None:
    many = [finding("<&>" * 2_000, line=n) for n in range(1, 161)]
    located = locate(many, {"README.md": "x\n" * 161})
    plan = plan_review(
        located, {}, mode="nofilter", posted=(), posted_in_bodies=frozenset(), max_comments=0
    )
    body = review_body(plan, run="r1", notes=["n" * 100_000])
    assert len(body) <= MAX_BODY
    assert all(item.fingerprint in seen_in([body]) for item in plan.body)
    listed = body.count("\n- README.md:")
    assert 0 < listed < 160 and f"and {160 - listed} more" in body


def test_the_summary_stays_under_a_mebibyte() -> None:
    many = [finding("€" * 5_000, line=n) for n in range(1, 2_001)]
    located = locate(many, {"README.md": "x\n" * 2_001})
    plan = plan_review(
        located, {}, mode="nofilter", posted=(), posted_in_bodies=frozenset(), max_comments=0
    )
    summary = step_summary(plan, status="Posted.")
    assert len(summary.encode("utf-8")) <= 1_048_576
    assert "more: run listlint locally for all." in summary

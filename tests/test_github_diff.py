"""Reading GitHub's ``patch`` text: which right-side lines take a review comment."""

from listlint.github.diff import parse_patch

PATCH = "\n".join(
    [
        "@@ -1,4 +1,5 @@ # Awesome",
        " # Awesome",
        "-- [Old](https://old.example)",
        "+- [New](https://new.example)",
        "+- [Newer](https://newer.example)",
        " ",
        " ## Tools",
        "@@ -20,2 +21,3 @@ ## Tools",
        " - [a](https://a.example)",
        "+- [b](https://b.example)",
        " - [c](https://c.example)",
        "\\ No newline at end of file",
    ]
)


def test_added_lines_are_numbered_on_the_new_side() -> None:
    assert parse_patch(PATCH).added == {2, 3, 22}


def test_context_and_added_lines_take_comments_and_others_do_not() -> None:
    diff = parse_patch(PATCH)
    assert [n for n in range(1, 25) if diff.commentable(n)] == [1, 2, 3, 4, 5, 21, 22, 23]


def test_a_multi_line_comment_must_stay_in_one_hunk() -> None:
    diff = parse_patch(PATCH)
    assert diff.same_hunk(2, 5)
    assert not diff.same_hunk(5, 21)


def test_a_context_line_whose_lone_space_was_stripped_still_counts() -> None:
    diff = parse_patch("@@ -1,3 +1,4 @@\n a\n\n+b\n c")
    assert diff.added == {3}
    assert sorted(diff.hunk_of) == [1, 2, 3, 4]


def test_a_missing_patch_has_no_commentable_lines() -> None:
    assert not parse_patch(None).hunk_of
    assert not parse_patch("").added


def test_a_new_file_is_one_hunk_of_added_lines() -> None:
    diff = parse_patch("@@ -0,0 +1,2 @@\n+# Title\n+text")
    assert diff.added == {1, 2}

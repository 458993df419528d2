"""One change model from either diff: ``git diff`` output and GitHub's ``patch`` text.

Also the twins this model replaced, which disagreed: a second diff parser (git hunks read by
their header counts), a second line splitter (LF only, in the review) and a second fingerprint
(the baseline's).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from listlint.baseline import baseline_fingerprints
from listlint.changes import FileChange, parse_diff, parse_patch, read_git_change
from listlint.cli import main
from listlint.findings import Edit, Finding, Fix
from listlint.github.plan import locate, same_lines

from conftest import git

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
GIT_DIFF = "\n".join(
    [
        "diff --git a/README.md b/README.md",
        "index 3b18e51..a8f3c2d 100644",
        "--- a/README.md",
        "+++ b/README.md",
        PATCH,
    ]
)


def test_added_lines_are_numbered_on_the_new_side() -> None:
    assert parse_patch(PATCH, "README.md").added == {2, 3, 22}


def test_removed_lines_keep_their_text() -> None:
    assert parse_patch(PATCH, "README.md").removed_text == "- [Old](https://old.example)"


def test_context_and_added_lines_take_comments_and_others_do_not() -> None:
    change = parse_patch(PATCH, "README.md")
    assert [n for n in range(1, 25) if change.commentable(n)] == [1, 2, 3, 4, 5, 21, 22, 23]


def test_a_multi_line_comment_must_stay_in_one_hunk() -> None:
    change = parse_patch(PATCH, "README.md")
    assert change.same_hunk(2, 5)
    assert not change.same_hunk(5, 21)


def test_a_context_line_whose_lone_space_was_stripped_still_counts() -> None:
    change = parse_patch("@@ -1,3 +1,4 @@\n a\n\n+b\n c", "README.md")
    assert change.added == {3}
    assert change.hunks == (range(1, 5),)


def test_a_missing_patch_has_no_commentable_lines() -> None:
    assert not parse_patch(None, "big.md").hunks
    assert not parse_patch("", "big.md").added


def test_a_new_file_is_one_hunk_of_added_lines() -> None:
    change = parse_patch("@@ -0,0 +1,2 @@\n+# Title\n+text", "NEW.md", new_file=True)
    assert (change.added, change.hunks, change.new_file) == ({1, 2}, (range(1, 3),), True)


def test_git_output_and_a_pull_request_patch_give_one_model() -> None:
    """The old git reader took every line of a hunk's header range as changed; with context
    lines that counted lines 1, 4, 5, 21 and 23 as well."""
    (from_git,) = parse_diff(GIT_DIFF)

    assert from_git == parse_patch(PATCH, "README.md")
    assert from_git.added == {2, 3, 22}


def test_git_file_headers_new_renamed_deleted_and_quoted() -> None:
    diff = "\n".join(
        [
            "diff --git a/new.md b/new.md",
            "new file mode 100644",
            "index 0000000..e69de29",
            "diff --git a/old.md b/moved.md",
            "similarity index 90%",
            "rename from old.md",
            "rename to moved.md",
            "--- a/old.md",
            "+++ b/moved.md",
            "@@ -1 +1 @@",
            "-# Old",
            "+# Moved",
            "diff --git a/gone.md b/gone.md",
            "deleted file mode 100644",
            "--- a/gone.md",
            "+++ /dev/null",
            "@@ -1 +0,0 @@",
            "-# Gone",
            'diff --git "a/caf\\303\\251 list.md" "b/caf\\303\\251 list.md"',
            '--- "a/caf\\303\\251 list.md"\t',
            '+++ "b/caf\\303\\251 list.md"\t',
            "@@ -0,0 +1 @@",
            "+# Café",
            'diff --git "a/tab\\there.md" "b/tab\\there.md"',
            "new file mode 100644",
            "index 0000000..e69de29",
        ]
    )

    new, moved, quoted, empty = parse_diff(diff)

    assert new == FileChange("new.md", new_file=True)
    assert (moved.path, moved.old_path, moved.added, moved.removed) == (
        "moved.md",
        "old.md",
        {1},
        ("# Old",),
    )
    assert (quoted.path, quoted.added) == ("café list.md", {1})
    assert empty == FileChange("tab\there.md", new_file=True)


def test_lone_carriage_returns_renumber_git_lines() -> None:
    """git (and GitHub) end lines at LF only: a CR-only file is one line for them, three for
    listlint; a change is numbered as listlint numbers the text."""
    text = "# A\r\r- [b](https://b.example)  \r"
    change = FileChange("README.md", frozenset({1}), hunks=(range(1, 2),))

    numbered = change.numbered_for(text)

    assert numbered.added == {1, 2, 3}
    assert numbered.hunks == (range(1, 4),)
    assert numbered.renumbered
    assert change.numbered_for("# A\r\n\r\nb\r\n") is change


def finding(line: int, fix: Fix | None = None, code: str = "LL504") -> Finding:
    return Finding(
        "README.md", line, 25, line, 27, code, "trailing-whitespace", "warning", "m", fix
    )


def test_the_review_reads_the_lines_of_a_cr_only_file_as_listlint_counts_them() -> None:
    """The review split lines at LF only: on CR-only text it saw one line, so every finding past
    the first line got the fingerprint of an empty line, and no suggestion."""
    text = "# A\r\r- [b](https://b.example)  \r"
    strip = Fix((Edit(3, 25, 3, 27, "", "  "),), "remove trailing whitespace")

    (located,) = locate([finding(3, strip)], {"README.md": text})
    (same_text,) = locate([finding(1)], {"README.md": "- [b](https://b.example)  \n"})

    assert located.suggestion == "- [b](https://b.example)"
    assert located.fingerprint == same_text.fingerprint  # the text of line 3, not ""
    assert same_lines(finding(3), text, text.replace("\r", "\n"))


def test_a_baseline_and_a_review_fingerprint_a_finding_alike() -> None:
    """The baseline hashed every line of a finding (and hashed differently); a baseline written
    at the repository root now records the fingerprints the review posts."""
    texts = {"README.md": "# A\n\n- [b](https://b.example)  \n- [b](https://b.example)  \n"}
    findings = [finding(3, code="LL504"), finding(4, code="LL504"), finding(1, code="LL502")]

    recorded = baseline_fingerprints(findings, texts, Path.cwd())
    posted = [item.fingerprint for item in locate(findings, texts)]

    assert recorded == posted
    assert len(set(posted)) == 3


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_on_a_cr_only_file_shows_the_changed_line_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "README.md").write_bytes(b"# A\r\rtext  \rmore\n")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "a file with lone CRs, one line for git")
    (tmp_path / "README.md").write_bytes(b"# A\r\rtext  \rmore\nadded  \n")
    monkeypatch.chdir(tmp_path)

    text = (tmp_path / "README.md").read_bytes().decode()
    change = read_git_change("HEAD", {"README.md": text})
    status = main(["--no-config", "--select", "LL504", "--changed-since", "HEAD", "README.md"])
    out = capsys.readouterr().out

    assert change.files["README.md"].added == {5}
    assert status == 1
    assert [line.split(" ")[:2] for line in out.splitlines()[:-1]] == [["README.md:5:6:", "LL504"]]

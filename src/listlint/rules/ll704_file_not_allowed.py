"""LL704 file-not-allowed."""

from collections.abc import Iterator
from fnmatch import fnmatchcase

from listlint.findings import Span
from listlint.model.document import Document
from listlint.rule import Context, Problem, rule
from listlint.rules._contribution import contribution


@rule("LL704", "file-not-allowed", tags=("contribution",))
def check(doc: Document, ctx: Context) -> Iterator[Problem]:
    """A change touches a Markdown file outside the `files` a contribution may change.

    Why: a pull request that adds an entry has no business editing the code of conduct, the
    contributing guide or another list's archive. Set `files` under
    `[tool.listlint.contribution]` to globs of the repository paths contributions may touch
    (`fnmatch`, case-sensitive, `*` matching `/` too). The rule reads the change of
    `--changed-since REF` or of `listlint review` and judges each linted file the change adds,
    edits or renames; in `listlint review` those are the pull request's changed Markdown files.
    The finding sits on the file's first added line that is not blank (line 1 when the change
    only removed lines).

    Example (`files = ["README.md"]`): a pull request adding an entry to `README.md` and editing
    `CODE_OF_CONDUCT.md` is reported on `CODE_OF_CONDUCT.md`.

    Fix: leave the file out of the change.
    """
    change = ctx.facts.change
    allowed = contribution(ctx.settings).files
    if allowed is None or change is None or not change.changed:
        return
    if any(fnmatchcase(change.path, pattern) for pattern in allowed):
        return
    written = [line for line in change.added if doc.line(line).strip()]
    line = min(written or change.added, default=1)
    if change.old_path is not None:
        what = f"moves {change.old_path} to {change.path}"
    else:
        what = f"{'adds' if change.new_file else 'changes'} {change.path}"
    yield Problem(
        Span(line, 1, line, len(doc.line(line)) + 1),
        f"this change {what}, which contributions may not touch "
        f"(contribution.files: {', '.join(allowed) or 'none'})",
    )

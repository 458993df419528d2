"""``listlint review``: lint a pull request's changed Markdown files and post one GitHub review."""

from __future__ import annotations

import argparse
import os
import sys
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from msgspec import structs

from listlint.changes import Change, FileChange, parse_patch
from listlint.config import DEFAULT_MAX_FILE_SIZE
from listlint.findings import Finding

from .context import (
    ActionEnvironment,
    Export,
    PullRequestRef,
    ReviewError,
    pull_request_from_event,
    read_event,
    read_export,
    workflow_run_head_sha,
    write_export,
)
from .plan import FILTER_MODES, Located, ReviewPlan, locate, plan_review, same_lines
from .render import (
    counts,
    error_command,
    escape,
    outputs,
    plural,
    review_body,
    review_comment,
    run_marker,
    step_summary,
    workflow_commands,
)
from .trust import checked_out_commit, checkout_refusal
from .workspace import plain_path, readable_files, repo_path

if TYPE_CHECKING:
    from listlint.lint import Target
    from listlint.online.run import OnlineRun

    from .api import ChangedFile, PullRequestClient

MARKDOWN_SUFFIXES = (".md", ".markdown")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``listlint review``."""
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="limit the review to changed files below these paths",
    )
    parser.add_argument(
        "--token", help="GitHub token (default: $GITHUB_TOKEN; prefer the variable)"
    )
    parser.add_argument("--config", metavar="PATH", help="listlint configuration file")
    parser.add_argument(
        "--filter-mode",
        choices=FILTER_MODES,
        default="added",
        help="which findings to report: on added lines (default), on any diff line, anywhere in "
        "changed files, or anywhere in PATHs too",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 on reported findings of this severity or worse (default: %(default)s)",
    )
    parser.add_argument(
        "--max-comments",
        type=int,
        default=50,
        metavar="N",
        help="inline comments per review; the rest go in its body (default: %(default)s)",
    )
    parser.add_argument(
        "--stale-comments",
        choices=("minimize", "delete", "keep"),
        default="minimize",
        help="earlier comments whose finding is gone, unless replied to (default: %(default)s)",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--export",
        metavar="FILE",
        help="write findings for a later --from-json run; post nothing",
    )
    mode.add_argument("--from-json", metavar="FILE", help="post the findings an --export run wrote")
    parser.add_argument(
        "--bot-login",
        metavar="LOGIN",
        help="the account the token posts as, when it is neither a user's token nor the Actions "
        "GITHUB_TOKEN (a GitHub App's NAME[bot]); only its comments count as listlint's",
    )
    parser.add_argument(
        "--allow-untrusted-checkout",
        action="store_true",
        help="run on a pull_request_target or workflow_run event even though the working "
        "directory is a checkout of other code than the workflow's own commit",
    )
    parser.add_argument(  # online
        "--online",
        action="store_true",
        help="also request the links on added lines that the base did not have, and look their "
        "GitHub repositories up (LL6xx)",
    )
    parser.add_argument("--per-page", type=int, default=100, metavar="N", help=argparse.SUPPRESS)
    parser.add_argument(
        "--max-wait",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="longest wait for a rate limit before giving up (default: %(default)s)",
    )
    parser.add_argument(
        "--throttle",
        type=float,
        default=None,
        metavar="SECONDS",
        help=argparse.SUPPRESS,
    )
    parser.add_argument(  # the first wait before a retry; tests make it tiny
        "--backoff", type=float, default=1.0, metavar="SECONDS", help=argparse.SUPPRESS
    )


def run(args: argparse.Namespace) -> int:
    """Run a review; 0 clean, 1 findings per ``--fail-on``, 2 error (reported on one line)."""
    try:
        return _review(args, os.environ, sys.stdout)
    except ReviewError as error:
        print(f"listlint review: error: {error}", file=sys.stderr)
        return 2


def selected(path: str, limits: Sequence[str]) -> bool:
    """Whether a changed file is Markdown below one of the PATH arguments (none: anywhere)."""
    if not path.lower().endswith(MARKDOWN_SUFFIXES):
        return False
    roots = [repo_path(limit) for limit in limits]
    return not roots or any(
        root in (".", "") or path == root or path.startswith(root + "/") for root in roots
    )


def exit_status(plan: ReviewPlan, fail_on: str, errors: Sequence[str]) -> int:
    """2 on input errors, 1 when findings reach ``fail_on``, else 0."""
    if errors:
        return 2
    found_errors, found_warnings = counts(plan.reported)
    if (fail_on == "error" and found_errors) or (
        fail_on == "warning" and found_errors + found_warnings
    ):
        return 1
    return 0


@dataclass(frozen=True)
class _Linted:
    findings: list[Finding]
    sources: dict[str, str]
    errors: list[str]
    notes: list[str] = field(default_factory=list)


def pull_request_changes(changed: Iterable[ChangedFile]) -> dict[str, FileChange]:
    """Each file the pull request adds, changes or renames, by repository path, from its patch."""
    return {
        f.path: parse_patch(
            f.patch,
            f.path,
            new_file=f.status == "added",
            old_path=f.previous_path if f.status == "renamed" else None,
        )
        for f in changed
        if f.status != "removed"
    }


def _lint(
    changes: Mapping[str, FileChange],
    pull: PullRequestRef,
    description: str,
    args: argparse.Namespace,
) -> _Linted:
    """Lint the changed files; the rules read their changes and the pull request's description."""
    from listlint.run import RunOptions, run

    targets = [path for path in changes if selected(path, args.paths)]
    if args.filter_mode == "nofilter" and args.paths:
        targets = list(args.paths)  # every changed file selected lies below one of them
    files, notes = readable_files(targets, args.config)
    if not files:
        return _Linted([], {}, [], notes)
    by_file = {file: changes.get(repo_path(file), FileChange(repo_path(file))) for file in files}
    change = Change(by_file, description, pull.repository)
    result = run(
        RunOptions(files, config=args.config, change=change, online=partial(_online_step, args))
    )
    findings = [
        structs.replace(finding, path=repo_path(finding.path)) for finding in result.findings
    ]
    sources = {repo_path(path): text for path, text in result.texts.items()}
    if result.online is not None:
        notes += online_notes(result.online, result.targets)
    return _Linted(findings, sources, result.errors, notes)


# -- online (--online; listlint.online) --


def _online_step(
    args: argparse.Namespace, targets: Sequence[Target], change: Change | None
) -> OnlineRun | None:
    """The online step of the review: the links on added lines (every link with --filter-mode
    file or nofilter), the removed lines telling which URLs the base already had."""
    if not args.online or not targets:
        return None
    from listlint.online.setup import online_run, scopes_for

    whole = args.filter_mode in ("file", "nofilter")
    scopes = scopes_for([t.source.path for t in targets], None if whole else change)
    return online_run(scopes, _online_section(targets), use_cache=True, progress=None)


def _online_section(targets: Sequence[Target]) -> Mapping[str, Any]:
    """The ``[tool.listlint.online]`` settings (of the first file's configuration)."""
    section: Mapping[str, Any] = targets[0].config.data.get("online", {}) if targets else {}
    return section


def online_notes(online: OnlineRun, targets: Sequence[Target]) -> list[str]:
    """One note listing the links the online step could not verify (the first ten)."""
    from listlint.online.report import unverified_notes

    if online.facts is None:
        return []
    docs = online.documents
    paths = [doc.path for doc in docs]
    unverified = unverified_notes(docs, online.facts, _online_section(targets), paths)
    if not unverified:
        return []
    shown = "; ".join(f"{repo_path(n.path)}:{n.line}: {n.message}" for n in unverified[:10]) + (
        "; …" if len(unverified) > 10 else ""
    )
    return [f"{plural(len(unverified), 'link')} could not be verified (not findings): {shown}"]


def _from_export(exported: Export, client: PullRequestClient, limits: Sequence[str]) -> _Linted:
    """The artifact's findings whose lines read the same in the pull request's own files.

    The artifact is untrusted: the texts it carries only serve to check it. Each file is read
    again from the head commit through the API, and fingerprints and suggestions come from that.
    """
    paths = sorted(
        {f.path for f in exported.findings if plain_path(f.path) and selected(f.path, limits)}
    )
    texts = {path: client.file_text(path, DEFAULT_MAX_FILE_SIZE) for path in paths}
    trusted = {path: text for path, text in texts.items() if text is not None}
    kept = [
        finding
        for finding in exported.findings
        if finding.path in trusted
        and same_lines(finding, exported.sources.get(finding.path, ""), trusted[finding.path])
    ]
    dropped = len(exported.findings) - len(kept)
    notes = []
    if dropped:
        notes.append(
            f"Left out {plural(dropped, 'finding')} of the findings file whose lines do not match "
            "the pull request's files."
        )
    return _Linted(kept, trusted, exported.errors, notes)


def _connect(
    pull: PullRequestRef,
    env: ActionEnvironment,
    environ: Mapping[str, str],
    args: argparse.Namespace,
) -> PullRequestClient:
    from .api import PullRequestClient

    token = args.token or environ.get("GITHUB_TOKEN")
    if not token:
        raise ReviewError("no token: set GITHUB_TOKEN or pass --token")
    return PullRequestClient(
        pull,
        api_url=env.api_url,
        token=token,
        per_page=args.per_page,
        max_wait=args.max_wait,
        backoff=args.backoff,
        throttle=args.throttle,
        login=args.bot_login,
    )


def _append(path: str | None, text: str) -> None:
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(text)


def _pull_request(
    args: argparse.Namespace, env: ActionEnvironment
) -> tuple[PullRequestRef, Export | None]:
    """The pull request to review and, with ``--from-json``, the checked findings file."""
    event = read_event(env.event_path)
    if not args.from_json:
        return pull_request_from_event(event, env.repository), None
    exported = read_export(args.from_json)
    pull = exported.pull
    if pull.repository != env.repository or pull.head_sha != workflow_run_head_sha(event):
        raise ReviewError(
            "the findings file belongs to another repository or commit than this workflow_run"
        )
    return pull, exported


def _unposted(located: Sequence[Located], diffs: Mapping[str, FileChange], mode: str) -> ReviewPlan:
    """What a run reports, without reading or posting anything."""
    return plan_review(
        located, diffs, mode=mode, posted=(), posted_in_bodies=frozenset(), max_comments=0
    )


def _review(args: argparse.Namespace, environ: Mapping[str, str], out: TextIO) -> int:
    env = ActionEnvironment.from_environ(environ)
    pull, exported = _pull_request(args, env)
    if not args.allow_untrusted_checkout:
        checked_out = checked_out_commit(Path.cwd())
        refusal = checkout_refusal(env.event_name, env.sha, pull.head_sha, checked_out)
        if refusal:
            raise ReviewError(refusal)
    client = _connect(pull, env, environ, args)
    if client.head_sha() != pull.head_sha:
        print(f"listlint review: #{pull.number} has newer commits; skipping this one", file=out)
        return 0
    changes = pull_request_changes(client.changed_files())
    if exported:
        linted = _from_export(exported, client, args.paths)
    else:
        linted = _lint(changes, pull, client.description(), args)
    diffs = {
        path: change.numbered_for(linted.sources[path]) if path in linted.sources else change
        for path, change in changes.items()
    }
    for error in linted.errors:
        print(error_command(error), file=out)
    for note in linted.notes:
        print(error_command(note, "warning"), file=out)
    located = locate(linted.findings, linted.sources)
    summary = partial(step_summary, errors=linted.errors, notes=linted.notes)
    if args.export:
        write_export(args.export, Export(pull, linted.findings, linted.sources, linted.errors))
        plan = _unposted(located, diffs, args.filter_mode)
        _report_by_annotations(plan, out)
        status = f"Findings written to {args.export} for the workflow that posts the review."
        comments = 0
    else:
        try:
            plan = _plan(client, located, diffs, args)
            status, comments = _post_or_annotate(
                client, plan, pull, args.stale_comments, linted.notes, out
            )
        except ReviewError as error:
            failed = f"listlint could not post its review: {escape(str(error))}"
            _append(
                env.step_summary,
                summary(_unposted(located, diffs, args.filter_mode), status=failed),
            )
            raise
    print(f"listlint review: {status}", file=out)
    _append(env.step_summary, summary(plan, status=status))
    _append(env.output, outputs(plan, comments=comments))
    return exit_status(plan, args.fail_on, linted.errors)


def _plan(
    client: PullRequestClient,
    located: Sequence[Located],
    diffs: Mapping[str, FileChange],
    args: argparse.Namespace,
) -> ReviewPlan:
    """Plan against the comments already posted; earlier review bodies are read only if needed."""
    plan = partial(
        plan_review,
        located,
        diffs,
        mode=args.filter_mode,
        posted=client.posted_comments(),
        max_comments=max(args.max_comments, 0),
    )
    first = plan(posted_in_bodies=frozenset())
    if not first.body:
        return first
    return plan(posted_in_bodies=client.seen_in_review_bodies())


def _post_or_annotate(
    client: PullRequestClient,
    plan: ReviewPlan,
    pull: PullRequestRef,
    stale: str,
    notes: Sequence[str],
    out: TextIO,
) -> tuple[str, int]:
    """Post the review and handle stale comments; annotations when the token cannot write."""
    from .api import WriteDenied

    try:
        status, comments = _post(client, plan, pull, notes)
    except WriteDenied as error:
        print(f"::warning::listlint cannot post a review with this token: {error}", file=out)
        _report_by_annotations(plan, out)
        return (
            "This token cannot write to the pull request (a fork?): findings are annotations "
            "and the list below.",
            0,
        )
    return status + _handle_stale(client, plan, stale, out), comments


def _post(
    client: PullRequestClient, plan: ReviewPlan, pull: PullRequestRef, notes: Sequence[str]
) -> tuple[str, int]:
    """Post the review (or nothing); on a 422 post once more with every finding in the body."""
    from .api import ReviewRejected

    if not plan.has_news:
        return "No new findings since the last review: nothing posted.", 0
    run = uuid.uuid4().hex
    marker = run_marker(run)
    try:
        client.post_review(
            review_body(plan, run=run, notes=notes),
            [review_comment(item) for item in plan.inline],
            pull.head_sha,
            marker,
        )
    except ReviewRejected as error:
        moved = replace(plan, inline=(), body=plan.inline + plan.body)
        note = "GitHub refused the inline comments, so every new finding is listed here."
        body = review_body(moved, run=run, notes=[*notes, note])
        client.post_review(body, [], pull.head_sha, marker)
        return f"Review posted without inline comments ({error}).", 0
    return (
        f"Review posted with {plural(len(plan.inline), 'inline comment')} "
        f"and {plural(len(plan.body), 'finding')} in its body.",
        len(plan.inline),
    )


def _handle_stale(client: PullRequestClient, plan: ReviewPlan, how: str, out: TextIO) -> str:
    """Minimize or delete comments whose finding is gone; a failure here is only a warning."""
    if how == "keep" or not plan.stale:
        return ""
    try:
        if how == "delete":
            for comment in plan.stale:
                client.delete(comment.id)
            return f" Deleted {plural(len(plan.stale), 'stale comment')}."
        done = client.minimized([c.id for c in plan.stale])
        todo = [c for c in plan.stale if c.id not in done]
        for comment in todo:
            client.minimize(comment.id)
        return f" Minimized {plural(len(todo), 'stale comment')}." if todo else ""
    except ReviewError as error:
        print(f"::warning::listlint could not {how} stale comments: {error}", file=out)
        return f" Could not {how} stale comments."


def _report_by_annotations(plan: ReviewPlan, out: TextIO) -> None:
    for line in workflow_commands(plan.reported):
        print(line, file=out)

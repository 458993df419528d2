"""What an online run tells besides findings: the links it could not verify, and a summary.

An unverified link (403, 429, 5xx, a timeout, a TLS error) is not a problem of the list, so it
is no finding and never changes the exit status. Text output lists these links on standard
error after the summary of the run; json output adds one item per link to the report array,
with the usual keys, ``"code": "LL603"``, ``"name": "unverified-link"`` and ``"severity":
"info"`` (those LL603 already reports as warnings are not repeated).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import Any

from listlint.findings import Finding
from listlint.model.document import Document
from listlint.online.facts import OnlineFacts
from listlint.online.run import Tally
from listlint.rules._links import destinations
from listlint.rules.ll603_unverified_link import DEFAULT_RUNS

CODE, NAME = "LL603", "unverified-link"
SHOWN = 20  # unverified links listed in the text summary


def unverified_notes(
    docs: Sequence[Document],
    facts: OnlineFacts,
    section: Mapping[str, Any],
    paths: Collection[str],
) -> list[Finding]:
    """An ``info`` item for each link of the files ``paths`` that the run could not verify.

    Links unverified in ``unverified-warn-after`` runs or more (``section``:
    ``[tool.listlint.online]``) are LL603 warnings already.
    """
    warn_after = int(section.get("unverified-warn-after", DEFAULT_RUNS))
    return [note for doc in docs if doc.path in paths for note in _notes(doc, facts, warn_after)]


def _notes(doc: Document, facts: OnlineFacts, warn_after: int) -> Iterator[Finding]:
    for destination in destinations(doc, bare=True):
        found = facts.repository(destination.url)
        if found is not None:
            reason = found[1].reason if found[1].state == "unverified" else None
            what = f"GitHub repository `{found[0]}`"
        else:
            result = facts.link(destination.url)
            warned = result is not None and 0 < warn_after <= result.unverified_runs
            reason = result.reason if result and result.state == "unverified" else None
            reason = None if warned else reason
            what = f"`{destination.url}`"
        if reason is None:
            continue
        span = destination.span
        yield Finding(
            path=doc.path,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            code=CODE,
            name=NAME,
            severity="info",
            message=f"{what} could not be verified: {reason}",
        )


def summary(tally: Tally, notes: Sequence[Finding], *, github: bool) -> str:
    """Lines for standard error: what was checked, then the unverified links (the first few)."""
    checked = f"{tally.links:,} link{'s' * (tally.links != 1)}"
    if tally.cached:
        checked += f" ({tally.cached:,} answered by the cache)"
    if tally.repositories:
        checked += f" and {tally.repositories:,} GitHub repositor"
        checked += "ies" if tally.repositories != 1 else "y"
    lines = [f"Online: checked {checked}; {len(notes)} unverified{':' if notes else '.'}"]
    lines += [f"  {n.path}:{n.line}:{n.column}: {n.message}" for n in notes[:SHOWN]]
    if len(notes) > SHOWN:
        lines.append(f"  and {len(notes) - SHOWN} more (--output-format json lists them all)")
    if tally.repository_pages and not github:
        lines.append(
            f"{tally.repository_pages} GitHub repository pages were checked as web pages; "
            "set GITHUB_TOKEN for the repository checks (LL610-LL616)."
        )
    return "".join(line + "\n" for line in lines)

"""The duplicate rules on real lists: what they report today, and recall on past duplicates.

Reads ``shared/corpus`` beside the project (skipped when absent). Every finding counted in
``EXPECTED_ON_LISTS`` was read and is a duplicate the list really has (see docs/duplicates.md).
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from listlint.model.document import Document, parse_document
from listlint.urls import normalize_url

from conftest import lint_paths


def _corpus() -> Path | None:
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "corpus").is_dir():
            return folder / "shared" / "corpus"
    return None


CORPUS = _corpus()
pytestmark = pytest.mark.skipif(CORPUS is None, reason="shared/corpus not found beside the project")

EXPECTED_ON_LISTS = {
    "ChristosChristofidis__awesome-deep-learning.md": {"LL401": 9},
    "academic__awesome-datascience.md": {"LL401": 19},
    "avelino__awesome-go.md": {"LL402": 1},
    "awesome-selfhosted__awesome-selfhosted.md": {},
    "danielecook__Awesome-Bioinformatics.md": {"LL401": 1},
    "gokceneraslan__awesome-deepbio.md": {"LL401": 1},
    "hussius__deeplearning-biology.md": {"LL401": 1, "LL403": 1},
    "hussius__deeplearning-biology__seed.md": {"LL403": 1},
    "josephmisiti__awesome-machine-learning.md": {"LL401": 9, "LL402": 1},
    "public-apis__public-apis.md": {"LL401": 15},
    "rust-unofficial__awesome-rust.md": {"LL401": 16},
    "sindresorhus__awesome-nodejs.md": {"LL401": 1},
    "sindresorhus__awesome.md": {},
    "sorrycc__awesome-javascript.md": {},
    "vinta__awesome-python.md": {"LL401": 1},
}


def family(path: Path) -> list[tuple[str, int]]:
    report = lint_paths([str(path)], isolated=True)
    return [(f.code, f.line) for f in report.findings if f.code.startswith("LL4")]


@pytest.mark.parametrize("name", sorted(EXPECTED_ON_LISTS))
def test_findings_on_the_real_lists(name: str) -> None:
    assert CORPUS is not None
    counts = collections.Counter(code for code, _ in family(CORPUS / "lists" / name))
    assert dict(counts) == EXPECTED_ON_LISTS[name]


def test_seed_reports_the_repeated_link_but_not_the_deepcpg_see_above() -> None:
    assert CORPUS is not None
    found = family(CORPUS / "lists" / "hussius__deeplearning-biology__seed.md")
    assert found == [("LL403", 184)]


def _urls(doc: Document) -> collections.Counter[str]:
    return collections.Counter(normalize_url(e.url) for e in doc.entries if e.url)


@pytest.mark.soak
def test_recall_on_duplicates_maintainers_removed() -> None:
    """A later entry whose URL repeats an earlier one, and the newest list has fewer copies: the
    copy is found by a finding on its line, or inside a block LL404 reports as pasted twice (one
    finding for the block, not one per entry in it)."""
    assert CORPUS is not None
    newest: dict[str, collections.Counter[str]] = {}
    total = found = 0
    for path in sorted((CORPUS / "history").glob("*.md")):
        repo = path.name.rsplit("__", 1)[0]
        if repo not in newest:
            latest = CORPUS / "lists" / f"{repo}.md"
            newest[repo] = _urls(parse_document(latest.read_text(encoding="utf-8"), repo))
        doc = parse_document(path.read_text(encoding="utf-8"), str(path))
        occurrences: dict[str, list[int]] = collections.defaultdict(list)
        for entry in doc.entries:
            if entry.url:
                occurrences[normalize_url(entry.url)].append(entry.name_span.line)
        # an entry is found when a finding is on its line, or a pasted block (LL404) holds it
        report = lint_paths([str(path)], isolated=True)
        reported = {
            line
            for f in report.findings
            if f.code.startswith("LL4")
            for line in range(f.line, (f.end_line if f.code == "LL404" else f.line) + 1)
        }
        for url, lines in occurrences.items():
            if len(lines) > 1 and newest[repo][url] < len(lines):
                total += len(lines) - 1
                found += sum(line in reported for line in lines[1:])
    print(f"recall on removed URL duplicates: {found}/{total}")
    assert total > 300 and found / total >= 0.9

"""``listlint review --online``: new URLs on added lines only, findings in the same review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from github_emulator import PullRequest, pull_request
from link_server import HostsResolver, LinkServer, serve

from listlint.online import setup


@pytest.fixture
def pr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[PullRequest, LinkServer]]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    resolver = HostsResolver({"site.test": "127.0.0.1"})
    monkeypatch.setattr(setup, "SystemResolver", lambda: resolver)
    with serve() as (site,), pull_request(tmp_path, monkeypatch) as pull:
        pull.github.add_project("octo/old", archived=True)
        yield pull, site


def entry(name: str, url: str) -> str:
    return f"- [{name}]({url}) - A tool.\n"


def test_the_review_asks_only_about_new_urls_on_added_lines(
    pr: tuple[PullRequest, LinkServer],
) -> None:
    pull, site = pr
    base_url = f"http://site.test:{site.port}"
    base = (
        "# Awesome\n\n## Tools\n\n"
        + entry("Good", f"{base_url}/ok")
        + entry("Gone", f"{base_url}/404")
    )
    head = base + "".join(
        [
            entry("Again", f"{base_url}/404"),  # the base had this URL: not asked
            entry("Moved", f"{base_url}/moved"),
            entry("Old", "https://github.com/octo/old"),
            entry("Wall", f"{base_url}/bot-wall"),
        ]
    )
    (pull.checkout / ".listlint.toml").write_text("select = ['LL6']\n")
    pull.change("README.md", base, head)
    assert pull.review("--online", "--fail-on", "warning") == 1
    assert (site.count("/ok"), site.count("/404")) == (0, 0)
    assert site.count("/moved") == 1
    assert site.requests[("HEAD", "/bot-wall")] == site.requests[("GET", "/bot-wall")] == 1
    comments = {c["line"]: c["body"] for c in pull.github.comments}
    assert sorted(comments) == [8, 9]
    assert (
        "LL602" in comments[8]
        and f"```suggestion\n{entry('Moved', base_url + '/new')}" in (comments[8])
    )
    assert "LL612" in comments[9] and "octo/old\\` is archived" in comments[9]
    (posted,) = pull.github.reviews
    assert "1 link could not be verified (not findings)" in posted["body"]
    assert "403 Forbidden (bot wall: Cloudflare)" in posted["body"]


def test_without_online_the_review_asks_nothing(pr: tuple[PullRequest, LinkServer]) -> None:
    pull, site = pr
    head = "# Awesome\n\n## Tools\n\n" + entry("Gone", f"http://site.test:{site.port}/404")
    pull.change("README.md", "", head)
    pull.review()
    assert site.requests == {}
    assert all(not path.endswith("graphql") for _, path in pull.github.requests)

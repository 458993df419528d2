"""Checking links: what counts as dead, moved or unverified, and how politely it is asked.

Every request goes to the loopback servers of ``link_server``; host names resolve through
``HostsResolver``, which knows only the test names.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence

import pytest
from link_server import HostsResolver, LinkServer, closed_port, page, serve

from listlint.online.facts import LinkResult
from listlint.online.http import check_links, requested_wait
from listlint.online.settings import OnlineSettings

FAST = OnlineSettings(timeout=0.5, retries=2, backoff=0.01, max_wait=2.0)


@pytest.fixture(scope="module")
def site() -> Iterator[LinkServer]:
    with serve() as (server,):
        yield server


def check(
    urls: Sequence[str],
    settings: OnlineSettings = FAST,
    resolver: HostsResolver | None = None,
) -> dict[str, LinkResult]:
    resolver = resolver or HostsResolver({"site.test": "127.0.0.1"})
    results, _ = asyncio.run(check_links(list(urls), settings, resolver))
    return results


def test_a_good_page_is_ok_after_one_head_request(site: LinkServer) -> None:
    url = site.url("/ok")
    assert check([url])[url].state == "ok"
    assert site.requests[("HEAD", "/ok")] == 1
    assert site.requests[("GET", "/ok")] == 0


def test_the_request_looks_like_a_browser(site: LinkServer) -> None:
    check([site.url("/ok?agent")])
    sent = site.headers[-1]
    assert sent["user-agent"].startswith("Mozilla/5.0")
    assert sent["accept"].startswith("text/html")


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_dead_once_get_agrees(site: LinkServer, status: int) -> None:
    url = site.url(f"/{status}")
    result = check([url])[url]
    assert (result.state, result.status) == ("dead", status)
    assert site.requests[("HEAD", f"/{status}")] == site.requests[("GET", f"/{status}")]


def test_head_405_then_get_200_is_ok(site: LinkServer) -> None:
    url = site.url("/head-405")
    assert check([url])[url].state == "ok"
    assert site.requests[("HEAD", "/head-405")] == 1
    assert site.requests[("GET", "/head-405")] == 1


def test_a_permanent_chain_is_followed_to_its_end(site: LinkServer) -> None:
    url = site.url("/moved")
    result = check([url])[url]
    assert result.state == "ok"
    assert [hop.status for hop in result.hops] == [301, 308]
    assert result.moved_to == site.url("/new")


@pytest.mark.parametrize("path", ["/temporary", "/slash"])
def test_temporary_and_trailing_slash_redirects_are_no_move(site: LinkServer, path: str) -> None:
    url = site.url(path)
    result = check([url])[url]
    assert result.state == "ok"
    assert result.hops
    assert result.moved_to is None


def test_a_redirect_to_a_missing_page_is_dead(site: LinkServer) -> None:
    url = site.url("/moved-to-404")
    result = check([url])[url]
    assert result.state == "dead"
    assert result.reason == f"404 Not Found after redirecting to {site.url('/404')}"


def test_a_redirect_loop_is_unverified(site: LinkServer) -> None:
    url = site.url("/loop")
    result = check([url])[url]
    assert (result.state, result.reason) == ("unverified", "a redirect loop")


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/bot-wall", "403 Forbidden (bot wall: Cloudflare)"),
        ("/forbidden", "403 Forbidden"),
        ("/unavailable", "503 Service Unavailable"),
    ],
)
def test_refusals_and_outages_are_unverified_never_dead(
    site: LinkServer, path: str, reason: str
) -> None:
    url = site.url(path)
    result = check([url])[url]
    assert (result.state, result.reason) == ("unverified", reason)


def test_503_is_retried_with_backoff(site: LinkServer) -> None:
    check([site.url("/unavailable?retried")])
    assert site.count("/unavailable?retried") == 1 + FAST.retries


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits the checker asks for (it sleeps them: the test counts, never times them)."""
    asked: list[float] = []
    real_sleep = asyncio.sleep

    async def recording_sleep(seconds: float, *args: object) -> None:
        if seconds > 0:
            asked.append(seconds)
        await real_sleep(seconds)

    monkeypatch.setattr(asyncio, "sleep", recording_sleep)
    return asked


def test_429_waits_as_long_as_retry_after_asks(site: LinkServer, waits: list[float]) -> None:
    url = site.url("/busy-once")
    assert check([url])[url].state == "ok"
    assert waits == [1.0]  # Retry-After: 1
    assert site.requests[("HEAD", "/busy-once")] == 2


def test_a_wait_longer_than_max_wait_is_not_waited_for(
    site: LinkServer, waits: list[float]
) -> None:
    url = site.url("/rate-limited")
    result = check([url])[url]
    assert waits == []
    assert result.state == "unverified"
    assert result.reason == "429 Too Many Requests (Retry-After: 3600)"
    assert site.count("/rate-limited") == 1


def test_a_slow_answer_is_unverified_after_the_timeout(site: LinkServer) -> None:
    url = site.url("/slow")
    result = check([url], OnlineSettings(timeout=0.3, retries=1, backoff=0.01))[url]
    assert (result.state, result.reason) == ("unverified", "no answer within 0.3 s")
    assert site.count("/slow") == 2  # the first try and one retry


def test_an_unknown_host_is_dead_after_asking_twice() -> None:
    resolver = HostsResolver({})
    url = "http://nowhere.test/page"
    result = check([url], resolver=resolver)[url]
    assert (result.state, result.reason) == ("dead", "unknown host nowhere.test (no DNS record)")
    assert resolver.lookups["nowhere.test"] == 2


def test_every_link_to_one_host_shares_its_lookup(site: LinkServer) -> None:
    resolver = HostsResolver({"site.test": "127.0.0.1"})
    urls = [f"http://site.test:{site.port}/ok?n={n}" for n in range(5)]
    assert {r.state for r in check(urls, resolver=resolver).values()} == {"ok"}
    assert resolver.lookups["site.test"] == 1


def test_a_refused_connection_is_dead_once_confirmed() -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    result = check([url])[url]
    assert (result.state, result.reason) == ("dead", "connection refused twice")


def test_a_refused_connection_without_retries_is_unverified() -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    result = check([url], OnlineSettings(timeout=0.5, retries=0))[url]
    assert (result.state, result.reason) == ("unverified", "connection refused")


def test_accepted_statuses_count_as_good(site: LinkServer) -> None:
    url = site.url("/forbidden?accepted")
    settings = OnlineSettings(timeout=0.5, accept=frozenset({403}))
    assert check([url], settings)[url].state == "ok"


def test_each_distinct_url_is_asked_once_redirect_hops_included() -> None:
    with serve() as (server,):
        urls = [
            server.url("/ok"),
            server.url("/moved"),
            server.url("/moved-again"),  # the first link's second hop
            server.url("/new"),  # where both end
            server.url("/temporary"),  # ends there too
        ]
        results = check(urls)
        assert {r.state for r in results.values()} == {"ok"}
        for path in ("/ok", "/moved", "/moved-again", "/new", "/temporary"):
            assert server.requests[("HEAD", path)] == 1, path


def test_no_host_serves_more_than_the_per_host_limit_at_once() -> None:
    settings = OnlineSettings(timeout=5, per_host=3, concurrency=32)
    with serve(hosts=3, routes={"/ok": page(200)}, delay=0.05) as servers:
        urls = [server.url(f"/ok?n={n}") for server in servers for n in range(20)]
        assert {r.state for r in check(urls, settings).values()} == {"ok"}
        assert [server.most_active for server in servers] == [3, 3, 3]


def test_the_global_limit_holds_across_hosts() -> None:
    settings = OnlineSettings(timeout=5, per_host=4, concurrency=2)
    with serve(hosts=3, routes={"/ok": page(200)}, delay=0.05) as servers:
        check([server.url(f"/ok?n={n}") for server in servers for n in range(6)], settings)
        assert sum(server.most_active for server in servers) <= 2 * len(servers)
        assert max(server.most_active for server in servers) <= 2


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ({"retry-after": "7"}, 7.0),
        ({"retry-after": "Thu, 01 Jan 1970 00:01:40 GMT"}, 60.0),
        ({"x-ratelimit-remaining": "0", "x-ratelimit-reset": "130"}, 91.0),
        ({"x-ratelimit-remaining": "5", "x-ratelimit-reset": "130"}, None),
        ({}, None),
    ],
)
def test_requested_wait_reads_retry_after_and_github_resets(
    headers: dict[str, str], wait: float | None
) -> None:
    assert requested_wait(headers, now=40.0) == wait

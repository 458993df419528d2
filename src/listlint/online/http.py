"""Checking links over HTTP: politely, concurrently, each distinct URL requested once per run.

Each URL is asked with ``HEAD``, and with ``GET`` when ``HEAD`` fails otherwise than by a rate
limit (405 and 501, but also the 404 of a server that mishandles ``HEAD``: a link is only called
dead when ``GET`` agrees). Redirects are followed by hand, hop by hop, so the chain is known;
every hop URL is asked once even when several links lead through it. Timeouts, refused
connections, 429 and 502-504 are retried after a backoff that honours ``Retry-After`` and
GitHub's ``x-ratelimit-reset``; a wait longer than ``max_wait`` is not waited for. At most
``concurrency`` requests are under way, and at most ``per_host`` to one host.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import aiohttp

from listlint.online.facts import Hop, LinkResult, link_key
from listlint.online.redirects import permanent_target
from listlint.online.resolve import ConfirmingResolver, Resolver, UnknownHost
from listlint.online.settings import OnlineSettings

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRIED = frozenset({429, 502, 503, 504})
DEAD = frozenset({404, 410})
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True)
class Answer:
    """One URL's answer after retries: a status and headers, or why there is none."""

    status: int | None
    headers: Mapping[str, str] = field(default_factory=dict)
    error: str = ""
    retryable: bool = False  # a network failure that may pass (timeout, reset, refused)
    refused: bool = False
    dead: bool = False  # a failure that is definite: an unknown host, a refusal confirmed


def requested_wait(headers: Mapping[str, str], now: float) -> float | None:
    """The wait an answer asks for: ``Retry-After`` (seconds or a date), or GitHub's reset."""
    after = headers.get("retry-after", "").strip()
    if after.isdigit():
        return float(after)
    if after:
        try:
            return max(parsedate_to_datetime(after).timestamp() - now, 0.0)
        except (TypeError, ValueError):
            return None
    reset = headers.get("x-ratelimit-reset", "").strip()
    if headers.get("x-ratelimit-remaining") == "0" and reset.isdigit():
        return max(int(reset) - now, 0.0) + 1
    return None


def bot_wall(headers: Mapping[str, str]) -> str | None:
    """The anti-bot service that answered, if its headers say so."""
    server = headers.get("server", "").lower()
    if headers.get("cf-mitigated") or "cloudflare" in server:
        return "Cloudflare"
    if "x-datadome" in headers or "datadome" in server:
        return "DataDome"
    if "x-amzn-waf-action" in headers:
        return "AWS WAF"
    if "akamai" in server:
        return "Akamai"
    return None


def describe(status: int, headers: Mapping[str, str]) -> str:
    """``404 Not Found``; ``403 Forbidden (bot wall: Cloudflare)``."""
    try:
        text = f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        text = str(status)
    wall = bot_wall(headers) if status in (403, 429, 503) else None
    if wall:
        text += f" (bot wall: {wall})"
    after = headers.get("retry-after", "").strip()
    return f"{text} (Retry-After: {after[:40]})" if after else text


def classify(url: str, hops: Sequence[Hop], answer: Answer, accept: frozenset[int]) -> LinkResult:
    """The verdict on a link from the last answer of its redirect chain."""
    hops = tuple(hops)
    via = f" after redirecting to {hops[-1].location}" if hops else ""
    status = answer.status
    if status is None:
        return LinkResult("dead" if answer.dead else "unverified", answer.error + via, None, hops)
    reason = describe(status, answer.headers) + via
    if 200 <= status < 300 or status in accept:
        return LinkResult("ok", reason, status, hops, permanent_target(url, hops))
    return LinkResult("dead" if status in DEAD else "unverified", reason, status, hops)


class LinkChecker:
    """Checks links through one aiohttp session; ``requests`` counts what was sent, per URL."""

    def __init__(self, session: aiohttp.ClientSession, settings: OnlineSettings) -> None:
        self._session = session
        self._settings = settings
        self._all = asyncio.Semaphore(settings.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._answers: dict[str, asyncio.Task[Answer]] = {}
        self.requests: Counter[str] = Counter()

    def _host(self, url: str) -> asyncio.Semaphore:
        host = urlsplit(url).netloc.lower()
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self._settings.per_host)
        return self._hosts[host]

    async def _request(self, method: str, url: str) -> Answer:
        """One request, its failure described."""
        self.requests[url] += 1
        timeout = self._settings.timeout
        try:
            async with (
                self._all,
                self._host(url),
                self._session.request(method, url, allow_redirects=False) as response,
            ):
                headers = {key.lower(): value for key, value in response.headers.items()}
                return Answer(response.status, headers)
        except aiohttp.ClientSSLError as error:
            return Answer(None, error=f"TLS error: {_first_line(error)}")
        except aiohttp.ClientConnectorError as error:
            if isinstance(error.os_error, UnknownHost):
                host = urlsplit(url).hostname
                return Answer(None, error=f"unknown host {host} (no DNS record)", dead=True)
            if isinstance(error.os_error, ConnectionRefusedError):
                return Answer(None, error="connection refused", retryable=True, refused=True)
            return Answer(None, error=f"cannot connect: {_first_line(error)}", retryable=True)
        except (asyncio.TimeoutError, TimeoutError):
            return Answer(None, error=f"no answer within {timeout:g} s", retryable=True)
        except (aiohttp.InvalidURL, ValueError) as error:
            return Answer(None, error=f"invalid URL: {_first_line(error)}")
        except aiohttp.ClientError as error:
            return Answer(
                None, error=f"{type(error).__name__}: {_first_line(error)}", retryable=True
            )

    def _wait(self, answer: Answer, attempt: int) -> float | None:
        """Seconds to wait before another attempt, or None to keep this answer."""
        if attempt >= self._settings.retries:
            return None
        if not answer.retryable and answer.status not in RETRIED:
            return None
        asked = requested_wait(answer.headers, time.time())
        if asked is not None:
            return asked if asked <= self._settings.max_wait else None
        return float(self._settings.backoff * 2**attempt)

    async def _attempts(self, url: str) -> Answer:
        """``url``'s answer: HEAD, GET when HEAD fails, retries after waits."""
        method, attempt, refusals = "HEAD", 0, 0
        while True:
            answer = await self._request(method, url)
            if method == "HEAD" and answer.status is not None and _try_get(answer.status):
                method = "GET"
                answer = await self._request(method, url)
            refusals += answer.refused
            if refusals >= 2:
                return Answer(None, error="connection refused twice", dead=True)
            wait = self._wait(answer, attempt)
            if wait is None:
                return answer
            attempt += 1
            await asyncio.sleep(wait)

    def _answer(self, url: str) -> asyncio.Task[Answer]:
        key = link_key(url) or url
        if key not in self._answers:
            self._answers[key] = asyncio.ensure_future(self._attempts(url))
        return self._answers[key]

    async def check(self, url: str) -> LinkResult:
        """Follow ``url``'s redirects to the end and judge the link."""
        hops: list[Hop] = []
        seen = {link_key(url)}
        current = url
        while True:
            answer = await asyncio.shield(self._answer(current))
            location = answer.headers.get("location") if answer.status in REDIRECTS else None
            if location is None:
                return classify(url, hops, answer, self._settings.accept)
            target = urljoin(current, location)
            hops.append(Hop(answer.status or 0, current, target))
            key = link_key(target)
            if key is None or key in seen or len(hops) > self._settings.max_redirects:
                why = "a redirect loop" if key in seen else "too many redirects"
                if key is None:
                    why = f"a redirect to {target}, which is not a web page"
                return LinkResult("unverified", why, answer.status, tuple(hops))
            seen.add(key)
            current = target


def _try_get(status: int) -> bool:
    """Whether a HEAD answer is worth asking again with GET (it failed, but not rate limited)."""
    return status >= 400 and status not in RETRIED


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0][:200]


async def check_links(
    urls: Sequence[str],
    settings: OnlineSettings,
    resolver: Resolver,
    on_checked: Callable[[], None] = lambda: None,
) -> tuple[dict[str, LinkResult], Counter[str]]:
    """Check every URL; the results by URL, and the requests sent per URL (hops included)."""
    connector = aiohttp.TCPConnector(
        limit=settings.concurrency,
        limit_per_host=settings.per_host,
        resolver=ConfirmingResolver(resolver, settings.backoff),
        use_dns_cache=False,
    )
    async with aiohttp.ClientSession(
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=settings.timeout),
        headers={
            "User-Agent": settings.user_agent,
            "Accept": ACCEPT,
            "Accept-Language": "en;q=0.9, *;q=0.5",
        },
        cookie_jar=aiohttp.CookieJar(),  # some sites redirect in circles until given one
        max_line_size=16_384,
        max_field_size=16_384,
    ) as session:
        checker = LinkChecker(session, settings)

        async def one(url: str) -> tuple[str, LinkResult]:
            result = await checker.check(url)
            on_checked()
            return url, result

        results = dict(await asyncio.gather(*(one(url) for url in urls)))
    return results, checker.requests

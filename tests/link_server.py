"""Web servers on loopback addresses for the online tests, and a resolver that never asks DNS.

:func:`serve` starts one server per loopback address (127.0.0.1, 127.0.0.2…) on one free port.
Every server answers the same :data:`PAGES` (or the routes a test passes), counts requests per
method and path, and records how many requests it was serving at once. :class:`HostsResolver`
maps test host names to those addresses; any other name "does not exist", so no test can reach
a real host.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from listlint.online.resolve import NameNotFound

# (status, headers) for one request: method, path, and how many requests this path had before.
Answer = tuple[int, dict[str, str]]
Route = Callable[[str, int], Answer]


def page(status: int, headers: Mapping[str, str] | None = None) -> Route:
    """Always the same answer."""
    return lambda method, count: (status, dict(headers or {}))


def moved(status: int, location: str) -> Route:
    """A redirect."""
    return page(status, {"Location": location})


def first(times: int, answer: Route, then: Route) -> Route:
    """``answer`` the first ``times`` requests, ``then`` after that."""
    return lambda method, count: answer(method, count) if count < times else then(method, count)


def by_method(head: Route, get: Route) -> Route:
    """One answer to HEAD, another to GET."""
    return lambda method, count: head(method, count) if method == "HEAD" else get(method, count)


SLOW = 2.0  # seconds the /slow page takes; the tests' timeout is well below
PAGES: dict[str, Route] = {
    "/ok": page(200),
    "/404": page(404),
    "/410": page(410),
    "/moved": moved(301, "/moved-again"),
    "/moved-again": moved(308, "/new"),
    "/new": page(200),
    "/temporary": moved(302, "/new"),
    "/slash": moved(301, "/slash/"),
    "/slash/": page(200),
    "/moved-to-404": moved(301, "/404"),
    "/loop": moved(301, "/loop"),
    "/bot-wall": page(403, {"cf-mitigated": "challenge", "Server": "cloudflare"}),
    "/forbidden": page(403),
    "/rate-limited": page(429, {"Retry-After": "3600"}),
    "/busy-once": first(1, page(429, {"Retry-After": "1"}), page(200)),
    "/unavailable": page(503),
    "/head-405": by_method(page(405), page(200)),
    "/slow": page(200),  # after SLOW seconds
}


@dataclass
class LinkServer:
    """One server's record: requests per (method, path), and the most served at once."""

    address: str
    routes: Mapping[str, Route]
    delay: float = 0.0
    port: int = 0
    requests: Counter[tuple[str, str]] = field(default_factory=Counter)
    active: int = 0
    most_active: int = 0
    headers: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://{self.address}:{self.port}{path}"

    def count(self, path: str) -> int:
        """Requests of any method to ``path``."""
        return sum(n for (_, p), n in self.requests.items() if p == path)

    def answer(self, method: str, path: str, headers: dict[str, str]) -> Answer:
        with self.lock:
            self.headers.append(headers)
            before = self.count(path)
            self.requests[(method, path)] += 1
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        try:
            time.sleep(self.delay + (SLOW if path == "/slow" else 0))
            route = self.routes.get(path.split("?")[0])
            return route(method, before) if route else (404, {})
        finally:
            with self.lock:
                self.active -= 1


class _Handler(BaseHTTPRequestHandler):
    server_record: LinkServer
    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        sent = {key.lower(): value for key, value in self.headers.items()}
        status, headers = self.server_record.answer(self.command, self.path, sent)
        body = b"" if self.command == "HEAD" else b"<html>listlint test page</html>"
        try:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout)
            self.close_connection = True

    do_GET = do_HEAD = _answer

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""


def free_port() -> int:
    """A TCP port free on every loopback address we use (bound on 127.0.0.1, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(
    hosts: int = 1, *, routes: Mapping[str, Route] = PAGES, delay: float = 0.0
) -> Iterator[list[LinkServer]]:
    """Servers on 127.0.0.1 … 127.0.0.``hosts``, one port, for the duration of the block."""
    for _ in range(5):  # the port may be taken on another address meanwhile: try another
        port = free_port()
        records, servers = [], []
        try:
            for number in range(1, hosts + 1):
                record = LinkServer(f"127.0.0.{number}", routes, delay, port)
                handler = type("Handler", (_Handler,), {"server_record": record})
                server = ThreadingHTTPServer((record.address, port), handler)
                records.append(record)
                servers.append(server)
        except OSError:
            for server in servers:
                server.server_close()
            continue
        break
    else:
        raise RuntimeError("no free port on the loopback addresses")
    threads = [threading.Thread(target=s.serve_forever, args=(0.01,), daemon=True) for s in servers]
    for thread in threads:
        thread.start()
    try:
        yield records
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


def closed_port() -> int:
    """A port nothing listens on (connections to it are refused)."""
    return free_port()


@dataclass
class HostsResolver:
    """Test names to loopback addresses; every other name does not exist. Counts lookups."""

    hosts: Mapping[str, str]
    lookups: Counter[str] = field(default_factory=Counter)

    async def addresses(self, host: str) -> list[str]:
        self.lookups[host] += 1
        if host in self.hosts:
            return [self.hosts[host]]
        raise NameNotFound(socket.EAI_NONAME, f"unknown host {host}")

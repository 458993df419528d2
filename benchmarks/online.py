"""Benchmark ``listlint --online``: 2,000 links over 8 loopback hosts, and GraphQL against REST.

Links: a server process answers on 127.0.0.1 … 127.0.0.8 (one port), every request after
``--delay`` (20 ms), counting requests and the most it serves at once per address. A generated
list links ``--links`` distinct pages spread evenly over the hosts. ``listlint --online`` runs
twice as a whole process with a fresh cache folder: the first run's wall time and the per-host
peak (against the default limit of 4), then the requests the second run made (0: every answer
came from the cache).

Repositories: the tests' GitHub emulator on 127.0.0.1 holds ``--repositories`` repositories (a
tenth of them renamed); listlint's GraphQL lookup and a REST client (PyGithub's ``get_repo`` and
the default branch's last commit, as REST needs) look them all up, and the emulator counts the
requests each made. Both space their requests 0.25 s apart (PyGithub's default for reads), so
the times mostly count requests.

    python benchmarks/online.py             # prints a Markdown table; --json for JSON

Nothing leaves the machine: every address is on 127.0.0.0/8 and names are never resolved.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
HOSTS = [f"127.0.0.{n}" for n in range(1, 9)]
STATS = "/__stats"


# -- the link server (run as a child process: python benchmarks/online.py --serve PORT DELAY) --


@dataclass
class HostStats:
    requests: int = 0
    active: int = 0
    most_active: int = 0


@dataclass
class ServerState:
    delay: float
    hosts: dict[str, HostStats] = field(default_factory=dict)


async def _answer(state: ServerState, address: str, reader: Any, writer: Any) -> None:
    stats = state.hosts[address]
    try:
        while True:
            request = await reader.readline()
            if not request:
                return
            while await reader.readline() not in (b"\r\n", b"\n", b""):
                pass
            path = request.split()[1].decode() if len(request.split()) > 1 else "/"
            body = b""
            if path == STATS:
                body = json.dumps({a: vars(s) for a, s in state.hosts.items()}).encode()
            else:
                stats.requests += 1
                stats.active += 1
                stats.most_active = max(stats.most_active, stats.active)
                await asyncio.sleep(state.delay)
                stats.active -= 1
            head = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {len(body)}\r\n"
            writer.write(head.encode() + b"\r\n" + body)
            await writer.drain()
    except ConnectionError:
        return
    finally:
        writer.close()


async def _serve(port: int, delay: float) -> None:
    state = ServerState(delay, {address: HostStats() for address in HOSTS})
    servers = []
    for address in HOSTS:

        async def handle(reader: Any, writer: Any, address: str = address) -> None:
            await _answer(state, address, reader, writer)

        servers.append(await asyncio.start_server(handle, address, port, backlog=512))
    print("ready", flush=True)
    await asyncio.gather(*(server.serve_forever() for server in servers))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def link_server(delay: float) -> Any:
    """The server child on a free port; yields the port."""
    port = _free_port()
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port), str(delay)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        yield port
    finally:
        child.terminate()
        child.wait(timeout=10)


def server_stats(port: int) -> dict[str, dict[str, int]]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{STATS}", timeout=10) as answer:
        stats: dict[str, dict[str, int]] = json.loads(answer.read())
        return stats


# -- the lint runs --


def write_list(folder: Path, port: int, links: int) -> Path:
    entries = [
        f"- [Page {n}](http://{HOSTS[n % len(HOSTS)]}:{port}/page/{n}) - Page number {n}.\n"
        for n in range(links)
    ]
    path = folder / "README.md"
    path.write_text("# Awesome Loopback\n\n## Pages\n\n" + "".join(entries), encoding="utf-8")
    return path


def lint_online(path: Path, cache: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")},
        "XDG_CACHE_HOME": str(cache),
        "PYTHONPATH": str(ROOT / "src"),
    }
    command = [sys.executable, "-m", "listlint", "--online", "--no-config", "--select", "LL6"]
    started = time.perf_counter()
    done = subprocess.run(
        [*command, str(path)], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    return time.perf_counter() - started, done


def links_benchmark(links: int, delay: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as temp, link_server(delay) as port:
        folder = Path(temp)
        path = write_list(folder, port, links)
        first_time, first = lint_online(path, folder / "cache")
        after_first = server_stats(port)
        second_time, second = lint_online(path, folder / "cache")
        after_second = server_stats(port)
    for run in (first, second):
        if run.returncode != 0:
            raise SystemExit(f"listlint failed:\n{run.stdout}\n{run.stderr}")
    requests = sum(s["requests"] for s in after_first.values())
    again = sum(s["requests"] for s in after_second.values()) - requests
    return {
        "links": links,
        "hosts": len(HOSTS),
        "delay_ms": delay * 1000,
        "first_run_s": round(first_time, 2),
        "first_run_requests": requests,
        "most_at_once_per_host": max(s["most_active"] for s in after_second.values()),
        "second_run_s": round(second_time, 2),
        "second_run_requests": again,
    }


# -- GraphQL against REST, in the tests' GitHub emulator --


def repositories_benchmark(count: int) -> dict[str, Any]:
    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "src"))
    from github import Auth, Github
    from github_emulator import Emulator, serve

    from listlint.online.repositories import PAUSE, RepositoryLookup

    names = [f"owner{n}/project{n}" for n in range(count)]
    with serve(Emulator()) as github:
        for number, name in enumerate(names):
            if number % 10 == 0:
                github.add_project(f"{name}-renamed", renamed_from=name)
            else:
                github.add_project(name)
        lookup = RepositoryLookup(
            github.base_url, github.token, max_wait=5, backoff=0.1, timeout=30
        )
        started = time.perf_counter()
        found = lookup.lookup(names)
        graphql_s = time.perf_counter() - started
        assert all(result.state == "found" for result in found.values())
        graphql = len(github.requests)
        logging.getLogger("github").setLevel(logging.ERROR)  # one line per followed rename
        client = Github(
            auth=Auth.Token(github.token),
            base_url=github.base_url,
            retry=0,
            seconds_between_requests=PAUSE,  # as the GraphQL lookup
        )
        started = time.perf_counter()
        for name in names:
            repository = client.get_repo(name)  # a 301 for a renamed one, followed
            repository.get_commit(repository.default_branch)
        rest_s = time.perf_counter() - started
        rest = len(github.requests) - graphql
    return {
        "repositories": count,
        "renamed": count // 10,
        "graphql_requests": graphql,
        "graphql_s": round(graphql_s, 2),
        "rest_requests": rest,
        "rest_s": round(rest_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", nargs=2, metavar=("PORT", "DELAY"), help=argparse.SUPPRESS)
    parser.add_argument("--links", type=int, default=2000)
    parser.add_argument("--delay", type=float, default=0.02, help="seconds per answer")
    parser.add_argument("--repositories", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(int(args.serve[0]), float(args.serve[1])))
        return
    results = {
        "links": links_benchmark(args.links, args.delay),
        "repositories": repositories_benchmark(args.repositories),
    }
    if args.json:
        print(json.dumps(results, indent=2))
        return
    links, repos = results["links"], results["repositories"]
    print(
        "| links | hosts | answer | first run | requests | most at once per host |"
        " second run | its requests |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {links['links']:,} | {links['hosts']} | {links['delay_ms']:.0f} ms "
        f"| {links['first_run_s']} s | {links['first_run_requests']:,} "
        f"| {links['most_at_once_per_host']} | {links['second_run_s']} s "
        f"| {links['second_run_requests']} |"
    )
    print()
    print("| repositories (renamed) | GraphQL requests | time | REST requests | time |")
    print("|---|---|---|---|---|")
    print(
        f"| {repos['repositories']} ({repos['renamed']}) | {repos['graphql_requests']} "
        f"| {repos['graphql_s']} s | {repos['rest_requests']} | {repos['rest_s']} s |"
    )


if __name__ == "__main__":
    main()

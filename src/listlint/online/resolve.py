"""Name resolution for the link checker, injectable so tests never ask a real DNS server.

A :class:`Resolver` turns a host name into addresses, or raises :class:`NameNotFound` when the
name does not exist (NXDOMAIN) and ``OSError`` for a failure that says nothing (a timeout, no
server). :class:`ConfirmingResolver` adapts one to aiohttp: it resolves each host once per run and
asks again, after a pause, before it believes a name does not exist.
"""

from __future__ import annotations

import asyncio
import socket
from typing import Protocol

from aiohttp.abc import AbstractResolver, ResolveResult


class NameNotFound(OSError):
    """The name has no address (NXDOMAIN, or a name with no address records)."""


class UnknownHost(OSError):
    """The name was not found twice in a row: the link's host does not exist."""


class Resolver(Protocol):
    """Turns a host name into IP addresses."""

    async def addresses(self, host: str) -> list[str]:
        """The addresses of ``host``; :class:`NameNotFound` or another ``OSError`` when none."""
        ...


class SystemResolver:
    """The operating system's resolver (``getaddrinfo``), as browsers use it."""

    async def addresses(self, host: str) -> list[str]:
        """The addresses of ``host``, IPv4 and IPv6."""
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            gone = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
            if error.errno in gone:
                raise NameNotFound(error.errno, f"unknown host {host}") from None
            raise
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


class ConfirmingResolver(AbstractResolver):
    """aiohttp's resolver: each host resolved once per run, a missing name confirmed once more."""

    def __init__(self, resolver: Resolver, pause: float) -> None:
        self._resolver = resolver
        self._pause = pause
        self._known: dict[str, asyncio.Task[list[str]]] = {}

    async def _confirmed(self, host: str) -> list[str]:
        try:
            return await self._resolver.addresses(host)
        except NameNotFound:
            await asyncio.sleep(self._pause)
        try:
            return await self._resolver.addresses(host)
        except NameNotFound as error:
            raise UnknownHost(error.errno, f"unknown host {host}") from None

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Addresses of ``host`` for aiohttp; :class:`UnknownHost` when the name does not exist."""
        task = self._known.get(host)
        if task is None:
            task = self._known[host] = asyncio.ensure_future(self._confirmed(host))
        return [
            ResolveResult(
                hostname=host,
                host=address,
                port=port,
                family=socket.AF_INET6 if ":" in address else socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
            for address in await asyncio.shield(task)
        ]

    async def close(self) -> None:
        """Forget what was resolved."""
        for task in self._known.values():
            task.cancel()
        self._known.clear()

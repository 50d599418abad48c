"""Concurrent HTTP load on loopback: N clients, each on its own keep-alive connection, asking
for paths round-robin until a deadline, with every request's latency from the first byte
sent to the last byte of the response read.

Two clients do the asking. `raw` is a small HTTP/1.1 client on asyncio streams: the load
generator shares the machine's cores with the server, and httpx spends about 2.6 ms of CPU
per request (twice what the server spends on a story page), so with httpx the bench mostly
measured its own client. `httpx` is kept to compare with figures taken before.

>>> asyncio.run(load("http://127.0.0.1:8000", "stats", ["/api/stats"], 20, 30.0))  # doctest: +SKIP
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

import httpx

MAX_REQUESTS_PER_CLIENT = 100_000
MAX_HEADER_BYTES = 64 * 1024
ClientKind = Literal["raw", "httpx"]


@dataclass(frozen=True, slots=True)
class Figures:
    scenario: str
    requests: int
    errors: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float


class ProtocolError(Exception):
    """The server's answer is not HTTP/1.1 this client can read."""


class RawConnection:
    """One keep-alive HTTP/1.1 connection that sends GETs and reads whole responses."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        """The status and body of `GET path`, reconnecting if the server closed the line."""
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        assert self._reader is not None
        self._writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
        head = await self._reader.readuntil(b"\r\n\r\n")
        if len(head) > MAX_HEADER_BYTES:
            raise ProtocolError("response headers too long")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            body = await self._reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._read_chunked()
        else:
            raise ProtocolError("response without a length")
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def _read_chunked(self) -> bytes:
        assert self._reader is not None
        parts = []
        while True:
            size = int((await self._reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await self._reader.readexactly(size + 2))
            if size == 0:
                return b"".join(parts)

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None


async def load(base: str, scenario: str, paths: list[str], clients: int, duration_s: float,
               kind: ClientKind = "raw") -> Figures:
    """`clients` concurrent clients requesting `paths` round-robin until the deadline."""
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + duration_s

    async def client(index: int, get: Callable[[str], Awaitable[int]]) -> None:
        nonlocal errors
        for n in range(MAX_REQUESTS_PER_CLIENT):
            if time.perf_counter() >= deadline:
                return
            path = paths[(index * 7919 + n) % len(paths)]
            started = time.perf_counter()
            status = await get(path)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += status != 200

    started = time.perf_counter()
    if kind == "raw":
        url = urlsplit(base)
        connections = [RawConnection(url.hostname or "127.0.0.1", url.port or 80)
                       for _ in range(clients)]

        def raw_get(connection: RawConnection) -> Callable[[str], Awaitable[int]]:
            async def get(path: str) -> int:
                return (await connection.get(path))[0]
            return get

        try:
            await asyncio.gather(*(client(i, raw_get(c)) for i, c in enumerate(connections)))
        finally:
            for connection in connections:
                await connection.close()
    else:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

            async def httpx_get(path: str) -> int:
                return (await http.get(path)).status_code

            await asyncio.gather(*(client(i, httpx_get) for i in range(clients)))
    elapsed = time.perf_counter() - started
    return Figures(scenario, len(latencies), errors, round(len(latencies) / elapsed, 1),
                   round(statistics.median(latencies), 1), round(percentile(latencies, 0.95), 1),
                   round(percentile(latencies, 0.99), 1), round(max(latencies), 1))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

"""Even load over several server processes: the busiest sheds keep-alive connections.

`newsgraph serve --workers N` runs N processes on one listening socket, and whichever wakes
first accepts a burst of new connections: 20 clients starting together were measured landing
18 and 2, or all 20 on one process, which then queues every request while the other idles,
and keep-alive connections stay where they landed. So each process publishes how many
requests it has in flight in a small table shared through a file, and a process with more
than `margin` above the least busy one answers with `Connection: close`. The client comes
back on a new connection, which any process may accept; the busy one keeps shedding until
the loads are even. A client sees a new connection now and then, nothing else.

>>> with temporary_table() as path:
...     table = LoadTable(path)
...     table.claim(), table.add(1), table.least_of_others()
...     table.close()
(0, 1, None)
"""

from __future__ import annotations

import mmap
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.serve.middleware import ASGIApp, Message, Receive, Scope, Send

SLOTS = 64
_SLOT_BYTES = 16  # pid, requests in flight: two signed 64-bit integers
# How often a process looks again at which others are alive (a crashed worker's slot would
# otherwise look idle forever and make every other process shed).
ALIVE_CHECK_S = 1.0


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def temporary_table() -> Iterator[Path]:
    """A new, empty table file for the processes of one server, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="newsgraph-serve-") as folder:
        path = Path(folder) / "load"
        path.write_bytes(bytes(SLOTS * _SLOT_BYTES))
        yield path


class LoadTable:
    """Requests in flight per server process, in a file every process maps."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("r+b") as file:
            self._map = mmap.mmap(file.fileno(), SLOTS * _SLOT_BYTES)
        self._cells = memoryview(self._map).cast("q")
        self.slot: int | None = None
        self._others: list[int] = []
        self._checked = 0.0

    def claim(self, pid: int | None = None) -> int:
        """Take a free slot (empty, or left by a process that died) for process `pid`, this
        process by default."""
        import fcntl  # POSIX only, like the multi-process server that needs a table

        pid = pid or os.getpid()
        with self.path.open("r+b") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            for slot in range(SLOTS):
                owner = self._cells[2 * slot]
                if owner in (0, pid) or not _alive(owner):
                    self._cells[2 * slot] = pid
                    self._cells[2 * slot + 1] = 0
                    self.slot = slot
                    return slot
        raise RuntimeError(f"more than {SLOTS} server processes share {self.path}")

    def release(self) -> None:
        if self.slot is not None:
            self._cells[2 * self.slot] = 0
            self._cells[2 * self.slot + 1] = 0
            self.slot = None

    def close(self) -> None:
        self.release()
        self._cells.release()
        self._map.close()

    def add(self, requests: int) -> int:
        """Count `requests` more (or fewer) in flight here; returns the new count."""
        assert self.slot is not None, "claim a slot first"
        count = self._cells[2 * self.slot + 1] + requests
        self._cells[2 * self.slot + 1] = count
        return count

    def least_of_others(self) -> int | None:
        """The fewest requests in flight in any other live process; None if there is none."""
        now = time.monotonic()
        if now - self._checked > ALIVE_CHECK_S:
            self._checked = now
            self._others = [s for s in range(SLOTS) if s != self.slot
                            and (pid := self._cells[2 * s]) != 0 and _alive(pid)]
        if not self._others:
            return None
        return min(self._cells[2 * s + 1] for s in self._others)


class BalanceConnections:
    """ASGI middleware: count this process's requests in flight in the `LoadTable`, and close
    the connection of a request answered while this process is the busier by over `margin`."""

    def __init__(self, app: ASGIApp, table: LoadTable, margin: int = 2) -> None:
        self.app = app
        self.table = table
        self.margin = margin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.table.slot is None:
            await self.app(scope, receive, send)
            return

        async def send_maybe_closing(message: Message) -> None:
            if message["type"] == "http.response.start":
                least = self.table.least_of_others()
                mine = self.table.add(0)
                if least is not None and mine - 1 > least + self.margin:
                    headers = [(n, v) for n, v in message.get("headers", [])
                               if n.lower() != b"connection"]
                    message["headers"] = [*headers, (b"connection", b"close")]
            await send(message)

        self.table.add(1)
        try:
            await self.app(scope, receive, send_maybe_closing)
        finally:
            self.table.add(-1)


__all__ = ["BalanceConnections", "LoadTable", "temporary_table"]

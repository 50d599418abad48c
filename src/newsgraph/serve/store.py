"""Access to the archive from request handlers: one SQLite connection per worker thread.

Handlers run in a thread pool and an SQLite connection belongs to the thread that opened it,
so each worker thread opens the archive once and keeps it; opening per request would cost a
schema check on every page view.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.serve.errors import ApiError

if TYPE_CHECKING:
    from newsgraph.corpus import Archive, ArchiveStats

STATS_TTL_S = 10.0


class ArchiveSource:
    """Hands each thread its own open `Archive` for one archive file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._local = threading.local()
        self._opened: list[Archive] = []
        self._lock = threading.Lock()
        self._stats: tuple[float, ArchiveStats] | None = None
        self._generation = 0

    def get(self) -> Archive:
        """This thread's archive; ApiError 503 when the server runs without one."""
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is not None:
            return archive
        if self.path is None:
            raise ApiError(503, "no_archive", "this server runs without an archive")
        from newsgraph.corpus import Archive

        archive = Archive.open(self.path, create=False)
        self._local.archive = archive
        with self._lock:
            self._opened.append(archive)
        return archive

    def generation(self) -> int:
        """A number that grows whenever the archive may have changed: what was read from it
        at one generation is stale at a later one.

        Each thread's connection reports commits by others (SQLite's `data_version`); the
        first look through a new connection counts as a change too, since it cannot know
        what was committed before it opened. Call it before reading, and tag what was read
        with the number it returned.
        """
        version = self.get().data_version()
        if getattr(self._local, "data_version", None) != version:
            self._local.data_version = version
            with self._lock:
                self._generation += 1
        return self._generation

    def stats(self) -> ArchiveStats:
        """The archive's counts, at most `STATS_TTL_S` old: counting every table on each view
        of the home page would cost more than the rest of the page together."""
        now = time.monotonic()
        with self._lock:
            cached = self._stats
        if cached is not None and now - cached[0] < STATS_TTL_S:
            return cached[1]
        from newsgraph.corpus import archive_stats

        fresh = archive_stats(self.get())
        with self._lock:
            self._stats = (now, fresh)
        return fresh

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for archive in opened:
            archive.close()
        self._local = threading.local()


__all__ = ["ArchiveSource"]

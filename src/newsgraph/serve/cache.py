"""Rendered pages kept in memory, each valid for the archive generation it was made from.

A story page takes about a millisecond to make (read the row, decode its JSON, lay out the
quotes, render the template) and is the same bytes until the archive changes, so each
server process keeps the last `size` it made. The generation comes from
`ArchiveSource.generation()`, which moves on whenever anyone commits to the archive; a page
made at an older generation is never served.

>>> cache = PageCache(size=2)
>>> cache.put("a", 1, b"<p>a</p>")
>>> cache.get("a", 1), cache.get("a", 2)
(b'<p>a</p>', None)
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class PageCache:
    """At most `size` pages by key, least recently used dropped first; size 0 keeps none."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pages: OrderedDict[str, tuple[int, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, generation: int) -> bytes | None:
        """The page made for `key` at `generation`; None if there is none, or only older."""
        with self._lock:
            found = self._pages.get(key)
            if found is None:
                return None
            if found[0] != generation:
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return found[1]

    def put(self, key: str, generation: int, page: bytes) -> None:
        """Keep `page`, made from the archive as it was at `generation`."""
        if self.size <= 0:
            return
        with self._lock:
            self._pages[key] = (generation, page)
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


__all__ = ["PageCache"]

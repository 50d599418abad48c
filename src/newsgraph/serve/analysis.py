"""Analysing one pasted page on request, inside size, time and concurrency bounds.

A web server must not let one request take the machine: the page is capped in bytes before
it is parsed, at most `max_concurrent` analyses run at once (later requests get "busy"
instead of queueing), and each runs in a worker process of its own (`newsgraph.workers`)
that is killed and replaced when the page overruns its time, so an abandoned analysis never
goes on holding a core or a slot.

>>> limits = AnalyzeLimits(max_bytes=1000, timeout_s=5.0, max_concurrent=1)
>>> limits.max_bytes
1000
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from newsgraph.errors import Failure
from newsgraph.ingest.readers import resolve_kind
from newsgraph.model import Document, KindOption, Story
from newsgraph.serve.errors import ApiError
from newsgraph.workers import WorkerPool


@dataclass(frozen=True, slots=True)
class AnalyzeLimits:
    """How much one analyze request may ask of the server."""

    max_bytes: int = 2_000_000
    timeout_s: float = 30.0
    max_concurrent: int = 2


class PageAnalyzer:
    """Runs the per-story pipeline on pasted pages, within `AnalyzeLimits`."""

    def __init__(self, limits: AnalyzeLimits | None = None) -> None:
        self.limits = limits or AnalyzeLimits()
        self._slots = threading.BoundedSemaphore(self.limits.max_concurrent)
        self._pool = ThreadPoolExecutor(
            max_workers=self.limits.max_concurrent, thread_name_prefix="newsgraph-analyze"
        )
        # "spawn": a server runs threads, which a forked child must not inherit mid-lock.
        self._workers = WorkerPool(self.limits.max_concurrent, "analyze", self.limits.timeout_s,
                                   context="spawn")

    async def analyze(self, content: str, kind: KindOption = "auto", url: str | None = None) -> Story:
        """The page's Story, not stored; ApiError 413/503/504/422 when a bound is hit."""
        if len(content.encode("utf-8")) > self.limits.max_bytes:
            raise payload_too_large(self.limits.max_bytes)
        if not content.strip():
            raise ApiError(422, "empty_page", "the page is empty")
        document = Document(content=content, kind=resolve_kind(kind, content), url=url or None)
        if not self._slots.acquire(blocking=False):
            raise ApiError(503, "busy", "too many pages are being analysed; try again shortly")
        outcome = await asyncio.get_running_loop().run_in_executor(self._pool, self._run, document)
        if isinstance(outcome, Story):
            return outcome
        if "limits.MAX_DOCUMENT_S" in outcome.reason:
            raise ApiError(
                504, "timeout", f"the page took longer than {self.limits.timeout_s:g} s to analyse"
            )
        # The pipeline's reason for a page it cannot read names no file; it is safe to show.
        raise ApiError(422, "unreadable_page", f"the page could not be analysed: {outcome.reason}")

    def _run(self, document: Document) -> Story | Failure:
        try:
            return self._workers.run(document)
        finally:
            self._slots.release()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._workers.close()


def payload_too_large(max_bytes: int) -> ApiError:
    return ApiError(413, "too_large", f"the page is larger than {max_bytes} bytes")


__all__ = ["AnalyzeLimits", "PageAnalyzer", "payload_too_large"]

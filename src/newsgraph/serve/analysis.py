"""Analysing one pasted page on request, inside size, time and concurrency bounds.

A web server must not let one request take the machine: the page is capped in bytes before
it is parsed, the answer is bounded in time, and at most `max_concurrent` analyses run at
once. A thread cannot be killed, so an analysis that overruns its time keeps its worker until
it ends; the concurrency cap is what stops abandoned work from piling up (later requests get
"busy" instead of queueing behind it).

>>> limits = AnalyzeLimits(max_bytes=1000, timeout_s=5.0, max_concurrent=1)
>>> limits.max_bytes
1000
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from newsgraph.ingest.readers import resolve_kind
from newsgraph.model import Document, KindOption, Story
from newsgraph.pipeline import analyze_document
from newsgraph.serve.errors import ApiError


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

    async def analyze(self, content: str, kind: KindOption = "auto", url: str | None = None) -> Story:
        """The page's Story, not stored; ApiError 413/503/504/422 when a bound is hit."""
        if len(content.encode("utf-8")) > self.limits.max_bytes:
            raise payload_too_large(self.limits.max_bytes)
        if not content.strip():
            raise ApiError(422, "empty_page", "the page is empty")
        document = Document(content=content, kind=resolve_kind(kind, content), url=url or None)
        if not self._slots.acquire(blocking=False):
            raise ApiError(503, "busy", "too many pages are being analysed; try again shortly")
        future = asyncio.get_running_loop().run_in_executor(self._pool, self._run, document)
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.limits.timeout_s)
        except TimeoutError:
            raise ApiError(
                504, "timeout", f"the page took longer than {self.limits.timeout_s:g} s to analyse"
            ) from None
        except (ValueError, RecursionError) as error:
            # The pipeline's own signal for a page it cannot read; the reason is safe to show.
            raise ApiError(422, "unreadable_page", f"the page could not be analysed: {error}") from None

    def _run(self, document: Document) -> Story:
        try:
            return analyze_document(document)
        finally:
            self._slots.release()

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def payload_too_large(max_bytes: int) -> ApiError:
    return ApiError(413, "too_large", f"the page is larger than {max_bytes} bytes")


__all__ = ["AnalyzeLimits", "PageAnalyzer", "payload_too_large"]

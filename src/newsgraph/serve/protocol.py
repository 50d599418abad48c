"""The HTTP connection itself, guarded: a client must finish its request headers in time.

uvicorn times out an idle keep-alive connection, but not one that sends half a request line
and then waits: five hundred such connections stay open for as long as their clients like
(the slowloris attack). `GuardedHttpProtocol` closes a connection that has no request in
progress and has not completed the next one's headers within `limits.HEADER_TIMEOUT_S`.
Bodies are bounded in time where they are read (`bodies.read_bounded`).
"""

from __future__ import annotations

import asyncio

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from newsgraph.limits import HEADER_TIMEOUT_S


class GuardedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline on reading each request's headers."""

    header_timeout_s: float = HEADER_TIMEOUT_S
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._headers_late)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        idle = (self.cycle is None or self.cycle.response_complete) and not self.pipeline
        if idle and not self.transport.is_closing():
            self.transport.close()


__all__ = ["GuardedHttpProtocol"]

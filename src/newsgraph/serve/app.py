"""The ASGI application: the JSON API under /api/, the web pages, and what guards both.

`create_app(ServeConfig(db=Path("newsgraph.db")))` builds it; `newsgraph serve` runs it with
uvicorn on loopback. Handlers are thin: they parse a request, call one corpus query or the
pipeline, and format the answer. What lives here is what every response shares: the
security headers, the one error shape, and access to the archive.

>>> app = create_app(ServeConfig(db=None))
>>> app.openapi_url
'/openapi.json'
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph.errors import ArchiveError
from newsgraph.serve.analysis import AnalyzeLimits, PageAnalyzer
from newsgraph.serve.errors import INTERNAL_ERROR, ApiError, error_for_status
from newsgraph.serve.store import ArchiveSource

log = logging.getLogger("newsgraph.serve")

ARCHIVE_UNAVAILABLE = ApiError(503, "archive_unavailable", "the archive cannot answer right now")

# Only our own scripts, styles and forms; nothing inline, nothing framed, nothing remote.
# Inline SVG charts use presentation attributes, which style-src does not govern.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What the server serves: an archive file (or none: analyze only) and the analyze bounds."""

    db: Path | None
    limits: AnalyzeLimits = field(default_factory=AnalyzeLimits)
    # Handlers are CPU-bound Python over millisecond queries: a few threads serve as many
    # requests as forty, with far less waiting for the GIL (a shorter tail of latencies).
    threads: int = 4


class SecurityHeaders:
    """Adds the CSP and friends to every response (plain ASGI: no per-request task overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in SECURITY_HEADERS if n not in names]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """Answers HEAD as GET without the body, for every page and GET endpoint.

    FastAPI routes a `get` only for GET, so `curl -I` would get 405. The handler runs as for
    GET (the headers, Content-Length included, are the GET's); the server's own scope keeps
    HEAD, so uvicorn also knows to send no body.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def create_app(config: ServeConfig) -> FastAPI:
    """The whole application, for uvicorn or for an in-process test client."""
    from newsgraph.serve import api, pages

    source = ArchiveSource(config.db)
    analyzer = PageAnalyzer(config.limits)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = config.threads
        yield
        analyzer.close()
        source.close()

    app = FastAPI(
        title="newsgraph",
        summary="News stories, who said what, who did what to whom, from a newsgraph archive.",
        version="0.1.0",
        openapi_url="/openapi.json",
        # The interactive docs pull scripts from a CDN, which our CSP forbids; the schema
        # at /openapi.json is the documentation.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.archives = source
    app.state.analyzer = analyzer
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("newsgraph.serve") / "static")), name="static")
    _install_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    return app


DB_VARIABLE = "NEWSGRAPH_SERVE_DB"


def app_from_environment() -> FastAPI:
    """The app for each of several uvicorn worker processes: the archive path comes from
    `NEWSGRAPH_SERVE_DB`, set by `newsgraph serve --workers N`."""
    path = os.environ.get(DB_VARIABLE)
    return create_app(ServeConfig(db=Path(path) if path else None))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, error: ApiError) -> Response:
    """JSON for the API, a small page for browsers; the same status and message in both.

    The security headers are set here too: a 500 is answered by Starlette's outermost
    middleware, outside `SecurityHeaders`.
    """
    if _wants_json(request):
        response: Response = JSONResponse(error.to_dict(), status_code=error.status)
    else:
        from newsgraph.serve.pages import render_error

        response = render_error(error)
    for name, value in SECURITY_HEADERS:
        response.headers[name.decode()] = value.decode()
    return response


def _install_error_handlers(app: FastAPI) -> None:
    async def on_api_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, ApiError)
        return error_response(request, error)

    async def on_http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, StarletteHTTPException)
        message = error.detail if isinstance(error.detail, str) else "request failed"
        return error_response(request, error_for_status(error.status_code, message))

    async def on_validation_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
            for e in error.errors()
        )
        return error_response(request, ApiError(422, "invalid_request", problems or "invalid request"))

    async def on_archive_error(request: Request, error: Exception) -> Response:
        # The message names files and SQL errors: for the server's log, not for clients.
        log.error("archive error on %s: %s", request.url.path, error)
        return error_response(request, ARCHIVE_UNAVAILABLE)

    async def on_unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=error)
        return error_response(request, INTERNAL_ERROR)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(ArchiveError, on_archive_error)
    app.add_exception_handler(Exception, on_unexpected)


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "DB_VARIABLE",
    "HeadAsGet",
    "SecurityHeaders",
    "ServeConfig",
    "app_from_environment",
    "create_app",
    "error_response",
]

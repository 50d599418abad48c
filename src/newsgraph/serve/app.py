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
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from newsgraph.errors import ArchiveError
from newsgraph.serve.analysis import AnalyzeLimits, PageAnalyzer
from newsgraph.serve.balance import BalanceConnections, LoadTable
from newsgraph.serve.cache import PageCache
from newsgraph.serve.errors import INTERNAL_ERROR, ApiError, error_for_status
from newsgraph.serve.middleware import (
    CONTENT_SECURITY_POLICY,
    SECURITY_HEADERS,
    ETags,
    HeadAsGet,
    SecurityHeaders,
)
from newsgraph.serve.store import ArchiveSource

log = logging.getLogger("newsgraph.serve")

ARCHIVE_UNAVAILABLE = ApiError(503, "archive_unavailable", "the archive cannot answer right now")


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """What the server serves: an archive file (or none: analyze only) and the analyze bounds."""

    db: Path | None
    limits: AnalyzeLimits = field(default_factory=AnalyzeLimits)
    # Handlers are CPU-bound Python over millisecond queries, so more threads only queue for
    # the GIL: measured per request, 4 threads spent 1.5 to 2 times the CPU of 2 (story page
    # 1.85 against 0.99 ms, quotes API 4.5 against 2.5 ms). Two still let a quick request
    # through while a slow one (500 quotes about a common word) holds the other.
    threads: int = 2
    # With several server processes: the table through which they even out their load
    # (`newsgraph.serve.balance`); None for one process.
    load_table: Path | None = None
    # Story pages kept rendered per process (about 7 kB each); 0 renders every view.
    cached_pages: int = 2000


def create_app(config: ServeConfig) -> FastAPI:
    """The whole application, for uvicorn or for an in-process test client."""
    from newsgraph.serve import api, pages

    source = ArchiveSource(config.db)
    analyzer = PageAnalyzer(config.limits)
    table = LoadTable(config.load_table) if config.load_table is not None else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = config.threads
        if table is not None:
            table.claim()
        yield
        analyzer.close()
        source.close()
        if table is not None:
            table.close()

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
    app.state.story_pages = PageCache(config.cached_pages)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("newsgraph.serve") / "static")), name="static")
    _install_error_handlers(app)
    app.add_middleware(ETags)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    if table is not None:
        app.add_middleware(BalanceConnections, table=table)
    return app


DB_VARIABLE = "NEWSGRAPH_SERVE_DB"
LOAD_VARIABLE = "NEWSGRAPH_SERVE_LOAD_TABLE"
CACHE_VARIABLE = "NEWSGRAPH_SERVE_CACHED_PAGES"


def app_from_environment() -> FastAPI:
    """The app for each of several uvicorn worker processes: the archive path comes from
    `NEWSGRAPH_SERVE_DB`, the shared load table's from `NEWSGRAPH_SERVE_LOAD_TABLE` and the
    page cache's size from `NEWSGRAPH_SERVE_CACHED_PAGES`, all set by `newsgraph serve
    --workers N`."""
    path = os.environ.get(DB_VARIABLE)
    table = os.environ.get(LOAD_VARIABLE)
    pages = os.environ.get(CACHE_VARIABLE)
    config = ServeConfig(db=Path(path) if path else None,
                         load_table=Path(table) if table else None)
    return create_app(replace(config, cached_pages=int(pages)) if pages else config)


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

    async def on_disconnect(request: Request, error: Exception) -> Response:
        # The client went away mid-request: nobody to answer, nothing wrong here. Handled
        # apart from `Exception`, whose handler Starlette follows by re-raising the error.
        log.info("client left during %s", request.url.path)
        return Response(status_code=400)

    async def on_unexpected(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path, exc_info=error)
        return error_response(request, INTERNAL_ERROR)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(ArchiveError, on_archive_error)
    app.add_exception_handler(ClientDisconnect, on_disconnect)
    app.add_exception_handler(Exception, on_unexpected)


__all__ = [
    "CACHE_VARIABLE",
    "CONTENT_SECURITY_POLICY",
    "DB_VARIABLE",
    "LOAD_VARIABLE",
    "HeadAsGet",
    "SecurityHeaders",
    "ServeConfig",
    "app_from_environment",
    "create_app",
    "error_response",
]

"""What wraps every request: the security headers, HEAD answered as GET, and ETags.

Plain ASGI classes, not Starlette's `BaseHTTPMiddleware`, which runs each request in an
extra task with its own streams: measurable on a page that takes a millisecond to make.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

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


class ETags:
    """A strong ETag (a hash of the body) on every whole 200 answer to a GET, and a bodiless
    304 Not Modified when the request's If-None-Match already names it.

    Pages and API answers change only when the archive does, so a client that checks again
    (`Cache-Control: no-cache`: always ask, but ask cheaply) gets 304 and no bytes. Answers
    streamed in pieces, and answers that bring their own ETag (static files), pass as they are.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        held: Message | None = None

        async def send_tagged(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                if message["status"] == 200 and b"etag" not in names:
                    held = message  # until the body shows whether it comes whole
                    return
            elif message["type"] == "http.response.body" and held is not None:
                start, held = held, None
                if message.get("more_body", False):
                    await send(start)
                else:
                    tag = etag(message.get("body", b""))
                    headers = [*start.get("headers", []), (b"etag", tag)]
                    if not any(n.lower() == b"cache-control" for n, _ in headers):
                        headers.append((b"cache-control", b"no-cache"))
                    wanted = if_none_match(scope)
                    if tag in wanted or b"*" in wanted:
                        kept = [(n, v) for n, v in headers if n.lower() in _KEPT_ON_304]
                        await send({"type": "http.response.start", "status": 304,
                                    "headers": kept})
                        await send({"type": "http.response.body", "body": b""})
                        return
                    await send({**start, "headers": headers})
            await send(message)

        await self.app(scope, receive, send_tagged)


# What a 304 repeats of the 200 it stands for (RFC 9110, 15.4.5); never a body's length.
_KEPT_ON_304 = {b"etag", b"cache-control", b"vary", b"content-location", b"expires"}


def etag(body: bytes) -> bytes:
    """A strong entity tag for `body`.

    >>> etag(b"hello")
    b'"46fb7408d4f285228f4af516ea25851b"'
    """
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def if_none_match(scope: Scope) -> set[bytes]:
    """The entity tags a request's If-None-Match names (weak ones as their strong form)."""
    tags: set[bytes] = set()
    for name, value in scope.get("headers", []):
        if name.lower() == b"if-none-match":
            for tag in value.split(b","):
                tag = tag.strip()
                tags.add(tag[2:] if tag.startswith(b"W/") else tag)
    return tags


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "SECURITY_HEADERS",
    "ETags",
    "HeadAsGet",
    "SecurityHeaders",
    "etag",
    "if_none_match",
]

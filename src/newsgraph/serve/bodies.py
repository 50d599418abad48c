"""Reading request bodies without trusting their size.

The Content-Length header is checked first, and the stream is counted as it arrives too, so
a chunked upload that never declares its size is cut off at the same bound.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request

from newsgraph.serve.analysis import payload_too_large
from newsgraph.serve.errors import ApiError


async def read_bounded(request: Request, max_bytes: int) -> bytes:
    """The whole body, or ApiError 413 as soon as it passes `max_bytes`."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > max_bytes:
                raise payload_too_large(max_bytes)
        except ValueError:
            raise ApiError(400, "bad_request", "Content-Length is not a number") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise payload_too_large(max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def decode_text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_request", "the request body is not UTF-8") from None


async def read_form(request: Request, max_bytes: int) -> dict[str, str]:
    """A url-encoded form's fields (the first value of each), within `max_bytes`."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise ApiError(415, "unsupported_media_type", "send the form url-encoded")
    fields = parse_qs(decode_text(await read_bounded(request, max_bytes)), keep_blank_values=True)
    return {name: values[0] for name, values in fields.items()}


__all__ = ["decode_text", "read_bounded", "read_form"]

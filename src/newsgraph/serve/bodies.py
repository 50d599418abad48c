"""Reading request bodies without trusting their size, and turning a page's bytes into text.

The Content-Length header is checked first, and the stream is counted as it arrives too, so
a chunked upload that never declares its size is cut off at the same bound. A posted page is
decoded the way `newsgraph ingest` decodes a file (`ingest.encoding.decode_bytes`), after the
charset the request declares, so a windows-1251 page reads the same from either door.
"""

from __future__ import annotations

import asyncio
from email.message import Message
from urllib.parse import parse_qs

from fastapi import Request

from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode_bytes, looks_binary, text_codec
from newsgraph.limits import BODY_TIMEOUT_S
from newsgraph.serve.analysis import payload_too_large
from newsgraph.serve.errors import ApiError

# Encodings whose text is full of NUL bytes: the binary check would refuse every page in them.
_WIDE_ENCODINGS = ("utf_16", "utf_32")


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
    try:
        async with asyncio.timeout(BODY_TIMEOUT_S):
            async for chunk in request.stream():
                size += len(chunk)
                if size > max_bytes:
                    raise payload_too_large(max_bytes)
                chunks.append(chunk)
    except TimeoutError:
        raise ApiError(408, "timeout", f"the request body did not arrive within {BODY_TIMEOUT_S:g} s "
                       "(limits.BODY_TIMEOUT_S)") from None
    return b"".join(chunks)


def decode_text(body: bytes) -> str:
    """A form body as text: url-encoded forms are ASCII, so anything else is a bad request."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_request", "the request body is not UTF-8") from None


def declared_charset(content_type: str) -> str | None:
    """The Content-Type's charset parameter when Python knows the codec, else None.

    >>> declared_charset("text/html; charset=Windows-1251")
    'cp1251'
    >>> declared_charset('text/plain; charset="no-such"') is None
    True
    """
    message = Message()
    message["content-type"] = content_type
    charset = message.get_param("charset")
    if not isinstance(charset, str) or not charset.strip():
        return None
    return text_codec(charset)


def decode_page(body: bytes, content_type: str) -> str:
    """A posted page as text: under its declared charset when the bytes decode under it,
    else by the CLI's detection; ApiError 400 for binary or undecodable bytes.

    >>> decode_page("Привет".encode("cp1251"), "text/plain; charset=windows-1251")
    'Привет'
    """
    charset = declared_charset(content_type)
    wide = charset is not None and charset.replace("-", "_").startswith(_WIDE_ENCODINGS)
    if not wide and looks_binary(body):
        raise ApiError(400, "bad_request", "the request body is binary, not text or HTML")
    if charset is not None:
        try:
            return body.decode(charset).removeprefix("\ufeff")
        except (UnicodeError, LookupError, ValueError):
            pass  # a wrong declaration is common; detection below reads the bytes themselves
    try:
        return decode_bytes(body)
    except InputError as error:
        raise ApiError(400, "bad_request", f"the request body cannot be read as text: {error}") from None


async def read_form(request: Request, max_bytes: int) -> dict[str, str]:
    """A url-encoded form's fields (the first value of each), within `max_bytes`."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise ApiError(415, "unsupported_media_type", "send the form url-encoded")
    fields = parse_qs(decode_text(await read_bounded(request, max_bytes)), keep_blank_values=True)
    return {name: values[0] for name, values in fields.items()}


__all__ = ["declared_charset", "decode_page", "decode_text", "read_bounded", "read_form"]

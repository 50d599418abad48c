"""WARC reader: the HTML pages of a crawl archive (`.warc`, `.warc.gz`) as Documents.

Crawl archives hold far more than articles: requests, metadata, images, redirects, robots
files. Only `response` records whose HTTP status is 200 and whose content type is HTML
become Documents, each with its target URL and fetch date (WARC-Date); everything else is
passed over silently, since it was never a page to read. The HTTP body is decoded as the
server sent it: chunked transfer coding undone, then its Content-Encoding (gzip, deflate,
br when brotli is installed), then its charset when the bytes agree with it.

A response that cannot be read (a bad HTTP block, a body that does not decompress,
undecodable bytes) becomes a `Failure` named `file.warc#<record URL>` and the rest of
the file is still read; a `.warc.gz` cut short keeps the records before the cut and ends
with one failure saying the file is truncated. fastwarc parses the file record by record,
so memory does not grow with the archive.

>>> for doc in read_warc(Path("crawl.warc.gz")):  # doctest: +SKIP
...     print(doc.url, doc.fetched)
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, cast

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsgraph.errors import Failure, InputError
from newsgraph.ingest.encoding import decode_bytes, text_codec
from newsgraph.ingest.readers import MAX_DOCUMENT_BYTES
from newsgraph.limits import MAX_READ_BYTES
from newsgraph.model import Document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
GZIP_MAGIC = b"\x1f\x8b"
TRUNCATED_RECORD = "truncated: the file ends inside this record"


def read_warc(path: Path) -> Iterator[Document | Failure]:
    """Yield a Document for every HTML response in a WARC file, a Failure for a bad one."""
    try:
        with open(path, "rb") as handle:
            compressed = handle.peek(2)[:2] == GZIP_MAGIC
            stream = _GzipStream(handle) if compressed else None
            source = cast(IO[bytes], stream if stream is not None else handle)
            yield from _read_records(path, source, stream)
    except OSError as error:
        yield Failure(str(path), f"cannot read WARC: {error}")


def _read_records(path: Path, source: IO[bytes], gzipped: _GzipStream | None) -> Iterator[Document | Failure]:
    # A failure waits for the next record: if the file turns out to end inside it, the
    # reason it gives is that, not whatever its cut-off bytes looked like.
    pending: Failure | None = None
    number = responses = 0
    start: int | None = 0
    while start is not None:
        source.seek(start)
        records = ArchiveIterator(source, parse_http=False, stream_detect=False)
        resume: int | None = None
        for record in records:
            number += 1
            if record.record_type != WarcRecordType.response and record.content_length <= MAX_READ_BYTES:
                continue
            if pending is not None:
                yield pending
                pending = None
            url = record.headers.get("WARC-Target-URI")
            where = f"{path}#{url or f'record {number}'}"
            if record.content_length > MAX_READ_BYTES:
                # Read no further with this iterator: skipping a length that lies (a
                # Content-Length of 10^18) would swallow every record after it. The next
                # record is found by its header line instead.
                if record.record_type == WarcRecordType.response:
                    responses += 1
                    yield Failure(where, f"record of {record.content_length:,} bytes, larger than "
                                  f"{MAX_READ_BYTES:,} (limits.MAX_READ_BYTES)")
                resume = start + record.stream_pos + 1
                break
            responses += 1
            try:
                item = _read_record(record, url)
            except (InputError, OSError, ValueError) as error:
                pending = Failure(where, str(error))
                continue
            if item is not None:
                yield item
        start = _next_record(source, resume) if resume is not None else None
    truncated = gzipped is not None and gzipped.truncated is not None
    if pending is not None:
        yield Failure(pending.origin, TRUNCATED_RECORD) if truncated else pending
    if gzipped is not None and gzipped.truncated is not None:
        yield Failure(str(path), f"cannot read WARC: truncated ({gzipped.truncated})")
    elif responses == 0:
        yield Failure(str(path), "empty: no response records in this WARC file")


_RECORD_START = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_SCAN_CHUNK = 1 << 20


def _next_record(source: IO[bytes], at: int) -> int | None:
    """Where the next WARC record header starts at or after `at`, found by reading forward
    in bounded chunks (None at the end of the file)."""
    source.seek(at)
    offset = at
    tail = b""
    while chunk := source.read(_SCAN_CHUNK):
        window = tail + chunk
        found = _RECORD_START.search(window)
        if found:
            return offset - len(tail) + found.start(1)
        tail = window[-16:]
        offset += len(chunk)
    return None


class _GzipStream(io.RawIOBase):
    """The decompressed bytes of a gzip file that ends cleanly where the file is cut short,
    noting why, so that the records before the cut are still read."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._gzip = gzip.GzipFile(fileobj=handle)
        self.truncated: str | None = None

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._gzip.tell()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._gzip.seek(offset, whence)

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self.truncated is not None:
            return 0
        try:
            data = self._gzip.read1(len(buffer))
        except (EOFError, gzip.BadGzipFile, zlib.error) as error:
            self.truncated = str(error) or type(error).__name__
            return 0
        buffer[: len(data)] = data
        return len(data)


def _read_record(record: WarcRecord, url: str | None) -> Document | Failure | None:
    if not url:
        raise InputError("WARC response record without a WARC-Target-URI")
    try:
        record.parse_http(quirks_mode=True)
    except (OSError, ValueError) as error:
        raise InputError(f"bad HTTP block in WARC record: {error}") from None
    headers = record.http_headers
    if headers is None or not headers.status_code:
        raise InputError("WARC response record without a readable HTTP status line")
    if headers.status_code != 200:
        return None
    if (record.http_content_type or "").lower() not in HTML_TYPES:
        return None
    reader = record.reader
    try:
        data = reader.read() if reader is not None else b""
        cut_short = reader is not None and reader.tell() < record.content_length
    except OSError as error:
        raise InputError(f"cannot read WARC record: {error}") from None
    if cut_short:
        raise InputError(TRUNCATED_RECORD)
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        data = unchunk(data)
    data = decode_content(data, headers.get("Content-Encoding") or "")
    if not data.strip():
        raise InputError("empty HTML response")
    date = record.record_date
    return Document(
        content=_decode(data, record.http_charset),
        kind="html",
        url=url,
        fetched=date.date().isoformat() if date is not None else None,
    )


def unchunk(data: bytes) -> bytes:
    """The body of an HTTP message sent with chunked transfer coding.

    Crawlers often store the body already de-chunked while keeping the header, so bytes that
    do not parse as chunks are returned as they are.

    >>> unchunk(b"5\\r\\nHello\\r\\n7\\r\\n, world\\r\\n0\\r\\n\\r\\n")
    b'Hello, world'
    """
    pieces: list[bytes] = []
    at = 0
    while True:
        end = data.find(b"\r\n", at)
        if end < 0:
            return data
        size_text = data[at:end].split(b";", 1)[0].strip()
        try:
            size = int(size_text, 16)
        except ValueError:
            return data
        if size == 0:
            return b"".join(pieces)
        start = end + 2
        if start + size > len(data):
            return data
        pieces.append(data[start : start + size])
        at = start + size
        if data[at : at + 2] == b"\r\n":
            at += 2


def decode_content(data: bytes, content_encoding: str) -> bytes:
    """Undo an HTTP Content-Encoding (`gzip`, `deflate`, `br`, or several, last applied
    first), at most MAX_DOCUMENT_BYTES of output. Raises InputError for a body that does
    not decompress or an encoding we cannot undo.

    >>> decode_content(gzip.compress(b"<p>hi</p>"), "gzip")
    b'<p>hi</p>'
    """
    for coding in reversed([c.strip().lower() for c in content_encoding.split(",") if c.strip()]):
        if coding in ("identity", "none"):
            continue
        decoder = _DECODERS.get(coding)
        if decoder is None:
            raise InputError(f"body with an unknown Content-Encoding {coding!r}")
        if coding in ("gzip", "x-gzip") and not data.startswith(GZIP_MAGIC) and not _looks_compressed(data):
            continue  # stored already decoded by the crawler, header kept
        data = decoder(data)
    return data


def _inflate(data: bytes, wbits: int) -> bytes:
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(data, MAX_DOCUMENT_BYTES + 1)
    if len(out) > MAX_DOCUMENT_BYTES:
        raise InputError(f"body larger than {MAX_DOCUMENT_BYTES} bytes once decompressed")
    if not inflater.eof:
        raise InputError("compressed body cut short")
    return out


def _gunzip(data: bytes) -> bytes:
    try:
        return _inflate(data, 16 + zlib.MAX_WBITS)
    except zlib.error as error:
        raise InputError(f"gzip body does not decompress: {error}") from None


def _deflate(data: bytes) -> bytes:
    # "deflate" is meant to be zlib-wrapped, but many servers send raw deflate.
    try:
        return _inflate(data, zlib.MAX_WBITS)
    except zlib.error:
        pass
    try:
        return _inflate(data, -zlib.MAX_WBITS)
    except zlib.error as error:
        raise InputError(f"deflate body does not decompress: {error}") from None


def _unbrotli(data: bytes) -> bytes:
    try:
        import brotli
    except ImportError:
        raise InputError("br-encoded body, and brotli is not installed") from None
    try:
        out: bytes = brotli.decompress(data)
    except brotli.error as error:
        raise InputError(f"br body does not decompress: {error}") from None
    if len(out) > MAX_DOCUMENT_BYTES:
        raise InputError(f"body larger than {MAX_DOCUMENT_BYTES} bytes once decompressed")
    return out


_DECODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": _gunzip, "x-gzip": _gunzip, "deflate": _deflate, "br": _unbrotli,
}


def _looks_compressed(data: bytes) -> bool:
    head = data[:512]
    return bool(head) and sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 10


def _decode(data: bytes, charset: str | None) -> str:
    """The server's declared charset when the bytes agree with it, else detection."""
    codec = text_codec(charset) if charset else None
    if codec and codec != "utf-8":
        try:
            return data.decode(codec)
        except (UnicodeError, LookupError, ValueError):
            pass
    return decode_bytes(data)


__all__ = ["HTML_TYPES", "decode_content", "read_warc", "unchunk"]

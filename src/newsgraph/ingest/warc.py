"""WARC reader: the HTML pages of a crawl archive (`.warc`, `.warc.gz`) as Documents.

Crawl archives hold far more than articles: requests, metadata, images, redirects, robots
files. Only `response` records whose HTTP status is 200 and whose content type is HTML
become Documents, each with its target URL and fetch date (WARC-Date); everything else is
passed over silently, since it was never a page to read. A response that cannot be read (a
bad HTTP block, undecodable bytes, a record cut short) becomes a `ReadFailure` and the rest
of the file is still read. fastwarc streams the file record by record, gzipped or not, so
memory does not grow with the archive.

>>> for doc in read_warc(Path("crawl.warc.gz")):  # doctest: +SKIP
...     print(doc.url, doc.fetched)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.readers import MAX_DOCUMENT_BYTES, ReadFailure
from newsgraph.model import Document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: Path) -> Iterator[Document | ReadFailure]:
    """Yield a Document for every HTML response in a WARC file, a ReadFailure for a bad one."""
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(
                stream,
                record_types=WarcRecordType.response,
                parse_http=False,
                max_content_length=MAX_DOCUMENT_BYTES,
            )
            for record in records:
                item = _read_record(record, f"{path}#{record.stream_pos}")
                if item is not None:
                    yield item
    except OSError as error:
        yield ReadFailure(str(path), f"cannot read WARC: {error}")


def _read_record(record: WarcRecord, where: str) -> Document | ReadFailure | None:
    url = record.headers.get("WARC-Target-URI")
    if not url:
        return ReadFailure(where, "WARC response record without a WARC-Target-URI")
    try:
        record.parse_http(quirks_mode=True)
    except (OSError, ValueError) as error:
        return ReadFailure(url, f"bad HTTP block in WARC record: {error}")
    headers = record.http_headers
    if headers is None or not headers.status_code:
        return ReadFailure(url, "WARC response record without a readable HTTP status line")
    if headers.status_code != 200:
        return None
    if (record.http_content_type or "").lower() not in HTML_TYPES:
        return None
    reader = record.reader
    try:
        data = reader.read() if reader is not None else b""
    except OSError as error:
        return ReadFailure(url, f"cannot read WARC record: {error}")
    if not data.strip():
        return ReadFailure(url, "empty HTML response")
    text = _decode(data, record.http_charset)
    date = record.record_date
    return Document(
        content=text,
        kind="html",
        url=url,
        fetched=date.date().isoformat() if date is not None else None,
    )


def _decode(data: bytes, charset: str | None) -> str:
    """The server's declared charset when the bytes agree with it, else detection."""
    if charset and charset.lower() not in ("utf-8", "utf8"):
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_bytes(data)


__all__ = ["HTML_TYPES", "read_warc"]

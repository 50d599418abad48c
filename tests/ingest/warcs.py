"""Writing WARC records for tests (pages written for the tests, never real crawls)."""

from __future__ import annotations

import io

from fastwarc.warc import WarcRecord, WarcRecordType


def warc_record(url: str, http: bytes, kind: WarcRecordType = WarcRecordType.response,
                date: str = "2024-03-05T10:00:00Z") -> bytes:
    """One WARC record of `kind` for `url`, its content the HTTP message `http`."""
    rec = WarcRecord()
    rec.init_headers(kind)
    rec.headers["WARC-Target-URI"] = url
    rec.headers["WARC-Date"] = date
    rec.set_bytes_content(http)
    rec.is_http = True
    out = io.BytesIO()
    rec.write(out)
    return out.getvalue()

"""WARC input: HTML responses only, with URL and fetch date; a bad record is skipped, not the file."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from newsgraph.ingest import ReadFailure, read_inputs
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Document

ARTICLE = (
    "<html><head><title>Ferry talks resume</title>"
    '<meta property="og:site_name" content="Kestrel Gazette"></head><body><article>'
    "<h1>Ferry talks resume</h1>"
    + "".join(f"<p>Paragraph {n} of the ferry story, in which the harbour commissioner explains "
              f"once more why the contract matters to the town and its {n} workers.</p>"
              for n in range(1, 7))
    + "</article></body></html>"
)


def record(url: str, http: bytes, kind: WarcRecordType = WarcRecordType.response,
           date: str = "2024-03-05T10:00:00Z") -> bytes:
    rec = WarcRecord()
    rec.init_headers(kind)
    rec.headers["WARC-Target-URI"] = url
    rec.headers["WARC-Date"] = date
    rec.set_bytes_content(http)
    rec.is_http = True
    out = io.BytesIO()
    rec.write(out)
    return out.getvalue()


def response(content_type: str, body: bytes, status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


def crawl() -> bytes:
    return b"".join([
        record("https://ex.example/a", response("text/html; charset=utf-8", ARTICLE.encode())),
        record("https://ex.example/a", b"GET /a HTTP/1.1\r\nHost: ex.example\r\n\r\n",
               kind=WarcRecordType.request),
        record("https://ex.example/logo.png", response("image/png", b"\x89PNG....")),
        record("https://ex.example/gone", response("text/html", b"<html></html>", "404 Not Found")),
        record("https://ex.example/broken", b"this is no HTTP response"),
        record("https://ex.example/b", response("text/html; charset=windows-1251",
                                                "<html><body><p>Привет, мир</p></body></html>"
                                                .encode("windows-1251")),
               date="2024-03-06T23:59:00Z"),
    ])


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents_with_url_and_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(crawl()) if name.endswith(".gz") else crawl())
    items = list(read_inputs([str(path)]))
    documents = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [(d.url, d.fetched, d.kind) for d in documents] == [
        ("https://ex.example/a", "2024-03-05", "html"),
        ("https://ex.example/b", "2024-03-06", "html"),
    ]
    assert "Paragraph 6 of the ferry story" in documents[0].content
    assert "Привет, мир" in documents[1].content
    assert [f.origin for f in failures] == ["https://ex.example/broken"]


def test_a_cut_off_file_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    whole = gzip.compress(crawl())
    path.write_bytes(whole[: len(whole) * 2 // 3])
    items = list(read_warc(path))
    assert any(isinstance(i, Document) and i.url == "https://ex.example/a" for i in items)


def test_not_a_warc_is_one_failure_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"hello, I am not a WARC file\n" * 10)
    items = list(read_warc(path))
    assert all(isinstance(i, ReadFailure) for i in items)

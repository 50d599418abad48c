"""WARC input: HTML responses only, with URL and fetch date; a bad record is skipped, not the file."""

from __future__ import annotations

import gzip
import secrets
import zlib
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecordType

from newsgraph.ingest import ReadFailure, read_inputs
from newsgraph.ingest.warc import decode_content, read_warc, unchunk
from newsgraph.model import Document
from tests.ingest.warcs import warc_record

ARTICLE = (
    "<html><head><title>Ferry talks resume</title>"
    '<meta property="og:site_name" content="Kestrel Gazette"></head><body><article>'
    "<h1>Ferry talks resume</h1>"
    + "".join(f"<p>Paragraph {n} of the ferry story, in which the harbour commissioner explains "
              f"once more why the contract matters to the town and its {n} workers.</p>"
              for n in range(1, 7))
    + "</article></body></html>"
)


record = warc_record


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
    assert [f.origin for f in failures] == [f"{path}#https://ex.example/broken"]


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


def http(headers: dict[str, str], body: bytes) -> bytes:
    lines = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return f"HTTP/1.1 200 OK\r\n{lines}\r\n".encode() + body


def chunked(body: bytes, size: int = 100) -> bytes:
    pieces = [body[at : at + size] for at in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def raw_deflate(body: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(body) + compressor.flush()


HTML = {"Content-Type": "text/html; charset=utf-8"}
ENCODED = [
    ({**HTML, "Content-Encoding": "gzip"}, gzip.compress(ARTICLE.encode())),
    ({**HTML, "Content-Encoding": "deflate"}, zlib.compress(ARTICLE.encode())),
    ({**HTML, "Content-Encoding": "deflate"}, raw_deflate(ARTICLE.encode())),
    ({**HTML, "Transfer-Encoding": "chunked"}, chunked(ARTICLE.encode())),
    ({**HTML, "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"},
     chunked(gzip.compress(ARTICLE.encode()))),
    # Crawlers that store the body decoded but keep the header.
    ({**HTML, "Content-Encoding": "gzip", "Transfer-Encoding": "chunked"}, ARTICLE.encode()),
    ({"Content-Type": "text/html; charset=windows-1251", "Content-Encoding": "gzip"},
     gzip.compress("<html><body><p>Привет, мир</p></body></html>".encode("windows-1251"))),
]


@pytest.mark.parametrize(("headers", "body"), ENCODED)
def test_encoded_bodies_are_decoded(tmp_path: Path, headers: dict[str, str], body: bytes) -> None:
    path = tmp_path / "encoded.warc.gz"
    path.write_bytes(gzip.compress(record("https://ex.example/enc", http(headers, body))))
    items = list(read_warc(path))
    assert len(items) == 1 and isinstance(items[0], Document), items
    assert "Paragraph 6 of the ferry story" in items[0].content or "Привет, мир" in items[0].content


def test_brotli_body_is_decoded(tmp_path: Path) -> None:
    brotli = pytest.importorskip("brotli")
    path = tmp_path / "br.warc"
    body = brotli.compress(ARTICLE.encode())
    path.write_bytes(record("https://ex.example/br", http({**HTML, "Content-Encoding": "br"}, body)))
    [item] = read_warc(path)
    assert isinstance(item, Document) and "Paragraph 6" in item.content


def test_a_bad_record_names_the_file_and_record_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc"
    path.write_bytes(b"".join([
        record("https://ex.example/bad", http({**HTML, "Content-Encoding": "gzip"},
                                              gzip.compress(ARTICLE.encode())[:-40])),
        record("https://ex.example/odd", http({**HTML, "Content-Encoding": "compress"}, b"x")),
        record("https://ex.example/png", http(HTML, b"\x89PNG\x00\x00\x00" * 200)),
        record("https://ex.example/good", http(HTML, ARTICLE.encode())),
    ]))
    items = list(read_inputs([str(path)]))
    failures = {f.origin: f.reason for f in items if isinstance(f, ReadFailure)}
    assert set(failures) == {f"{path}#https://ex.example/{n}" for n in ("bad", "odd", "png")}
    assert "cut short" in failures[f"{path}#https://ex.example/bad"]
    assert "compress" in failures[f"{path}#https://ex.example/odd"]
    assert [d.url for d in items if isinstance(d, Document)] == ["https://ex.example/good"]


@pytest.mark.parametrize("per_record", [False, True])
def test_a_truncated_warc_gz_says_truncated(tmp_path: Path, per_record: bool) -> None:
    # Distinct, incompressible bodies, so that the cut falls inside the last record.
    records = [record(f"https://ex.example/{n}", http({**HTML, "Content-Encoding": "gzip"},
                                                      gzip.compress((ARTICLE + secrets.token_hex(500)).encode())))
               for n in range(3)]
    whole = (b"".join(gzip.compress(r) for r in records) if per_record
             else gzip.compress(b"".join(records)))
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(whole[: len(whole) - 60])
    items = list(read_inputs([str(path)]))
    assert [d.url for d in items if isinstance(d, Document)] == [
        "https://ex.example/0", "https://ex.example/1"]
    failures = [f for f in items if isinstance(f, ReadFailure)]
    assert failures and all("truncated" in f.reason for f in failures)
    assert not any("binary" in f.reason for f in failures)
    assert failures[-1].origin == str(path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n", b"Hello, world"),
        (b"<html>not chunked</html>", b"<html>not chunked</html>"),
        (b"ff\r\nshort\r\n0\r\n\r\n", b"ff\r\nshort\r\n0\r\n\r\n"),
    ],
)
def test_unchunk(data: bytes, expected: bytes) -> None:
    assert unchunk(data) == expected


def test_decode_content_layers_and_limits() -> None:
    twice = gzip.compress(zlib.compress(b"<p>hi</p>"))
    assert decode_content(twice, "deflate, gzip") == b"<p>hi</p>"
    assert decode_content(b"<p>hi</p>", "identity") == b"<p>hi</p>"

"""WARC records that lie about their length, or are too large, are named and do not take
the records after them down (issue 17, defect 6)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from newsgraph.errors import Failure
from newsgraph.ingest import read_inputs
from newsgraph.limits import MAX_READ_BYTES
from newsgraph.model import Document
from tests.ingest.test_warc import ARTICLE, record, response


def _good(name: str) -> bytes:
    return record(f"https://ex.example/{name}", response("text/html", ARTICLE.replace("Ferry", name).encode()))


def _lying(url: str) -> bytes:
    rec = _good("liar").replace(b"https://ex.example/liar", url.encode())
    return re.sub(rb"Content-Length: \d+", b"Content-Length: 1000000000000000000", rec, count=1)


def _huge(url: str) -> bytes:
    body = b"<html><body>" + b"<p>word</p>" * (MAX_READ_BYTES // 11 + 1000) + b"</body></html>"
    return record(url, response("text/html", body))


@pytest.mark.parametrize("compressed", [False, True])
def test_6_a_lying_or_huge_record_is_named_and_the_next_ones_are_read(tmp_path: Path, compressed: bool) -> None:
    records = [_good("first"), _lying("https://ex.example/liar"), _good("second"),
               _huge("https://ex.example/huge"), _good("third")]
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if compressed else b"".join(records))
    out = list(read_inputs([str(path)]))
    docs = [o.url for o in out if isinstance(o, Document)]
    failures = {o.origin: o.reason for o in out if isinstance(o, Failure)}
    assert docs == ["https://ex.example/first", "https://ex.example/second", "https://ex.example/third"], out
    assert set(failures) == {f"{path}#https://ex.example/liar", f"{path}#https://ex.example/huge"}, failures
    assert "limits.MAX_READ_BYTES" in failures[f"{path}#https://ex.example/huge"]

"""Hostile inputs to the readers and stages: each is a named Failure and the run goes on.

The numbers are the defects of issue 17 each test pins down.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import Failure
from newsgraph.ingest import read_inputs
from newsgraph.limits import MAX_DECOMPRESSED_BYTES, MAX_READ_BYTES, MAX_TEXT_CHARS
from newsgraph.model import Document
from newsgraph.pipeline import extract

PAGE = ("<html><head><title>Harbour vote</title></head><body><article><h1>Harbour vote</h1>"
        "<p>The council of Tromso voted on Tuesday to rebuild the old harbour wall, after a "
        "winter of storms broke it in three places.</p><p>Work will start in May and take a "
        "year, the mayor said.</p></article></body></html>")


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], input=stdin,
                          capture_output=True, timeout=300, check=False)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data))))  # type: ignore[arg-type]


def test_1_gzip_bomb_on_stdin_is_refused_with_bounded_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = gzip.compress(b"<p>" + b"word " * (MAX_DECOMPRESSED_BYTES // 2) + b"</p>", 9)
    _stdin(monkeypatch, bomb)
    tracemalloc.start()
    try:
        (outcome,) = read_inputs(["-"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, Failure) and "limits.MAX_DECOMPRESSED_BYTES" in outcome.reason
    assert peak < 3 * MAX_DECOMPRESSED_BYTES


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_3_deep_or_huge_jsonl_lines_are_named_and_the_run_goes_on(tmp_path: Path) -> None:
    deep = '{"id": 2, "text": "Deep.", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    digits = '{"id": ' + "9" * 100_000 + ', "text": "Digits."}'
    path = _jsonl(tmp_path, ['{"id": 1, "text": "Rain fell on Tuesday."}', deep, digits,
                             '{"id": 4, "text": "Snow fell on Wednesday."}'])
    out = list(read_inputs([str(path)]))
    assert [type(o).__name__ for o in out] == ["Document", "Failure", "Failure", "Document"]
    assert out[1].origin.endswith(":2") and "limits.MAX_JSON_DEPTH" in out[1].reason  # type: ignore[union-attr]
    assert out[2].origin.endswith(":3")  # type: ignore[union-attr]
    result = run_cli("extract", str(path), "--format", "jsonl", "--jobs", "1")
    assert result.returncode == 1 and b"Traceback" not in result.stderr
    assert [json.loads(line)["source_id"] for line in result.stdout.splitlines()] == ["1", "4"]
    assert result.stderr.count(b"dump.jsonl:") == 2


@pytest.mark.parametrize("charset", ["undefined", "base64", "punycode", "rot13"])
def test_4_a_charset_that_is_no_text_encoding_is_ignored(tmp_path: Path, charset: str) -> None:
    page = PAGE.replace("<head>", f'<head><meta charset="{charset}">').replace("winter", "hiver\xe9")
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_bytes(page.encode("latin-1"))
    second.write_text(PAGE, encoding="utf-8")
    out = list(read_inputs([str(first), str(second)]))
    assert all(isinstance(o, Document) for o in out) and "hiveré" in out[0].content  # type: ignore[union-attr]


def test_5_jsonl_on_stdin_streams_past_the_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    record = {"text": "Rain fell on Tuesday. " * 4000}
    count = MAX_READ_BYTES // len(json.dumps(record)) + 50
    data = "".join(json.dumps({"id": n, **record}) + "\n" for n in range(count)).encode()
    _stdin(monkeypatch, data)
    out = list(read_inputs(["-"]))
    assert len(out) == count and all(isinstance(o, Document) for o in out)
    assert out[-1].source_id == str(count - 1)  # type: ignore[union-attr]


def test_7_a_gzipped_jsonl_line_without_end_is_named_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=9) as handle:
        handle.write(b'{"id": 1, "text": "Rain fell."}\n{"id": 2, "text": "')
        for _ in range(6 * MAX_READ_BYTES // 1_000_000):
            handle.write(b"a" * 1_000_000)
    tracemalloc.start()
    try:
        out = list(read_inputs([str(path)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(out[0], Document)
    assert isinstance(out[1], Failure) and out[1].origin.endswith(":2") and "limits.MAX_READ_BYTES" in out[1].reason
    assert peak < 3 * MAX_READ_BYTES


def test_8_plain_text_is_capped_in_characters(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Rain fell on Tuesday in the north. " * (MAX_TEXT_CHARS // 30), encoding="utf-8")
    (outcome,) = read_inputs([str(path)])
    assert isinstance(outcome, Failure) and "limits.MAX_TEXT_CHARS" in outcome.reason


def test_13_deeply_nested_json_ld_is_ignored_not_the_page() -> None:
    block = '{"@type": "NewsArticle", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    page = PAGE.replace("</head>", f'<script type="application/ld+json">{block}</script></head>')
    story = extract(page, kind="html")
    assert "harbour wall" in story.body and story.title == "Harbour vote"


def test_14_lone_surrogates_do_not_break_analysis(tmp_path: Path) -> None:
    story = newsgraph.analyze("The mayor of Tromso said the wall \ud800 would be rebuilt by May.")
    assert "wall" in story.body and "\ud800" not in story.body
    path = _jsonl(tmp_path, ['{"id": 1, "text": "Rain \\ud800 fell on Tuesday."}'])
    result = run_cli("extract", str(path), "--format", "jsonl", "--jobs", "1")
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.warc", "blank.jsonl"])
def test_14_an_input_with_no_records_is_named(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\n\n" if name.startswith("blank") else b"")
    (outcome,) = read_inputs([str(path)])
    assert isinstance(outcome, Failure) and outcome.origin == str(path) and "empty: no" in outcome.reason


def test_5_jsonl_on_stdin_may_start_with_blank_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'\n\n{"id": 1, "text": "Rain fell."}\nnot json\n')
    first, second = read_inputs(["-"])
    assert isinstance(first, Document) and first.source_id == "1"
    assert isinstance(second, Failure) and second.origin == "<stdin>:4"


def test_5_jsonl_on_stdin_whose_first_record_is_bad_is_still_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = b'{"id": 0, "x": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    _stdin(monkeypatch, b"[1, 2, 3]\n" + deep + b'\n{"id": 1, "text": "Rain fell."}\n{"id": 2, "text": "Snow."}\n')
    out = list(read_inputs(["-"]))
    assert [type(o).__name__ for o in out] == ["Failure", "Failure", "Document", "Document"]
    assert out[0].origin == "<stdin>:1" and out[1].origin == "<stdin>:2"  # type: ignore[union-attr]

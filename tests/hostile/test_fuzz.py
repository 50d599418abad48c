"""Fuzzing the readers and the extract stage: whatever the bytes, every input gives named
outcomes and nothing raises (issue 17). Hypothesis draws the inputs; a small seeded
campaign of `bench/hostile.py` runs over the real pages where they are present. Bounded to
about a minute together."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import Failure
from newsgraph.ingest import read_inputs
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.limits import MAX_TEXT_CHARS
from newsgraph.model import Document, Story
from newsgraph.pipeline import run_one
from tests.conftest import REPO, shared_path

SUFFIXES = [".html", ".txt", ".jsonl", ".warc", ".html.gz", ".jsonl.gz", ".warc.gz", ""]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

PIECES = st.sampled_from([
    b"<html>", b"<body>", b"<p>", b"</p>", b"<div>" * 20, b'<meta charset="undefined">',
    b'<meta charset="base64">', b"\xff", b"\xed\xa0\x80", b"\x00", b"\n", b"\r\n", b'{"text": "',
    b'{"id": 1, "text": "Rain fell."}\n', b"[" * 200, b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n",
    b"WARC-Type: response\r\n", b"HTTP/1.1 200 OK\r\n", b"\r\n\r\n", b"Rain fell on Tuesday. ",
    b'<script type="application/ld+json">', b"\\ud800", b"\x1f\x8b",
])
BYTES = st.one_of(st.binary(max_size=3000), st.lists(PIECES, max_size=40).map(b"".join))


def _check(outcomes: list[Document | Failure], origin: str) -> None:
    assert outcomes, f"{origin}: no outcome at all"
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            assert outcome.origin.startswith(origin) and outcome.reason
        else:
            assert len(outcome.content) <= MAX_TEXT_CHARS or outcome.kind == "html"
            outcome.content.encode("utf-8")  # no lone surrogates


@FUZZ
@given(data=BYTES, suffix=st.sampled_from(SUFFIXES), zipped=st.booleans())
def test_any_bytes_in_any_file_give_named_outcomes(tmp_path: Path, data: bytes, suffix: str, zipped: bool) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(gzip.compress(data) if zipped and suffix.endswith(".gz") else data)
    _check(list(read_inputs([str(path)])), str(path))


@FUZZ
@given(records=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "url", "text", "html", "x"]),
                    st.one_of(st.text(max_size=200), st.integers(), st.none(),
                              st.recursive(st.integers(), lambda c: st.lists(c, max_size=3), max_leaves=20))),
    st.text(max_size=100)), min_size=1, max_size=8))
def test_jsonl_records_each_give_one_outcome(tmp_path: Path, records: list[object]) -> None:
    lines = [json.dumps(r) if isinstance(r, dict) else r.replace("\n", " ").replace("\r", " ") for r in records]
    lines = [line for line in lines if line.strip()] or ['{"id": 0}']
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    outcomes = list(read_inputs([str(path)]))
    _check(outcomes, str(path))
    assert len(outcomes) == len(lines)


@settings(max_examples=25, deadline=None)
@given(data=BYTES)
def test_any_bytes_decode_or_are_refused_with_a_reason(data: bytes) -> None:
    try:
        decode_bytes(data).encode("utf-8", errors="surrogatepass")
    except Exception as error:  # noqa: BLE001 - only the named refusal may come out
        assert type(error).__name__ in ("InputError", "LimitExceeded"), error


@settings(max_examples=40, deadline=None)
@given(data=BYTES, kind=st.sampled_from(["html", "text"]))
def test_the_extract_stage_never_raises(data: bytes, kind: str) -> None:
    document = Document(content=data.decode("utf-8", errors="replace"), kind=kind)  # type: ignore[arg-type]
    outcome = run_one("extract", document)
    assert isinstance(outcome, Story | Failure)
    if isinstance(outcome, Story):
        outcome.body.encode("utf-8")


def test_a_small_campaign_of_the_hostile_bench(tmp_path: Path) -> None:
    shared_path("extraction")
    spec = importlib.util.spec_from_file_location("hostile_bench", REPO / "bench" / "hostile.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    inputs = bench.make_inputs(tmp_path, 60, seed=3)
    tally = bench.run(inputs, "extract", jobs=2, hang_s=60.0, analyze_every=0)
    assert (tally.crashed, tally.hung, tally.lost) == (0, 0, 0), tally.examples
    assert tally.outcomes >= len(inputs)


if __name__ == "__main__":
    pytest.main([__file__])

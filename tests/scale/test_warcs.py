"""The engine-neutral part: WARC files cut into tasks and read back as the whole file reads."""

from __future__ import annotations

import gzip
import itertools
from pathlib import Path

import pytest

from newsgraph.ingest.warc import read_warc
from newsgraph.model import Document
from newsgraph.scale import index_warc, read_paths_file, task_rows
from newsgraph.scale.schema import story_from_row
from newsgraph.scale.warcs import index_or_failure
from tests.scale.crawl import BROKEN_URL, first_file, second_file, write_crawl


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_crawl(tmp_path_factory.mktemp("crawl"))


@pytest.mark.parametrize("per_task", [1, 2, 100])
def test_tasks_cover_every_record_once(crawl: list[Path], per_task: int) -> None:
    for path in crawl:
        tasks = index_warc(str(path), per_task)
        assert tasks[0].start == 0 and tasks[-1].end == path.stat().st_size
        assert all(a.end == b.start for a, b in itertools.pairwise(tasks))
        assert all(t.responses <= per_task for t in tasks)
        urls = [row.get("url") or row["origin"] for t in tasks for row in task_rows(t, "extract")]
        whole = [item.url if isinstance(item, Document) else item.origin
                 for item in read_warc(path)]
        assert urls == whole


def test_a_file_gzipped_as_one_stream_is_one_task(tmp_path: Path) -> None:
    path = tmp_path / "one-stream.warc.gz"
    path.write_bytes(gzip.compress(b"".join(first_file())))
    [task] = index_warc(str(path), 1)
    assert (task.start, task.end) == (0, path.stat().st_size)
    assert len([r for r in task_rows(task, "extract") if r["failure"] is None]) == 3


def test_rows_hold_the_story_the_pipeline_makes(crawl: list[Path]) -> None:
    from newsgraph.pipeline import extract_document

    rows = [row for path in crawl for t in index_warc(str(path), 2) for row in task_rows(t, "extract")]
    stories = [story_from_row(r) for r in rows if r["failure"] is None]
    expected = [extract_document(d) for p in crawl for d in read_warc(p) if isinstance(d, Document)]
    assert [s.to_dict() for s in stories] == [s.to_dict() for s in expected]
    first = next(r for r in rows if r["failure"] is None)
    assert first["host"] == "wire.example" and first["crawl_date"] == "2026-03-04"
    assert first["fetched"] == "2026-03-04T10:00:00Z" and len(first["band_keys"]) == 50
    [failure] = [r for r in rows if r["failure"] is not None]
    assert failure["origin"] == f"{crawl[1]}#{BROKEN_URL}"
    assert "gzip" in failure["failure"]


def test_a_missing_file_is_one_failure_row(tmp_path: Path) -> None:
    [row] = index_or_failure(str(tmp_path / "gone.warc.gz"))
    assert row["error"].startswith("cannot read WARC")


def test_paths_file_gzipped_with_prefix(tmp_path: Path) -> None:
    listing = tmp_path / "warc.paths.gz"
    listing.write_bytes(gzip.compress(b"crawl-data/a.warc.gz\n\n/abs/b.warc\n"))
    assert read_paths_file(str(listing), "s3://commoncrawl/") == [
        "s3://commoncrawl/crawl-data/a.warc.gz", "s3://commoncrawl//abs/b.warc"]


def test_second_file_is_plain(crawl: list[Path]) -> None:
    assert crawl[1].read_bytes().startswith(b"WARC/") and len(second_file()) == 3


def test_components_are_named_by_their_smallest_id() -> None:
    from newsgraph.scale.clusters import components

    found = components([("m", "k"), ("k", "z"), ("q", "p")])
    assert found == {"m": "k", "k": "k", "z": "k", "q": "p", "p": "p"}


@pytest.mark.parametrize("command", [
    ["spark", "analyze", "--input", "{tmp}/no-such.paths", "--output", "{tmp}/out"],
    ["archive", "load", "--stories", "{tmp}/no-such-dir", "--db", "{tmp}/a.db"],
])
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, command: list[str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from newsgraph.cli import main

    assert main([word.format(tmp=tmp_path) for word in command]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("newsgraph: error: ")
    assert not (tmp_path / "a.db").exists()

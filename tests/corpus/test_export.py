"""Export: every story as DESIGN.md's JSON (JSONL), and flat rows for Parquet and CSV."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.corpus import Archive, export_stories
from newsgraph.errors import ArchiveError
from newsgraph.model import Story

from .conftest import make_story, quoted_story, store
from .maker import paragraphs


@pytest.fixture
def two_copies(archive: Archive) -> tuple[Story, Story]:
    body = "\n\n".join(paragraphs(9))
    first = quoted_story("https://a.example/1", "Anika Dorell", "We stay", "the ferry", "2024-01-02")
    second = make_story(body, "https://b.example/2", publisher="Coast Herald", source_id="r2")
    third = make_story(body, "https://c.example/3", publisher="Reuters", published="2024-01-01")
    store(archive, first, second, third)
    return first, second


def test_jsonl_is_the_story_json_with_cluster(archive: Archive, two_copies: tuple[Story, Story],
                                              tmp_path: Path) -> None:
    first, _ = two_copies
    assert export_stories(archive, tmp_path / "out.jsonl", "jsonl") == 3
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert list(rows[0]) == list(first.to_dict())
    assert Story.from_dict(rows[0]) == Story.from_dict({**first.to_dict(), "cluster": "c" + first.id})
    assert rows[1]["source_id"] == "r2" and rows[1]["cluster"] == rows[2]["cluster"]
    assert rows[1]["original_source"] == "Reuters"


def test_parquet_and_csv_hold_one_row_a_story(archive: Archive, two_copies: tuple[Story, Story],
                                              tmp_path: Path) -> None:
    first, _ = two_copies
    assert export_stories(archive, tmp_path / "out.parquet", "parquet") == 3
    table = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert table[0]["id"] == first.id and json.loads(table[0]["quotes"]) == first.to_dict()["quotes"]
    assert export_stories(archive, tmp_path / "out.csv", "csv") == 3
    with open(tmp_path / "out.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == [r["id"] for r in table]
    assert rows[0]["body"] == first.body


def test_unwritable_path_is_an_archive_error(archive: Archive, tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="cannot write"):
        export_stories(archive, tmp_path / "no" / "such" / "dir.jsonl", "jsonl")

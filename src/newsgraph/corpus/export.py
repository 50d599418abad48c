"""Export: every stored story out of the archive, for other tools.

* `jsonl`: one Story a line, exactly DESIGN.md's JSON, with `source_id`, `source_path` and
  `cluster` (the cluster's original source filled in where a copy names none).
* `parquet` (pyarrow) and `csv`: one row a story, for DuckDB, pandas and Spark; scalar
  fields are columns, `authors` a list (a `;`-joined string in CSV), and the nested parts
  (`dateline`, `contributors`, `furniture`, `entities`, `quotes`, `events`, `warnings`) JSON
  text columns holding exactly the Story JSON's values.

Stories are read in rowid order in chunks, so memory stays flat however large the archive.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from newsgraph.corpus.store import Archive, read_story, with_cluster
from newsgraph.errors import ArchiveError
from newsgraph.model import Story

ExportFormat = Literal["jsonl", "parquet", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("jsonl", "parquet", "csv")
CHUNK_STORIES = 500

SCALAR_COLUMNS = ("id", "url", "source_path", "source_id", "title", "published", "publisher",
                  "original_source", "language", "cluster", "body")
JSON_COLUMNS = ("dateline", "contributors", "furniture", "entities", "quotes", "events",
                "warnings")


def iter_stories(archive: Archive, chunk: int = CHUNK_STORIES) -> Iterator[Story]:
    """Every stored story with its cluster, in the order stored."""
    last = 0
    while True:
        rows = archive.query(
            "SELECT s.rowid, s.data, s.body, s.cluster, c.original_source FROM stories s"
            " LEFT JOIN clusters c ON c.id = s.cluster WHERE s.rowid > ? ORDER BY s.rowid LIMIT ?",
            (last, chunk),
        )
        if not rows:
            return
        for row in rows:
            story = read_story(row["data"], row["body"])
            yield with_cluster(story, row["cluster"], row["original_source"])
        last = rows[-1]["rowid"]


def story_row(story: Story) -> dict[str, Any]:
    """One story as a flat row: scalars, `authors` as a list, nested parts as JSON text."""
    data = story.to_dict()
    row: dict[str, Any] = {name: data[name] for name in SCALAR_COLUMNS}
    row["authors"] = data["authors"]
    for name in JSON_COLUMNS:
        row[name] = json.dumps(data[name], ensure_ascii=False)
    return row


def export_stories(archive: Archive, path: str | Path, format: ExportFormat = "jsonl") -> int:
    """Write every story to `path` ("-" is stdout for jsonl and csv); returns how many.

    Raises ArchiveError when the file cannot be written.
    """
    if format not in EXPORT_FORMATS:
        raise ArchiveError(f"unknown export format {format!r}; choose one of {EXPORT_FORMATS}")
    try:
        if format == "parquet":
            return _write_parquet(archive, Path(path))
        if str(path) == "-":
            import sys

            return _write_text(archive, sys.stdout, format)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            return _write_text(archive, handle, format)
    except OSError as error:
        raise ArchiveError(f"cannot write {path}: {error.strerror or error}") from None


def _write_text(archive: Archive, handle: Any, format: ExportFormat) -> int:
    count = 0
    writer = None
    for story in iter_stories(archive):
        if format == "jsonl":
            handle.write(json.dumps(story.to_dict(), ensure_ascii=False) + "\n")
        else:
            row = story_row(story)
            row["authors"] = "; ".join(row["authors"])
            if writer is None:
                writer = csv.DictWriter(handle, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
        count += 1
    if writer is None and format == "csv":
        csv.writer(handle).writerow([*SCALAR_COLUMNS, "authors", *JSON_COLUMNS])
    return count


def _write_parquet(archive: Archive, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(name, pa.string()) for name in SCALAR_COLUMNS]
    fields.append(pa.field("authors", pa.list_(pa.string())))
    fields += [pa.field(name, pa.string()) for name in JSON_COLUMNS]
    schema = pa.schema(fields)
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        for story in iter_stories(archive):
            batch.append(story_row(story))
            count += 1
            if len(batch) >= CHUNK_STORIES:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return count


__all__ = ["EXPORT_FORMATS", "ExportFormat", "export_stories", "iter_stories", "story_row"]

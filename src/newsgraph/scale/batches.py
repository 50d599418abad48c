"""One WARC task in, Arrow record batches out: the per-document pipeline inside an engine.

`analyze_task` reads a task's byte range, turns each HTML response into a Document exactly
as `newsgraph.ingest.warc` does for a whole file, runs the pipeline stage on it in this
process, and emits one row per record: a story (with provenance and syndication
fingerprint) or a failure naming `file.warc#URL` and the reason. `analyze_batches` is the
function an engine maps over batches of tasks (Spark's `mapInArrow`, a Dask or Ray
`map_batches`).

The stage's models load on the first document a worker process sees and stay for every
later task of that process (the pipeline caches them per process); nothing here holds a
model, so nothing heavy is ever pickled, and no process pool is started inside an engine
worker: the engine's workers are the parallelism.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa
from fastwarc.warc import ArchiveIterator, WarcRecordType

from newsgraph.corpus.ingest import document_key
from newsgraph.corpus.syndication import band_keys, body_shingles, fingerprint_of
from newsgraph.errors import InputError
from newsgraph.ingest import ReadFailure
from newsgraph.ingest.readers import MAX_DOCUMENT_BYTES
from newsgraph.ingest.warc import _read_record as read_record  # the one WARC record reader
from newsgraph.model import Document, Story
from newsgraph.pipeline import Stage, StageFailure, run_stage
from newsgraph.scale.schema import OUTCOME_SCHEMA, UNKNOWN_DATE, story_columns
from newsgraph.scale.warcs import WarcTask, local_name, read_range

ROWS_PER_BATCH = 64


def analyze_batches(tasks: Iterable[pa.RecordBatch], stage: Stage = "analyze") -> Iterator[pa.RecordBatch]:
    """Every task of every incoming batch (columns path, start, end, responses, error: the
    rows of `index_or_failure`) analysed; batches of OUTCOME_SCHEMA rows out."""
    for batch in tasks:
        for row in batch.to_pylist():
            if row.get("error"):
                failure = _failure(local_name(row["path"]), 0, row["error"], stage)
                yield pa.RecordBatch.from_pylist([failure], schema=OUTCOME_SCHEMA)
                continue
            task = WarcTask(row["path"], int(row["start"]), int(row["end"]), int(row["responses"]))
            yield from analyze_task(task, stage)


def analyze_task(task: WarcTask, stage: Stage = "analyze") -> Iterator[pa.RecordBatch]:
    """The rows of one task, in record order, ROWS_PER_BATCH at a time."""
    rows: list[dict[str, Any]] = []
    for row in task_rows(task, stage):
        rows.append(row)
        if len(rows) >= ROWS_PER_BATCH:
            yield pa.RecordBatch.from_pylist(rows, schema=OUTCOME_SCHEMA)
            rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=OUTCOME_SCHEMA)


def task_rows(task: WarcTask, stage: Stage = "analyze") -> Iterator[dict[str, Any]]:
    """One row per HTML response of a task: a story, or a failure with its reason."""
    path = local_name(task.path)
    try:
        data = read_range(task.path, task.start, task.end)
    except OSError as error:
        yield _failure(path, task.start, f"cannot read WARC: {error}", stage)
        return
    for offset, fetched, item in _documents(path, data, task.start):
        if isinstance(item, ReadFailure):
            yield _failure(item.origin, offset, item.reason, stage)
            continue
        outcome = next(run_stage([item], stage=stage, jobs=1))
        if isinstance(outcome, ReadFailure | StageFailure):
            yield _failure(f"{path}#{item.origin}", offset, outcome.reason, stage)
        else:
            yield story_outcome(outcome, item, path, offset, fetched, stage)


def story_outcome(story: Story, document: Document, warc_path: str | None, offset: int | None,
                  fetched: str | None, stage: str) -> dict[str, Any]:
    """A story row: its export columns, provenance and syndication fingerprint."""
    row = story_columns(story)
    host = urlsplit(story.url).hostname if story.url else None
    row.update(
        host=host.lower() if host else None, warc_path=warc_path, warc_offset=offset,
        fetched=fetched, crawl_date=(document.fetched or UNKNOWN_DATE), stage=stage,
        source_key=document_key(document), origin=f"{warc_path}#{document.origin}",
        failure=None,
    )
    print_ = fingerprint_of(body_shingles(story.body, has_dateline=story.dateline is not None))
    row.update(
        shingles=print_.shingles if print_ else 0,
        signature=print_.to_bytes() if print_ else None,
        band_keys=band_keys(print_) if print_ else [],
    )
    return row


def _failure(origin: str, offset: int | None, reason: str, stage: str) -> dict[str, Any]:
    warc_path = origin.split("#", 1)[0]
    return {"warc_path": warc_path, "warc_offset": offset, "stage": stage, "origin": origin,
            "failure": reason}


def _documents(path: str, data: bytes, start: int) -> Iterator[tuple[int, str | None, Document | ReadFailure]]:
    """(offset of the task, WARC-Date, Document or ReadFailure) for each HTML response.

    Read as `newsgraph.ingest.warc.read_warc` reads a whole file: the same record reader, so
    the same Documents (and so the same story ids) come out.
    """
    stream: io.RawIOBase | io.BytesIO = io.BytesIO(data)
    if data[:2] == b"\x1f\x8b":
        stream = gzip.GzipFile(fileobj=io.BytesIO(data))  # type: ignore[assignment]
    records = ArchiveIterator(
        stream, record_types=WarcRecordType.response, parse_http=False,
        max_content_length=MAX_DOCUMENT_BYTES, stream_detect=False,
    )
    number = 0
    try:
        for number, record in enumerate(records, start=1):
            url = record.headers.get("WARC-Target-URI")
            fetched = record.headers.get("WARC-Date")
            where = f"{path}#{url or f'record {number}'}"
            try:
                item = read_record(record, url)
            except (InputError, OSError, ValueError) as error:
                yield start, fetched, ReadFailure(where, str(error))
                continue
            if isinstance(item, Document):
                yield start, fetched, item
            elif item is not None:
                yield start, fetched, ReadFailure(where, item.reason)
    except (OSError, EOFError, zlib.error) as error:
        yield start, None, ReadFailure(f"{path}@{start}", f"cannot read WARC: {error}")


__all__ = ["ROWS_PER_BATCH", "analyze_batches", "analyze_task", "story_outcome", "task_rows"]

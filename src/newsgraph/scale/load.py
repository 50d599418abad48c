"""`archive load`: Parquet stories (as `spark analyze` writes them) into the SQLite archive,
without analysing anything again.

Each story row is stored as `ingest` would store it: its row, annotations, band keys, and
the fingerprint of the document it came from (so a later `ingest` of the same WARC skips
the page). With the clusters `spark cluster` wrote, every story takes its cluster from them
and each cluster's summary is recomputed by the archive's own rule over the copies loaded;
without them, stories are clustered one by one as `ingest` does. A story already in the
archive is left as it is, so loading the same output twice stores nothing twice.

Filters pick a subset when the whole crawl does not fit one file: a publication date range
(`since`, `until`, inclusive, on the story's `published` date), a publisher, a language.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Any

from newsgraph.corpus.boilerplate import count_lines
from newsgraph.corpus.ingest import ArchiveWriter
from newsgraph.corpus.rows import Row
from newsgraph.corpus.store import Archive, insert_story
from newsgraph.corpus.syndication import refresh_cluster
from newsgraph.errors import InputError
from newsgraph.model import Story
from newsgraph.pipeline import Stage
from newsgraph.scale.schema import story_from_row

CHUNK_ROWS = 500


@dataclass(frozen=True, slots=True)
class LoadFilter:
    """Which stories to load; None lets every story through."""

    since: str | None = None
    until: str | None = None
    publisher: str | None = None
    language: str | None = None

    def admits(self, row: dict[str, Any]) -> bool:
        day = (row.get("published") or "")[:10]
        if self.since and (not day or day < self.since):
            return False
        if self.until and (not day or day > self.until):
            return False
        if self.publisher is not None and row.get("publisher") != self.publisher:
            return False
        return self.language is None or row.get("language") == self.language


@dataclass(frozen=True, slots=True)
class LoadReport(Row):
    """What one load did: `stored` new stories, `skipped` already in the archive, `empty`
    pages without an article, `filtered` left out by the filters, `clusters` touched."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    empty: int = 0
    filtered: int = 0
    clusters: int = 0
    elapsed_s: float = 0.0


def check_sources(stories_dir: str | Path, clusters_dir: str | Path | None = None) -> None:
    """Raise InputError unless the folders `spark analyze` (and `spark cluster`) write are
    there: checked before an archive is opened, so a mistyped path creates no file."""
    for folder, part, job in ((stories_dir, "stories", "spark analyze"),
                              (clusters_dir, "members", "spark cluster")):
        if folder is not None and not (Path(folder) / part).is_dir():
            raise InputError(f"no {part} under {folder} (expected {Path(folder) / part}, "
                             f"as `{job}` writes)")


def read_rows(stories_dir: str | Path, columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """Every story row under `stories_dir/stories` (partitioned by crawl date), in order of
    crawl date, then as written. Raises InputError when there is none to read."""
    import pyarrow.dataset as ds

    check_sources(stories_dir)
    where = Path(stories_dir) / "stories"
    try:
        dataset = ds.dataset(str(where), format="parquet", partitioning="hive")
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read Parquet under {where}: {error}") from None
    for fragment in sorted(dataset.get_fragments(), key=lambda f: f.path):
        for batch in fragment.to_batches(columns=columns):
            yield from batch.to_pylist()


def read_members(clusters_dir: str | Path) -> dict[str, str]:
    """story id -> cluster id, from `spark cluster`'s `members` folder."""
    import pyarrow.dataset as ds

    where = Path(clusters_dir) / "members"
    if not where.is_dir():
        raise InputError(f"no members under {clusters_dir} (expected {where}, as `spark cluster` writes)")
    table = ds.dataset(str(where), format="parquet").to_table(columns=["id", "cluster"])
    return dict(zip(table.column("id").to_pylist(), table.column("cluster").to_pylist(), strict=True))


def load_stories(
    archive: Archive,
    stories_dir: str | Path,
    clusters_dir: str | Path | None = None,
    selection: LoadFilter | None = None,
    progress: Callable[[LoadReport], None] | None = None,
) -> LoadReport:
    """Store the Parquet stories under `stories_dir` in `archive` (see the module docstring).

    Raises InputError when the Parquet cannot be read, ArchiveError when the archive cannot
    be written; what was committed before stays.
    """
    started = time.perf_counter()
    selection = selection or LoadFilter()
    members = read_members(clusters_dir) if clusters_dir is not None else None
    counts = dict.fromkeys(("read", "stored", "skipped", "empty", "filtered"), 0)
    touched: set[str] = set()

    def report() -> LoadReport:
        return LoadReport(**counts, clusters=len(touched),
                          elapsed_s=round(time.perf_counter() - started, 3))

    def admitted() -> Iterator[tuple[Story, dict[str, Any]]]:
        for row in read_rows(stories_dir):
            counts["read"] += 1
            if selection.admits(row):
                yield story_from_row(row), row
            else:
                counts["filtered"] += 1
                if progress is not None:
                    progress(report())

    if members is None:
        # No clusters given: each story is clustered on arrival, exactly as `ingest` does.
        writer = ArchiveWriter(archive)
        try:
            for story, row in admitted():
                writer.stage = _stage(row)
                counts[_COUNTER[writer.write(story, _key(story, row)).outcome]] += 1
                if progress is not None:
                    progress(report())
        finally:
            writer.close()
        touched = {r[0] for r in archive.query("SELECT DISTINCT cluster FROM stories")}
        return report()
    rows = admitted()
    while chunk := list(islice(rows, CHUNK_ROWS)):
        with archive.transaction() as connection:
            results = [_write_clustered(connection, story, row, members) for story, row in chunk]
            fresh = {cluster for _, cluster in results if cluster is not None}
            for cluster in sorted(fresh):
                refresh_cluster(connection, cluster)
        for done, _ in results:
            counts[done] += 1
        touched |= fresh
        if progress is not None:
            progress(report())
    return report()


_COUNTER = {"stored": "stored", "upgraded": "stored", "duplicates": "skipped", "empty": "empty"}


def _stage(row: dict[str, Any]) -> Stage:
    return "extract" if row.get("stage") == "extract" else "analyze"


def _key(story: Story, row: dict[str, Any]) -> str:
    return str(row.get("source_key") or f"parquet:{story.id}")


def _write_clustered(connection: sqlite3.Connection, story: Story, row: dict[str, Any],
                     members: dict[str, str]) -> tuple[str, str | None]:
    """Store one story in the cluster given for it: ("stored", its cluster), or ("skipped",
    None) for a story already stored, ("empty", None) for a page without an article."""
    key = _key(story, row)
    exists = connection.execute("SELECT 1 FROM stories WHERE id = ?", (story.id,)).fetchone()
    if exists is not None or not story.body:
        connection.execute("INSERT OR IGNORE INTO sources (key, story) VALUES (?, ?)",
                           (key, story.id if exists is not None else None))
        return ("skipped" if exists is not None else "empty"), None
    cluster = members.get(story.id) or "c" + story.id
    rowid = insert_story(connection, replace(story, cluster=cluster), int(row.get("shingles") or 0),
                         row.get("signature"), stage=_stage(row))
    connection.executemany("INSERT OR IGNORE INTO lsh (band_key, story) VALUES (?, ?)",
                           [(band, rowid) for band in row.get("band_keys") or []])
    count_lines(connection, story, cluster)
    connection.execute("INSERT OR IGNORE INTO sources (key, story) VALUES (?, ?)", (key, story.id))
    return "stored", cluster


__all__ = ["LoadFilter", "LoadReport", "check_sources", "load_stories", "read_members", "read_rows"]

"""Ingest: inputs in, every story analysed once and stored, clustered and cleaned.

A stream of steps, each bounded in memory: read documents (`newsgraph.ingest`), drop those
the archive has already read (a fingerprint of origin and bytes, checked before any work),
run the pipeline stage over the rest on every core (`newsgraph.pipeline.run_stage`, input
order kept), and write each Story with `ArchiveWriter`: insert, cluster, count its lines.

Writes are grouped in transactions of a few dozen stories, each story inside its own
savepoint, and a document's fingerprint is committed with its story. A run killed at any
moment therefore leaves whole stories only, and the same command run again skips what was
committed and does the rest, ending where a clean run ends.

A story stored by a lesser stage (`--stage extract`) is not skipped by a run that asks for a
fuller one: it is analysed and replaced in place, in one savepoint, keeping its cluster. A
story stored by `analyze` is never redone.

The publisher furniture the archive has learned (`corpus.boilerplate`) is handed to the
extract stage as a lexicon, so every story is annotated on its final body and stored as
`analyze(page, lexicon=publisher_lines(archive))` gives it. When a line is learned, the
stories already stored that carry it are refreshed: the line comes out of the body, the
story is annotated again and takes the id of its new body.

>>> with Archive.open("newsgraph.db") as archive:  # doctest: +SKIP
...     report = ingest(archive, ["pages/"], jobs=2)
...     print(report.stored, "stored,", report.skipped, "already there")
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import Literal

from newsgraph.corpus.boilerplate import carriers, count_lines, publisher_lines, strip_learned
from newsgraph.corpus.rows import Row
from newsgraph.corpus.store import Archive, insert_story, rewrite_story
from newsgraph.corpus.syndication import (
    assign_cluster,
    body_shingles,
    fingerprint_of,
    rename_cluster,
)
from newsgraph.errors import ArchiveError, PipelineError
from newsgraph.extract.publisher_lines import PublisherLines
from newsgraph.ingest import ReadFailure, read_inputs
from newsgraph.model import Document, KindOption, Story
from newsgraph.pipeline import Outcome, Stage, StageFailure, annotate_story, run_stage

# A transaction closes after this many stories or seconds, whichever comes first: large
# enough that commits cost little, small enough that a kill loses seconds of work.
BATCH_STORIES = 50
BATCH_SECONDS = 2.0
MAX_REPORTED_FAILURES = 100

# How much of the pipeline each stage runs: a story is redone only by a fuller stage.
STAGE_RANK: dict[str, int] = {"extract": 0, "analyze": 1}


@dataclass(frozen=True, slots=True)
class IngestReport(Row):
    """What one ingest did. `stored` new stories; `skipped` documents already in the archive
    (not analysed again); `duplicates` documents whose story was already stored under another
    fingerprint; `empty` pages with no article; `failed` unreadable or unanalysable ones (the
    first reasons in `failures`); `syndicated` new stories that joined an existing cluster;
    `learned` publisher lines learned as furniture; `upgraded` stories stored by a lesser
    stage and analysed again by this run's fuller one (replaced, cluster kept)."""

    read: int = 0
    stored: int = 0
    upgraded: int = 0
    skipped: int = 0
    duplicates: int = 0
    empty: int = 0
    failed: int = 0
    syndicated: int = 0
    learned: int = 0
    elapsed_s: float = 0.0
    failures: tuple[str, ...] = ()

    @property
    def rate(self) -> float:
        """Documents handled per second."""
        return self.read / self.elapsed_s if self.elapsed_s > 0 else 0.0


class _Tally:
    """The running counts of an ingest (named as IngestReport's fields) and its first
    failures."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.failures: list[str] = []

    def report(self, started: float) -> IngestReport:
        return IngestReport(
            **self.counts, elapsed_s=round(time.perf_counter() - started, 3),
            failures=tuple(self.failures),
        )


def document_key(document: Document) -> str:
    """Fingerprint of one input document: where it came from and its exact content."""
    digest = hashlib.sha256()
    for part in (document.url, document.source_path, document.source_id, document.content):
        digest.update((part or "").encode("utf-8", errors="surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()[:32]


def ingest(
    archive: Archive,
    inputs: Iterable[str],
    jobs: int | None = None,
    progress: Callable[[IngestReport], None] | None = None,
    *,
    stage: Stage = "analyze",
    kind: KindOption = "auto",
    on_failure: Callable[[str], None] | None = None,
    on_skip: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read `inputs` (files, directories, JSONL, WARC, "-"), analyse what is new, store it.

    `jobs` worker processes (default every core); `progress` is called with the running
    report after every document; `on_failure` with each failure's one-line reason as it
    happens; `on_skip` with the origin and reason of each document read but not stored (no
    article in it, or a story already stored from another document). `stage="extract"` stores stories without annotations (fast); a later run with
    `stage="analyze"` analyses those again and replaces them. Raises
    ArchiveError if the archive cannot be written; what was committed before stays.
    """
    started = time.perf_counter()
    tally = _Tally()
    counts = tally.counts
    keys: deque[str | None] = deque()

    def fresh() -> Iterator[Document | ReadFailure]:
        for item in read_inputs(inputs, kind=kind):
            if isinstance(item, Document):
                key = document_key(item)
                if writer.has_source(key, stage):
                    counts["read"] += 1
                    counts["skipped"] += 1
                    if progress is not None:
                        progress(tally.report(started))
                    continue
                keys.append(key)
            else:
                keys.append(None)
            yield item

    writer = ArchiveWriter(archive, stage)
    try:
        outcomes = run_stage(fresh(), stage=stage, jobs=jobs, lexicon=writer.lexicon)
        for outcome in _guarded(outcomes, stage):
            key = keys.popleft()
            counts["read"] += 1
            if isinstance(outcome, ReadFailure | StageFailure):
                counts["failed"] += 1
                if len(tally.failures) < MAX_REPORTED_FAILURES:
                    tally.failures.append(str(outcome))
                if on_failure is not None:
                    on_failure(str(outcome))
            else:
                assert key is not None
                result = writer.write(outcome, key)
                counts[result.outcome] += 1
                counts["syndicated"] += int(result.joined)
                counts["learned"] += result.learned
                if on_skip is not None and result.outcome in ("empty", "duplicates"):
                    on_skip(f"{origin_of(outcome)}: {_skip_reason(outcome, result)}")
            if progress is not None:
                progress(tally.report(started))
    finally:
        writer.close()
    return tally.report(started)


def origin_of(story: Story) -> str:
    """Where a story's document came from, as read failures name it (`crawl.warc#URL`)."""
    if story.source_path and story.url:
        return f"{story.source_path}#{story.url}"
    return story.source_path or story.url or story.source_id or story.id


def _skip_reason(story: Story, result: WriteResult) -> str:
    if result.outcome == "duplicates":
        return f"skipped: the same story as {story.id}, already in the archive"
    why = next((w for w in story.warnings if w.startswith("no article found")), "no article found")
    return f"skipped: {why}"


def _guarded(outcomes: Iterator[Outcome], stage: str) -> Iterator[Outcome]:
    """The stage's outcomes; a crash inside a stage (a bug, not a bad page, which the
    pipeline reports as a StageFailure) ends the run with one clear error instead of a
    traceback, after the stories already written are committed."""
    while True:
        try:
            outcome = next(outcomes)
        except StopIteration:
            return
        except (AttributeError, KeyError, IndexError, TypeError, AssertionError,
                NotImplementedError, BrokenProcessPool) as error:
            raise PipelineError(
                f"the {stage} stage crashed ({type(error).__name__}: {error}); the stories "
                "stored so far are kept, run the same command again to resume"
            ) from error
        yield outcome


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What writing one story did: `outcome` names the report counter to advance."""

    outcome: Literal["stored", "upgraded", "duplicates", "empty"]
    joined: bool = False
    learned: int = 0


class ArchiveWriter:
    """Writes Stories into an archive in batched transactions, one savepoint per story.

    `stage` is the pipeline stage that made the stories written: one already stored by a
    lesser stage is replaced by the new version (cluster kept), never the other way round.
    `close()` commits the open batch; after an error inside a story only that story is
    rolled back, and an error that escapes still leaves earlier stories committed.
    """

    def __init__(self, archive: Archive, stage: Stage = "analyze") -> None:
        self.connection = archive.connection
        self.path = archive.path
        self.stage = stage
        self._pending = 0
        self._opened = 0.0
        self._in_batch = False
        self._lexicon: PublisherLines | None = None

    def has_source(self, key: str, stage: Stage | None = None) -> bool:
        """Whether this document was read before, and (given `stage`) its story needs no
        fuller stage: a page without an article, or a story stored by `stage` or more."""
        row = self.connection.execute(
            "SELECT sources.story, stories.stage FROM sources"
            " LEFT JOIN stories ON stories.id = sources.story WHERE sources.key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return False
        story, stored_stage = row
        if stage is None or story is None or stored_stage is None:
            return True
        return STAGE_RANK.get(stored_stage, 1) >= STAGE_RANK[stage]

    def write(self, story: Story, key: str) -> WriteResult:
        """Store one story (with its document fingerprint) unless its id is already stored."""
        self._begin()
        connection = self.connection
        connection.execute("SAVEPOINT story")
        try:
            result = self._write(story, key)
        except sqlite3.Error as error:
            connection.execute("ROLLBACK TO story")
            connection.execute("RELEASE story")
            raise ArchiveError(f"cannot store {story.id} in {self.path}: {error}") from None
        except BaseException:
            connection.execute("ROLLBACK TO story")
            connection.execute("RELEASE story")
            raise
        connection.execute("RELEASE story")
        self._pending += 1
        if self._pending >= BATCH_STORIES or time.monotonic() - self._opened >= BATCH_SECONDS:
            self._commit()
        return result

    def lexicon(self) -> PublisherLines:
        """The publisher furniture learned so far, as the extract stage takes it."""
        if self._lexicon is None:
            self._lexicon = publisher_lines(self.connection)
        return self._lexicon

    def _refreshed(self, story: Story, stage: str) -> Story:
        """`story` less any line learned after it was extracted (workers extract with the
        lexicon of a moment ago), annotated again on its new body if it was annotated."""
        stripped = strip_learned(story, self.lexicon())
        if stripped is None:
            return story
        return annotate_story(stripped) if STAGE_RANK.get(stage, 1) >= STAGE_RANK["analyze"] else stripped

    def _write(self, story: Story, key: str) -> WriteResult:
        connection = self.connection
        story = self._refreshed(story, self.stage)
        exists = connection.execute(
            "SELECT rowid, stage FROM stories WHERE id = ?", (story.id,)
        ).fetchone()
        if exists is not None and story.body and STAGE_RANK.get(exists[1], 1) < STAGE_RANK[self.stage]:
            return self._upgrade(exists[0], story, key)
        if exists is not None or not story.body:
            connection.execute(
                "INSERT OR IGNORE INTO sources (key, story) VALUES (?, ?)",
                (key, story.id if exists is not None else None),
            )
            return WriteResult("duplicates" if exists is not None else "empty")
        stored = replace(story, cluster=None)
        # The fingerprint is of the body less learned furniture: a publisher's own lines
        # must not make two of its stories look alike.
        shingles = body_shingles(stored.body, has_dateline=story.dateline is not None)
        print_ = fingerprint_of(shingles)
        rowid = insert_story(
            connection, stored, print_.shingles if print_ else 0,
            print_.to_bytes() if print_ else None, stage=self.stage,
        )
        cluster = assign_cluster(connection, rowid, story.id, print_, shingles)
        learned = count_lines(connection, story, cluster)
        if learned:
            self._lexicon = None
            for text in learned:
                self._refresh_carriers(story.publisher, text)
        # Learning may have refreshed this very story under a new id, in a renamed cluster.
        stored_id, cluster = connection.execute(
            "SELECT id, cluster FROM stories WHERE rowid = ?", (rowid,)
        ).fetchone()
        connection.execute("INSERT OR IGNORE INTO sources (key, story) VALUES (?, ?)",
                           (key, stored_id))
        return WriteResult("stored", joined=_size(connection, cluster) > 1, learned=len(learned))

    def _refresh_carriers(self, publisher: str | None, text: str) -> None:
        """Take a just-learned line out of every stored story of its publisher that
        carries it: each is annotated again on its new body and takes its new id."""
        for carrier in carriers(self.connection, publisher, text):
            refreshed = self._refreshed(carrier.story, carrier.stage)
            if refreshed is not carrier.story:
                self._replace(carrier.rowid, carrier.story.id, refreshed)

    def _replace(self, rowid: int, old_id: str, story: Story) -> None:
        connection = self.connection
        taken = connection.execute(
            "SELECT 1 FROM stories WHERE id = ? AND rowid != ?", (story.id, rowid)
        ).fetchone()
        if taken:
            # Another copy from the same origin already has this body: keep the old id
            # rather than merge two rows (both stay findable).
            story = replace(story, id=old_id)
        rewrite_story(connection, rowid, story)
        if story.id != old_id:
            connection.execute("UPDATE stories SET id = ? WHERE rowid = ?", (story.id, rowid))
            connection.execute("UPDATE sources SET story = ? WHERE story = ?", (story.id, old_id))
        # Read now: refreshing an earlier carrier may have renamed this one's cluster.
        (cluster,) = connection.execute(
            "SELECT cluster FROM stories WHERE rowid = ?", (rowid,)
        ).fetchone()
        if cluster is not None:
            rename_cluster(connection, cluster)

    def _upgrade(self, rowid: int, story: Story, key: str) -> WriteResult:
        """Replace a story stored by a lesser stage with this fuller version of it. Its
        cluster, fingerprint and counted lines stay: the body is the same extraction, less
        the same learned furniture."""
        rewrite_story(self.connection, rowid, replace(story, cluster=None))
        self.connection.execute("UPDATE stories SET stage = ? WHERE rowid = ?", (self.stage, rowid))
        self.connection.execute("INSERT OR IGNORE INTO sources (key, story) VALUES (?, ?)",
                                (key, story.id))
        return WriteResult("upgraded")

    def _begin(self) -> None:
        if not self._in_batch:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise ArchiveError(f"cannot write to {self.path}: {error}") from None
            self._in_batch = True
            self._opened = time.monotonic()
            self._pending = 0

    def _commit(self) -> None:
        if self._in_batch:
            try:
                self.connection.execute("COMMIT")
            except sqlite3.OperationalError as error:
                raise ArchiveError(f"cannot write to {self.path}: {error}") from None
            self._in_batch = False

    def close(self) -> None:
        """Commit what is written (every story in the batch is whole)."""
        self._commit()


def _size(connection: sqlite3.Connection, cluster: str) -> int:
    row = connection.execute("SELECT size FROM clusters WHERE id = ?", (cluster,)).fetchone()
    return int(row[0]) if row else 1


__all__ = ["STAGE_RANK", "ArchiveWriter", "IngestReport", "Stage", "WriteResult", "document_key",
           "ingest"]

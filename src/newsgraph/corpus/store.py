"""The archive: one SQLite file holding stories, their annotations, clusters and indexes.

`Archive` owns the connection and its settings; writing a Story's rows is `write_story`,
reading one back `read_story`. SQLite runs in WAL mode so the web API can read while an
ingest writes, and every change goes through `Archive.transaction()`, so a process killed
at any moment leaves the archive as it was at the last commit, never half a story.

>>> with Archive.open(":memory:") as archive:  # doctest: +SKIP
...     archive.schema_version
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Self

from newsgraph.corpus.people import name_key, person_like
from newsgraph.corpus.schema import check_ours, check_version, migrate, schema_version
from newsgraph.errors import ArchiveError, NotAnArchive
from newsgraph.model import MIN_CONFIDENCE, Entity, Story, evidence_text

DEFAULT_ARCHIVE = "newsgraph.db"


class Archive:
    """An open archive file. Use `Archive.open(path)`; close it, or use it in a `with`.

    Reads through `query` are serialised by a lock, so one Archive may be shared by the
    threads of a web server; writes happen in `transaction()` blocks.
    """

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: str | Path = DEFAULT_ARCHIVE, *, create: bool = True) -> Archive:
        """Open (and, unless `create` is False, create) an archive; migrate it to this version.

        Raises ArchiveError when the file is missing (with create=False), is not an
        SQLite database, or was written by a newer newsgraph.
        """
        name = str(path)
        if name != ":memory:":
            file = Path(name)
            if file.is_dir():
                raise ArchiveError(f"{name} is a directory, not an archive file")
            if not create and not file.exists():
                raise ArchiveError(f"no archive at {name} (run `newsgraph ingest` first)")
            if create and not file.parent.exists():
                raise ArchiveError(f"cannot create {name}: no such directory {file.parent}")
            _check_header(file)
        try:
            connection = sqlite3.connect(
                name, isolation_level=None, check_same_thread=False, timeout=30.0
            )
        except sqlite3.Error as error:
            raise ArchiveError(f"cannot open archive {name}: {error}") from None
        try:
            # Refuse a foreign or newer file before changing anything in it; a read never
            # makes an archive of a file that holds none.
            check_version(connection)
            if not check_ours(connection, name) and not create:
                raise ArchiveError(f"no archive at {name} (run `newsgraph ingest` first)")
            # Migrating first (under the write lock, see `migrate`) lets two processes
            # creating one archive at once both succeed; WAL is switched on after.
            migrate(connection)
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL survives a killed process (not a power cut) and
            # keeps commits cheap.
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = OFF")
            connection.execute("PRAGMA cache_size = -32000")
        except sqlite3.DatabaseError as error:
            connection.close()
            raise ArchiveError(damaged(name, error)) from None
        except ArchiveError:
            connection.close()
            raise
        return cls(connection, name)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.connection)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All-or-nothing writes: committed on leaving the block, rolled back on an error."""
        with self._lock:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise ArchiveError(f"cannot write to {self.path}: {error}") from None
            try:
                yield self.connection
            except sqlite3.DatabaseError as error:
                self._rollback()
                if isinstance(error, sqlite3.OperationalError | sqlite3.IntegrityError):
                    raise
                raise ArchiveError(damaged(self.path, error)) from None
            except BaseException:
                self._rollback()
                raise
            try:
                self.connection.execute("COMMIT")
            except sqlite3.OperationalError as error:
                raise ArchiveError(f"cannot write to {self.path}: {error}") from None
            except sqlite3.DatabaseError as error:
                raise ArchiveError(damaged(self.path, error)) from None

    def _rollback(self) -> None:
        try:
            self.connection.execute("ROLLBACK")
        except sqlite3.DatabaseError:
            pass  # SQLite may have rolled back already (a damaged page, a full disk)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run one read and return every row (sqlite3.Row, so columns read by name)."""
        with self._lock:
            cursor = self.connection.cursor()
            cursor.row_factory = sqlite3.Row
            try:
                return list(cursor.execute(sql, params))
            except sqlite3.OperationalError as error:
                raise ArchiveError(f"archive query failed: {printable(str(error))}") from None
            except sqlite3.DatabaseError as error:
                raise ArchiveError(damaged(self.path, error)) from None

    def data_version(self) -> int:
        """SQLite's `data_version` of this connection: it changes whenever another connection
        has committed to the file since it was last read, so a reader that caches what it
        read knows when to drop it."""
        return int(self.query("PRAGMA data_version")[0][0])

    def size_bytes(self) -> int:
        """Bytes on disk: the file plus its write-ahead log."""
        if self.path == ":memory:":
            return 0
        return sum(
            Path(self.path + suffix).stat().st_size
            for suffix in ("", "-wal")
            if Path(self.path + suffix).exists()
        )


SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(file: Path) -> None:
    """Refuse, without opening it through SQLite, a file that is no SQLite database."""
    try:
        with open(file, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as error:
        raise ArchiveError(f"cannot read {file}: {error.strerror or error}") from None
    if head and head != SQLITE_HEADER:
        raise NotAnArchive(f"{file} is not a newsgraph archive (file is not a database); left untouched")


def damaged(name: str, error: sqlite3.Error) -> str:
    """The one line for an archive SQLite cannot read: damaged, or not an archive at all."""
    return f"archive {name} is damaged or unreadable ({printable(str(error))}); restore it from a copy"


def printable(text: str, width: int = 200) -> str:
    """`text` on one line with no control or undecodable characters, at most `width` long
    (SQLite puts the bytes of a damaged row in its messages)."""
    clean = "".join(c if c.isprintable() else "?" for c in text.replace("\n", " "))
    return clean if len(clean) <= width else clean[: width - 1] + "…"


def story_data(story: Story) -> str:
    """The stored JSON of a story: everything but its cluster, which changes later, and its
    body, which has its own column (stored once, not twice)."""
    data = story.to_dict()
    data.pop("cluster", None)
    data.pop("body", None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def read_story(data: str, body: str, cluster: str | None = None) -> Story:
    """The Story stored in a `data` and a `body` column, with its current cluster."""
    fields = json.loads(data)
    fields.setdefault("body", body)
    fields["cluster"] = cluster
    return Story.from_dict(fields)


def insert_story(
    connection: sqlite3.Connection, story: Story, shingles: int, signature: bytes | None,
    stage: str = "analyze",
) -> int:
    """Insert a new story row and its annotations; returns its rowid. `stage` names the
    pipeline stage that made the story ("extract" or "analyze")."""
    cursor = connection.execute(
        "INSERT INTO stories (id, url, source_path, source_id, title, publisher, original_source,"
        " published, language, body, cluster, shingles, signature, data, stage)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            story.id, story.url, story.source_path, story.source_id, story.title,
            story.publisher, story.original_source, story.published, story.language,
            story.body, story.cluster, shingles, signature, story_data(story), stage,
        ),
    )
    rowid = cursor.lastrowid
    assert rowid is not None
    write_annotations(connection, rowid, story)
    return rowid


def rewrite_story(connection: sqlite3.Connection, rowid: int, story: Story) -> None:
    """Replace a stored story's body, JSON and annotation rows with a new version of it."""
    connection.execute(
        "UPDATE stories SET title = ?, body = ?, original_source = ?, data = ? WHERE rowid = ?",
        (story.title, story.body, story.original_source, story_data(story), rowid),
    )
    for table in ("entities", "mentions", "quotes", "events", "event_actors"):
        connection.execute(f"DELETE FROM {table} WHERE story = ?", (rowid,))
    write_annotations(connection, rowid, story)


def write_annotations(connection: sqlite3.Connection, rowid: int, story: Story) -> None:
    """Flatten a story's entities, quotes and events into their query tables."""
    entities = {entity.id: entity for entity in story.entities}
    connection.executemany(
        "INSERT OR REPLACE INTO entities (story, entity, name, type, role, country)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(rowid, e.id, e.name, e.type, e.role, e.country) for e in story.entities],
    )
    connection.executemany(
        'INSERT INTO mentions (story, entity, start, "end") VALUES (?, ?, ?, ?)',
        [(rowid, e.id, s, end) for e in story.entities for s, end in e.mentions],
    )
    quote_rows = []
    for position, quote in enumerate(story.quotes):
        entity = entities.get(quote.speaker) if quote.speaker else None
        name = entity.name if entity is not None else quote.speaker_name
        surname, first = name_key(name) if name and _is_person(entity, name) else ("", "")
        # A mixed quote's row holds its whole claim, not only the quoted words: "“surreal.”"
        # alone says nothing of what was called surreal, and the row's text is what topic
        # search (`quotes --about`) matches and what a list of quotes shows.
        said = quote.claim or quote.content
        quote_rows.append((
            rowid, position, " … ".join(story.text(span) for span in said),
            quote.kind, quote.speaker, name, entity.role if entity is not None else None,
            surname or None, first, quote.via, story.published,
        ))
    connection.executemany(
        "INSERT INTO quotes (story, position, text, kind, speaker_entity, speaker_name,"
        " speaker_role, speaker_surname, speaker_first, via, published)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quote_rows,
    )
    for position, event in enumerate(story.events):
        if event.confidence < MIN_CONFIDENCE:
            continue  # kept in the story's JSON, not listed as an event a reader can trust
        cursor = connection.execute(
            "INSERT INTO events (story, position, type, mode, evidence, when_text, when_date,"
            " where_text, where_country, background, published)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                rowid, position, event.type, event.mode, evidence_text(story, event),
                event.when.text if event.when else None,
                event.when.date if event.when else None,
                event.where.text if event.where else None,
                event.where.country if event.where else None,
                int(event.background), story.published,
            ),
        )
        connection.executemany(
            "INSERT INTO event_actors (event, story, side, text, entity, country, sector)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (cursor.lastrowid, rowid, side, actor.text, actor.entity, actor.country,
                 actor.sector)
                for side, actors in (("source", event.source), ("target", event.target))
                for actor in actors
            ],
        )


def _is_person(entity: Entity | None, name: str | None) -> bool:
    """Whether a speaker can be grouped as a person across stories: a PERSON entity, or a
    name that reads like one (`people.person_like`: "Sergey Lavrov", not "the ministry",
    "Moscow" as an ORG, or "Officials" opening a sentence)."""
    if not name:
        return False
    if entity is not None:
        return entity.type == "PERSON"
    return person_like(name)


def with_cluster(story: Story, cluster: str | None, cluster_source: str | None) -> Story:
    """A stored story as readers see it: its cluster, and the cluster's original source
    where the copy itself names none (a republisher that dropped the wire credit)."""
    original = story.original_source
    if original is None and cluster_source and cluster_source != story.publisher:
        original = cluster_source
    return replace(story, cluster=cluster, original_source=original)


__all__ = [
    "DEFAULT_ARCHIVE",
    "Archive",
    "insert_story",
    "read_story",
    "rewrite_story",
    "story_data",
    "with_cluster",
    "write_annotations",
]

"""The archive's SQLite schema and the migrations that build it, one version at a time.

The schema version lives in SQLite's own `PRAGMA user_version`, so an archive says which
version it is without any table of ours. `migrate` applies every step past that version in
one transaction: an archive is either wholly at the old version or wholly at the new one.
A new version is a new entry at the end of `MIGRATIONS`; old entries are never edited, since
archives already built with them exist.

Layout, in short:

* `stories` holds one row per copy: the queryable columns plus the whole Story JSON
  (`data`) so nothing the pipeline produced is lost, even fields added later. `cluster` is
  kept out of `data` because clustering changes after a story is written; `stage` the
  pipeline stage that made it, so a story stored by `extract` is analysed on a later run.
* `entities`, `mentions`, `quotes`, `events`, `event_actors` are the annotations flattened
  for questions across stories; they are rebuilt from the Story whenever it is rewritten.
* `sources` remembers every input document already read (a fingerprint of where it came
  from and its bytes), which is what makes a re-run skip work before any analysis.
* `lsh` holds the MinHash-LSH band keys of every story (the near-duplicate index lives on
  disk, so memory stays flat and a killed run loses nothing); `clusters` one row per
  syndication cluster.
* `publisher_lines` counts how many stories of one publisher carry each paragraph, to learn
  the publisher's own boilerplate.
* `stories_fts` and `quotes_fts` are FTS5 indexes kept in step by triggers.
"""

from __future__ import annotations

import sqlite3

from newsgraph.errors import ArchiveError, NotAnArchive

_V1 = """
CREATE TABLE stories (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    source_path TEXT,
    source_id TEXT,
    title TEXT,
    publisher TEXT,
    original_source TEXT,
    published TEXT,
    language TEXT,
    body TEXT NOT NULL,
    cluster TEXT,
    shingles INTEGER NOT NULL DEFAULT 0,
    signature BLOB,
    data TEXT NOT NULL
);
CREATE INDEX stories_cluster ON stories(cluster);
CREATE INDEX stories_published ON stories(published);
CREATE INDEX stories_publisher ON stories(publisher);

CREATE TABLE sources (
    key TEXT PRIMARY KEY,
    story TEXT
) WITHOUT ROWID;

CREATE TABLE lsh (
    band_key INTEGER NOT NULL,
    story INTEGER NOT NULL,
    PRIMARY KEY (band_key, story)
) WITHOUT ROWID;

CREATE TABLE clusters (
    id TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    original TEXT,
    original_source TEXT,
    title TEXT,
    first_published TEXT
);
CREATE INDEX clusters_size ON clusters(size);

CREATE TABLE entities (
    story INTEGER NOT NULL,
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT,
    country TEXT,
    PRIMARY KEY (story, entity)
);
CREATE INDEX entities_name ON entities(name);

CREATE TABLE mentions (
    story INTEGER NOT NULL,
    entity TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX mentions_story ON mentions(story);

CREATE TABLE quotes (
    rowid INTEGER PRIMARY KEY,
    story INTEGER NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_entity TEXT,
    speaker_name TEXT,
    speaker_role TEXT,
    speaker_surname TEXT,
    speaker_first TEXT,
    via TEXT,
    published TEXT
);
CREATE INDEX quotes_story ON quotes(story);
CREATE INDEX quotes_speaker ON quotes(speaker_surname, speaker_first);
CREATE INDEX quotes_published ON quotes(published);

CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    story INTEGER NOT NULL,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    evidence TEXT NOT NULL,
    when_text TEXT,
    when_date TEXT,
    where_text TEXT,
    where_country TEXT,
    background INTEGER NOT NULL DEFAULT 0,
    published TEXT
);
CREATE INDEX events_story ON events(story);
CREATE INDEX events_type ON events(type);

CREATE TABLE event_actors (
    event INTEGER NOT NULL,
    story INTEGER NOT NULL,
    side TEXT NOT NULL,
    text TEXT NOT NULL,
    entity TEXT,
    country TEXT,
    sector TEXT
);
CREATE INDEX event_actors_event ON event_actors(event);
CREATE INDEX event_actors_story ON event_actors(story);
CREATE INDEX event_actors_country ON event_actors(country);

CREATE TABLE publisher_lines (
    publisher TEXT NOT NULL,
    line TEXT NOT NULL,
    text TEXT NOT NULL,
    stories INTEGER NOT NULL,
    checked_at INTEGER NOT NULL DEFAULT 0,
    learned INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (publisher, line)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE stories_fts USING fts5(
    title, body, content='stories', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    INSERT INTO stories_fts(stories_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, body ON stories BEGIN
    INSERT INTO stories_fts(stories_fts, rowid, title, body)
    VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO stories_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content='quotes', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
"""

# v2: how often a publisher's line changed cluster from one story to the next, a cheap
# lower bound on the clusters it is in, so learning furniture needs no scan per story.
_V2 = """
ALTER TABLE publisher_lines ADD COLUMN last_cluster TEXT;
ALTER TABLE publisher_lines ADD COLUMN cluster_runs INTEGER NOT NULL DEFAULT 0;
"""

# v3: the pipeline stage that made each story ("extract" or "analyze"), so that a later
# run asking for a fuller stage analyses it again. Stories stored before v3 count as
# analysed: never redone, as before.
_V3 = """
ALTER TABLE stories ADD COLUMN stage TEXT NOT NULL DEFAULT 'analyze';
"""

# Each entry takes the archive from version (index) to version (index + 1).
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    """The version an archive is at (0 for a new, empty file)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def check_version(connection: sqlite3.Connection) -> int:
    """The archive's version; ArchiveError if a newer newsgraph wrote it."""
    current = schema_version(connection)
    if current > SCHEMA_VERSION:
        raise ArchiveError(
            f"archive is at schema version {current}, newer than this newsgraph "
            f"understands ({SCHEMA_VERSION}); upgrade newsgraph"
        )
    return current


def migrate(connection: sqlite3.Connection) -> int:
    """Bring an archive up to `SCHEMA_VERSION`; returns the version it was at.

    Safe when several processes open one new or old archive at once: the write lock is
    taken first and the version read again under it, so only the first process migrates and
    the others find the work done. Raises ArchiveError for an archive written by a newer
    newsgraph, which this one cannot read safely.
    """
    current = check_version(connection)
    if current == SCHEMA_VERSION:
        return current
    connection.execute("BEGIN IMMEDIATE")
    try:
        current = check_version(connection)  # another process may have migrated meanwhile
        for version in range(current, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[version]):
                connection.execute(statement)
        if current != SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return current


# Tables every version of the archive has had since the first: a file at some version
# without them is another program's database that happens to set `user_version`.
CORE_TABLES = frozenset({"stories", "sources", "lsh", "clusters"})


def check_ours(connection: sqlite3.Connection, name: str) -> bool:
    """Whether the file holds a newsgraph archive (True) or nothing yet (False); raises
    NotAnArchive for any other database, which must be left as it is."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if schema_version(connection) == 0:
        if tables:
            raise NotAnArchive(
                f"{name} is an SQLite database but not a newsgraph archive "
                f"({len(tables)} objects of another program's); left untouched"
            )
        return False
    if not CORE_TABLES <= tables:
        raise NotAnArchive(f"{name} is not a newsgraph archive (it has no stories table); left untouched")
    return True


def _statements(script: str) -> list[str]:
    """Split a script into statements, keeping trigger bodies (which hold `;`) whole."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip():
                statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


__all__ = ["CORE_TABLES", "MIGRATIONS", "SCHEMA_VERSION", "check_ours", "check_version", "migrate", "schema_version"]

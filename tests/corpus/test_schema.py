"""Opening archives: created at the current schema version, migrated, refused when foreign."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.corpus import Archive
from newsgraph.corpus.schema import SCHEMA_VERSION
from newsgraph.errors import ArchiveError


def test_new_archive_is_at_the_current_version_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Archive.open(path) as archive:
        assert archive.schema_version == SCHEMA_VERSION
    with Archive.open(path, create=False) as archive:
        assert archive.schema_version == SCHEMA_VERSION
        tables = {r[0] for r in archive.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"stories", "entities", "mentions", "quotes", "events", "clusters", "stories_fts",
            "quotes_fts"} <= tables


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no archive at"),
        ("garbage", "not a database"),
        ("newer", "newer than this newsgraph"),
        ("directory", "is a directory"),
    ],
)
def test_foreign_files_are_refused_with_a_reason(tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "a.db"
    if setup == "garbage":
        path.write_bytes(b"this is not sqlite at all" * 100)
    elif setup == "newer":
        with sqlite3.connect(path) as connection:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    elif setup == "directory":
        path.mkdir()
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(ArchiveError, match=message):
        Archive.open(path, create=False)
    if before is not None:
        assert path.read_bytes() == before  # never touched

"""The archive knows its own files (issue 17, defects 10, 11, 12).

A read never makes an archive of another program's database; processes creating one archive
at once all succeed; a damaged archive is one line and exit 1 in the CLI, 503 from the server.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.cli import main
from newsgraph.corpus import Archive
from newsgraph.corpus.schema import SCHEMA_VERSION
from newsgraph.errors import ArchiveError, NotAnArchive
from newsgraph.serve import ServeConfig, create_app

STORY = "Harbour wall to be rebuilt\n\nThe council of Tromso voted on Tuesday to rebuild the harbour wall."


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True,
                          text=True, errors="replace", timeout=300, check=False)


def _foreign(path: Path, with_stories: bool) -> bytes:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        if with_stories:
            connection.execute("CREATE TABLE stories (id TEXT, body TEXT)")
        connection.execute("INSERT INTO notes (text) VALUES ('mine')")
    connection.close()
    return path.read_bytes()


@pytest.mark.parametrize("with_stories", [False, True])
@pytest.mark.parametrize("command", [["search", "harbour"], ["stats"], ["ingest"]])
def test_11_a_foreign_sqlite_file_is_refused_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str], with_stories: bool
) -> None:
    db = tmp_path / "other.db"
    before = _foreign(db, with_stories)
    args = [*command, "--db", str(db)]
    if command == ["ingest"]:
        page = tmp_path / "page.txt"
        page.write_text(STORY, encoding="utf-8")
        args = ["ingest", str(page), "--db", str(db), "--jobs", "1", "--stage", "extract"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "not a newsgraph archive" in err and err.count("\n") == 1, err
    assert db.read_bytes() == before


def test_11_a_read_command_never_makes_an_archive_of_an_empty_file(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    with pytest.raises(ArchiveError, match="no archive at"):
        Archive.open(db, create=False)
    assert db.read_bytes() == b""
    with pytest.raises(NotAnArchive):
        _foreign(tmp_path / "f.db", False)
        Archive.open(tmp_path / "f.db")


def _create(path: str) -> str:
    try:
        with Archive.open(path) as archive:
            return f"ok {archive.schema_version}"
    except Exception as error:  # noqa: BLE001 - the test reports what went wrong
        return f"{type(error).__name__}: {error}"


def test_10_processes_creating_one_archive_at_once_all_succeed(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        for round_ in range(3):
            path = str(tmp_path / f"race{round_}.db")
            results = pool.map(_create, [path] * 8)
            assert results == [f"ok {SCHEMA_VERSION}"] * 8, results


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(30):
        (pages / f"{number}.txt").write_text(f"{STORY} Story number {number}. " * 20, encoding="utf-8")
    assert main(["ingest", str(pages), "--db", str(db), "--jobs", "1", "--stage", "extract"]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(db.read_bytes())
    page = 4096
    for start in range(2 * page, len(data) - page, 3 * page):  # keep the header page readable
        data[start : start + page] = bytes([0xA7, 0x00, 0xFF, 0x13]) * (page // 4)
    db.write_bytes(bytes(data))
    return db


@pytest.mark.parametrize("command", [["stats"], ["search", "harbour"], ["export", "--format", "jsonl", "-o", "-"]])
def test_12_a_damaged_archive_is_one_line_and_exit_1(damaged: Path, command: list[str]) -> None:
    result = run_cli(*command, "--db", str(damaged))
    assert result.returncode == 1, (result.stdout[-500:], result.stderr[-2000:])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert all(c.isprintable() for c in lines[0])


def test_12_ingest_into_a_damaged_archive_does_not_report_success(damaged: Path, tmp_path: Path) -> None:
    page = tmp_path / "new.txt"
    page.write_text("A new story about the ferry strike in Bergen, which ended on Monday.", encoding="utf-8")
    result = run_cli("ingest", str(page), "--db", str(damaged), "--jobs", "1", "--stage", "extract")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "damaged" in result.stderr


def test_12_the_server_answers_503_for_a_damaged_archive(damaged: Path) -> None:
    with TestClient(create_app(ServeConfig(db=damaged)), raise_server_exceptions=False) as client:
        for path in ("/api/stats", "/api/stories", "/api/search?q=harbour", "/"):
            response = client.get(path)
            assert response.status_code == 503, (path, response.status_code, response.text[:300])

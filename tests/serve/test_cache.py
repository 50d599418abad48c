"""Story pages kept rendered until the archive changes; ETags and 304s on every GET."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.corpus import Archive, queries
from newsgraph.corpus.store import rewrite_story
from newsgraph.serve import ServeConfig, create_app
from newsgraph.serve.cache import PageCache
from newsgraph.serve.store import ArchiveSource


@pytest.fixture
def own_archive(archive_path: Path, tmp_path: Path) -> Path:
    """A copy of the test archive that a test may change."""
    copy = tmp_path / "own.db"
    with sqlite3.connect(archive_path) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture
def own_client(own_archive: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ServeConfig(db=own_archive))) as client:
        yield client


def retitle(path: Path, story_id: str, title: str) -> None:
    """Change a stored story the way a later ingest would, through another connection."""
    with Archive.open(path, create=False) as archive:
        record = queries.get_story(archive, story_id)
        assert record is not None
        rowid = archive.query("SELECT rowid FROM stories WHERE id = ?", (story_id,))[0][0]
        with archive.transaction() as connection:
            rewrite_story(connection, rowid, replace(record.story, title=title))


def test_the_cache_keeps_the_latest_pages_of_the_current_generation() -> None:
    cache = PageCache(size=2)
    cache.put("a", 1, b"A")
    cache.put("b", 1, b"B")
    assert cache.get("a", 1) == b"A"
    cache.put("c", 1, b"C")  # "b" was used least lately
    assert (cache.get("b", 1), cache.get("c", 1)) == (None, b"C")
    assert cache.get("a", 2) is None and len(cache) == 1, "an older generation's page is gone"
    off = PageCache(size=0)
    off.put("a", 1, b"A")
    assert off.get("a", 1) is None


def test_the_generation_moves_on_when_another_connection_commits(own_archive: Path,
                                                                  stories: dict) -> None:
    source = ArchiveSource(own_archive)
    first = source.generation()
    assert source.generation() == first, "nothing changed"
    retitle(own_archive, stories["cable"]["id"], "A new title")
    assert source.generation() > first
    source.close()


def test_a_story_page_changes_with_the_archive(own_client: TestClient, own_archive: Path,
                                               stories: dict) -> None:
    path = f"/stories/{stories['cable']['id']}"
    before = own_client.get(path)
    assert before.status_code == 200 and own_client.get(path).text == before.text
    assert len(own_client.app.state.story_pages) == 1  # type: ignore[attr-defined]
    retitle(own_archive, stories["cable"]["id"], "Cable <b>talks</b> resume")
    after = own_client.get(path)
    assert "Cable &lt;b&gt;talks&lt;/b&gt; resume" in after.text
    assert "Cable <b>" not in after.text, "a cached page is escaped like any other"
    assert after.headers["etag"] != before.headers["etag"]


def test_without_a_cache_every_view_is_rendered(own_archive: Path, stories: dict) -> None:
    with TestClient(create_app(ServeConfig(db=own_archive, cached_pages=0))) as client:
        assert client.get(f"/stories/{stories['cable']['id']}").status_code == 200
        assert len(client.app.state.story_pages) == 0  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", ["/", "/api/stats", "/api/search?q=harbour", "/search?q=talks"])
def test_a_client_holding_the_page_gets_304_without_a_body(client: TestClient, path: str) -> None:
    first = client.get(path)
    tag = first.headers["etag"]
    assert first.status_code == 200 and first.headers["cache-control"] == "no-cache"
    again = client.get(path, headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag and "content-length" not in again.headers
    assert "content-security-policy" in again.headers
    for other in ('"stale"', f"W/{tag}, \"x\""):
        status = client.get(path, headers={"If-None-Match": other}).status_code
        assert status == (304 if tag in other else 200)


def test_a_story_page_304s_until_the_story_changes(own_client: TestClient, own_archive: Path,
                                                   stories: dict) -> None:
    path = f"/stories/{stories['example']['id']}"
    tag = own_client.get(path).headers["etag"]
    assert own_client.get(path, headers={"If-None-Match": tag}).status_code == 304
    assert own_client.head(path, headers={"If-None-Match": tag}).status_code == 304
    retitle(own_archive, stories["example"]["id"], "Talks in the harbour, retold")
    changed = own_client.get(path, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and "retold" in changed.text


def test_errors_and_static_files_keep_their_own_headers(client: TestClient) -> None:
    missing = client.get("/stories/nope")
    assert missing.status_code == 404 and "etag" not in missing.headers
    api_missing = client.get("/api/stories/nope")
    assert api_missing.json()["error"]["status"] == 404 and "etag" not in api_missing.headers
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["etag"]
    assert client.get("/static/style.css",
                      headers={"If-None-Match": css.headers["etag"]}).status_code == 304

"""Ingest over real inputs and the real pipeline: once per story, resumable after kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.corpus import Archive, IngestReport, get_story, ingest
from newsgraph.corpus.boilerplate import publisher_lines
from newsgraph.corpus.export import iter_stories
from newsgraph.ingest import read_inputs
from newsgraph.model import Document, story_id
from newsgraph.pipeline import analyze_document

from .maker import corpus

REPO = Path(__file__).resolve().parents[2]


def write_pages(folder: Path, stories: int, copies: int = 3) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    pages = corpus(stories, copies)
    for page in pages:
        (folder / page.name).write_text(page.text, encoding="utf-8")
    return len(pages)


def snapshot(path: Path) -> list[tuple[str, str | None, str]]:
    """Every story's id, cluster and stored JSON: what two equal archives must share."""
    with Archive.open(path, create=False) as archive:
        return sorted((s.id, s.cluster, json.dumps(s.to_dict(), sort_keys=True))
                      for s in iter_stories(archive))


def test_second_run_skips_everything_and_progress_counts(tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", 4)
    seen: list[IngestReport] = []
    with Archive.open(tmp_path / "a.db") as archive:
        first = ingest(archive, [str(tmp_path / "pages")], jobs=1, stage="extract",
                       progress=seen.append)
        again = ingest(archive, [str(tmp_path / "pages")], jobs=1, stage="extract")
    assert (first.read, first.stored, first.skipped) == (12, 12, 0)
    assert (again.read, again.stored, again.skipped) == (12, 0, 12)
    assert [r.read for r in seen] == list(range(1, 13)) and seen[-1].stored == 12


def test_bad_records_are_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    good = {"id": "r1", "url": "https://ex.example/1",
            "text": "Harbour reopens\n\nBELFAST (AP) — The harbour reopened on Monday after "
                    "a week of storms, port officials said, and the first ferry left at noon."}
    dump.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"id": "r3"}),
                               json.dumps({**good, "id": "r4", "url": "https://ex.example/4"})]))
    failures: list[str] = []
    with Archive.open(tmp_path / "a.db") as archive:
        report = ingest(archive, [str(dump), str(tmp_path / "missing.txt")], jobs=1,
                        stage="extract", on_failure=failures.append)
        assert (report.stored, report.failed) == (2, 3)
        assert any("dump.jsonl:2" in f for f in failures) and any("missing.txt" in f for f in failures)
        stored = get_story(archive, next(iter_stories(archive)).id)
        assert stored is not None and stored.story.source_id == "r1"
        assert len(stored.copies) == 2  # the same story at two URLs is one cluster


def test_full_analysis_is_stored(tmp_path: Path) -> None:
    page = tmp_path / "talks.txt"
    page.write_text(
        "Ministers meet in Velmora\n\nVELMORA (AP) — Foreign Minister Anika Dorell met her "
        "Tarvik counterpart Tomas Vrell in Velmora on Tuesday to discuss the ferry contract.\n\n"
        '"We have agreed to keep talking," Dorell told reporters after the meeting.\n',
        encoding="utf-8",
    )
    with Archive.open(tmp_path / "a.db") as archive:
        report = ingest(archive, [str(page)], jobs=1)
        assert report.stored == 1
        story = next(iter_stories(archive))
        assert story.body.startswith("VELMORA (AP)")
        rows = archive.query("SELECT count(*) FROM entities")[0][0]
        assert rows == len(story.entities)
        assert archive.query("SELECT count(*) FROM quotes")[0][0] == len(story.quotes)


def test_a_fuller_stage_analyses_again_what_a_lesser_one_stored(tmp_path: Path) -> None:
    write_pages(tmp_path / "pages", 1, copies=2)
    pages = [str(tmp_path / "pages")]
    with Archive.open(tmp_path / "a.db") as archive:
        first = ingest(archive, pages, jobs=1, stage="extract")
        before = {s.id: s.cluster for s in iter_stories(archive)}
        assert first.stored == 2 and archive.query("SELECT count(*) FROM entities")[0][0] == 0
        fuller = ingest(archive, pages, jobs=1)
        assert (fuller.stored, fuller.upgraded, fuller.skipped, fuller.failed) == (0, 2, 0, 0)
        after = list(iter_stories(archive))
        assert {s.id: s.cluster for s in after} == before  # same stories, clusters kept
        assert len(set(before.values())) == 1
        assert all(s.entities for s in after)
        assert archive.query("SELECT count(*) FROM entities")[0][0] == sum(len(s.entities) for s in after)
        assert [tuple(r) for r in archive.query("SELECT DISTINCT stage FROM stories")] == [("analyze",)]
        # Analysed stories are never redone, by either stage.
        for stage in ("analyze", "extract"):
            again = ingest(archive, pages, jobs=1, stage=stage)  # type: ignore[arg-type]
            assert (again.stored, again.upgraded, again.skipped) == (0, 0, 2)
        assert list(iter_stories(archive)) == after
    # What the upgrade stored is what one analyze run stores.
    with Archive.open(tmp_path / "clean.db") as archive:
        ingest(archive, pages, jobs=1)
    assert snapshot(tmp_path / "clean.db") == snapshot(tmp_path / "a.db")


def test_kill_9_then_rerun_equals_a_clean_run(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    total = write_pages(pages, 100, copies=2)
    command = [sys.executable, "-m", "newsgraph.cli", "ingest", str(pages), "--stage", "extract",
               "--jobs", "1"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}

    clean = tmp_path / "clean.db"
    subprocess.run([*command, "--db", str(clean)], check=True, capture_output=True, env=env,
                   timeout=300)

    killed = tmp_path / "killed.db"
    process = subprocess.Popen([*command, "--db", str(killed)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=env)
    stored = 0
    deadline = time.monotonic() + 120
    while stored < 40 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        stored = _count(killed)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < _count(killed) < total, "the kill should land in the middle of the run"

    rerun = subprocess.run([*command, "--db", str(killed)], capture_output=True, text=True, check=False,
                           env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert "already in the archive" in rerun.stderr
    assert snapshot(killed) == snapshot(clean)
    assert len(snapshot(clean)) == total


def _count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as connection:
            return int(connection.execute("SELECT count(*) FROM stories").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_ingest_stores_what_analyze_gives_with_the_archives_lexicon(tmp_path: Path) -> None:
    """One body: every page's stored story (body, id, annotations) is `analyze` of that page
    given the furniture the archive learned, including the stories stored before the line
    was learned and refreshed after."""
    folder = tmp_path / "pages"
    folder.mkdir()
    promo = "Support independent local journalism in Kestrel Bay with a gift to our fund."
    # Read in this order: a story and its syndicated copy, then other stories. The line is
    # learned at the fifth story (its fourth cluster), so the stories stored before it are
    # refreshed, a two-copy cluster among them, and those after are extracted without it.
    first, copy = corpus(1, copies=2)
    pages = [first, copy, *corpus(6, copies=1, first_seed=2), corpus(1, copies=2, first_seed=2)[1]]
    for number, page in enumerate(pages):
        (folder / f"{number:02d}-{page.name}").write_text(
            page.text.rstrip() + f"\n\n{promo}\n", encoding="utf-8")
    with Archive.open(tmp_path / "a.db") as archive:
        report = ingest(archive, [str(folder)], jobs=1)
        assert report.learned == 1 and report.stored == 9 and report.syndicated == 2
        lexicon = publisher_lines(archive.connection)
        stored = {story.id: story for story in iter_stories(archive)}
    for document in read_inputs([str(folder)]):
        assert isinstance(document, Document)
        analyzed = analyze_document(document, lexicon)
        assert promo not in analyzed.body
        story = stored.pop(analyzed.id)
        assert story.body == analyzed.body and story.id == story_id(document.origin, story.body)
        assert (story.entities, story.quotes, story.events, story.furniture) == (
            analyzed.entities, analyzed.quotes, analyzed.events, analyzed.furniture)
    assert stored == {}

"""Spark jobs on a small fictional crawl: the same stories as the in-process pipeline, the
same clusters and originals as the SQLite archive, failures named, reruns safe, and an
archive loaded from the Parquet that the web app browses."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest

from newsgraph.cli import main
from newsgraph.corpus import Archive, export_stories, ingest
from newsgraph.ingest.warc import read_warc
from newsgraph.model import Document
from newsgraph.pipeline import analyze_document
from newsgraph.scale.load import LoadFilter, load_stories, read_rows
from newsgraph.scale.schema import story_from_row
from newsgraph.scale.spark import analyze_warcs, cluster_stories
from tests.scale.crawl import BROKEN_URL, write_crawl


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_crawl(tmp_path_factory.mktemp("crawl"))


@pytest.fixture(scope="module")
def analyzed(spark: Any, crawl: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "out"
    report = analyze_warcs(spark, [str(p) for p in crawl], str(out), records_per_task=2)
    assert (report.files, report.stories, report.failures) == (2, 5, 1)
    assert report.tasks >= 3  # the first file holds three responses: cut in two
    return out


@pytest.fixture(scope="module")
def clustered(spark: Any, analyzed: Path) -> Path:
    out = analyzed.parent / "clusters"
    report = cluster_stories(spark, str(analyzed), str(out))
    assert (report.stories, report.syndicated, report.copies) == (5, 1, 3)
    return out


@pytest.fixture(scope="module")
def ingested(crawl: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("archive") / "ingest.db"
    with Archive.open(path) as archive:
        report = ingest(archive, [str(p) for p in crawl], jobs=1)
    assert (report.stored, report.failed) == (5, 1)
    return path


def table(folder: Path) -> list[dict[str, Any]]:
    return ds.dataset(str(folder), format="parquet", partitioning="hive").to_table().to_pylist()


def test_stories_equal_the_in_process_pipeline(analyzed: Path, crawl: list[Path]) -> None:
    rows = list(read_rows(analyzed))
    expected = {s.id: s.to_dict() for p in crawl for d in read_warc(p)
                if isinstance(d, Document) for s in [analyze_document(d)]}
    assert {r["id"]: story_from_row(r).to_dict() for r in rows} == expected
    assert any(story_from_row(r).quotes for r in rows)  # annotated, not only extracted


def test_output_is_partitioned_by_crawl_date_and_sorted_by_host(analyzed: Path) -> None:
    dates = sorted(p.name for p in (analyzed / "stories").iterdir() if p.is_dir())
    assert dates == ["crawl_date=2026-03-04", "crawl_date=2026-03-05"]
    for folder in (analyzed / "stories").iterdir():
        for file in folder.glob("*.parquet"):
            import pyarrow.parquet as pq

            hosts = pq.read_table(file, columns=["host"]).column("host").to_pylist()
            assert hosts == sorted(hosts)
            assert pq.ParquetFile(file).metadata.row_group(0).column(0).compression == "ZSTD"


def test_a_failed_record_is_named_in_failures(analyzed: Path, crawl: list[Path]) -> None:
    [failure] = table(analyzed / "failures")
    assert failure["origin"] == f"{crawl[1]}#{BROKEN_URL}"
    assert "gzip" in failure["reason"]


def test_clusters_equal_the_archives(clustered: Path, ingested: Path) -> None:
    members = {r["id"]: r["cluster"] for r in table(clustered / "members")}
    summaries = {r["cluster"]: r for r in table(clustered / "clusters")}
    with Archive.open(ingested, create=False) as archive:
        stored = {r["id"]: r["cluster"] for r in archive.query("SELECT id, cluster FROM stories")}
        clusters = {r["id"]: dict(r) for r in archive.query("SELECT * FROM clusters")}
    assert members == stored
    assert sorted(summaries) == sorted(clusters)
    for name, row in clusters.items():
        mine = summaries[name]
        assert (mine["size"], mine["original"], mine["original_source"], mine["title"],
                mine["first_published"]) == (row["size"], row["original"], row["original_source"],
                                             row["title"], row["first_published"])
    [wire] = [c for c in clusters.values() if c["size"] == 3]
    assert wire["original_source"] == "The Associated Press"


def exported(db: Path, tmp: Path) -> list[dict[str, Any]]:
    out = tmp / f"{db.stem}.jsonl"
    with Archive.open(db, create=False) as archive:
        export_stories(archive, out, "jsonl")
    return sorted((json.loads(line) for line in out.read_text().splitlines()), key=lambda s: s["id"])


@pytest.mark.parametrize("with_clusters", [True, False])
def test_archive_load_gives_the_ingested_archive(analyzed: Path, clustered: Path, ingested: Path,
                                                 tmp_path: Path, with_clusters: bool) -> None:
    db = tmp_path / "loaded.db"
    with Archive.open(db) as archive:
        report = load_stories(archive, analyzed, clustered if with_clusters else None)
        again = load_stories(archive, analyzed, clustered if with_clusters else None)
    assert (report.stored, again.stored, again.skipped) == (5, 0, 5)
    assert exported(db, tmp_path) == exported(ingested, tmp_path)
    # A later ingest of the same crawl finds every page already read.
    with Archive.open(db) as archive:
        later = ingest(archive, [str(p) for p in sorted(analyzed.parent.parent.glob("crawl*/*"))], jobs=1)
    assert later.stored == 0


def test_archive_load_filters(analyzed: Path, tmp_path: Path) -> None:
    with Archive.open(tmp_path / "subset.db") as archive:
        report = load_stories(archive, analyzed, selection=LoadFilter(publisher="Kestrel Gazette"))
        assert (report.stored, report.filtered) == (1, 4)
        report = load_stories(archive, analyzed, selection=LoadFilter(since="2026-03-05"))
        assert report.stored == 1


def test_the_web_app_browses_a_loaded_archive(analyzed: Path, clustered: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.serve import ServeConfig, create_app

    db = tmp_path / "browse.db"
    assert main(["archive", "load", "--stories", str(analyzed), "--clusters", str(clustered),
                 "--db", str(db)]) == 0
    with TestClient(create_app(ServeConfig(db=db))) as client:
        hits = client.get("/api/search", params={"q": "pilings"}).json()["items"]
        assert hits
        page = client.get(f"/stories/{hits[0]['id']}")
        assert page.status_code == 200 and "Ferrant" in page.text
        assert "Varnholt" in client.get("/").text


def test_rerun_over_the_same_output_is_safe(spark: Any, analyzed: Path, crawl: list[Path],
                                             tmp_path: Path) -> None:
    before = sorted(r["id"] for r in read_rows(analyzed))
    paths = tmp_path / "warc.paths.gz"
    paths.write_bytes(gzip.compress("".join(f"{p}\n" for p in crawl).encode()))
    # The command itself, in this process: it runs on the tests' SparkSession.
    code = main(["spark", "analyze", "--input", str(paths), "--output", str(analyzed),
                 "--records-per-task", "1"])
    assert code == 1  # one record failed, and said so
    assert sorted(r["id"] for r in read_rows(analyzed)) == before
    assert len(table(analyzed / "failures")) == 1


def test_components_as_dataframe_work_match_the_driver(spark: Any) -> None:
    from newsgraph.scale.clusters import components
    from newsgraph.scale.spark.cluster import _components

    edges = [("d", "e"), ("c", "d"), ("b", "c"), ("a", "b"), ("x", "z"), ("y", "z")]
    frame = spark.createDataFrame(edges, "a string, b string")
    assert {r["id"]: r["label"] for r in _components(frame).collect()} == components(edges)

"""The scale commands: `spark analyze` and `spark cluster` (crawl-scale jobs on Spark, Parquet
out) and `archive load` (that Parquet into the SQLite archive). Each parses its options and
calls one function of `newsgraph.scale`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsgraph.cli.arguments import positive_int

DEFAULT_ARCHIVE = "newsgraph.db"
DEFAULT_RECORDS_PER_TASK = 500


def register(subparsers: Any) -> None:
    summary = ("Run newsgraph on Spark: a crawl's WARC files to Parquet stories, and "
               "syndication clusters across every shard.")
    spark = subparsers.add_parser("spark", help=summary.split(":")[0] + ".", description=summary)
    jobs = spark.add_subparsers(dest="job", metavar="JOB", required=True)

    text = ("Analyse every HTML page of the WARC files listed in PATHS into Parquet under "
            "OUTPUT/stories (partitioned by crawl date), failures under OUTPUT/failures.")
    analyze = jobs.add_parser("analyze", help=text.split(" into ")[0] + ".", description=text)
    analyze.add_argument("--input", required=True, metavar="PATHS",
                         help="file of WARC paths or URLs, one a line, .gz allowed "
                              "(the shape of Common Crawl's warc.paths.gz)")
    analyze.add_argument("--output", required=True, metavar="DIR", help="output directory")
    analyze.add_argument("--prefix", metavar="URL",
                         help="put before paths that are not URLs (e.g. s3://commoncrawl/)")
    analyze.add_argument("--stage", choices=("analyze", "extract"), default="analyze",
                         help="analyze (default: entities, quotes, events) or extract only (fast)")
    analyze.add_argument("--records-per-task", type=positive_int, default=DEFAULT_RECORDS_PER_TASK,
                         metavar="N", help=f"responses per Spark task (default {DEFAULT_RECORDS_PER_TASK})")
    _master(analyze)
    analyze.set_defaults(handler=run_spark_analyze)

    text = ("Group the stories `spark analyze` wrote into syndication clusters, by the "
            "archive's own rules: OUTPUT/members (id, cluster) and OUTPUT/clusters.")
    cluster = jobs.add_parser("cluster", help=text.split(",")[0] + ".", description=text)
    cluster.add_argument("--stories", required=True, metavar="DIR",
                         help="the output directory of `spark analyze`")
    cluster.add_argument("--output", required=True, metavar="DIR", help="output directory")
    _master(cluster)
    cluster.set_defaults(handler=run_spark_cluster)

    summary = "Archive maintenance: bulk-load Parquet stories into the archive."
    archive = subparsers.add_parser("archive", help=summary, description=summary)
    tasks = archive.add_subparsers(dest="task", metavar="TASK", required=True)
    text = ("Store the stories `spark analyze` wrote (and the clusters `spark cluster` wrote) "
            "in the archive without analysing them again; stories already there are kept.")
    load = tasks.add_parser("load", help=text.split(" (")[0] + ".", description=text)
    load.add_argument("--stories", required=True, metavar="DIR",
                      help="the output directory of `spark analyze`")
    load.add_argument("--clusters", metavar="DIR",
                      help="the output directory of `spark cluster` (else stories are "
                           "clustered on arrival, as ingest does)")
    load.add_argument("--db", default=DEFAULT_ARCHIVE, metavar="PATH",
                      help=f"archive file (default: {DEFAULT_ARCHIVE} in this directory)")
    load.add_argument("--since", type=_date, metavar="DATE", help="published on or after (YYYY-MM-DD)")
    load.add_argument("--until", type=_date, metavar="DATE", help="published on or before (YYYY-MM-DD)")
    load.add_argument("--publisher", metavar="NAME", help="only this publisher's stories")
    load.add_argument("--language", metavar="CODE", help="only stories in this language (en)")
    load.set_defaults(handler=run_archive_load)


def run_spark_analyze(args: argparse.Namespace) -> int:
    from newsgraph.scale import read_paths_file
    from newsgraph.scale.spark import analyze_warcs, spark_session

    paths = read_paths_file(args.input, args.prefix or "")
    with spark_session(args.master, "newsgraph spark analyze") as spark:
        report = analyze_warcs(spark, paths, args.output, stage=args.stage,
                               records_per_task=args.records_per_task)
    print(f"newsgraph: {report.stories} stories, {report.failures} failed, from {report.files} "
          f"WARC files in {report.tasks} tasks -> {args.output}", file=sys.stderr)
    if report.failures:
        print(f"newsgraph: the failed records and why: {args.output}/failures", file=sys.stderr)
    return 1 if report.failures else 0


def run_spark_cluster(args: argparse.Namespace) -> int:
    from newsgraph.scale.spark import cluster_stories, spark_session

    with spark_session(args.master, "newsgraph spark cluster") as spark:
        report = cluster_stories(spark, args.stories, args.output)
    print(f"newsgraph: {report.stories} stories in {report.clusters} clusters "
          f"({report.syndicated} with copies; {report.copies} of {report.pairs} candidate pairs "
          f"are copies) -> {args.output}", file=sys.stderr)
    return 0


def run_archive_load(args: argparse.Namespace) -> int:
    from newsgraph.corpus import Archive
    from newsgraph.scale.load import LoadFilter, check_sources, load_stories

    check_sources(args.stories, args.clusters)
    selection = LoadFilter(since=args.since, until=args.until, publisher=args.publisher,
                           language=args.language)
    with Archive.open(args.db) as archive:
        report = load_stories(archive, args.stories, args.clusters, selection)
    print(f"newsgraph: {report.stored} stored, {report.skipped} already in the archive, "
          f"{report.empty} without an article, {report.filtered} left out by the filters; "
          f"{report.clusters} clusters; {report.read} rows in {report.elapsed_s:.1f} s "
          f"-> {args.db}", file=sys.stderr)
    return 0


def _master(command: argparse.ArgumentParser) -> None:
    command.add_argument("--master", metavar="URL",
                         help="Spark master (default: local[*], or spark-submit's own)")


def _date(text: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


__all__ = ["register", "run_archive_load", "run_spark_analyze", "run_spark_cluster"]

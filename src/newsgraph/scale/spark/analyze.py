"""`spark analyze`: WARC files in, stories and failures out as Parquet.

Three steps: the paths file is read; an index pass (one Spark task per WARC file) cuts each
file into byte ranges of at most `records_per_task` responses; and every range becomes one
Spark task that runs the per-document pipeline through `mapInArrow`, so a failed task is
retried alone and never redoes a whole file. The stories are written under `OUTPUT/stories`,
partitioned by crawl date (`crawl_date=YYYY-MM-DD`), sorted by host within each file, zstd;
the failures under `OUTPUT/failures`. Partitions are overwritten dynamically: running the
same command again over the same output replaces what it wrote instead of adding to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from newsgraph.pipeline import Stage
from newsgraph.scale.batches import analyze_batches
from newsgraph.scale.schema import FAILURE_SCHEMA, OUTCOME_SCHEMA, STORY_SCHEMA
from newsgraph.scale.spark.session import EngineError, configure
from newsgraph.scale.warcs import DEFAULT_RECORDS_PER_TASK, index_or_failure

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

TASK_COLUMNS = "path string, start long, `end` long, responses long, error string"


@dataclass(frozen=True, slots=True)
class AnalyzeReport:
    """What one `spark analyze` run did."""

    files: int
    tasks: int
    stories: int
    failures: int


def analyze_warcs(
    spark: SparkSession,
    paths: list[str],
    output: str,
    stage: Stage = "analyze",
    records_per_task: int = DEFAULT_RECORDS_PER_TASK,
) -> AnalyzeReport:
    """Analyse every HTML response of the WARC files `paths` into Parquet under `output`."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    if not paths:
        raise EngineError("no WARC paths to read")
    configure(spark)
    context = spark.sparkContext
    rows = (context.parallelize(paths, len(paths))
            .flatMap(partial(index_or_failure, records_per_task=records_per_task))
            .collect())
    # One task a partition: the unit a retry redoes.
    tasks = spark.createDataFrame(
        context.parallelize([tuple(r.values()) for r in rows], max(1, len(rows))), TASK_COLUMNS
    )
    outcomes = tasks.mapInArrow(partial(analyze_batches, stage=stage),
                                from_arrow_schema(OUTCOME_SCHEMA))
    outcomes = outcomes.persist(StorageLevel.DISK_ONLY)
    try:
        stories = (outcomes.where(F.col("failure").isNull())
                   .select(*STORY_SCHEMA.names)
                   .sortWithinPartitions("crawl_date", "host", "id"))
        (stories.write.mode("overwrite").partitionBy("crawl_date")
         .option("compression", "zstd").parquet(f"{output}/stories"))
        failures = (outcomes.where(F.col("failure").isNotNull())
                    .select("origin", F.col("failure").alias("reason"),
                            *[n for n in FAILURE_SCHEMA.names if n not in ("origin", "reason")])
                    .coalesce(1))
        failures.write.mode("overwrite").option("compression", "zstd").parquet(f"{output}/failures")
        counts = {row["failed"]: row["n"] for row in
                  outcomes.groupBy(F.col("failure").isNotNull().alias("failed"))
                  .agg(F.count(F.lit(1)).alias("n")).collect()}
    finally:
        outcomes.unpersist()
    return AnalyzeReport(files=len(paths), tasks=len(rows), stories=counts.get(False, 0),
                         failures=counts.get(True, 0))


__all__ = ["AnalyzeReport", "analyze_warcs"]

"""`spark cluster`: syndication clusters across every shard, as Spark DataFrame work.

The archive clusters a story as it arrives: candidates sharing an LSH band with it, each
checked by `is_copy`, the story joining (and merging) every cluster it copies. Its clusters
are therefore the connected components of the copy relation over candidate pairs, named
`c` + their smallest story id, and that is what this job computes in one global pass:

1. stories with a body, one row per story id (the archive stores an id once);
2. each story's band keys exploded and grouped; buckets larger than `MAX_BUCKET` dropped;
   the pairs of each bucket, once each;
3. every pair decided by the archive's own `is_copy` (exact shingles for borderline pairs);
4. connected components: union-find in the driver when the copy pairs are few enough (a
   month of news has far fewer copy pairs than stories), else minimum-label propagation
   with pointer jumping as DataFrame work;
5. each cluster's original and original source by the archive's own rule.

Written under OUTPUT: `members` (id, cluster), one row per story, and `clusters` (cluster,
size, original, original_source, title, first_published), what the archive's `clusters`
table holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.scale.clusters import (
    MAX_BUCKET,
    PAIR_SCHEMA,
    components,
    summarise_clusters,
    verify_pairs,
)
from newsgraph.scale.schema import CLUSTER_SCHEMA
from newsgraph.scale.spark.session import EngineError, configure

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

MAX_ROUNDS = 60
# Up to this many copy pairs, connected components are found in the driver (union-find, a
# few hundred bytes a pair); beyond it, by label propagation as DataFrame work.
DRIVER_EDGES = 5_000_000


@dataclass(frozen=True, slots=True)
class ClusterReport:
    """What one `spark cluster` run found."""

    stories: int
    pairs: int
    copies: int
    clusters: int
    syndicated: int  # clusters of two or more copies


def cluster_stories(spark: SparkSession, stories_dir: str, output: str,
                    max_bucket: int = MAX_BUCKET, driver_edges: int = DRIVER_EDGES) -> ClusterReport:
    """Cluster the stories `spark analyze` wrote under `stories_dir`; write under `output`."""
    from pyspark import StorageLevel
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    configure(spark)
    try:
        raw = spark.read.parquet(f"{stories_dir}/stories")
    except AnalysisException as error:
        raise EngineError(f"no stories under {stories_dir}/stories: {error}") from None
    stories = (raw.where(F.col("body") != "")
               .select("id", "body", "signature", "shingles", "band_keys", "publisher",
                       "original_source", "published", "title",
                       (F.col("dateline") != "null").alias("dateline"))
               .dropDuplicates(["id"])
               .persist(StorageLevel.MEMORY_AND_DISK))
    try:
        keys = stories.select("id", F.explode("band_keys").alias("key"))
        sizes = keys.groupBy("key").agg(F.count(F.lit(1)).alias("size"))
        kept = keys.join(sizes.where((F.col("size") > 1) & (F.col("size") <= max_bucket)), "key")
        pairs = (kept.alias("x").join(kept.alias("y"), "key")
                 .where(F.col("x.id") < F.col("y.id"))
                 .select(F.col("x.id").alias("a"), F.col("y.id").alias("b"))
                 .distinct())
        side = stories.select("id", "signature", "shingles", "body", "dateline")
        candidates = pairs.join(_prefixed(side, "a"), "a").join(_prefixed(side, "b"), "b")
        decided = (candidates.mapInArrow(verify_pairs, from_arrow_schema(PAIR_SCHEMA))
                   .persist(StorageLevel.MEMORY_AND_DISK))
        counts = {row["copy"]: row["n"] for row in
                  decided.groupBy("copy").agg(F.count(F.lit(1)).alias("n")).collect()}
        copies = counts.get(True, 0)
        edges = decided.where("copy").select("a", "b")
        if copies <= driver_edges:
            # Few enough copy pairs for one process: components in the driver, one pass.
            found = components((row["a"], row["b"]) for row in edges.toLocalIterator())
            labels = spark.createDataFrame(list(found.items()), "id string, label string")
        else:
            labels = _components(edges)
        members = (stories.select("id").join(labels, "id", "left")
                   .select("id", F.concat(F.lit("c"), F.coalesce("label", "id")).alias("cluster")))
        members.orderBy("cluster", "id").write.mode("overwrite").parquet(f"{output}/members")
        written = spark.read.parquet(f"{output}/members")
        member_rows = stories.join(written, "id").select(
            "cluster", F.struct("id", "publisher", "original_source", "published", "title").alias("m"))
        summaries = (member_rows.groupBy("cluster").agg(F.collect_list("m").alias("members"))
                     .mapInArrow(summarise_clusters, from_arrow_schema(CLUSTER_SCHEMA)))
        summaries.orderBy("cluster").write.mode("overwrite").parquet(f"{output}/clusters")
        totals = (spark.read.parquet(f"{output}/clusters")
                  .agg(F.count(F.lit(1)).alias("clusters"), F.sum("size").alias("stories"),
                       F.sum((F.col("size") > 1).cast("long")).alias("syndicated"))
                  .collect()[0])
    finally:
        stories.unpersist()
    return ClusterReport(stories=int(totals["stories"] or 0), pairs=sum(counts.values()),
                         copies=copies, clusters=int(totals["clusters"]),
                         syndicated=int(totals["syndicated"] or 0))


def _prefixed(side: DataFrame, name: str) -> DataFrame:
    from pyspark.sql import functions as F

    return side.select(F.col("id").alias(name),
                       *[F.col(c).alias(f"{name}_{c}") for c in side.columns if c != "id"])


def _components(edges: DataFrame) -> DataFrame:
    """(id, label) for every story in an edge: the smallest id of its connected component.

    Each round takes the smallest label among a story's neighbours, then jumps each label to
    its own label (pointer jumping), so long chains close in a logarithmic number of rounds.
    """
    from pyspark.sql import functions as F

    both = edges.select(F.col("a").alias("src"), F.col("b").alias("dst")).union(
        edges.select(F.col("b").alias("src"), F.col("a").alias("dst")))
    labels = (both.groupBy("src").agg(F.min("dst").alias("near"))
              .select(F.col("src").alias("id"), F.least("src", "near").alias("label"))
              .localCheckpoint())
    for _ in range(MAX_ROUNDS):
        near = (both.join(labels.withColumnRenamed("id", "dst"), "dst")
                .groupBy("src").agg(F.min("label").alias("near"))
                .withColumnRenamed("src", "id"))
        stepped = (labels.join(near, "id", "left")
                   .select("id", F.least("label", F.coalesce("near", "label")).alias("label")))
        jumped = (stepped.alias("s").join(stepped.alias("t"), F.col("s.label") == F.col("t.id"), "left")
                  .select(F.col("s.id").alias("id"),
                          F.least(F.col("s.label"), F.coalesce(F.col("t.label"), F.col("s.label")))
                          .alias("label"))
                  .localCheckpoint())
        changed = (jumped.alias("n").join(labels.alias("o"), "id")
                   .where(F.col("n.label") != F.col("o.label")).count())
        labels = jumped
        if changed == 0:
            return labels
    raise EngineError(f"syndication components did not settle in {MAX_ROUNDS} rounds")


__all__ = ["ClusterReport", "cluster_stories"]

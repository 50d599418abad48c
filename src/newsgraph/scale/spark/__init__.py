"""newsgraph's Spark jobs: `analyze_warcs` (WARC files to story Parquet) and
`cluster_stories` (syndication clusters across every shard). pyspark is imported inside the
jobs, so this package imports without it.

>>> from newsgraph.scale.spark import analyze_warcs, cluster_stories, spark_session  # doctest: +SKIP
>>> with spark_session("local[2]") as spark:  # doctest: +SKIP
...     analyze_warcs(spark, ["crawl.warc.gz"], "out")
...     cluster_stories(spark, "out", "out-clusters")
"""

from newsgraph.scale.spark.analyze import AnalyzeReport, analyze_warcs
from newsgraph.scale.spark.cluster import ClusterReport, cluster_stories
from newsgraph.scale.spark.session import EngineError, spark_session

__all__ = ["AnalyzeReport", "ClusterReport", "EngineError", "analyze_warcs", "cluster_stories",
           "spark_session"]

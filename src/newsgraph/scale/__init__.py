"""newsgraph at crawl scale, engine-neutral: the Parquet schema of a story, WARC files cut
into tasks, a task turned into Arrow record batches by the per-document pipeline, and a
bulk load of the Parquet output into the SQLite archive.

No engine is imported here: `newsgraph.scale.spark` holds the Spark jobs, and any engine
that maps a function over Arrow batches (Dask, Ray) can run `analyze_batches` the same way.

>>> from newsgraph.scale import index_warc, analyze_task  # doctest: +SKIP
>>> for task in index_warc("crawl.warc.gz", records_per_task=500):  # doctest: +SKIP
...     for batch in analyze_task(task):
...         print(batch.num_rows)
"""

from newsgraph.scale.batches import analyze_batches, analyze_task, task_rows
from newsgraph.scale.schema import (
    CLUSTER_MEMBER_SCHEMA,
    CLUSTER_SCHEMA,
    FAILURE_SCHEMA,
    OUTCOME_SCHEMA,
    STORY_SCHEMA,
    story_from_row,
)
from newsgraph.scale.warcs import WarcTask, index_warc, read_paths, read_paths_file

__all__ = [
    "CLUSTER_MEMBER_SCHEMA",
    "CLUSTER_SCHEMA",
    "FAILURE_SCHEMA",
    "OUTCOME_SCHEMA",
    "STORY_SCHEMA",
    "WarcTask",
    "analyze_batches",
    "analyze_task",
    "index_warc",
    "read_paths",
    "read_paths_file",
    "story_from_row",
    "task_rows",
]

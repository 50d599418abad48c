"""The SparkSession newsgraph's jobs run in: the caller's, or one made for a master URL."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newsgraph.errors import NewsgraphError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


class EngineError(NewsgraphError):
    """The engine cannot start or run a job (no pyspark, no Java, a failed stage)."""


@contextmanager
def spark_session(master: str | None = None, app: str = "newsgraph") -> Iterator[SparkSession]:
    """The active SparkSession (under `spark-submit`, or a test's), else a new one on
    `master` (default `local[*]`), stopped on leaving only if it was made here."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise EngineError("pyspark is not installed: pip install 'newsgraph[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None:
        with engine_errors():
            yield active
        return
    # Under spark-submit the launcher sets the master; anywhere else run on this machine.
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ or "SPARK_ENV_LOADED" in os.environ
    if master is None and not submitted:
        master = "local[*]"
    local = (master or "").startswith("local")
    if local:
        # Local workers run this interpreter, so they see the same installed newsgraph.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app)
    if master:
        builder = builder.master(master)
    builder = (
        builder.config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        # Progress bars would garble the command's own lines on stderr.
        .config("spark.ui.showConsoleProgress", "false")
    )
    if local:
        # A few shuffle partitions per core, not Spark's 200: on one machine each costs a
        # task's start for a handful of rows.
        cores = master[6:-1] if master and master.startswith("local[") else ""
        count = int(cores) if cores.isdigit() else (os.cpu_count() or 1)
        builder = builder.config("spark.ui.enabled", "false").config(
            "spark.sql.shuffle.partitions", str(2 * count))
    try:
        session = builder.getOrCreate()
    except Exception as error:  # noqa: BLE001
        # Py4J and the JVM launcher raise their own types (no Java, a bad master URL).
        raise EngineError(f"cannot start Spark ({master or 'cluster'}): {error}") from None
    session.sparkContext.setLogLevel("ERROR")
    try:
        with engine_errors():
            yield session
    finally:
        session.stop()


@contextmanager
def engine_errors() -> Iterator[None]:
    """A job that fails inside Spark (an output it cannot write, a lost executor) as one
    EngineError with Spark's first line, not a page of JVM stack."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    try:
        yield
    except (Py4JError, PySparkException) as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        raise EngineError(f"Spark job failed: {lines[0] if lines else type(error).__name__}") from None


def configure(session: SparkSession) -> None:
    """The settings newsgraph's writes rely on, on a session it did not make."""
    session.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    session.conf.set("spark.sql.parquet.compression.codec", "zstd")


__all__ = ["EngineError", "configure", "engine_errors", "spark_session"]

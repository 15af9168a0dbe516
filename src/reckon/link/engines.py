"""Where Splink runs: DuckDB in-process (default) or Spark (local or a cluster).

Both get the same Arrow table of comparison columns and the same settings;
`local_spark_session` starts a SparkSession from the ``pyspark`` package with
the settings Splink needs (its similarity-function jar and a checkpoint folder).
"""

from __future__ import annotations

import tempfile
import uuid
from typing import Any

import pyarrow as pa

from reckon.errors import InputError, MissingExtra

ENGINES = ("duckdb", "spark")


def local_spark_session(
    checkpoint_dir: str | None = None,
    cores: int | None = None,
    memory: str = "4g",
    partitions: int = 8,
) -> Any:
    """A SparkSession ready for Splink: on this machine, or the one ``spark-submit`` gives.

    ``partitions`` sets Spark's shuffle partitions (small data wants few).
    ``builder.getOrCreate`` returns an existing session (for example the one a
    cluster's ``spark-submit`` made) and only adds the jar and checkpoint folder.
    """
    try:
        from pyspark.sql import SparkSession
        from splink.backends.spark import similarity_jar_location
    except ImportError as exc:
        raise MissingExtra("spark", "pyspark", "Linking on Spark") from exc
    master = f"local[{cores}]" if cores else "local[*]"
    builder = (
        SparkSession.builder.appName("reckon-link")
        .master(master)
        .config("spark.jars", similarity_jar_location())
        .config("spark.driver.memory", memory)
        .config("spark.sql.shuffle.partitions", str(partitions))
        .config("spark.default.parallelism", str(partitions))
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
    )
    try:
        session = builder.getOrCreate()
    except Exception as exc:  # Java missing or unusable: say so in one line
        raise InputError(
            f"Cannot start Spark ({type(exc).__name__}: {str(exc).splitlines()[0][:200]}).",
            hint="Install a Java runtime (Java 17) or use --engine duckdb.",
        ) from exc
    session.sparkContext.setLogLevel("ERROR")
    session.sparkContext.setCheckpointDir(
        checkpoint_dir or tempfile.mkdtemp(prefix="reckon-spark-")
    )
    return session


class Engine:
    """One backend: its Splink database API and its SQL dialect name."""

    def __init__(self, name: str, spark: Any = None) -> None:
        if name not in ENGINES:
            raise InputError(f"'{name}' is not an engine.", hint="Use duckdb or spark.")
        self.name = name
        if name == "duckdb":
            from splink import DuckDBAPI

            self.db_api: Any = DuckDBAPI()
        else:
            try:
                from splink.backends.spark import SparkAPI
            except ImportError as exc:
                raise MissingExtra("spark", "pyspark", "Linking on Spark") from exc
            session = spark if spark is not None else local_spark_session()
            self.db_api = SparkAPI(spark_session=session)  # type: ignore[no-untyped-call]

    def register(self, table: pa.Table, name: str = "reckon_records") -> Any:
        """Hand a table to the engine (each name may be registered once per session)."""
        return self.db_api.register(table, table_name=f"{name}_{uuid.uuid4().hex[:10]}")

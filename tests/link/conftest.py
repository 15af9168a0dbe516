"""Shared data for linkage tests: one small synthetic set of lists, and one SparkSession."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reckon.link.synth import SynthData, generate


@pytest.fixture(scope="session")
def synth() -> SynthData:
    """About 500 records on four lists (Persian script and three Latin habits)."""
    return generate(250, seed=7)


@pytest.fixture(scope="session")
def synth_csv(synth: SynthData, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    synth.write(folder)
    return folder / "records.csv"


@pytest.fixture(scope="session")
def spark_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One local SparkSession for the whole test run (starting one takes ~20 s)."""
    from tests.conftest import need_service

    need_service("Java", shutil.which("java") is not None, "install openjdk-17-jre-headless")
    try:
        import pyspark  # noqa: F401
    except ImportError:
        need_service("pyspark", False, 'pip install "reckon[spark]"')
    from reckon.link.engines import local_spark_session

    session = local_spark_session(
        str(tmp_path_factory.mktemp("checkpoints")), cores=2, memory="2g", partitions=2
    )
    yield session
    session.stop()

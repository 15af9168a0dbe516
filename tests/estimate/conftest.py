"""The real capture-pattern tables live beside the repository, in ../shared/data/mse."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reckon.estimate import CaptureTable, read_table

MSE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "mse"


@pytest.fixture
def mse_table() -> Callable[[str], CaptureTable]:
    """Read a table of ../shared/data/mse by its file stem (missing: skip, but fail under CI)."""

    def read(name: str) -> CaptureTable:
        path = MSE / f"{name}.csv"
        if not path.is_file():
            message = f"the shared MSE tables are not at {path.resolve()}"
            if os.environ.get("CI") == "true":
                pytest.fail(message)
            pytest.skip(message)
        return read_table(path)

    return read

"""Shared fixtures: every store test runs on SQLite and, when available, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import settings as hypothesis_settings

from reckon.workspace import Workspace, init_workspace

POSTGRES_URL = os.environ.get("RECKON_TEST_DATABASE_URL")
IN_CI = os.environ.get("CI") == "true"

# CI explores the same examples on every run, so that a red CI is reproducible and a
# green one is not luck; local runs keep exploring new examples and find new bugs.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if IN_CI:
    hypothesis_settings.load_profile("ci")


def need_service(name: str, available: bool, how: str) -> None:
    """Skip when a service is missing, but fail under CI=true so CI never goes green on skips."""
    if available:
        return
    message = f"{name} is not available: {how}"
    if IN_CI:
        pytest.fail(f"{message} (under CI=true a missing service fails the run)")
    pytest.skip(message)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def store_env(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Environment for a workspace on each backend; PostgreSQL gets a schema of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    if request.param == "sqlite":
        yield env
        return
    need_service("PostgreSQL", POSTGRES_URL is not None, "set RECKON_TEST_DATABASE_URL")
    assert POSTGRES_URL is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    env["RECKON_DATABASE_URL"] = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    try:
        yield env
    finally:
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def workspace(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    """A fresh workspace whose admin is 'tester'."""
    ws = init_workspace(tmp_path / "ws", "tester", store_env)
    try:
        yield ws
    finally:
        ws.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if POSTGRES_URL is None:
        terminalreporter.write_line(
            "PostgreSQL half skipped: set RECKON_TEST_DATABASE_URL to run every store test "
            "on PostgreSQL too (.ci/run does).",
            yellow=True,
        )

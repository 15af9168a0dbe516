"""A workspace with a second editor ("coder") beside its admin ("tester"), on each backend.

The publication rules need two people: the one who accepted a claim and another
editor who publishes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reckon.roles import Role
from reckon.store import users
from reckon.workspace import Workspace, init_workspace


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    workspace = init_workspace(tmp_path / "ws", "tester", store_env)  # no passphrase
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "coder", Role.EDITOR, actor=admin)
    try:
        yield workspace
    finally:
        workspace.close()

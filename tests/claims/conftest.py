"""A workspace with a passphrase on each backend, and a helper to add text sources."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reckon.evidence import Locker, SourceFacts
from reckon.evidence.sources import add_bytes
from reckon.workspace import Workspace, init_workspace

PASSPHRASE = "claims test passphrase"

AddText = Callable[..., int]


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    workspace = init_workspace(tmp_path / "ws", "tester", env)
    workspace.settings = workspace.settings.with_overrides(passphrase=PASSPHRASE)
    try:
        yield workspace
    finally:
        workspace.close()


@pytest.fixture
def add_text(ws: Workspace) -> AddText:
    def add(text: str, name: str = "doc.txt", **facts: object) -> int:
        result = add_bytes(Locker.open(ws), text.encode("utf-8"), name, SourceFacts(**facts))  # type: ignore[arg-type]
        assert result.source_id is not None, result.error
        return result.source_id

    return add

"""Fixtures for the evidence tests: a locker on each backend, with a passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reckon.evidence import Locker
from reckon.workspace import Workspace, init_workspace

PASSPHRASE = "correct horse battery staple"

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Night at Gohardasht</title>
<meta name="author" content="Parisa Nouri"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About us</a></nav>
<article>
<h1>Night at Gohardasht</h1>
<p>On 30 July 1988 the guards at the prison closed the visiting hall and families were sent away
without news. A former prisoner, who asked not to be named, said the corridors were silent for days.</p>
<p>Relatives gathered every morning at the gate and were told to come back the following week.
Several families later received a bag of belongings and no explanation.</p>
</article>
<footer>Copyright 2024 Example Memorial. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""


@pytest.fixture(autouse=True)
def _cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests wrap data keys with a light argon2id (the parameters are stored with the key)."""
    from reckon import keys

    monkeypatch.setattr(keys, "KDF_MEMORY_KIB", 1024)
    monkeypatch.setattr(keys, "KDF_TIME_COST", 1)


@pytest.fixture
def sqlite_locker(tmp_path: Path) -> Iterator[Locker]:
    """A locker on SQLite only, for tests that are not about the store."""
    env = {"RECKON_PASSPHRASE": PASSPHRASE}
    ws: Workspace = init_workspace(tmp_path / "ws", "tester", env)
    try:
        yield Locker.open(ws)
    finally:
        ws.close()


@pytest.fixture
def locker(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Locker]:
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    ws: Workspace = init_workspace(tmp_path / "ws", "tester", env)
    ws.settings = ws.settings.with_overrides(passphrase=PASSPHRASE)
    try:
        yield Locker.open(ws)
    finally:
        ws.close()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "notes.md").write_text("# Notes\r\nFirst line\r\nsecond line\r\n", encoding="utf-8")
    (folder / "list.csv").write_text("name,city\nBehrouz,Rasht\nLeila,Tabriz\nKaveh,Shiraz\n")
    return folder

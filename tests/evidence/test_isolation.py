"""Extraction runs in a child process: a parser that crashes or hangs cannot stop an add."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reckon.evidence import Locker, add_paths, verify
from reckon.evidence import sources as sources_module
from reckon.evidence.extract import isolated


@pytest.fixture(autouse=True)
def _isolate_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain text stands in for the binary formats that are extracted in a child process."""
    from reckon.evidence import media

    monkeypatch.setattr(sources_module, "ISOLATED_TYPES", frozenset({media.PLAIN}))


def _folder(tmp_path: Path, poison: bytes) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    for number in range(sources_module.POOL_FROM_FILES + 1):
        (folder / f"doc{number:02d}.txt").write_bytes(b"ordinary text %d" % number)
    (folder / "doc05.txt").write_bytes(b"this one " + poison)
    return folder


def test_a_parser_that_kills_its_process(
    sqlite_locker: Locker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = isolated.extract

    def crashing(data: bytes, media_type: str, limit: int) -> object:
        if b"CRASH" in data:
            os._exit(11)  # what a segfault in a C parser looks like from outside
        return real(data, media_type, limit)

    monkeypatch.setattr(isolated, "extract", crashing)
    results = add_paths(sqlite_locker, [_folder(tmp_path, b"CRASH")])
    assert all(r.ok for r in results)
    statuses = {Path(r.shown).name: r.text_status for r in results}
    assert statuses["doc05.txt"] == "failed"
    assert all(s == "ok" for name, s in statuses.items() if name != "doc05.txt")
    bad = next(r for r in results if r.shown.endswith("doc05.txt"))
    assert any("crashed" in w for w in bad.warnings)
    assert verify(sqlite_locker).ok


def test_a_parser_that_hangs(
    sqlite_locker: Locker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = isolated.extract

    def hanging(data: bytes, media_type: str, limit: int) -> object:
        if b"HANG" in data:
            time.sleep(120)
        return real(data, media_type, limit)

    monkeypatch.setattr(isolated, "extract", hanging)
    monkeypatch.setattr(isolated, "TIMEOUT_SECONDS", 3.0)
    started = time.monotonic()
    results = add_paths(sqlite_locker, [_folder(tmp_path, b"HANG")])
    assert time.monotonic() - started < 60
    assert all(r.ok for r in results)
    statuses = {Path(r.shown).name: r.text_status for r in results}
    assert statuses["doc05.txt"] == "failed"
    assert sum(s == "ok" for s in statuses.values()) == len(statuses) - 1
    assert verify(sqlite_locker).ok

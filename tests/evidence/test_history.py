"""reckon custody log: one source's history or the workspace's, a page at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.cli import app
from reckon.errors import InputError
from reckon.evidence import Locker, SourceFacts, add_paths
from reckon.evidence.history import custody_log

from .conftest import PASSPHRASE

runner = CliRunner()


def _three_sources(locker: Locker, tmp_path: Path) -> list[int]:
    ids = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"statement {n}", encoding="utf-8")
        result = add_paths(locker, [path], SourceFacts(reliability="C", reliability_reason="x"))[0]
        assert result.source_id is not None
        ids.append(result.source_id)
    return ids


def test_the_log_of_one_source_holds_only_its_entries(locker: Locker, tmp_path: Path) -> None:
    first, second, _ = _three_sources(locker, tmp_path)
    with locker.reading() as (conn, _user):
        whole = custody_log(conn, limit=0)
        mine = custody_log(conn, second, limit=0)
    # source, grade, acquisition, text for each of three sources
    assert whole.total == 12
    assert [line.entry.seq for line in whole.lines] == list(range(1, 13))
    assert mine.total == 4
    assert [line.entry.action for line in mine.lines] == [
        "acquired",
        "metadata-changed",
        "acquired",
        "text-extracted",
    ]
    assert {line.entry.object_id for line in mine.lines if line.entry.object_type == "source"} == {
        str(second)
    }
    assert all(line.actor == "tester" for line in mine.lines)
    assert first != second


def test_pages_go_back_from_the_newest_entry(locker: Locker, tmp_path: Path) -> None:
    _three_sources(locker, tmp_path)
    with locker.reading() as (conn, _user):
        newest = custody_log(conn, limit=5)
        middle = custody_log(conn, limit=5, before=newest.before)
        oldest = custody_log(conn, limit=5, before=middle.before)
    assert [line.entry.seq for line in newest.lines] == [8, 9, 10, 11, 12]
    assert newest.before == 8
    assert [line.entry.seq for line in middle.lines] == [3, 4, 5, 6, 7]
    assert [line.entry.seq for line in oldest.lines] == [1, 2]
    assert oldest.before is None
    with locker.reading() as (conn, _user), pytest.raises(InputError):
        custody_log(conn, limit=-1)


def test_custody_log_through_the_cli(tmp_path: Path, store_env: dict[str, str]) -> None:
    ws = str(tmp_path / "ws")
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    assert runner.invoke(app, ["init", ws, "--user", "nasrin"], env=env).exit_code == 0
    for n in range(2):
        (tmp_path / f"{n}.txt").write_text(f"statement {n}", encoding="utf-8")
        result = runner.invoke(app, ["-w", ws, "add", str(tmp_path / f"{n}.txt")], env=env)
        assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["-w", ws, "custody", "log", "2", "--json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["source"] == 2
    assert data["total"] == 3
    entries = data["entries"]
    assert [e["action"] for e in entries] == ["acquired", "acquired", "text-extracted"]
    assert entries[0]["object"] == "source 2"
    assert entries[0]["actor"] == "nasrin"
    assert all(len(e["entry_hash"]) == 64 for e in entries)
    assert entries[-1]["signed"] is True
    assert entries[0]["prev_hash"] != entries[0]["entry_hash"]
    result = runner.invoke(app, ["-w", ws, "custody", "log", "--limit", "2"], env=env)
    assert result.exit_code == 0, result.output
    assert "2 of 6 entries (chain positions 5–6)" in result.output
    assert "--before 5" in result.output
    result = runner.invoke(app, ["-w", ws, "custody", "log", "7"], env=env)
    assert result.exit_code == 2
    assert "no source" in result.stderr

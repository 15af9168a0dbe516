"""Erasure by destroying a per-person key: the store, an earlier backup, and verify."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.cli import app
from reckon.errors import ConflictError, NotFoundError, PermissionDenied
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.evidence.verify import verify
from reckon.publish import records, visibility
from reckon.publish.erasure import PersonVault
from reckon.publish.export.public import export_public
from reckon.publish.readers import ReadContext
from reckon.roles import Role
from reckon.store import users
from reckon.store.engine import make_engine
from reckon.workspace import Workspace, init_workspace

PASSPHRASE = "erasure test passphrase"
SECRET_NAME = "Zeynab Ghorbanzadeh-Example"
SECRET_FATHER = "Fereydoun-Unique-Father"


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    workspace = init_workspace(tmp_path / "ws", "tester", env)
    workspace.settings = workspace.settings.with_overrides(passphrase=PASSPHRASE)
    try:
        yield workspace
    finally:
        workspace.close()


def _fill(ws: Workspace) -> PersonVault:
    vault = PersonVault.for_workspace(ws)
    with ws.engine.begin() as conn:
        vault.put(conn, "P1", "full_name", SECRET_NAME)
        vault.put(conn, "P1", "father_name", SECRET_FATHER)
        vault.put(conn, "P2", "full_name", "Other Person")
        admin = users.acting_user(conn, "tester")
        records.publish_many(conn, admin, "person", ["P1", "P2"])
    add_bytes(Locker.open(ws), b"A list naming P1 and P2.", "list.txt", SourceFacts(title="list"))
    return vault


def test_shred_makes_data_unreadable_and_keeps_others(ws: Workspace) -> None:
    vault = _fill(ws)
    with ws.engine.connect() as conn:
        assert vault.fields(conn, "P1") == {"full_name": SECRET_NAME, "father_name": SECRET_FATHER}
        admin = users.acting_user(conn, "tester")
    report = vault.shred(ws, admin, "P1", "the family asked for erasure")
    assert report.fields_erased == 2
    with ws.engine.connect() as conn:
        with pytest.raises(NotFoundError, match="erased"):
            vault.get(conn, "P1", "full_name")
        assert vault.fields(conn, "P1") == {}
        # Everyone else's data survives the new epoch, read through a fresh vault.
        assert PersonVault.for_workspace(ws).get(conn, "P2", "full_name") == "Other Person"
        # A shredded person vanishes from everything public.
        assert visibility.what_is_public(conn).ids("person") == {"P2"}
    with ws.engine.begin() as conn, pytest.raises(NotFoundError, match="erased"):
        vault.put(conn, "P1", "full_name", "again")
    with pytest.raises(ConflictError, match="already"):
        vault.shred(ws, admin, "P1", "twice")
    assert sorted(p.name for p in ws.settings.keys_dir.glob("erasure-key-*")) == [
        "erasure-key-2.json"
    ]
    # The custody chain holds hashes only and still verifies.
    assert verify(Locker.open(ws)).ok
    # And the public export leaves the shredded person out.
    with ws.engine.connect() as conn:
        ctx = ReadContext(Locker.open(ws), conn, admin)
        export_public(ctx, ws.root / "register")
    persons = (ws.root / "register" / "persons.csv").read_text(encoding="utf-8-sig")
    assert "P2" in persons
    assert "P1" not in persons


def test_only_an_admin_may_shred(ws: Workspace) -> None:
    vault = _fill(ws)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        editor = users.add_user(conn, "ed", Role.EDITOR, actor=admin)
    with pytest.raises(PermissionDenied):
        vault.shred(ws, editor, "P1", "no")


def test_an_earlier_backup_cannot_be_read_after_shred(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", "tester", {"RECKON_PASSPHRASE": PASSPHRASE})
    ws.settings = ws.settings.with_overrides(passphrase=PASSPHRASE)
    vault = _fill(ws)
    db = ws.root / "reckon.sqlite"
    backup = tmp_path / "backup.sqlite"
    with sqlite3.connect(db) as source, sqlite3.connect(backup) as target:
        source.backup(target)  # a consistent copy, as sqlite3 .backup makes
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
    vault.shred(ws, admin, "P1", "erasure")
    # The backup still holds P1's sealed fields and wrapped key, but not in clear...
    raw = backup.read_bytes() + db.read_bytes()
    for secret in (SECRET_NAME, SECRET_FATHER):
        assert secret.encode() not in raw
    # ...and with the workspace's keys (the passphrase too) they no longer open.
    old_engine = make_engine(f"sqlite:///{backup}")
    with old_engine.connect() as conn, pytest.raises(NotFoundError, match="erasure key of epoch 1"):
        PersonVault.for_workspace(ws).get(conn, "P1", "full_name")
    old_engine.dispose()
    ws.close()


def test_shred_command_and_verify_command(ws: Workspace, store_env: dict[str, str]) -> None:
    _fill(ws)
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    runner = CliRunner()
    result = runner.invoke(
        app, ["-w", str(ws.root), "shred", "P1", "--reason", "family", "--yes"], env=env
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert "Shredded person P1" in result.output
    result = runner.invoke(app, ["-w", str(ws.root), "verify"], env=env)
    assert result.exit_code == 0, result.output + result.stderr


def test_shred_leaves_no_trace_of_failure(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    vault = _fill(ws)
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("crash during shred")

    monkeypatch.setattr("reckon.publish.erasure.audit.record", boom)
    with pytest.raises(RuntimeError):
        vault.shred(ws, admin, "P1", "x")
    monkeypatch.undo()
    fresh = PersonVault.for_workspace(ws)
    with ws.engine.connect() as conn:
        assert fresh.get(conn, "P1", "full_name") == SECRET_NAME
        assert fresh.epoch(conn) == 1
    assert [p.name for p in ws.settings.keys_dir.glob("erasure-key-*")] == ["erasure-key-1.json"]


def test_no_old_copy_of_shredded_rows_stays_in_the_database_files(ws: Workspace) -> None:
    """SQLite: the write-ahead log is emptied. PostgreSQL: every table the shred touched is
    written anew (a deleted row would otherwise stay in the old file as a dead tuple)."""
    from reckon.publish.erasure import SHREDDED_TABLES

    vault = _fill(ws)
    engine = ws.engine

    def files() -> dict[str, int]:
        with engine.connect() as conn:
            return {
                t: int(conn.exec_driver_sql(f"SELECT pg_relation_filenode('{t}')").scalar_one())
                for t in SHREDDED_TABLES
            }

    before = files() if engine.dialect.name == "postgresql" else {}
    with engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
    vault.shred(ws, admin, "P1", "the family asked for erasure")
    if engine.dialect.name == "postgresql":
        after = files()
        assert [t for t in SHREDDED_TABLES if after[t] == before[t]] == []
    else:
        wal = Path(str(engine.url.database) + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0

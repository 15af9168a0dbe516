"""The search index is personal data too: sealed names, hashed keys, erased by a shred.

A woman is named by two lists, once in Persian and once in Latin script, and
linked as P1; a man (P2) is named by one list. The index must hold neither her
names, nor their phonetic keys, nor the matching keys in clear; after
``reckon shred P1`` the live store holds nothing of her index entries, and a
copy of the database taken before the shred (the "earlier backup") cannot open
its index any more.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, select, update
from tests.publish.linked import same_person_in_two_lists
from typer.testing import CliRunner

from reckon.cli import app
from reckon.evidence import Locker
from reckon.evidence.verify import verify
from reckon.keys import Keyring
from reckon.publish.erasure import PersonVault
from reckon.search import IndexEntry, add, search
from reckon.search.index import names_of
from reckon.search.keys import index_keys
from reckon.search.seal import STAMP_SETTING, SUBJECT, StaleIndex, index_key
from reckon.search.similarity import phonetic_words
from reckon.search.sync import reindex
from reckon.store import migrate, users
from reckon.store.engine import make_engine
from reckon.store.schema import (
    audit_entries,
    metadata,
    person_keys,
    search_entries,
    workspace_settings,
)
from reckon.workspace import Workspace, init_workspace

PERSIAN = "شیرین گلبهاران"
LATIN = "Shirin Golbaharan"
OTHER = "Kourosh Tahmasbi"


def _anyone(_conn: Connection, refs: list[str]) -> set[str]:
    return set(refs)


def _found(conn: Connection, query: str) -> list[str]:
    return [hit.person_ref for hit in search(conn, query, visible=_anyone)]


def _secrets() -> list[bytes]:
    """Her names, each word, their phonetic keys and skeletons (the keys' text), as bytes."""
    out = {PERSIAN, LATIN, *PERSIAN.split(), *LATIN.split()}
    for name in (PERSIAN, LATIN):
        words = phonetic_words(name)
        out.add(" ".join(words))
        out |= {w for w in words if len(w) >= 5}
        out |= {k for k in index_keys(name) if k.startswith(("w:", "p:"))}
    return sorted(s.encode("utf-8") for s in out)


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    workspace = init_workspace(tmp_path / "ws", "tester", store_env)
    try:
        yield workspace
    finally:
        workspace.close()


def _lists(ws: Workspace, folder: Path) -> None:
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        same_person_in_two_lists(
            conn,
            actor,
            folder,
            [("1", PERSIAN, "", "1961", "Evin", ""), ("2", OTHER, "", "1958", "Evin", "")],
            ("7", LATIN, "", "1961", "Evin", ""),
        )
        assert reindex(conn) == 3


def _dump(conn: Connection) -> bytes:
    """Every value of every table, as bytes: what a copy of the database holds."""
    out = []
    for table in metadata.sorted_tables:
        for row in conn.execute(select(table)):
            for value in row:
                out.append(value if isinstance(value, bytes) else str(value).encode("utf-8"))
    return b"\x00".join(out)


def _her_sealed(conn: Connection) -> list[bytes]:
    rows = conn.execute(select(search_entries.c.sealed).where(search_entries.c.person_ref == "P1"))
    return [bytes(r) for r in rows.scalars()]


def test_the_index_holds_no_name_phonetic_key_or_matching_key_in_clear(ws: Workspace) -> None:
    _lists(ws, ws.root)
    with ws.engine.connect() as conn:
        dump = _dump(conn)
        assert [s for s in _secrets() if s in dump] == []
        # ...and search still finds her from either script, with both spellings.
        assert _found(conn, "Shirin Golbaharan")[0] == "P1"
        assert _found(conn, "شیرین گلبهاران")[0] == "P1"
        assert _found(conn, "Shirin Golbaharn")[0] == "P1"  # a typo
        assert sorted(names_of(conn, "P1")) == sorted([PERSIAN, LATIN])


def test_shred_leaves_her_index_entries_unreadable_now_and_in_an_earlier_backup(
    ws: Workspace, tmp_path: Path
) -> None:
    _lists(ws, ws.root)
    sqlite = ws.engine.dialect.name == "sqlite"
    backup = tmp_path / "backup.sqlite"
    if sqlite:
        with sqlite3.connect(ws.root / "reckon.sqlite") as source, sqlite3.connect(backup) as out:
            source.backup(out)
    with ws.engine.connect() as conn:
        sealed = _her_sealed(conn)
        assert len(sealed) == 2
        key = index_key(conn)
        assert key is not None
        digests = {key.digest(k) for name in (PERSIAN, LATIN) for k in index_keys(name)}
        digests -= {key.digest(k) for k in index_keys(OTHER)}
        old_key_row = conn.execute(
            select(person_keys.c.epoch, person_keys.c.wrapped_key).where(
                person_keys.c.subject_ref == SUBJECT
            )
        ).one()
        admin = users.acting_user(conn, "tester")
    PersonVault.for_workspace(ws).shred(ws, admin, "P1", "the family asked")

    with ws.engine.connect() as conn:
        # The live index: her entries, sealed names and hashed keys are gone; others are found.
        assert _found(conn, LATIN) == _found(conn, PERSIAN) == []
        assert names_of(conn, "P1") == []
        assert _found(conn, OTHER)[0] == "P2"
        dump = _dump(conn)
        assert [s for s in sealed if s in dump] == []
        assert [d for d in digests if d in dump] == []
        # The index key itself was re-wrapped under the new erasure epoch.
        live_epoch = conn.execute(
            select(person_keys.c.epoch).where(person_keys.c.subject_ref == SUBJECT)
        ).scalar_one()
        assert live_epoch == old_key_row.epoch + 1
    with ws.engine.begin() as conn:
        # An earlier backup holds the index key wrapped under the destroyed epoch key:
        # restoring that row makes the index refuse to open, whatever the entries hold.
        conn.execute(
            update(person_keys)
            .where(person_keys.c.subject_ref == SUBJECT)
            .values(epoch=old_key_row.epoch, wrapped_key=old_key_row.wrapped_key)
        )
        with pytest.raises(StaleIndex, match=f"erasure key of epoch {old_key_row.epoch}"):
            search(conn, OTHER, visible=_anyone)
        conn.rollback()
    assert verify(Locker.open(ws)).ok
    if not sqlite:
        return
    ws.close()
    live = b"".join(p.read_bytes() for p in ws.root.glob("reckon.sqlite*"))
    old = backup.read_bytes()
    # Not in clear in the live file, its write-ahead log, or the backup...
    assert [s for s in _secrets() if s in live or s in old] == []
    # ...her sealed entries are overwritten in the live file (not left in free space, where
    # the live index key would still open them), and present in the backup, which cannot
    # open them: its index key is wrapped under the erasure key the shred destroyed.
    assert [s for s in sealed if s in live] == []
    assert all(s in old for s in sealed)
    engine = make_engine(f"sqlite:///{backup}")
    PersonVault.register(engine, Keyring.for_settings(ws.settings))
    with engine.connect() as conn, pytest.raises(StaleIndex, match="erasure key of epoch 1"):
        search(conn, LATIN, visible=_anyone)
    engine.dispose()


def test_an_index_under_another_key_or_format_is_refused_until_rebuilt(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        assert search(conn, OTHER, visible=_anyone) == []  # no index yet: nothing to find
        add(conn, [IndexEntry("P9", "X9", OTHER)])
        assert _found(conn, OTHER) == ["P9"]
        # The key row replaced (say, by a restore of keys from another copy): refused.
        conn.execute(person_keys.delete().where(person_keys.c.subject_ref == SUBJECT))
        PersonVault.for_workspace(ws).subject_key(conn, SUBJECT, create=True)
        with pytest.raises(StaleIndex, match="another index key"):
            _found(conn, OTHER)
        with pytest.raises(StaleIndex):
            add(conn, [IndexEntry("P8", "X8", LATIN)])
        # A rebuild makes a new key and stamp.
        reindex(conn)
        add(conn, [IndexEntry("P9", "X9", OTHER)])
        assert _found(conn, OTHER) == ["P9"]
        # An index from before sealing (as migration 0012 leaves it): refused, not empty.
        conn.execute(
            update(workspace_settings)
            .where(workspace_settings.c.key == STAMP_SETTING)
            .values(value="stale")
        )
        with pytest.raises(StaleIndex, match="older reckon"):
            _found(conn, OTHER)


def test_upgrade_empties_a_clear_index_and_the_cli_rebuilds_it(
    ws: Workspace, store_env: dict[str, str]
) -> None:
    _lists(ws, ws.root)
    engine = ws.engine
    migrate.downgrade(engine, "0011_estimates")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO search_entries (person_ref, record_ref, name, phonetic) "
            f"VALUES ('P2', 'R2', '{OTHER}', 'krsh tmsb')"
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert OTHER.encode() not in _dump(conn)
        with pytest.raises(StaleIndex, match="reckon search reindex"):
            _found(conn, OTHER)
    result = CliRunner().invoke(app, ["-w", str(ws.root), "search", "reindex"], env=store_env)
    assert result.exit_code == 0, result.output
    assert "Indexed 3 name(s)" in result.output
    with engine.connect() as conn:
        assert _found(conn, OTHER)[0] == "P2"
        actions = conn.execute(select(audit_entries.c.action)).scalars().all()
        assert "reindexed" in actions


def test_the_web_search_says_a_stale_index_must_be_rebuilt(ws: Workspace) -> None:
    from fastapi.testclient import TestClient

    from reckon.web.app import create_app

    with ws.engine.begin() as conn:
        add(conn, [IndexEntry("P9", "X9", OTHER)])
        conn.execute(
            update(workspace_settings)
            .where(workspace_settings.c.key == STAMP_SETTING)
            .values(value="stale")
        )
    with TestClient(create_app(ws), base_url="https://testserver") as client:
        answer = client.get("/api/search", params={"q": OTHER})
        page = client.get("/search", params={"q": OTHER})
    assert answer.status_code == page.status_code == 503
    assert "reckon search reindex" in answer.text

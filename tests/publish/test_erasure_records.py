"""`reckon shred` reaches the names that imported lists hold (person records), backups included."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, select

from reckon.claims.whole import whole_person
from reckon.errors import NotFoundError
from reckon.evidence import Locker
from reckon.evidence.verify import verify
from reckon.link.identity import open_rows, subject
from reckon.link.schema_views import record_summary
from reckon.link.workspace import load_records
from reckon.publish.erasure import PersonVault
from reckon.publish.readers import ReadContext
from reckon.publish.readers.link import read_persons
from reckon.search import search
from reckon.search.sync import reindex
from reckon.store import users
from reckon.store.engine import make_engine
from reckon.store.schema import metadata, person_records
from reckon.workspace import Workspace, init_workspace

from .linked import same_person_in_two_lists

SECRET = "Shahrzad Varjavand-Fictional"
SECRET_FATHER = "Bahman-Fictional-Father"
SECRET_SPELLING = "Shahrzad Varjavandi-Fictional"
AFFILIATION = "Fictional-Study-Circle"
OTHER = "Kourosh Tahmasbi-Fictional"


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    workspace = init_workspace(tmp_path / "ws", "tester", store_env)  # no passphrase needed
    try:
        yield workspace
    finally:
        workspace.close()


def _lists(ws: Workspace, folder: Path) -> None:
    """Two lists; record 1 (list a) and record 3 (list b) are the same woman, linked as P1."""
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        same_person_in_two_lists(
            conn,
            actor,
            folder,
            [
                ("1", SECRET, SECRET_FATHER, "1961", "Evin", "1988-08-10", AFFILIATION),
                ("2", OTHER, "Jamshid", "1958", "Evin", "1988-08-12", ""),
            ],
            ("7", SECRET_SPELLING, "", "1961", "Evin", ""),
        )


def _everything(conn: Connection) -> str:
    """Every value of every table, as text: what a copy of the database holds."""
    out = []
    for table in metadata.sorted_tables:
        for row in conn.execute(select(table)):
            out.append(repr(tuple(row)))
    return "\n".join(out)


def test_names_are_never_stored_in_clear_and_linkage_still_reads_them(ws: Workspace) -> None:
    _lists(ws, ws.root)
    with ws.engine.connect() as conn:
        dump = _everything(conn)
        for secret in (SECRET, SECRET_FATHER, SECRET_SPELLING, "Varjavand", AFFILIATION):
            assert secret not in dump
        # What the list says of her affiliation is sealed too, and read back through
        # reckon.link.identity.open_claims by person reports and publication readers.
        user = users.acting_user(conn, "tester")
        person = whole_person(conn, Locker.open(ws), user, "P1")
        assert [s.value for s in person.statements if s.kind == "affiliation"] == [AFFILIATION]
        view = read_persons(ReadContext(Locker.open(ws), conn, user), ["P1"])["P1"]
        assert [c.quote for c in view.claims if c.kind == "affiliation"] == [
            f"row 1 of list a: {AFFILIATION}"
        ]
        # What linkage compares, review shows and search indexes still has them.
        records = {r.record_id: r for r in load_records(conn)}
        assert (records["1"].full_name, records["1"].father_name) == (SECRET, SECRET_FATHER)
        assert (records["1"].birth_lo, records["1"].birth_hi) == (1961, 1961)
        assert records["3"].full_name == SECRET_SPELLING
        assert record_summary(conn, 1)["full_name"] == SECRET
    with ws.engine.begin() as conn:
        assert reindex(conn) == 3
        hits = search(conn, "Shahrzad Varjavand", visible=lambda _c, refs: set(refs))
        assert hits[0].person_ref == "P1"


def test_shred_erases_every_record_of_the_person_and_verify_passes(ws: Workspace) -> None:
    _lists(ws, ws.root)
    with ws.engine.begin() as conn:
        reindex(conn)
        admin = users.acting_user(conn, "tester")
    report = PersonVault.for_workspace(ws).shred(ws, admin, "P1", "the family asked")
    assert {"R1", "R3"} <= set(report.subjects)
    with ws.engine.connect() as conn:
        records = {r.record_id: r for r in load_records(conn)}
        # Both records of P1 are nameless now; the other person is untouched, and the
        # records still count for estimation (list, prison, death date stay).
        assert records["1"].full_name == records["3"].full_name == ""
        assert records["1"].father_name == ""
        assert records["1"].birth_lo is None
        assert records["1"].prison == "Evin"
        assert records["2"].full_name == OTHER
        assert search(conn, "Shahrzad Varjavand", visible=lambda _c, refs: set(refs)) == []
        assert search(conn, OTHER, visible=lambda _c, refs: set(refs))[0].person_ref == "P2"
        assert "Varjavand" not in _everything(conn)
        # The list's word on her political affiliation (a private field) is blanked too.
        assert AFFILIATION not in _everything(conn)
    assert verify(Locker.open(ws)).ok


def test_records_stored_in_clear_before_sealing_are_overwritten_by_shred(ws: Workspace) -> None:
    _lists(ws, ws.root)
    with ws.engine.begin() as conn:
        # A record as an older reckon stored it: the name in clear, no sealed copy.
        conn.execute(
            person_records.update().where(person_records.c.id == 3).values(full_name=SECRET)
        )
        PersonVault.for_workspace(ws)  # the same keys
        from reckon.store.schema import person_data, person_keys

        conn.execute(person_data.delete().where(person_data.c.subject_ref == subject(3)))
        conn.execute(person_keys.delete().where(person_keys.c.subject_ref == subject(3)))
        [row] = open_rows(
            conn, conn.execute(select(person_records).where(person_records.c.id == 3)).all()
        )
        assert row.full_name == SECRET
        admin = users.acting_user(conn, "tester")
    PersonVault.for_workspace(ws).shred(ws, admin, "P1", "the family asked")
    with ws.engine.connect() as conn:
        assert SECRET not in _everything(conn)


def test_an_earlier_backup_of_the_database_file_cannot_name_the_person(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "ws", "tester", {})
    _lists(ws, tmp_path)
    db = ws.root / "reckon.sqlite"
    backup = tmp_path / "backup.sqlite"
    with sqlite3.connect(db) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
    PersonVault.for_workspace(ws).shred(ws, admin, "P1", "the family asked")
    ws.close()
    # Not in clear in either file (nor in the write-ahead log)...
    files = [db, backup, *ws.root.glob("reckon.sqlite-*")]
    raw = b"".join(path.read_bytes() for path in files)
    for secret in (SECRET, SECRET_FATHER, SECRET_SPELLING, AFFILIATION):
        assert secret.encode() not in raw
    # ...and the backup's sealed copies no longer open with the workspace's keys: the
    # backup wraps every record key under the erasure key of epoch 1, destroyed by the
    # shred (so a backup made before a shred restores no names: docs/erasure.md).
    old = make_engine(f"sqlite:///{backup}")
    vault = PersonVault.for_workspace(ws)
    with old.connect() as conn, pytest.raises(NotFoundError, match="erasure key of epoch 1"):
        vault.open_many(conn, [subject(1)])
    old.dispose()
    # The live store still names the other person.
    ws = Workspace(ws.settings)
    with ws.engine.connect() as conn:
        assert {r.record_id: r.full_name for r in load_records(conn)}["2"] == OTHER
    ws.close()

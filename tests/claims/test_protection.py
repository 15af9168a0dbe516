"""Witness protection: no protected field or person↔confidential-source link is readable in the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from reckon.claims.coding import propose_from_source
from reckon.claims.person import person_report
from reckon.claims.persons import public_people
from reckon.claims.records import load_claims
from reckon.claims.witnesses import add_witness
from reckon.errors import PermissionDenied
from reckon.evidence import Locker
from reckon.roles import Role
from reckon.store import users
from reckon.store.engine import is_sqlite
from reckon.store.schema import audit_entries, claims, mentions, metadata, named_persons
from reckon.workspace import Workspace

from .conftest import AddText

WITNESS = "Kourosh Bahramian"
CONTACT = "+49 170 5550123"
SECRET_VICTIM = "Kamran Yousefi"
TESTIMONY = (
    f"Witness: {WITNESS}.\n\n"
    f"On 30 July 1988 {SECRET_VICTIM} was executed at Gohardasht Prison. "
    "Hamid Tabrizi was executed at Lakan Prison on 30 July 1988.\n"
)


def _every_value(ws: Workspace) -> str:
    """Every value of every reckon table, as text."""
    parts = []
    with ws.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(select(table)):
                parts.extend(str(v) for v in row)
    return "\n".join(parts)


def _database_bytes(ws: Workspace) -> bytes:
    with ws.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    return b"".join(p.read_bytes() for p in Path(ws.root).glob("reckon.sqlite*"))


def test_nothing_protected_is_readable_in_the_store(ws: Workspace, add_text: AddText) -> None:
    public = add_text("Hamid Tabrizi was executed at Lakan Prison on 30 July 1988.\n", "public.txt")
    propose_from_source(ws, public)
    secret = add_text(TESTIMONY, "t01.txt", confidential=True)
    propose_from_source(ws, secret)
    locker = Locker.open(ws)
    with ws.engine.begin() as conn:
        user = users.acting_user(conn, ws.settings.user)
        # Names are sealed with each person's key (reckon.claims.sealed): read them opened.
        hamid = {name: i for i, name in public_people(conn)}["Hamid Tabrizi"]
        add_witness(
            conn, locker, user, source_id=secret, name=WITNESS, contact=CONTACT, location="Hamburg"
        )
        # Claims and mentions of the confidential source hold no plaintext link to any person.
        rows = conn.execute(select(claims).where(claims.c.source_id == secret)).all()
        assert len(rows) == 2
        assert all(r.victim_id is None and r.sealed_parties for r in rows)
        assert all(
            m.person_id is None and m.text == ""
            for m in conn.execute(select(mentions).where(mentions.c.source_id == secret))
        )
    values = _every_value(ws)
    for secret_text in (WITNESS, CONTACT, SECRET_VICTIM, "Hamburg"):
        assert secret_text not in values
    if is_sqlite(ws.settings.database_url):
        raw = _database_bytes(ws)
        for secret_text in (WITNESS, CONTACT, SECRET_VICTIM):
            assert secret_text.encode() not in raw
    # With the passphrase and a role that may read confidential sources, the link is there:
    # to a person of the testimony's own (the public source's namesake is not assumed to be
    # the same man, and no tie may say in clear that a confidential source names him).
    with ws.engine.connect() as conn:
        user = users.acting_user(conn, ws.settings.user)
        assert [c.source_id for c in load_claims(conn, locker, user, person=hamid)] == [public]
        told = {c.victim: c.victim_id for c in load_claims(conn, locker, user, source=secret)}
        assert set(told) == {SECRET_VICTIM, "Hamid Tabrizi"}
        assert told["Hamid Tabrizi"] != hamid
        assert [
            c.source_id for c in load_claims(conn, locker, user, person=told["Hamid Tabrizi"])
        ] == [secret]


def test_reveal_needs_an_allowed_role_and_is_audited(ws: Workspace, add_text: AddText) -> None:
    secret = add_text(TESTIMONY, "t01.txt", confidential=True)
    propose_from_source(ws, secret)
    locker = Locker.open(ws)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "editor1", Role.EDITOR, actor=admin)
        person = (
            conn.execute(select(named_persons.c.id).order_by(named_persons.c.id)).scalars().first()
        )
        assert person is not None
        add_witness(
            conn, locker, admin, source_id=secret, name=WITNESS, person_id=person, contact=CONTACT
        )
        report = person_report(conn, locker, admin, person)
        assert report.witness_records is None
        assert CONTACT not in str(report.as_json())  # that he testified is not shown
        editor = users.acting_user(conn, "editor1")
        with pytest.raises(PermissionDenied):
            person_report(conn, locker, editor, person, reveal=True)
        revealed = person_report(conn, locker, admin, person, reveal=True)
        assert revealed.witness_records is not None
        assert revealed.witness_records[0]["name"] == WITNESS
        assert "witness-revealed" in conn.execute(select(audit_entries.c.action)).scalars().all()


def test_without_the_passphrase_confidential_claims_stay_hidden(
    ws: Workspace, add_text: AddText
) -> None:
    secret = add_text(TESTIMONY, "t01.txt", confidential=True)
    propose_from_source(ws, secret)
    ws.settings = ws.settings.with_overrides(passphrase=None)
    with ws.engine.connect() as conn:
        user = users.acting_user(conn, ws.settings.user)
        found = load_claims(conn, Locker.open(ws), user)
    assert found
    assert all(not c.visible and c.victim == "(confidential)" for c in found)

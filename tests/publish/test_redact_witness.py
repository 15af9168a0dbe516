"""A witness's or submitter's identity never reaches a public output through editors' free text.

Witness records are sealed under the data key (`reckon.claims.witnesses`); an
editor who types a witness's name into a source's title, or a submitter's
contact into a correction's reason, must not publish it: with the passphrase
at hand, public pages and `reckon export --public` redact witnesses' names
and contacts and submitters' contacts (both backends).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.witnesses import add_witness
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records
from reckon.publish.export.public import export_public
from reckon.publish.readers import ReadContext
from reckon.publish.redact import WITHHELD_NAME
from reckon.publish.withhold import withhold
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import claims, named_persons
from reckon.submissions.queue import receive
from reckon.web import create_app
from reckon.workspace import Workspace, init_workspace

from .coding import accept_all

PASSPHRASE = "redaction test passphrase"
WITNESS = "Parvaneh Ghaffarzadeh"
CONTACT = "parvaneh.g@example.net"
SENDER = "+98 912 555 0199"


@pytest.fixture
def locked_ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    workspace = init_workspace(tmp_path / "ws", "tester", env)
    workspace.settings = workspace.settings.with_overrides(passphrase=PASSPHRASE)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "coder", Role.EDITOR, actor=admin)
    try:
        yield workspace
    finally:
        workspace.close()


def test_witness_and_submitter_identities_are_redacted_from_free_text(
    locked_ws: Workspace, tmp_path: Path
) -> None:
    ws = locked_ws
    locker = Locker.open(ws)
    receive(locker, "I saw the transfer at Evin in August 1988.", contact=SENDER)
    account = "Shahrzad Varjavand was executed at Evin Prison on 10 August 1988.\n"
    title = f"Account given by {WITNESS} ({CONTACT})"
    source = add_bytes(locker, account.encode(), "account.txt", SourceFacts(title=title))
    assert source.source_id is not None
    accept_all(ws, source.source_id)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        add_witness(conn, locker, admin, source_id=source.source_id, name=WITNESS, contact=CONTACT)
        [(claim_id, victim)] = conn.execute(select(claims.c.id, claims.c.victim_id)).all()
        records.publish(conn, admin, "claim", str(claim_id))
        records.publish(conn, admin, "person", f"N{victim}")
        records.correct(conn, admin, "claim", str(claim_id), f"date checked with {SENDER}")
    with TestClient(create_app(ws), base_url="https://testserver") as client:
        page = client.get(f"/person/N{victim}")
        api = client.get(f"/api/persons/N{victim}")
    assert page.status_code == api.status_code == 200
    out = tmp_path / "public"
    with ws.engine.connect() as conn:
        export_public(ReadContext(Locker.open(ws), conn, users.acting_user(conn, "tester")), out)
    exported = {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(out.iterdir())}
    for shown in (page.text, api.text, *exported.values()):
        for secret in ("Ghaffarzadeh", "Parvaneh", CONTACT, SENDER):
            assert secret not in shown
    assert f"Account given by {WITHHELD_NAME} ({WITHHELD_NAME})" in api.text
    assert f"date checked with {WITHHELD_NAME}" in exported["claims.csv"]
    assert "Shahrzad Varjavand" in exported["claims.csv"]


def test_a_withheld_protected_persons_name_is_redacted_with_the_passphrase(
    locked_ws: Workspace, tmp_path: Path
) -> None:
    """Parvin Ghaffari is first named in a confidential testimony (a protected person, her
    name sealed under the data key); a public report names her again, as a named person
    of its own. Withholding the protected person redacts her name from the public report's
    published quote about someone else."""
    ws = locked_ws
    locker = Locker.open(ws)
    secret = "Parvin Ghaffari was arrested in Rasht in 1981.\n"
    public = (
        "Shahrzad Varjavand was executed at Evin Prison on 10 August 1988, "
        "the same day as her friend Parvin Ghaffari.\n"
    )
    ids = []
    for text, name, confidential in ((secret, "t.txt", True), (public, "r.txt", False)):
        found = add_bytes(
            locker, text.encode(), name, SourceFacts(title=name, confidential=confidential)
        )
        assert found.source_id is not None
        ids.append(found.source_id)
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        for source_id in ids:
            for claim_id in propose_from_source(ws, source_id).new_claims:
                decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [protected] = conn.execute(
            select(named_persons.c.id).where(named_persons.c.protected.is_(True))
        ).scalars()
        [(claim_id, victim)] = conn.execute(
            select(claims.c.id, claims.c.victim_id).where(
                claims.c.source_id == ids[1], claims.c.quote_start == 0
            )
        ).all()
        records.publish(conn, admin, "claim", str(claim_id))
        records.publish(conn, admin, "person", f"N{victim}")
        withhold(conn, admin, f"N{protected}", "her family asked")
    with TestClient(create_app(ws), base_url="https://testserver") as client:
        api = client.get(f"/api/persons/N{victim}")
    assert api.status_code == 200
    assert f"her friend {WITHHELD_NAME}." in api.text
    assert "Ghaffari" not in api.text

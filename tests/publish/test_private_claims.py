"""A published claim that states a private field (a document's word on someone's political
affiliation) shows only where the family chose to show that field (`reckon disclose`)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records
from reckon.publish.withhold import disclose
from reckon.store import users
from reckon.store.schema import claims
from reckon.workspace import Workspace

from .coding import accept_all
from .test_public_outputs import _export, _web

TEXT = (
    "Shahrzad Varjavand was a member of the National Freedom Front. "
    "She was executed at Evin Prison on 10 August 1988.\n"
)


def _shown(ws: Workspace, ref: str, tmp_path: Path, name: str) -> tuple[bool, bool]:
    with _web(ws) as client:
        api = client.get(f"/api/persons/{ref}")
        page = client.get(f"/person/{ref}")
    assert api.status_code == page.status_code == 200
    assert "executed at Evin" in api.text  # her other claim stays
    on_page = "Freedom Front" in api.text
    assert on_page == ("Freedom Front" in page.text)
    exported = _export(ws, tmp_path / name)
    return on_page, "Freedom Front" in exported["claims.csv"]


def test_an_affiliation_claim_is_shown_only_once_the_family_discloses_it(
    ws: Workspace, tmp_path: Path
) -> None:
    source = add_bytes(Locker.open(ws), TEXT.encode(), "r.txt", SourceFacts(title="Report"))
    assert source.source_id is not None
    accept_all(ws, source.source_id)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        rows = conn.execute(select(claims.c.id, claims.c.kind, claims.c.victim_id)).all()
        assert {r.kind for r in rows} >= {"affiliation", "execution"}
        for row in rows:
            records.publish(conn, admin, "claim", str(row.id))
        ref = f"N{rows[0].victim_id}"
        records.publish(conn, admin, "person", ref)
    assert _shown(ws, ref, tmp_path, "private") == (False, False)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        disclose(conn, admin, ref, "affiliation", "the family asked that it be known")
    assert _shown(ws, ref, tmp_path, "disclosed") == (True, True)

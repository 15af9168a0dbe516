"""A published quote does not state a person's private field: "X, a member of the Y
organisation, was executed" published as X's execution shows "[private detail withheld]"
for Y until X's family discloses the affiliation (both backends)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records
from reckon.publish.redact import WITHHELD_DETAIL
from reckon.publish.withhold import disclose
from reckon.store import users
from reckon.store.schema import claims
from reckon.workspace import Workspace

from .coding import accept_all
from .test_public_outputs import _export, _web

ACCOUNT = (
    "Shahrzad Varjavand, a member of the Revolutionary Workers Union, "
    "was executed at Evin Prison on 10 August 1988.\n"
)


def test_a_quote_hides_an_undisclosed_affiliation(ws: Workspace, tmp_path: Path) -> None:
    source = add_bytes(Locker.open(ws), ACCOUNT.encode(), "r.txt", SourceFacts(title="Report"))
    assert source.source_id is not None
    accept_all(ws, source.source_id)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        rows = conn.execute(select(claims.c.id, claims.c.kind, claims.c.victim_id)).all()
        assert {r.kind for r in rows} == {"execution", "affiliation"}
        [(execution, victim)] = [(r.id, r.victim_id) for r in rows if r.kind == "execution"]
        records.publish(conn, admin, "claim", str(execution))
        records.publish(conn, admin, "person", f"N{victim}")
    with _web(ws) as client:
        api = client.get(f"/api/persons/N{victim}")
        page = client.get(f"/person/N{victim}")
    exported = _export(ws, tmp_path / "before")
    assert api.status_code == page.status_code == 200
    for shown in (api.text, page.text, *exported.values()):
        assert "Workers Union" not in shown
    assert f"Shahrzad Varjavand, a member of the {WITHHELD_DETAIL}, was executed" in api.text
    with ws.engine.begin() as conn:
        disclose(conn, users.acting_user(conn, "tester"), f"N{victim}", "affiliation", "asked")
    with _web(ws) as client:
        assert "Revolutionary Workers Union" in client.get(f"/api/persons/N{victim}").text
    assert "Revolutionary Workers Union" in _export(ws, tmp_path / "after")["claims.csv"]

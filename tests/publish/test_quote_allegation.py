"""A published quote does not name an alleged perpetrator whose allegation nobody published.

"X was executed … on the order of judge Y" gives two claims: X's execution
(one editor may publish it) and Y's order (an allegation: a second editor and
two independent sources, or an override). Publishing X's execution must not
publish the allegation against Y through its quote: Y's words show as
"[name withheld]" until Y's involvement in the event is published (both
backends). The public export names a claim's alleged perpetrator only for a
claim whose publication followed that rule.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records
from reckon.publish.redact import WITHHELD_NAME
from reckon.publish.rules import Override
from reckon.store import users
from reckon.store.schema import claims, involvements
from reckon.workspace import Workspace

from .coding import accept_all
from .test_public_outputs import _export, _web

ACCOUNT = (
    "Shahrzad Varjavand was executed at Evin Prison on 10 August 1988 "
    "on the order of judge Hamid Kazemipour.\n"
)


def test_a_quote_names_an_alleged_perpetrator_only_once_the_allegation_is_published(
    ws: Workspace, tmp_path: Path
) -> None:
    source = add_bytes(Locker.open(ws), ACCOUNT.encode(), "r.txt", SourceFacts(title="Report"))
    assert source.source_id is not None
    accept_all(ws, source.source_id)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        rows = conn.execute(select(claims.c.id, claims.c.kind, claims.c.victim_id)).all()
        [(execution, victim)] = [(r.id, r.victim_id) for r in rows if r.kind == "execution"]
        assert {r.kind for r in rows} == {"execution", "ordered"}
        records.publish(conn, admin, "claim", str(execution))
        records.publish(conn, admin, "person", f"N{victim}")
    with _web(ws) as client:
        api = client.get(f"/api/persons/N{victim}")
        page = client.get(f"/person/N{victim}")
    exported = _export(ws, tmp_path / "before")
    assert api.status_code == page.status_code == 200
    for shown in (api.text, page.text, *exported.values()):
        assert "Kazemipour" not in shown
    assert f"on the order of judge {WITHHELD_NAME}." in api.text
    assert "Shahrzad Varjavand was executed" in exported["claims.csv"]
    # the allegation published by a second editor (an override: one source): now it shows
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [(inv_id, event_id)] = conn.execute(
            select(involvements.c.id, involvements.c.event_id).where(
                involvements.c.role == "alleged_perpetrator"
            )
        ).all()
        override = Override("the judgment is public record", legal_review=True)
        records.publish(conn, admin, "event", str(event_id), override=override)
        records.publish(conn, admin, "involvement", str(inv_id), override=override)
    with _web(ws) as client:
        assert (
            "on the order of judge Hamid Kazemipour" in client.get(f"/api/persons/N{victim}").text
        )


def test_the_export_names_a_perpetrator_only_of_a_claim_published_as_an_allegation(
    ws: Workspace, tmp_path: Path
) -> None:
    """An execution claim edited to name an alleged perpetrator is not an allegation under
    the rules (one editor publishes it): the export leaves its perpetrator out."""
    source = add_bytes(Locker.open(ws), ACCOUNT.encode(), "r.txt", SourceFacts(title="Report"))
    assert source.source_id is not None
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        for claim_id in propose_from_source(ws, source.source_id).new_claims:
            decide(ws, claim_id, "accept")
        with ws.engine.connect() as conn:
            rows = conn.execute(select(claims.c.id, claims.c.kind, claims.c.perpetrator_id)).all()
        [execution] = [r.id for r in rows if r.kind == "execution"]
        [judge] = [r.perpetrator_id for r in rows if r.kind == "ordered"]
        decide(ws, execution, "edit", changes={"perpetrator": judge}, reason="re-read")
        decide(ws, execution, "accept")
    finally:
        ws.settings = base
    with ws.engine.begin() as conn:
        records.publish(conn, users.acting_user(conn, "tester"), "claim", str(execution))
    exported = _export(ws, tmp_path / "out")
    assert f"\n{execution},execution," in exported["claims.csv"]
    assert "Kazemipour" not in "\n".join(exported.values())

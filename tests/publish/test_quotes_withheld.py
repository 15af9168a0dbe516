"""A published quote that names a withheld or shredded person besides its own names nobody.

"A and B were executed at Evin": the claim about A stays public when B is
withheld or shredded, but the words naming B are replaced (reckon.publish.redact)
on A's person page, in the API and in the public export.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.errors import ConflictError
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records, visibility
from reckon.publish.erasure import PersonVault
from reckon.publish.redact import WITHHELD_NAME, redact
from reckon.publish.withhold import withhold
from reckon.store import users
from reckon.store.schema import (
    claims,
    event_claims,
    involvement_claims,
    involvements,
    named_persons,
)
from reckon.workspace import Workspace

from .test_public_outputs import _export, _web

TEXT = "Shahrzad Varjavand and Kourosh Tahmasbi were executed at Evin Prison on 10 August 1988.\n"


def _published_claims(ws: Workspace) -> dict[str, str]:
    """Both victims' claims and both named persons published; their refs by surname."""
    result = add_bytes(Locker.open(ws), TEXT.encode(), "r.txt", SourceFacts(title="Group report"))
    assert result.source_id is not None
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        for claim_id in propose_from_source(ws, result.source_id).new_claims:
            decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        refs = {}
        for victim in conn.execute(select(claims.c.victim_id)).scalars():
            refs[f"N{victim}"] = f"N{victim}"
        for claim_id in conn.execute(select(claims.c.id)).scalars():
            records.publish(conn, admin, "claim", str(claim_id))
        records.publish_many(conn, admin, "person", sorted(refs))
        ids = list(conn.execute(select(named_persons.c.id).order_by(named_persons.c.id)).scalars())
    assert len(ids) == 2
    with _web(ws) as client:
        by_name = {}
        for ref in sorted(refs):
            names = client.get(f"/api/persons/{ref}").json()["names"]
            by_name[names[0].split()[-1]] = ref
    return by_name


def test_redact_merges_overlapping_spans() -> None:
    assert redact("A and B died", [(6, 7), (6, 7)]) == f"A and {WITHHELD_NAME} died"
    assert redact("A and B died", [(0, 1), (6, 7)]) == f"{WITHHELD_NAME} and {WITHHELD_NAME} died"


@pytest.mark.parametrize("how", ["withhold", "shred"])
def test_a_quote_naming_a_withheld_person_names_nobody(
    ws: Workspace, tmp_path: Path, how: str
) -> None:
    refs = _published_claims(ws)
    shahrzad, kourosh = refs["Varjavand"], refs["Tahmasbi"]
    with _web(ws) as client:
        assert "Kourosh Tahmasbi" in str(client.get(f"/api/persons/{shahrzad}").json()["facts"])
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        if how == "withhold":
            withhold(conn, admin, kourosh, "his family asked")
    if how == "shred":
        PersonVault.for_workspace(ws).shred(ws, admin, kourosh, "erasure asked by the family")
    with _web(ws) as client:
        assert client.get(f"/api/persons/{kourosh}").status_code == 404
        api = client.get(f"/api/persons/{shahrzad}")
        page = client.get(f"/person/{shahrzad}")
    assert api.status_code == page.status_code == 200
    [quote] = [q for f in api.json()["facts"] for q in f["quotes"]]
    assert quote.startswith(f"Shahrzad Varjavand and {WITHHELD_NAME} were executed")
    assert "Tahmasbi" not in api.text
    assert "Tahmasbi" not in page.text
    exported = _export(ws, tmp_path / "out")
    assert "Varjavand" in exported["claims.csv"]
    assert not [name for name, text in exported.items() if "Tahmasbi" in text]


def test_a_claim_edited_after_its_publication_is_hidden_until_published_again(
    ws: Workspace, tmp_path: Path
) -> None:
    """An edit may name an alleged perpetrator that no second editor reviewed, or a withheld
    person the publication does not list: the claim leaves every public output."""
    refs = _published_claims(ws)
    shahrzad, kourosh = refs["Varjavand"], refs["Tahmasbi"]
    with ws.engine.connect() as conn:
        victim = claims.c.victim_id == int(shahrzad[1:])
        claim_id = conn.execute(select(claims.c.id).where(victim)).scalar_one()
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        decide(ws, claim_id, "edit", changes={"perpetrator": int(kourosh[1:])}, reason="re-read")
        decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    exported = _export(ws, tmp_path / "edited")
    assert f"\n{claim_id}," not in exported["claims.csv"]
    assert "Tahmasbi" in exported["claims.csv"]  # his own claim stays public
    with ws.engine.begin() as conn:
        withhold(conn, users.acting_user(conn, "tester"), kourosh, "his family asked")
    exported = _export(ws, tmp_path / "out")
    assert "Tahmasbi" not in exported["claims.csv"]
    assert f"\n{claim_id}," not in exported["claims.csv"]
    with _web(ws) as client:
        assert client.get(f"/api/persons/{shahrzad}").json()["facts"] == []
    # published again by an editor (the rules run again: here the perpetrator is withheld)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        with pytest.raises(ConflictError, match="withheld"):
            records.publish(conn, admin, "claim", str(claim_id))


def test_an_event_resting_on_a_claim_edited_after_its_publication_is_hidden(
    ws: Workspace, tmp_path: Path
) -> None:
    """Events are rebuilt from claims when one is edited (ids may be reused): an event or
    involvement published before the edit leaves the register until published again."""
    refs = _published_claims(ws)
    kourosh = refs["Tahmasbi"]
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [(event_id, inv_id)] = conn.execute(
            select(involvements.c.event_id, involvements.c.id).where(
                involvements.c.person_id == int(kourosh[1:])
            )
        ).all()
        records.publish(conn, admin, "event", str(event_id))
        records.publish(conn, admin, "involvement", str(inv_id))
        claim_id = conn.execute(
            select(claims.c.id).where(claims.c.victim_id == int(kourosh[1:]))
        ).scalar_one()
    with _web(ws) as client:
        assert "event:" in str(client.get(f"/api/persons/{kourosh}").json()["facts"])
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        decide(ws, claim_id, "edit", changes={"date": "1 September 1988"}, reason="misread")
        decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    with ws.engine.connect() as conn:
        # SQLite reuses the rebuilt event's id; PostgreSQL gives it a new one
        register = visibility.what_is_public(conn)
        rebuilt = select(event_claims.c.event_id).where(event_claims.c.claim_id == claim_id)
        assert not {str(e) for e in conn.execute(rebuilt).scalars()} & register.ids("event")
        supported = select(involvement_claims.c.involvement_id).where(
            involvement_claims.c.claim_id == claim_id
        )
        assert not {str(i) for i in conn.execute(supported).scalars()} & register.ids("involvement")
    with _web(ws) as client:
        assert "1988-09-01" not in client.get(f"/api/persons/{kourosh}").text
        assert "1988-09-01" not in client.get("/api/places/evin-prison").text
    exported = _export(ws, tmp_path / "out")
    assert "1988-09-01" not in exported["events.csv"]
    assert "1988-09-01" not in exported["involvements.csv"]


def test_a_new_event_under_a_freed_id_is_not_published_by_an_old_publication(
    ws: Workspace, tmp_path: Path
) -> None:
    """A published event whose claim is rejected is deleted; SQLite gives the next new event
    (another victim, never reviewed) the same id, which must not inherit the publication."""

    def code(text: str, name: str) -> list[int]:
        found = add_bytes(Locker.open(ws), text.encode(), name, SourceFacts(title=name))
        assert found.source_id is not None
        base = ws.settings
        ws.settings = base.with_overrides(user="coder")
        try:
            ids = propose_from_source(ws, found.source_id).new_claims
            for claim_id in ids:
                decide(ws, claim_id, "accept")
        finally:
            ws.settings = base
        return list(ids)

    [first] = code("Shahrzad Varjavand was executed at Evin Prison on 10 August 1988.\n", "a.txt")
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [(event_id, inv_id)] = conn.execute(select(involvements.c.event_id, involvements.c.id))
        records.publish(conn, admin, "event", str(event_id))
        records.publish(conn, admin, "involvement", str(inv_id))
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        decide(ws, first, "reject", reason="not what the report says")
    finally:
        ws.settings = base
    code("Kourosh Tahmasbi was executed at Evin Prison on 12 August 1988.\n", "b.txt")
    with ws.engine.connect() as conn:
        register = visibility.what_is_public(conn)
        current = {str(e) for e in conn.execute(select(involvements.c.event_id)).scalars()}
        assert not current & register.ids("event")
        named = {str(i) for i in conn.execute(select(involvements.c.id)).scalars()}
        assert not named & register.ids("involvement")
    with _web(ws) as client:
        assert client.get("/api/places/evin-prison").status_code == 404
    assert "Tahmasbi" not in "\n".join(_export(ws, tmp_path / "out").values())

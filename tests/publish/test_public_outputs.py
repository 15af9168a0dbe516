"""A withheld or shredded person is in no public page, API answer or export (both backends).

The person has records in two imported lists (linked as one cluster) and claims
from a document; the outputs are the web app (pages and API, through
FastAPI's TestClient) and `reckon export --public`. Cluster ids drift when
clusters merge and split: withholds and publications follow the records.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.link.review import decide as link_decide
from reckon.link.review import unmerge
from reckon.publish import records, visibility
from reckon.publish.erasure import PersonVault
from reckon.publish.export.public import export_public
from reckon.publish.readers import ReadContext
from reckon.publish.withhold import withhold
from reckon.search.sync import reindex
from reckon.store import users
from reckon.store.schema import claims, events, involvements
from reckon.web import create_app
from reckon.workspace import Workspace

from .linked import same_person_in_two_lists

NAME = "Shahrzad Varjavand"
SPELLING = "Shahrzad Varjavandi"
OTHER = "Kourosh Tahmasbi"
ACCOUNT = f"{NAME} was executed at Evin Prison on 10 August 1988.\n"


def _lists(ws: Workspace, folder: Path) -> None:
    """Records 1 and 3 (two lists) are the same woman, P1; record 2 is P2."""
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        same_person_in_two_lists(
            conn,
            actor,
            folder,
            [
                ("1", NAME, "", "1961", "Evin", "1988-08-10"),
                ("2", OTHER, "", "1958", "Evin", "1988-08-12"),
            ],
            ("7", SPELLING, "", "1961", "Evin", ""),
        )
        reindex(conn)


def _published_account(ws: Workspace) -> str:
    """A document's account of her execution, coded and published; returns her N reference."""
    result = add_bytes(
        Locker.open(ws), ACCOUNT.encode(), "report.txt", SourceFacts(title="Rights group report")
    )
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
        [claim_id] = conn.execute(select(claims.c.id)).scalars()
        [event_id] = conn.execute(select(events.c.id)).scalars()
        [(inv_id, person_id)] = conn.execute(select(involvements.c.id, involvements.c.person_id))
        records.publish(conn, admin, "claim", str(claim_id))
        records.publish(conn, admin, "event", str(event_id))
        records.publish(conn, admin, "involvement", str(inv_id))
    return f"N{person_id}"


def _publish_persons(ws: Workspace, refs: list[str]) -> None:
    with ws.engine.begin() as conn:
        records.publish_many(conn, users.acting_user(conn, "tester"), "person", refs)


def _export(ws: Workspace, out: Path) -> dict[str, str]:
    with ws.engine.connect() as conn:
        ctx = ReadContext(Locker.open(ws), conn, users.acting_user(conn, "tester"))
        export_public(ctx, out)
    return {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(out.iterdir())}


def _web(ws: Workspace) -> TestClient:
    return TestClient(create_app(ws), base_url="https://testserver")


def _web_shows(client: TestClient, ref: str, name: str) -> bool:
    page = client.get(f"/person/{ref}")
    api = client.get(f"/api/persons/{ref}")
    found = client.get("/api/search", params={"q": name}).json()["results"]
    shown = [
        page.status_code == 200,
        api.status_code == 200,
        ref in {h["person_id"] for h in found},
    ]
    assert len(set(shown)) == 1, (ref, shown)  # the page, the API and search agree
    return shown[0]


def test_a_withheld_person_with_list_records_and_claims_is_in_no_public_output(
    ws: Workspace, tmp_path: Path
) -> None:
    _lists(ws, tmp_path)
    named = _published_account(ws)
    _publish_persons(ws, ["P1", "P2"])
    with _web(ws) as client:
        assert _web_shows(client, "P1", NAME)
        assert SPELLING in client.get("/person/P1").text
    before = _export(ws, tmp_path / "before")
    assert NAME in before["persons.csv"]
    assert NAME in before["claims.csv"]
    assert NAME in before["events.csv"]
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        withhold(conn, admin, "P1", "the family asked")
        # The document names her as a person of the claims (not yet tied to her records).
        withhold(conn, admin, named, "the family asked")
    with _web(ws) as client:
        assert not _web_shows(client, "P1", NAME)
        assert not _web_shows(client, "P1", SPELLING)
        assert _web_shows(client, "P2", OTHER)
    after = _export(ws, tmp_path / "after")
    everything = "\n".join(after.values())
    assert "Varjavand" not in everything
    assert OTHER in after["persons.csv"]
    for name in ("claims", "events", "involvements"):
        assert after[f"{name}.jsonl"] == "", name


def test_a_shredded_person_is_in_no_public_output(ws: Workspace, tmp_path: Path) -> None:
    _lists(ws, tmp_path)
    _publish_persons(ws, ["P1", "P2"])
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
    PersonVault.for_workspace(ws).shred(ws, admin, "P1", "erasure asked by the family")
    with _web(ws) as client:
        assert not _web_shows(client, "P1", NAME)
        assert _web_shows(client, "P2", OTHER)
    with ws.engine.begin() as conn:
        reindex(conn)  # a rebuilt index has no name for her records either
    with _web(ws) as client:
        assert client.get("/api/search", params={"q": NAME}).json()["results"] == []
    everything = "\n".join(_export(ws, tmp_path / "after").values())
    assert "Varjavand" not in everything
    assert OTHER in everything


def test_a_withhold_follows_its_record_through_merge_and_unmerge(
    ws: Workspace, tmp_path: Path
) -> None:
    _lists(ws, tmp_path)
    _publish_persons(ws, ["P1", "P2"])
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        withhold(conn, admin, "P2", "the family asked")
    with ws.engine.connect() as conn:
        assert visibility.what_is_public(conn).ids("person") == {"P1"}
    with ws.engine.begin() as conn:
        # A reviewer decides record 2 is the same woman: P2 is merged into P1.
        link_decide(conn, users.acting_user(conn, "tester"), 1, 2, "same", "same father")
        reindex(conn)
        assert visibility.public_persons(conn, ["P1", "P2"]) == set()
        assert visibility.what_is_public(conn).ids("person") == set()
    with _web(ws) as client:
        assert not _web_shows(client, "P1", NAME)
        assert not _web_shows(client, "P1", OTHER)
    assert "Varjavand" not in _export(ws, tmp_path / "merged")["persons.csv"]
    with ws.engine.begin() as conn:
        unmerge(conn, users.acting_user(conn, "tester"), "P1", [2], "not the same after all")
        reindex(conn)
        assert visibility.what_is_public(conn).ids("person") == {"P1"}
        assert visibility.public_persons(conn, ["P1", "P2"]) == {"P1"}
    with _web(ws) as client:
        assert _web_shows(client, "P1", NAME)
        assert not _web_shows(client, "P2", OTHER)


def test_a_publication_follows_its_records(ws: Workspace, tmp_path: Path) -> None:
    _lists(ws, tmp_path)
    _publish_persons(ws, ["P1"])  # records 1 and 3; record 2 (P2) is not published
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        # Split record 3 off: it was published as part of P1 and stays public as P3.
        unmerge(conn, admin, "P1", [3], "different birth places")
        assert visibility.what_is_public(conn).ids("person") == {"P1", "P3"}
        # Merging the unpublished record 2 into P1 hides P1 until an editor publishes
        # the grown cluster again (the records of P2 were never published).
        link_decide(conn, admin, 1, 2, "same", "same father")
        assert visibility.public_persons(conn, ["P1", "P2", "P3"]) == {"P3"}
        assert records.publish_many(conn, admin, "person", ["P1", "P3"]) != []
        assert visibility.public_persons(conn, ["P1", "P3"]) == {"P1", "P3"}
        # Withdrawing P1 withdraws both its publications, and so every record they
        # covered (the safe direction): record 3 must be published again on its own.
        records.withdraw(conn, admin, "person", "P1", "a correction is due")
        assert visibility.public_persons(conn, ["P1", "P3"]) == set()
        records.publish(conn, admin, "person", "P3")
        assert visibility.what_is_public(conn).ids("person") == {"P3"}

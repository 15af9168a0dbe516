"""A small public register for the person and place page tests (fictional people).

Behrouz Khalili (N1, also list person P1) was executed at Evin Prison: an
event published with his involvement as victim and an alleged perpetrator's
published involvement (Jalal Sharifi, N2); a second, published claim gives
another date (a conflict); a burial claim is accepted but NOT published; a
confidential source's claim is never published. Two lists record P1 at Evin.
Nasrin Tavakoli (N3) has a published execution at Evin too (the withholding
tests hide her). Kamran Yazdi (N4) is named as an alleged perpetrator whose
involvement is NOT published.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert

from reckon.evidence import Locker, SourceFacts
from reckon.evidence.sources import add_bytes
from reckon.publish.records import publish
from reckon.publish.rules import Rules
from reckon.roles import Role
from reckon.search import IndexEntry, add
from reckon.store import users
from reckon.store.schema import (
    claims,
    event_claims,
    events,
    involvement_claims,
    involvements,
    link_runs,
    list_claims,
    named_persons,
    person_members,
    person_records,
    places,
    victim_lists,
)
from reckon.store.types import utcnow
from reckon.workspace import Workspace

UNPUBLISHED_BURIAL = "Golzar unpublished burial marker"
CONFIDENTIAL_TITLE = "Testimony of a cellmate (confidential)"
HIDDEN_PERPETRATOR = "Kamran Yazdi"


@dataclass(frozen=True)
class Register:
    event_n1: int
    event_n3: int
    conflicting_claim: int
    unpublished_claim: int
    confidential_claim: int


def _source(locker: Locker, text: str, **facts: Any) -> int:
    result = add_bytes(locker, text.encode("utf-8"), "doc.txt", SourceFacts(**facts))
    assert result.source_id is not None, result.error
    return result.source_id


def _id(conn: Connection, table: Any, **values: Any) -> int:
    key = conn.execute(insert(table).values(**values)).inserted_primary_key
    assert key is not None
    return int(key[0])


def _claim(conn: Connection, source: int, kind: str, **values: Any) -> int:
    now = utcnow()
    return _id(
        conn,
        claims,
        source_id=source,
        kind=kind,
        credibility=2,
        status="accepted",
        decided_by=1,
        decided_at=now,
        origin="manual",
        created_by=1,
        created_at=now,
        **values,
    )


def _lists(conn: Connection, sources: list[int]) -> None:
    run = _id(
        conn,
        link_runs,
        started_at=utcnow(),
        run_by=1,
        engine="duckdb",
        model={},
        threshold=0.9,
        n_records=2,
        n_persons=1,
        n_held=0,
        n_labels=0,
    )
    spellings = ("بهروز خلیلی", "Behrouz Khalili")
    prisons = ("زندان اوین", "Evin")
    for n, (source, name, prison) in enumerate(zip(sources, spellings, prisons, strict=True)):
        lst = _id(
            conn,
            victim_lists,
            name=f"list{n}",
            version=1,
            source_id=source,
            calendar="gregorian",
            file_sha256="0" * 64,
            column_map={},
            n_records=1,
            imported_at=utcnow(),
            imported_by=1,
        )
        record = _id(
            conn,
            person_records,
            list_id=lst,
            row_number=1,
            full_name=name,
            prison=prison,
            city="Rasht",
            father_name="Fictional Father",
        )
        conn.execute(
            insert(person_members).values(record_id=record, person_id="P1", run_id=run, held=0)
        )
        base = {"record_id": record, "list_id": lst, "source_id": source}
        for row in [
            dict(
                base,
                kind="execution",
                place=prison,
                value=None,
                date_text="1988-08-10",
                date_calendar="gregorian",
                date_precision="day",
                date_start="1988-08-10",
                date_end="1988-08-10",
            ),
            dict(base, kind="detention", place=prison, value=None),
            dict(base, kind="affiliation", place=None, value="Fictional Party"),
        ]:
            conn.execute(insert(list_claims).values(**row))


def build(workspace: Workspace) -> Register:
    """Fill ``workspace`` with the register above; the app's editor publishes it."""
    locker = Locker.open(workspace)
    families = _source(
        locker, "Behrouz Khalili was executed at Evin.", title="A sister's account",
        publisher="Families' association", affiliation="families", reliability="C",
    )  # fmt: skip
    ngo = _source(
        locker, "Our records give 5 September 1988.", title="NGO list of the executed",
        publisher="Documentation centre", affiliation="ngo", reliability="B",
    )  # fmt: skip
    secret = _source(
        locker, "He was arrested in Rasht.", title=CONFIDENTIAL_TITLE, confidential=True
    )
    now = utcnow()
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        editor = users.add_user(conn, "page-editor", Role.EDITOR, actor=admin)
        person = {"protected": False, "created_at": now, "created_by": 1}
        n1 = _id(conn, named_persons, name="Behrouz Khalili", name_key="behrouzkhalili", **person)
        n2 = _id(conn, named_persons, name="Jalal Sharifi", name_key="jalalsharifi", **person)
        n3 = _id(conn, named_persons, name="Nasrin Tavakoli", name_key="nasrintavakoli", **person)
        n4 = _id(conn, named_persons, name=HIDDEN_PERPETRATOR, name_key="kamranyazdi", **person)
        evin = _id(conn, places, name="Evin Prison", kind="prison", created_at=now)
        khavaran = _id(conn, places, name="Khavaran Cemetery", kind="cemetery", created_at=now)
        day = {"date_start": "1988-08-10", "date_end": "1988-08-10", "date_text": "10 August 1988"}
        c1 = _claim(conn, families, "execution", victim_id=n1, place_id=evin, **day)
        c2 = _claim(
            conn, ngo, "execution", victim_id=n1, place_id=evin, date_text="5 September 1988",
            date_start="1988-09-05", date_end="1988-09-05",
        )  # fmt: skip
        c3 = _claim(conn, families, "took_part", victim_id=n1, perpetrator_id=n2, **day)
        c4 = _claim(conn, ngo, "burial", victim_id=n1, place_id=khavaran, detail=UNPUBLISHED_BURIAL)
        c5 = _claim(conn, secret, "arrest", victim_id=n1)
        c6 = _claim(conn, families, "execution", victim_id=n3, place_id=evin, **day)
        c7 = _claim(conn, ngo, "ordered", victim_id=n1, perpetrator_id=n4, **day)
        e1 = _id(
            conn, events, kind="execution", key="e1", title="Execution of Behrouz Khalili",
            place_id=evin, date_start="1988-08-10", date_end="1988-08-10", created_at=now,
        )  # fmt: skip
        e2 = _id(
            conn, events, kind="execution", key="e2", title="Execution of Nasrin Tavakoli",
            place_id=evin, date_start="1988-08-10", date_end="1988-08-10", created_at=now,
        )  # fmt: skip
        conn.execute(
            insert(event_claims),
            [{"event_id": e1, "claim_id": c} for c in (c1, c3, c7)]
            + [{"event_id": e2, "claim_id": c6}],
        )
        i1 = _id(conn, involvements, event_id=e1, person_id=n1, role="victim")
        i2 = _id(
            conn, involvements, event_id=e1, person_id=n2, role="alleged_perpetrator",
            degree="took part",
        )  # fmt: skip
        i3 = _id(conn, involvements, event_id=e2, person_id=n3, role="victim")
        i4 = _id(conn, involvements, event_id=e1, person_id=n4, role="alleged_perpetrator")
        conn.execute(
            insert(involvement_claims),
            [
                {"involvement_id": i1, "claim_id": c1},
                {"involvement_id": i2, "claim_id": c3},
                {"involvement_id": i3, "claim_id": c6},
                {"involvement_id": i4, "claim_id": c7},
            ],
        )
        _lists(conn, [families, ngo])
        add(
            conn,
            [
                IndexEntry("P1", "R1", "بهروز خلیلی"),
                IndexEntry("P1", "R2", "Behrouz Khalili"),
                IndexEntry("N1", "N1", "Behrouz Khalili"),
                IndexEntry("N3", "N3", "Nasrin Tavakoli"),
            ],
        )
        rules = Rules(min_independent_sources=1)
        for kind, item in [
            ("person", "P1"),
            ("person", f"N{n1}"),
            ("person", f"N{n3}"),
            ("event", str(e1)),
            ("event", str(e2)),
            ("involvement", str(i1)),
            ("involvement", str(i2)),
            ("involvement", str(i3)),
            ("claim", str(c2)),
        ]:
            publish(conn, editor, kind, item, rules=rules)
    return Register(e1, e2, c2, c4, c5)

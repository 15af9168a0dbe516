"""The publication queue's "public now" holds only publications that still hold for a row.

A published event whose only claim is rejected is deleted; its publication
stays live in the table (nothing shows publicly, `visibility.not_edited_since`).
The queue must not count it among the items public now (both backends).
"""

from __future__ import annotations

from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records, visibility
from reckon.publish.items import ItemType
from reckon.publish.queue import publication_queue
from reckon.store import users
from reckon.store.schema import events, involvements
from reckon.workspace import Workspace


def _code(ws: Workspace, text: str, name: str) -> list[int]:
    found = add_bytes(Locker.open(ws), text.encode(), name, SourceFacts(title=name))
    assert found.source_id is not None
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        ids = list(propose_from_source(ws, found.source_id).new_claims)
        for claim_id in ids:
            decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    return ids


def test_a_deleted_event_is_not_public_in_the_queue(ws: Workspace) -> None:
    [claim] = _code(ws, "Shahrzad Varjavand was executed at Evin Prison on 10 August 1988.\n", "a")
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        [(event_id, inv_id)] = conn.execute(select(involvements.c.event_id, involvements.c.id))
        records.publish(conn, admin, "claim", str(claim))
        records.publish(conn, admin, "event", str(event_id))
        records.publish(conn, admin, "involvement", str(inv_id))
        for kind in (ItemType.EVENT, ItemType.INVOLVEMENT):
            queue = publication_queue(conn, admin, kind)
            assert [p.item_id for p in queue.public] == [
                str(event_id if kind is ItemType.EVENT else inv_id)
            ]
    base = ws.settings
    ws.settings = base.with_overrides(user="coder")
    try:
        decide(ws, claim, "reject", reason="not what the report says")
    finally:
        ws.settings = base
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
        assert conn.execute(select(events.c.id)).first() is None
        assert not visibility.what_is_public(conn).ids("event")
        for kind in (ItemType.EVENT, ItemType.INVOLVEMENT):
            queue = publication_queue(conn, admin, kind)
            assert queue.public == ()
            assert queue.waiting == ()

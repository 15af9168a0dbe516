"""Events and involvements, built from accepted claims (HURIDOCS acts and involvements).

An accepted claim of a victim kind (an execution, an arrest…) supports the
event "<kind> of <victim>" and the victim's involvement in it. An accepted
role claim (ordered, took part, was present, sat on a commission) supports an
alleged perpetrator's involvement, with its degree, in the victim's execution
when the claim names a victim, otherwise in "the commission at <place>".
Claims of confidential sources build no events: an event's supporting claims
are listed openly, and a person's link to a confidential source must not be.
Named persons of different sources that someone decided are one person
(`reckon.claims.ties`) share their events and involvements.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, func, or_, select

from reckon.claims.persons import person_name, place_name
from reckon.claims.sealed import event_title, title_template
from reckon.evidence.locker import Locker
from reckon.extract.claims import ROLE_KINDS, ClaimKind
from reckon.store.schema import (
    claims,
    event_claims,
    events,
    involvement_claims,
    involvements,
    sources,
)
from reckon.store.types import utcnow
from reckon.store.users import User

DEGREES = {
    ClaimKind.ORDERED: "gave orders",
    ClaimKind.TOOK_PART: "carried it out",
    ClaimKind.WAS_PRESENT: "was present",
    ClaimKind.SAT_ON_COMMISSION: "member of the commission",
}
NO_EVENT = {ClaimKind.AFFILIATION, ClaimKind.FIGURE}


def _event(conn: Connection, key: str, kind: str, title: str, row: Any) -> int:
    found = conn.execute(select(events.c.id).where(events.c.key == key)).first()
    if found is not None:
        return int(found.id)
    result = conn.execute(
        events.insert().values(
            kind=kind,
            key=key,
            title=title,
            place_id=row.place_id,
            date_start=row.date_start,
            date_end=row.date_end,
            created_at=utcnow(),
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _involve(
    conn: Connection, event_id: int, person_id: int, role: str, degree: str | None, claim_id: int
) -> None:
    found = conn.execute(
        select(involvements.c.id).where(
            involvements.c.event_id == event_id,
            involvements.c.person_id == person_id,
            involvements.c.role == role,
        )
    ).first()
    if found is None:
        result = conn.execute(
            involvements.insert().values(
                event_id=event_id, person_id=person_id, role=role, degree=degree
            )
        )
        involvement_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    else:
        involvement_id = int(found.id)
    conn.execute(
        involvement_claims.insert().values(involvement_id=involvement_id, claim_id=claim_id)
    )


def _detach(conn: Connection, claim_id: int) -> None:
    conn.execute(delete(event_claims).where(event_claims.c.claim_id == claim_id))
    conn.execute(delete(involvement_claims).where(involvement_claims.c.claim_id == claim_id))
    # Involvements and events that no claim supports any more go.
    supported = select(involvement_claims.c.involvement_id)
    conn.execute(delete(involvements).where(involvements.c.id.not_in(supported)))
    conn.execute(
        delete(events).where(
            events.c.id.not_in(select(event_claims.c.event_id)),
            events.c.id.not_in(select(involvements.c.event_id)),
        )
    )


def sync(conn: Connection, locker: Locker, claim_id: int) -> None:
    """Bring events and involvements in line with one claim's current status."""
    _sync(conn, claim_id)


def resync_persons(conn: Connection, person_ids: Iterable[int]) -> None:
    """Rebuild the events of every claim about these named persons (after ties changed).

    Named persons that someone decided are one person share their events and
    involvements (keyed by the group's lowest id), so that every source's claim
    supports the one execution and the one alleged perpetrator's involvement.
    """
    wanted = sorted(set(person_ids))
    if not wanted:
        return
    claim_ids = conn.execute(
        select(claims.c.id)
        .where(or_(claims.c.victim_id.in_(wanted), claims.c.perpetrator_id.in_(wanted)))
        .order_by(claims.c.id)
    ).scalars()
    for claim_id in list(claim_ids):
        _sync(conn, int(claim_id))


def _sync(conn: Connection, claim_id: int) -> None:
    _detach(conn, claim_id)
    row = conn.execute(
        select(claims, sources.c.confidential)
        .join(sources, sources.c.id == claims.c.source_id)
        .where(claims.c.id == claim_id)
    ).first()
    if row is None or row.status != "accepted" or row.confidential or row.sealed_parties:
        return
    kind = ClaimKind(row.kind)
    if kind in NO_EVENT:
        return
    from reckon.claims.ties import same_person_groups

    # Two sources' named persons decided to be one: one event, one involvement, keyed
    # by the group's lowest id (reckon.claims.ties).
    same = same_person_groups(conn)
    victim_id = None if row.victim_id is None else same.get(row.victim_id, row.victim_id)
    if kind in ROLE_KINDS:
        if row.perpetrator_id is None:
            return
        perpetrator_id = same.get(row.perpetrator_id, row.perpetrator_id)
        if victim_id is not None:
            event_id = _event(
                conn,
                f"execution:{victim_id}",
                "execution",
                title_template("execution", victim_id),
                row,
            )
        else:
            place = place_name(conn, row.place_id) or "an unknown place"
            event_id = _event(
                conn,
                f"commission:{row.place_id or 0}",
                "commission",
                f"The commission at {place}",
                row,
            )
        conn.execute(event_claims.insert().values(event_id=event_id, claim_id=claim_id))
        _involve(conn, event_id, perpetrator_id, "alleged_perpetrator", DEGREES[kind], claim_id)
        return
    if victim_id is None:
        return
    # The title names the victim by reference: the name stays sealed (reckon.claims.sealed).
    title = title_template(kind.value, victim_id)
    event_id = _event(conn, f"{kind.value}:{victim_id}", kind.value, title, row)
    conn.execute(event_claims.insert().values(event_id=event_id, claim_id=claim_id))
    _involve(conn, event_id, victim_id, "victim", None, claim_id)


def involvements_of(
    conn: Connection, locker: Locker, user: User, person_id: int
) -> list[dict[str, Any]]:
    """A person's involvements with their events and supporting claim ids."""
    rows = conn.execute(
        select(involvements, events.c.title, events.c.kind.label("event_kind"))
        .join(events, events.c.id == involvements.c.event_id)
        .where(involvements.c.person_id == person_id)
        .order_by(involvements.c.id)
    ).all()
    found = []
    for row in rows:
        claim_ids = [
            int(c)
            for c in conn.execute(
                select(involvement_claims.c.claim_id).where(
                    involvement_claims.c.involvement_id == row.id
                )
            ).scalars()
        ]
        found.append(
            {
                "involvement": int(row.id),
                "event": int(row.event_id),
                "event_title": event_title(conn, str(row.title)),
                "role": row.role,
                "degree": row.degree,
                "claims": claim_ids,
                "person": person_name(conn, locker, user, person_id),
            }
        )
    return found


def count(conn: Connection) -> tuple[int, int]:
    """Events and involvements in the store."""
    n_events = conn.execute(select(func.count()).select_from(events)).scalar_one()
    n_inv = conn.execute(select(func.count()).select_from(involvements)).scalar_one()
    return int(n_events), int(n_inv)

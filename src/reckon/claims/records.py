"""Claims read back from the store, showing each reader only what they may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from reckon.claims.persons import person_name, place_name
from reckon.claims.protect import may_read_confidential, open_json
from reckon.claims.sealed import names as person_names
from reckon.claims.sealed import open_details
from reckon.errors import NotFoundError
from reckon.evidence.locker import Locker
from reckon.extract.claims import ROLE_KINDS, ClaimKind
from reckon.keys import is_sealed_field
from reckon.store.schema import claims, source_grades, sources, users
from reckon.store.users import User

HIDDEN = "(confidential)"


@dataclass(frozen=True)
class ClaimRecord:
    """One stored claim as its reader may see it."""

    id: int
    source_id: int
    confidential: bool
    visible: bool  # False: a confidential claim whose parties the reader may not see
    kind: str
    victim_id: int | None
    victim: str | None
    perpetrator_id: int | None
    perpetrator: str | None
    place_id: int | None
    place: str | None
    detail: str | None
    date_text: str | None
    date_calendar: str | None
    date_precision: str | None
    date_start: str | None
    date_end: str | None
    quote_start: int | None
    quote_end: int | None
    artifact_id: int | None
    credibility: int
    credibility_by: str | None
    credibility_reason: str | None
    reliability: str
    reliability_by: str | None
    reliability_reason: str | None
    affiliation: str | None
    status: str
    decided_by: str | None
    decided_at: str | None

    @property
    def grade(self) -> str:
        """The Admiralty grade: source reliability and claim credibility (e.g. C3)."""
        return f"{self.reliability}{self.credibility}"

    @property
    def is_role(self) -> bool:
        return ClaimKind(self.kind) in ROLE_KINDS

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source_id,
            "confidential": self.confidential,
            "kind": self.kind,
            "victim": self.victim,
            "victim_id": self.victim_id,
            "perpetrator": self.perpetrator,
            "perpetrator_id": self.perpetrator_id,
            "place": self.place,
            "detail": self.detail,
            "date": None
            if self.date_text is None
            else {
                "text": self.date_text,
                "calendar": self.date_calendar,
                "precision": self.date_precision,
                "start": self.date_start,
                "end": self.date_end,
            },
            "quote": None if self.quote_start is None else [self.quote_start, self.quote_end],
            "grade": self.grade,
            "reliability": {
                "value": self.reliability,
                "by": self.reliability_by,
                "why": self.reliability_reason,
            },
            "credibility": {
                "value": self.credibility,
                "by": self.credibility_by,
                "why": self.credibility_reason,
            },
            "status": self.status,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
        }


def _user_names(conn: Connection) -> dict[int, str]:
    return {int(r.id): str(r.name) for r in conn.execute(select(users.c.id, users.c.name))}


def _source_grades(
    conn: Connection, names: dict[int, str]
) -> dict[int, tuple[str | None, str | None]]:
    """Who gave each source its current reliability grade, and why (the newest grading)."""
    found: dict[int, tuple[str | None, str | None]] = {}
    for row in conn.execute(select(source_grades).order_by(source_grades.c.id)):
        found[int(row.source_id)] = (names.get(row.graded_by), row.reason)
    return found


def parties(locker: Locker, row: Any) -> tuple[int | None, int | None, bool]:
    """(victim id, perpetrator id, visible) of a claim row, unsealing when allowed."""
    if row.sealed_parties is None:
        return row.victim_id, row.perpetrator_id, True
    data = open_json(locker, row.sealed_parties, f"claim:{row.id}:parties")
    return data.get("victim"), data.get("perpetrator"), True


def load_claims(
    conn: Connection,
    locker: Locker,
    user: User,
    *,
    claim_ids: list[int] | None = None,
    source: int | None = None,
    kind: str | None = None,
    status: str | None = None,
    person: int | None = None,
) -> list[ClaimRecord]:
    """Claims matching the filters, in id order; confidential ones only as far as allowed."""
    query = (
        select(
            claims,
            sources.c.confidential,
            sources.c.reliability,
            sources.c.affiliation,
        )
        .join(sources, sources.c.id == claims.c.source_id)
        .order_by(claims.c.id)
    )
    if claim_ids is not None:
        query = query.where(claims.c.id.in_(claim_ids))
    if source is not None:
        query = query.where(claims.c.source_id == source)
    if kind is not None:
        query = query.where(claims.c.kind == kind)
    if status is not None:
        query = query.where(claims.c.status == status)
    names = _user_names(conn)
    graded = _source_grades(conn, names)
    readable = may_read_confidential(locker, user)
    found = []
    rows = conn.execute(query).all()
    details = open_details(conn, rows)  # an affiliation is sealed (reckon.claims.sealed)
    # Names are opened in bulk (reckon.claims.sealed: two queries per 500 persons), not one
    # person at a time; a protected name (a data-key token) is opened as the reader may.
    known: dict[int | None, str | None] = {None: None}
    bulk = person_names(conn, {p for r in rows for p in (r.victim_id, r.perpetrator_id) if p})

    def name_of(person_id: int | None) -> str | None:
        if person_id not in known:
            value = bulk.get(person_id) if person_id is not None else None
            if person_id not in bulk or (value is not None and is_sealed_field(value)):
                value = person_name(conn, locker, user, person_id)
            known[person_id] = value
        return known[person_id]

    for row in rows:
        if row.sealed_parties is not None and not readable:
            victim_id = perpetrator_id = None
            visible = False
        else:
            victim_id, perpetrator_id, visible = parties(locker, row)
        if person is not None and person not in (victim_id, perpetrator_id):
            continue
        found.append(
            ClaimRecord(
                id=int(row.id),
                source_id=int(row.source_id),
                confidential=bool(row.confidential),
                visible=visible,
                kind=str(row.kind),
                victim_id=victim_id,
                victim=name_of(victim_id) if visible else HIDDEN,
                perpetrator_id=perpetrator_id,
                perpetrator=name_of(perpetrator_id) if visible else HIDDEN,
                place_id=row.place_id,
                place=place_name(conn, row.place_id),
                detail=details[int(row.id)],
                date_text=row.date_text if visible else (HIDDEN if row.date_text else None),
                date_calendar=row.date_calendar,
                date_precision=row.date_precision,
                date_start=row.date_start,
                date_end=row.date_end,
                quote_start=row.quote_start,
                quote_end=row.quote_end,
                artifact_id=row.artifact_id,
                credibility=int(row.credibility),
                credibility_by=names.get(row.credibility_by) if row.credibility_by else None,
                credibility_reason=row.credibility_reason,
                reliability=str(row.reliability),
                reliability_by=graded.get(int(row.source_id), (None, None))[0],
                reliability_reason=graded.get(int(row.source_id), (None, None))[1],
                affiliation=row.affiliation,
                status=str(row.status),
                decided_by=names.get(row.decided_by) if row.decided_by else None,
                decided_at=None if row.decided_at is None else row.decided_at.isoformat(),
            )
        )
    return found


def load_claim(conn: Connection, locker: Locker, user: User, claim_id: int) -> ClaimRecord:
    found = load_claims(conn, locker, user, claim_ids=[claim_id])
    if not found:
        raise NotFoundError(
            f"There is no claim {claim_id}.", hint="List claims with 'reckon claims'."
        )
    return found[0]

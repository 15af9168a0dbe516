"""Everything known about one person, each item with its sources and corroboration."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from reckon.claims.corroboration import Corroboration, corroborate
from reckon.claims.events import involvements_of
from reckon.claims.persons import person_name
from reckon.claims.protect import may_read_confidential, open_json
from reckon.claims.records import ClaimRecord, load_claims
from reckon.claims.sealed import mention_texts
from reckon.claims.witnesses import reveal_witnesses
from reckon.errors import NotFoundError
from reckon.evidence.locker import Locker
from reckon.evidence.text import source_text
from reckon.store.schema import mentions, named_persons, sources
from reckon.store.users import User


@dataclass
class PersonReport:
    """A person as the reader may see them."""

    id: int
    name: str
    spellings: list[str]
    claims: list[tuple[ClaimRecord, Corroboration, str | None]]
    involvements: list[dict[str, Any]]
    hidden_claims: int = 0
    witness_records: list[dict[str, Any]] | None = None
    source_titles: dict[int, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "spellings": self.spellings,
            "claims": [
                {
                    **claim.as_json(),
                    "quote_text": quote,
                    "source_title": self.source_titles.get(claim.source_id),
                    "corroboration": {
                        "supporting_claims": c.supporting,
                        "sources": c.sources,
                        "independent_sources": c.independent,
                        "best_grade": c.best_grade,
                        "conflicts_with": c.conflicts,
                    },
                }
                for claim, c, quote in self.claims
            ],
            "involvements": self.involvements,
            "hidden_claims": self.hidden_claims,
            **({} if self.witness_records is None else {"witness_records": self.witness_records}),
        }


def _quote(conn: Connection, locker: Locker, user: User, claim: ClaimRecord) -> str | None:
    if claim.quote_start is None or claim.quote_end is None:
        return None
    if claim.confidential and not may_read_confidential(locker, user):
        return None
    text = source_text(locker, conn, user, claim.source_id, claim.artifact_id)
    return None if text is None else text.text[claim.quote_start : claim.quote_end]


def _spellings(conn: Connection, locker: Locker, user: User, person_id: int) -> list[str]:
    seen: list[str] = []
    for text in mention_texts(conn, person_id).values():
        clean = " ".join(str(text).split())
        if clean not in seen:
            seen.append(clean)
    if may_read_confidential(locker, user):
        for row in conn.execute(
            select(mentions.c.id, mentions.c.sealed).where(mentions.c.sealed.is_not(None))
        ):
            data = open_json(locker, row.sealed, f"mention:{row.id}")
            clean = " ".join(str(data.get("text", "")).split())
            if data.get("person") == person_id and clean and clean not in seen:
                seen.append(clean)
    return seen


def person_report(
    conn: Connection, locker: Locker, user: User, person_id: int, *, reveal: bool = False
) -> PersonReport:
    """Claims about the person (as victim or alleged perpetrator) with corroboration and
    conflicts, their involvements, and, only with ``reveal``, their witness records."""
    if (
        conn.execute(select(named_persons.c.id).where(named_persons.c.id == person_id)).first()
        is None
    ):
        raise NotFoundError(
            f"There is no person {person_id}.", hint="Find ids with 'reckon claims'."
        )
    pool = load_claims(conn, locker, user)
    visible = [c for c in pool if c.visible]
    mine = [c for c in visible if person_id in (c.victim_id, c.perpetrator_id)]
    report = PersonReport(
        id=person_id,
        name=person_name(conn, locker, user, person_id) or "",
        spellings=_spellings(conn, locker, user, person_id),
        claims=[
            (c, corroborate(conn, c, visible), _quote(conn, locker, user, c))
            for c in mine
            if c.status != "rejected"
        ],
        involvements=involvements_of(conn, locker, user, person_id),
        hidden_claims=sum(1 for c in pool if not c.visible),
    )
    for claim, _, _ in report.claims:
        title = conn.execute(
            select(sources.c.title, sources.c.confidential).where(sources.c.id == claim.source_id)
        ).first()
        if title is not None:
            report.source_titles[claim.source_id] = (
                f"confidential source {claim.source_id}"
                if title.confidential
                else str(title.title or f"source {claim.source_id}")
            )
    if reveal:
        report.witness_records = reveal_witnesses(conn, locker, user, person_id=person_id)
    return report

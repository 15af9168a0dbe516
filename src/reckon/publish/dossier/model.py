"""What a case file holds: a subject, every claim about it, a timeline, conflicts and sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from reckon.publish.views import (
    ClaimView,
    EventView,
    InvolvementView,
    PersonView,
    SourceView,
)


@dataclass(frozen=True)
class Dossier:
    """One case file about a person or an event.

    ``published`` is False for a subject that is not public under the
    publication rules (for example a named alleged perpetrator whose
    involvement was never published): the file then says on every page that
    it is for investigators only.
    """

    kind: Literal["person", "event"]
    subject_id: str
    title: str
    generated_at: datetime
    generated_by: str
    names: tuple[str, ...] = ()
    fields: dict[str, Any] = field(default_factory=dict)
    claims: tuple[ClaimView, ...] = ()
    involvements: tuple[InvolvementView, ...] = ()
    alleged_perpetrator: bool = False
    published: bool = False
    custody_head: str | None = None
    package_name: str | None = None

    @property
    def sources(self) -> list[SourceView]:
        """Every source cited, in the order first cited."""
        seen: dict[str, SourceView] = {}
        for claim in self.claims:
            seen.setdefault(claim.source.id, claim.source)
        return list(seen.values())

    @property
    def timeline(self) -> list[ClaimView]:
        """The dated claims, earliest first (undated ones are left to the claims list)."""
        dated = [c for c in self.claims if c.date is not None]
        return sorted(dated, key=lambda c: (c.date.sort_key if c.date else "", c.id))

    @property
    def conflicts(self) -> list[ClaimView]:
        """Claims that another claim contradicts."""
        return [c for c in self.claims if c.conflicts_with]


def for_person(
    person: PersonView,
    *,
    generated_by: str,
    generated_at: datetime,
    published: bool,
    custody_head: str | None = None,
    package_name: str | None = None,
) -> Dossier:
    return Dossier(
        kind="person",
        subject_id=person.ref,
        title=person.display_name,
        names=person.names,
        fields=dict(person.fields),
        claims=person.claims,
        alleged_perpetrator=person.alleged_perpetrator,
        published=published,
        generated_by=generated_by,
        generated_at=generated_at,
        custody_head=custody_head,
        package_name=package_name,
    )


def for_event(
    event: EventView,
    *,
    generated_by: str,
    generated_at: datetime,
    published: bool,
    custody_head: str | None = None,
    package_name: str | None = None,
) -> Dossier:
    claims = list(event.claims)
    known = {c.id for c in claims}
    for involvement in event.involvements:
        claims += [c for c in involvement.claims if c.id not in known]
        known |= {c.id for c in involvement.claims}
    return Dossier(
        kind="event",
        subject_id=event.id,
        title=event.title,
        claims=tuple(claims),
        involvements=event.involvements,
        published=published,
        generated_by=generated_by,
        generated_at=generated_at,
        custody_head=custody_head,
        package_name=package_name,
    )

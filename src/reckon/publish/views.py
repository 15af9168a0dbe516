"""Plain records of what exports and case files show: sources, claims, persons, events.

Readers fill them from the stores of the features that own the data (see
`reckon.publish.readers`); writers (CSV/JSON Lines, FollowTheMoney, the
dossier PDF) take only these, so that each can be tested on its own and no
writer reads a table directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class CustodyLine:
    """One custody-log entry about a source, as a case file prints it."""

    seq: int
    at: datetime
    action: str
    by: str | None
    object: str
    entry_hash: str


@dataclass(frozen=True)
class SourceView:
    """A source as cited: what it is, how reliable, its hash and its custody record."""

    id: str
    title: str
    sha256: str
    reliability: str = "F"
    confidential: bool = False
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    affiliation: str | None = None
    media_type: str | None = None
    derived_from: tuple[str, ...] = ()
    custody: tuple[CustodyLine, ...] = ()

    def as_public(self) -> dict[str, Any]:
        """How the public may cite it (a confidential source only as such)."""
        from reckon.publish.visibility import public_source

        return public_source(
            {
                "id": self.id,
                "title": self.title,
                "publisher": self.publisher,
                "published": self.published,
                "url": self.url,
                "affiliation": self.affiliation,
                "reliability": self.reliability,
                "sha256": self.sha256,
                "confidential": self.confidential,
            }
        )


@dataclass(frozen=True)
class DateView:
    """A date as the source wrote it, with its precision, calendar and Gregorian interval."""

    text: str
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    calendar: str | None = None

    @property
    def sort_key(self) -> str:
        return self.start or self.end or "9999"


@dataclass(frozen=True)
class ClaimView:
    """One claim of one source, with its grades, corroboration and conflicts."""

    id: str
    kind: str
    source: SourceView
    quote: str
    status: str = "accepted"
    subject_ref: str | None = None
    subject_name: str | None = None
    perpetrator_ref: str | None = None
    perpetrator_name: str | None = None
    place: str | None = None
    date: DateView | None = None
    credibility: int = 6
    accepted_by: str | None = None
    supporting_sources: int = 1
    independent_sources: int = 1
    conflicts_with: tuple[str, ...] = ()
    # For a figure another published (kind "figure"): the figure, attributed, with its interval.
    figure: str | None = None

    @property
    def grade(self) -> str:
        """The Admiralty grade: the source's reliability and the claim's credibility, e.g. C3."""
        return f"{self.source.reliability}{self.credibility}"


@dataclass(frozen=True)
class PersonView:
    """A person: every spelling of the name, their fields, and the claims about them."""

    ref: str
    names: tuple[str, ...]
    fields: dict[str, Any] = field(default_factory=dict)
    claims: tuple[ClaimView, ...] = ()
    alleged_perpetrator: bool = False

    @property
    def display_name(self) -> str:
        return self.names[0] if self.names else self.ref


@dataclass(frozen=True)
class InvolvementView:
    """A person's part in an event (victim, alleged perpetrator), as claims support it."""

    id: str
    person_ref: str
    person_name: str
    event_id: str
    role: str
    degree: str | None = None
    status: str | None = None
    status_as_of: str | None = None
    claims: tuple[ClaimView, ...] = ()


@dataclass(frozen=True)
class EventView:
    """A violation with its place and time, the claims that support it, and who took part."""

    id: str
    title: str
    kind: str
    place: str | None = None
    date: DateView | None = None
    claims: tuple[ClaimView, ...] = ()
    involvements: tuple[InvolvementView, ...] = ()

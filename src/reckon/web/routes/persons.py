"""A person's public page (/person/ID) and its API twin (/api/persons/ID).

Both are `reckon.publish.public.public_person`: the names in every spelling,
and what happened when and where, each account with its sources and how many
independent chains support it, conflicting accounts side by side, alleged
perpetrators only where their involvement is published. A person who is not
public is a 404, the same answer as for an id that names nobody, so that the
page does not reveal that an unpublished or withheld record exists. A public
person named in claims (``N…``) whose tied list person (``P…``) is public too
is one human being with one page: their address answers 303 to the list
person's (`reckon.publish.public.canonical_ref`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel
from sqlalchemy import Connection
from starlette.responses import HTMLResponse, RedirectResponse, Response

from reckon.errors import NotFoundError
from reckon.evidence import Locker
from reckon.publish.public import (
    AllegedPerpetrator,
    Citation,
    PublicFact,
    PublicPerson,
    canonical_ref,
)
from reckon.publish.public import public_person as read_public_person
from reckon.publish.views import DateView
from reckon.web.deps import ConnDep, LocaleDep, LockerDep
from reckon.web.public_text import as_written, date_label, kind_label, place_kind_label
from reckon.web.templating import Chrome, render

router = APIRouter()
PersonId = Annotated[str, Path(max_length=80, pattern=r"^[A-Za-z0-9._:-]+$")]


def public_person(conn: Connection, locker: Locker, person_id: str) -> PublicPerson:
    """The public view of a person, or `NotFoundError` if they are not public."""
    person = read_public_person(conn, locker, person_id)
    if person is None:
        raise NotFoundError(
            "There is no published record at this address.",
            hint="Search for the name from the search page.",
        )
    return person


@dataclass(frozen=True)
class PersonPage:
    chrome: Chrome
    person: PublicPerson

    @property
    def in_conflict(self) -> frozenset[str]:
        return frozenset(f.key for f in self.person.facts if f.conflicts_with)

    def kind(self, kind: str) -> str:
        return kind_label(kind, self.chrome.loc)

    def place_kind(self, kind: str | None) -> str:
        return place_kind_label(kind, self.chrome.loc)

    def when(self, date: DateView | None) -> str:
        return date_label(date, self.chrome.loc)

    def written(self, date: DateView | None) -> str:
        return as_written(date, self.chrome.loc)


@router.get("/person/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(loc: LocaleDep, conn: ConnDep, locker: LockerDep, person_id: PersonId) -> Response:
    canonical = canonical_ref(conn, person_id)
    if canonical != person_id:
        return RedirectResponse(loc.url(f"/person/{canonical}"), status_code=303)
    person = public_person(conn, locker, person_id)
    return render("person.html", PersonPage(Chrome(loc=loc, path=f"/person/{person_id}"), person))


class CitationOut(BaseModel):
    title: str
    reliability: str
    confidential: bool
    publisher: str | None
    published: str | None
    url: str | None


class AllegedPerpetratorOut(BaseModel):
    """A person whose involvement is published: always an *alleged* perpetrator."""

    alleged_perpetrator: str
    degree: str | None
    according_to: list[CitationOut]
    independent_sources: int


class DateOut(BaseModel):
    text: str
    start: str | None
    end: str | None
    calendar: str | None


class PlaceOut(BaseModel):
    place_id: str
    name: str
    name_fa: str | None
    kind: str | None


class FactOut(BaseModel):
    key: str
    kind: str
    role: str
    date: DateOut | None
    place: PlaceOut | None
    according_to: list[CitationOut]
    supporting_sources: int
    independent_sources: int
    quotes: list[str]
    grade: str | None
    alleged_perpetrators: list[AllegedPerpetratorOut]
    conflicts_with: list[str]


class PersonOut(BaseModel):
    person_id: str
    names: list[str]
    facts: list[FactOut]
    conflicts: list[list[str]]
    fields: dict[str, Any]


def citation_out(c: Citation) -> CitationOut:
    return CitationOut(
        title=c.title,
        reliability=c.reliability,
        confidential=c.confidential,
        publisher=c.publisher,
        published=c.published,
        url=c.url,
    )


def alleged_out(a: AllegedPerpetrator) -> AllegedPerpetratorOut:
    return AllegedPerpetratorOut(
        alleged_perpetrator=a.name,
        degree=a.degree,
        according_to=[citation_out(c) for c in a.according_to],
        independent_sources=a.independent_sources,
    )


def fact_out(f: PublicFact) -> FactOut:
    return FactOut(
        key=f.key,
        kind=f.kind,
        role=f.role,
        date=None
        if f.date is None
        else DateOut(
            text=f.date.text, start=f.date.start, end=f.date.end, calendar=f.date.calendar
        ),
        place=None
        if f.place is None
        else PlaceOut(
            place_id=f.place.id, name=f.place.name, name_fa=f.place.persian, kind=f.place.kind
        ),
        according_to=[citation_out(c) for c in f.according_to],
        supporting_sources=f.supporting_sources,
        independent_sources=f.independent_sources,
        quotes=list(f.quotes),
        grade=f.grade,
        alleged_perpetrators=[alleged_out(a) for a in f.alleged_perpetrators],
        conflicts_with=list(f.conflicts_with),
    )


@router.get(
    "/api/persons/{person_id}",
    response_model=PersonOut,
    responses={303: {"description": "A named person whose list person is public: see there."}},
)
def person_api(
    conn: ConnDep, locker: LockerDep, person_id: PersonId
) -> PersonOut | RedirectResponse:
    """A published person: every spelling of their name, and what happened, each with its sources.

    Query parameters other than the language are ignored: what is shown never depends on them.
    A person named in claims who is tied to a public list person answers 303 to that person.
    """
    canonical = canonical_ref(conn, person_id)
    if canonical != person_id:
        return RedirectResponse(f"/api/persons/{canonical}", status_code=303)
    person = public_person(conn, locker, person_id)
    return PersonOut(
        person_id=person.ref,
        names=list(person.names),
        facts=[fact_out(f) for f in person.facts],
        conflicts=[[f.key for f in group] for group in person.conflicts],
        fields=dict(person.fields),
    )

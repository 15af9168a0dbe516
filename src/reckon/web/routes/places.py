"""Place pages: the list of sites (/places) and one site (/places/ID), with their API twins.

Both are `reckon.publish.public.places`: prisons, cemeteries and mass graves
with names in both scripts where reckon knows them, and only what is published
about them. A place with nothing published is a 404, like an unknown id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel
from starlette.responses import HTMLResponse

from reckon.errors import NotFoundError
from reckon.publish.public.places import PlaceSummary, PublicPlace, public_place, public_places
from reckon.publish.views import DateView
from reckon.web.deps import ConnDep, LocaleDep, LockerDep
from reckon.web.public_text import date_label, kind_label, place_kind_label
from reckon.web.routes.persons import (
    AllegedPerpetratorOut,
    CitationOut,
    PlaceOut,
    alleged_out,
    citation_out,
)
from reckon.web.templating import Chrome, render

router = APIRouter()
PlaceId = Annotated[str, Path(max_length=120, pattern=r"^[a-z0-9-]+$")]


@dataclass(frozen=True)
class PlacesPage:
    chrome: Chrome
    places: tuple[PlaceSummary, ...]

    def place_kind(self, kind: str | None) -> str:
        return place_kind_label(kind, self.chrome.loc)


@dataclass(frozen=True)
class PlacePage:
    chrome: Chrome
    site: PublicPlace

    def kind(self, kind: str) -> str:
        return kind_label(kind, self.chrome.loc)

    def place_kind(self, kind: str | None) -> str:
        return place_kind_label(kind, self.chrome.loc)

    def when(self, date: DateView | None) -> str:
        return date_label(date, self.chrome.loc)


def _site(conn: ConnDep, locker: LockerDep, place_id: str) -> PublicPlace:
    site = public_place(conn, locker, place_id)
    if site is None:
        raise NotFoundError(
            "There is no published place at this address.", hint="See the list of places."
        )
    return site


@router.get("/places", response_class=HTMLResponse, include_in_schema=False)
def places_page(loc: LocaleDep, conn: ConnDep, locker: LockerDep) -> HTMLResponse:
    found = tuple(public_places(conn, locker))
    return render("places.html", PlacesPage(Chrome(loc=loc, path="/places"), found))


@router.get("/places/{place_id}", response_class=HTMLResponse, include_in_schema=False)
def place_page(loc: LocaleDep, conn: ConnDep, locker: LockerDep, place_id: PlaceId) -> HTMLResponse:
    site = _site(conn, locker, place_id)
    return render("place.html", PlacePage(Chrome(loc=loc, path=f"/places/{place_id}"), site))


class PlaceSummaryOut(PlaceOut):
    persons: int
    events: int


class PlacePersonOut(BaseModel):
    person_id: str
    name: str
    kinds: list[str]


class PlaceVictimOut(BaseModel):
    name: str
    person_id: str | None


class PlaceEventOut(BaseModel):
    event_id: str
    kind: str
    date_start: str | None
    date_end: str | None
    victims: list[PlaceVictimOut]
    alleged_perpetrators: list[AllegedPerpetratorOut]
    according_to: list[CitationOut]
    independent_sources: int


class PlaceDetailOut(PlaceOut):
    city: str | None
    persons: list[PlacePersonOut]
    events: list[PlaceEventOut]


@router.get("/api/places", response_model=list[PlaceSummaryOut])
def places_api(conn: ConnDep, locker: LockerDep) -> list[PlaceSummaryOut]:
    """Prisons, cemeteries and mass graves with published persons or events, busiest first."""
    return [
        PlaceSummaryOut(
            place_id=s.place.id,
            name=s.place.name,
            name_fa=s.place.persian,
            kind=s.place.kind,
            persons=s.persons,
            events=s.events,
        )
        for s in public_places(conn, locker)
    ]


@router.get("/api/places/{place_id}", response_model=PlaceDetailOut)
def place_api(conn: ConnDep, locker: LockerDep, place_id: PlaceId) -> PlaceDetailOut:
    """One site: the published persons lists record there, and the published events there."""
    site = _site(conn, locker, place_id)
    return PlaceDetailOut(
        place_id=site.place.id,
        name=site.place.name,
        name_fa=site.place.persian,
        kind=site.place.kind,
        city=site.place.city,
        persons=[
            PlacePersonOut(person_id=p.ref, name=p.name, kinds=list(p.kinds)) for p in site.persons
        ],
        events=[
            PlaceEventOut(
                event_id=e.id,
                kind=e.kind,
                date_start=e.date.start if e.date else None,
                date_end=e.date.end if e.date else None,
                victims=[PlaceVictimOut(name=v.name, person_id=v.ref) for v in e.victims],
                alleged_perpetrators=[alleged_out(a) for a in e.alleged_perpetrators],
                according_to=[citation_out(c) for c in e.according_to],
                independent_sources=e.independent_sources,
            )
            for e in site.events
        ],
    )

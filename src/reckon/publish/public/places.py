"""Prisons, cemeteries and mass graves on the public register, with who and what is recorded there.

A place is shown only through published content: the published persons whose
lists name it as their prison (and as the place of their execution), and the
published events that took place there with their published involvements. A
place with nothing published about it has no page, so that a site named only
in unpublished or confidential material stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select

from reckon.evidence.locker import Locker
from reckon.link.identity import open_rows
from reckon.publish.items import ItemType
from reckon.publish.public.facts import AllegedPerpetrator, Citation
from reckon.publish.public.gazetteer import PlaceRef, place_ref
from reckon.publish.public.person import (
    PUBLIC_READER,
    _alleged,
    _citations,
    _event_date,
    _independent,
    _is_name,
    same_person,
)
from reckon.publish.readers import ReadContext, readers
from reckon.publish.redact import redact_citations, redactor
from reckon.publish.views import DateView
from reckon.publish.visibility import public_ids, public_persons
from reckon.store.schema import events, list_claims, person_members, person_records, places

_LISTED = ("detention", "execution")


@dataclass(frozen=True)
class PlacePerson:
    """A published person a list records at the place, and what it says happened there."""

    ref: str
    name: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class PlaceVictim:
    name: str
    ref: str | None  # their public page, when they have one


@dataclass(frozen=True)
class PlaceEvent:
    """A published event at the place, with its published victims and alleged perpetrators."""

    id: str
    kind: str
    date: DateView | None
    victims: tuple[PlaceVictim, ...]
    alleged_perpetrators: tuple[AllegedPerpetrator, ...]
    according_to: tuple[Citation, ...]
    independent_sources: int


@dataclass(frozen=True)
class PublicPlace:
    place: PlaceRef
    persons: tuple[PlacePerson, ...]
    events: tuple[PlaceEvent, ...]


@dataclass(frozen=True)
class PlaceSummary:
    place: PlaceRef
    persons: int
    events: int


def _name(row: object) -> str:
    full = getattr(row, "full_name", None)
    parts = (getattr(row, "given_name", None), getattr(row, "surname", None))
    return str(full or " ".join(p for p in parts if p))


Listed = tuple[PlaceRef, dict[str, PlacePerson]]


def _listed_persons(conn: Connection) -> dict[str, Listed]:
    """For each place page id, the place and the published persons lists record there."""
    rows = conn.execute(
        select(
            person_members.c.person_id,
            list_claims.c.kind,
            list_claims.c.place,
            person_records.c.id,
            person_records.c.full_name,
            person_records.c.given_name,
            person_records.c.surname,
        )
        .join(person_members, person_members.c.record_id == list_claims.c.record_id)
        .join(person_records, person_records.c.id == list_claims.c.record_id)
        .where(list_claims.c.kind.in_(_LISTED), list_claims.c.place.is_not(None))
        .order_by(person_records.c.id)
    ).all()
    # Imported names are sealed under each record's erasure key, not stored in clear.
    rows = open_rows(conn, rows)
    public = public_persons(conn, {str(r.person_id) for r in rows})
    # As on the person page: a place is shown for a person only where a list gives it as
    # their prison (an execution "place" may otherwise be a home town, a private field).
    prisons: dict[str, set[str]] = {}
    for row in rows:
        if row.kind == "detention":
            prisons.setdefault(str(row.person_id), set()).add(str(row.place))
    found: dict[str, dict[str, tuple[str, list[str]]]] = {}
    where: dict[str, PlaceRef] = {}
    for row in rows:
        ref = str(row.person_id)
        if ref not in public or str(row.place) not in prisons.get(ref, set()):
            continue
        place = place_ref(str(row.place), "prison")
        where.setdefault(place.id, place)
        _, kinds = found.setdefault(place.id, {}).setdefault(ref, (_name(row), []))
        if row.kind not in kinds:
            kinds.append(str(row.kind))
    return {
        pid: (
            where[pid],
            {ref: PlacePerson(ref, name, tuple(kinds)) for ref, (name, kinds) in people.items()},
        )
        for pid, people in found.items()
    }


def _place_refs(conn: Connection) -> dict[str, list[PlaceRef]]:
    """Every place of the listed ones and of the events, by page id."""
    refs: dict[str, list[PlaceRef]] = {}
    for row in conn.execute(select(places.c.id, places.c.name, places.c.kind)):
        place = place_ref(str(row.name), row.kind)
        refs.setdefault(place.id, []).append(place)
    return refs


def _public_events(
    conn: Connection, locker: Locker, place_ids: Iterable[int] | None = None
) -> dict[str, list[PlaceEvent]]:
    """Published events by place page id."""
    query = select(events.c.id, places.c.name, places.c.kind).join(
        places, places.c.id == events.c.place_id
    )
    if place_ids is not None:
        query = query.where(places.c.id.in_(list(place_ids)))
    rows = conn.execute(query).all()
    shown = public_ids(conn, ItemType.EVENT, {str(r.id) for r in rows})
    have = readers()
    if not shown or have.events is None:
        return {}
    ctx = ReadContext(locker, conn, PUBLIC_READER)
    views = have.events(ctx, sorted(shown))
    all_inv = {i.id for e in views.values() for i in e.involvements}
    public_inv = public_ids(conn, ItemType.INVOLVEMENT, all_inv)
    out: dict[str, list[PlaceEvent]] = {}
    for row in rows:
        event = views.get(str(row.id))
        if event is None:
            continue
        victims = []
        for inv in event.involvements:
            if inv.role != "victim" or inv.id not in public_inv or not _is_name(inv.person_name):
                continue
            page = next(
                (r for r in same_person(conn, inv.person_ref) if public_persons(conn, [r])), None
            )
            victims.append(PlaceVictim(inv.person_name, page))
        citations, source_ids = _citations(event.claims)
        out.setdefault(place_ref(str(row.name), row.kind).id, []).append(
            PlaceEvent(
                id=event.id,
                kind=event.kind,
                date=_event_date(event),
                victims=tuple(victims),
                alleged_perpetrators=_alleged(conn, event, public_inv),
                according_to=citations,
                independent_sources=_independent(conn, source_ids),
            )
        )
    return out


def _where(
    place_id: str, listed: dict[str, Listed], named: dict[str, list[PlaceRef]]
) -> PlaceRef | None:
    """The place of a page id: as the workspace names it, else as a list does."""
    if named.get(place_id):
        return named[place_id][0]
    return listed[place_id][0] if place_id in listed else None


def public_places(conn: Connection, locker: Locker) -> list[PlaceSummary]:
    """Every site (prison, cemetery, mass grave) with something published about it."""
    listed = _listed_persons(conn)
    found = _public_events(conn, locker)
    named = _place_refs(conn)
    summaries = []
    for place_id in set(listed) | set(found):
        place = _where(place_id, listed, named)
        if place is None or not place.is_site:
            continue
        people = len(listed[place_id][1]) if place_id in listed else 0
        summaries.append(PlaceSummary(place, people, len(found.get(place_id, []))))
    return sorted(summaries, key=lambda s: (-(s.persons + s.events), s.place.name))


def public_place(conn: Connection, locker: Locker, place_id: str) -> PublicPlace | None:
    """One site with its published persons and events, or None if nothing about it is published."""
    listed = _listed_persons(conn)
    found = _public_events(conn, locker).get(place_id, [])
    if place_id not in listed and not found:
        return None
    place = _where(place_id, listed, _place_refs(conn))
    if place is None or not place.is_site:
        return None
    people = listed[place_id][1] if place_id in listed else {}
    persons = tuple(sorted(people.values(), key=lambda p: p.name))
    shown = tuple(sorted(found, key=lambda e: e.date.sort_key if e.date else "9999"))
    # Source titles are typed by editors: they may name a withheld person or a witness.
    return redact_citations(PublicPlace(place, persons, shown), redactor(conn, locker))  # type: ignore[no-any-return]

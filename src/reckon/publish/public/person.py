"""What the public register shows of one person: names, what happened, who says so.

`public_person` answers only for a person whose record is public now
(`reckon.publish.visibility`), and fills the page only from published items:

- the lists' records of a published person (``P…``): what each list says
  happened (detention, execution…), with the prison as the place; a list's
  other facts about the person (affiliation, home town) are private fields
  and stay out;
- published events in which the person has a published involvement (as a
  victim, or as an alleged perpetrator), each with the sources of the claims
  it rests on and with the alleged perpetrators whose involvement is published;
- published claims about the person that no shown event already carries.

Each fact says who says so (`Citation`, a confidential source only as such)
and how many independent chains of sources support it; facts that cannot all
be right are kept and flagged (`reckon.publish.public.facts.with_conflicts`).

A person has several references: a linkage cluster (``P…``), its records
(``R…``) and the persons named in claims (``N…``) tied to them; the page
gathers every reference `reckon.publish.equivalence` (and any `Joiner` in
`JOINERS`) says names the same person, except withheld ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, or_, select

from reckon.evidence.locker import Locker
from reckon.publish.items import PERPETRATOR_ROLE, ItemType
from reckon.publish.public.facts import (
    AllegedPerpetrator,
    Citation,
    PublicFact,
    conflict_groups,
    with_conflicts,
)
from reckon.publish.public.gazetteer import PlaceRef, place_ref
from reckon.publish.readers import ReadContext, readers
from reckon.publish.redact import Redactor, redact_citations, redacted_quotes, redactor
from reckon.publish.views import ClaimView, DateView, EventView, PersonView
from reckon.publish.visibility import (
    claim_kind_shown,
    disclosed_fields,
    public_fields,
    public_ids,
    public_persons,
)
from reckon.roles import Role
from reckon.store.schema import person_withholds, sources
from reckon.store.users import User

# The public reads as a user whose role may read no confidential source (and who is nobody).
PUBLIC_READER = User(id=0, name="the public", role=Role.REVIEWER)

# What a list's record may say publicly about what happened; "affiliation" is a private field.
LIST_KINDS = frozenset(
    {"arrest", "detention", "transfer", "trial", "execution", "death", "burial"}
    | {"disappearance", "release"}
)
SHOWN_ROLES = ("victim", PERPETRATOR_ROLE)
# Shown on the page from the public fields; the facts already say the rest.
FACT_FIELDS = frozenset(
    {"person_id", "name", "names", "full_name", "given_name", "surname", "prison"}
    | {"death_date", "death_place", "death_calendar", "death_precision", "lists", "sources"}
)

Joiner = Callable[[Connection, str], Iterable[str]]
# Features that know that two references name one person add a function here.
JOINERS: list[Joiner] = []


@dataclass(frozen=True)
class PublicPerson:
    """A published person as the public register shows them."""

    ref: str
    names: tuple[str, ...]
    facts: tuple[PublicFact, ...]
    fields: Mapping[str, Any] = field(default_factory=dict)

    @property
    def display_name(self) -> str:
        return self.names[0] if self.names else self.ref

    @property
    def conflicts(self) -> list[tuple[PublicFact, ...]]:
        return conflict_groups(self.facts)


def _withheld(conn: Connection, refs: Sequence[str]) -> set[str]:
    rows = conn.execute(
        select(person_withholds.c.person_ref).where(
            person_withholds.c.person_ref.in_(list(refs)), person_withholds.c.lifted_at.is_(None)
        )
    ).scalars()
    return {str(r) for r in rows}


def same_person(conn: Connection, ref: str) -> tuple[str, ...]:
    """``ref`` and every reference that names the same person, withheld ones left out.

    The references come from `reckon.publish.equivalence` (clusters, their
    records, named persons tied to those records) and from `JOINERS`.
    """
    from reckon.publish.equivalence import same_person as equivalent

    refs = [ref, *sorted(equivalent(conn, [ref]) - {ref})]
    for join in JOINERS:
        refs += [r for r in join(conn, ref) if r not in refs]
    hidden = _withheld(conn, refs)
    return tuple(r for r in refs if r not in hidden)


def canonical_ref(conn: Connection, ref: str) -> str:
    """The reference whose page is this person's: the list person a public ``N…`` is tied to.

    A named person (``N…``) that a coder tied to a list person (``P…``) is one
    human being with two references; when both are public, the list person's
    page is the one page (it gathers the named person's published claims and
    events, `same_person`), and the named person's address leads there. Any
    other reference, or one that is not public, is its own answer (a page that
    is not public stays a 404 and reveals no tie).
    """
    if not ref.startswith("N") or ref not in public_persons(conn, [ref]):
        return ref
    clusters = sorted(
        (r for r in same_person(conn, ref) if r.startswith("P") and r[1:].isdigit()),
        key=lambda r: int(r[1:]),
    )
    public = public_persons(conn, clusters) if clusters else set()
    return next((c for c in clusters if c in public), ref)


def _named_ids(refs: Iterable[str]) -> list[int]:
    return [int(r[1:]) for r in refs if r.startswith("N") and r[1:].isdigit()]


def _is_name(text: str) -> bool:
    from reckon.claims.persons import PROTECTED_NAME
    from reckon.keys import is_sealed_field

    return bool(text.strip()) and text != PROTECTED_NAME and not is_sealed_field(text)


def _independent(conn: Connection, source_ids: Iterable[str]) -> int:
    """Independent chains among cited sources (lists without a preserved source count alone)."""
    # Imported here: the claims module is heavy, and the web app should start quickly.
    from reckon.claims.corroboration import _parents, independent_chains

    numeric = sorted({int(s) for s in source_ids if s.isdigit()})
    other = {s for s in source_ids if not s.isdigit()}
    affiliations = {
        int(r.id): r.affiliation
        for r in conn.execute(
            select(sources.c.id, sources.c.affiliation).where(sources.c.id.in_(numeric))
        )
    }
    chains = independent_chains(numeric, _parents(conn), affiliations) if numeric else 0
    return chains + len(other)


def _citations(claims: Iterable[ClaimView]) -> tuple[tuple[Citation, ...], list[str]]:
    seen: dict[str, Citation] = {}
    for claim in claims:
        seen.setdefault(claim.source.id, Citation.of(claim.source))
    return tuple(seen.values()), list(seen)


def _list_facts(
    conn: Connection, views: Iterable[PersonView], names: Redactor | None = None
) -> list[PublicFact]:
    """The lists' claims, one fact per thing said (same kind, date and place), every list cited."""
    claims = [c for view in views for c in view.claims if c.id.startswith("L")]
    # A list names the prison for a detention; an execution's place is shown only when it
    # is such a prison (otherwise the list may have given the home town, a private field).
    prisons = {c.place for c in claims if c.kind == "detention" and c.place}
    groups: dict[tuple[Any, ...], list[ClaimView]] = {}
    places: dict[str, PlaceRef] = {}
    for claim in claims:
        if claim.kind not in LIST_KINDS:
            continue
        place = place_ref(claim.place, "prison") if claim.place in prisons else None
        if place is not None:
            places[place.id] = place
        date = claim.date
        start, end = (date.start, date.end) if date else (None, None)
        groups.setdefault((claim.kind, start, end, place.id if place else None), []).append(claim)
    facts = []
    for (kind, _start, _end, place_id), members in groups.items():
        citations, source_ids = _citations(members)
        facts.append(
            PublicFact(
                key="list:" + ",".join(c.id[1:] for c in members),
                kind=kind,
                role="victim",
                date=members[0].date,
                place=places[place_id] if place_id else None,
                according_to=citations,
                independent_sources=_independent(conn, source_ids),
                # "row 3 of list NAME": the list's name is typed by whoever imported it
                quotes=tuple(
                    (names.text(c.quote) or "") if names else c.quote
                    for c in members
                    if not c.source.confidential and c.quote
                ),
            )
        )
    return facts


def _event_date(event: EventView) -> DateView | None:
    if event.date is None:
        return None
    start, end = event.date.start, event.date.end
    text = start if start == end or not end else f"{start} – {end}"
    return DateView(text=str(text or end), start=start, end=end)


def _involvement_rows(conn: Connection, refs: Sequence[str]) -> list[Any]:
    from reckon.store.schema import involvements

    ids = _named_ids(refs)
    if not ids:
        return []
    return list(
        conn.execute(
            select(involvements).where(
                involvements.c.person_id.in_(ids), involvements.c.role.in_(SHOWN_ROLES)
            )
        )
    )


def _event_places(conn: Connection, event_ids: Sequence[str]) -> dict[str, PlaceRef]:
    from reckon.store.schema import events, places

    rows = conn.execute(
        select(events.c.id, places.c.name, places.c.kind)
        .join(places, places.c.id == events.c.place_id)
        .where(events.c.id.in_([int(i) for i in event_ids]))
    )
    return {str(r.id): place_ref(str(r.name), r.kind) for r in rows}


def _alleged(
    conn: Connection, event: EventView, public_involvements: set[str]
) -> tuple[AllegedPerpetrator, ...]:
    """The event's alleged perpetrators whose involvement is published, named as published."""
    found = []
    for inv in event.involvements:
        if inv.role != PERPETRATOR_ROLE or inv.id not in public_involvements:
            continue
        if not _is_name(inv.person_name):
            continue
        citations, source_ids = _citations(inv.claims)
        found.append(
            AllegedPerpetrator(
                name=inv.person_name,
                degree=inv.degree,
                according_to=citations,
                independent_sources=_independent(conn, source_ids),
            )
        )
    return tuple(found)


def _event_facts(
    ctx: ReadContext, refs: Sequence[str], events: Mapping[str, EventView], public_inv: set[str]
) -> list[PublicFact]:
    places = _event_places(ctx.conn, list(events))
    facts = []
    for row in _involvement_rows(ctx.conn, refs):
        event = events.get(str(row.event_id))
        if event is None or str(row.id) not in public_inv:
            continue
        citations, source_ids = _citations(event.claims)
        facts.append(
            PublicFact(
                key=f"event:{event.id}:{row.role}",
                kind=event.kind,
                role=str(row.role),
                date=_event_date(event),
                place=places.get(event.id),
                according_to=citations,
                independent_sources=_independent(ctx.conn, source_ids),
                alleged_perpetrators=_alleged(ctx.conn, event, public_inv),
            )
        )
    return facts


def _claim_ids(conn: Connection, refs: Sequence[str]) -> list[str]:
    from reckon.store.schema import claims

    ids = _named_ids(refs)
    if not ids:
        return []
    rows = conn.execute(
        select(claims.c.id).where(
            or_(claims.c.victim_id.in_(ids), claims.c.perpetrator_id.in_(ids))
        )
    ).scalars()
    return [str(i) for i in rows]


def _claim_facts(
    ctx: ReadContext,
    refs: Sequence[str],
    shown_events: Iterable[EventView],
    allegations: Mapping[str, set[str]],
    names: Redactor | None = None,
) -> list[PublicFact]:
    """Published claims about the person that no shown event already carries."""
    have = readers()
    wanted = public_ids(ctx.conn, ItemType.CLAIM, _claim_ids(ctx.conn, refs))
    carried = {c.id for e in shown_events for c in e.claims}
    if not wanted or have.claims is None:
        return []
    facts = []
    shown = have.claims(ctx, sorted(wanted - carried))
    quotes = redacted_quotes(ctx.conn, {k: c.quote for k, c in shown.items()}, names)
    disclosed = frozenset(f for fs in disclosed_fields(ctx.conn, refs).values() for f in fs)
    for claim in shown.values():
        if claim.status != "accepted" or claim.source.confidential:
            continue
        if not claim_kind_shown(claim.kind, disclosed):
            continue  # a private field of the person (affiliation), unless the family chose
        victim = claim.subject_ref in refs
        if not victim and not allegations.get(claim.perpetrator_ref or "", set()):
            continue  # named as a perpetrator here, but no involvement of theirs is published
        perpetrators: tuple[AllegedPerpetrator, ...] = ()
        if (
            claim.perpetrator_ref
            and claim.id in allegations.get(claim.perpetrator_ref, set())
            and claim.perpetrator_name
            and _is_name(claim.perpetrator_name)
        ):
            citation = Citation.of(claim.source)
            perpetrators = (AllegedPerpetrator(claim.perpetrator_name, None, (citation,), 1),)
        facts.append(
            PublicFact(
                key=f"claim:{claim.id}",
                kind=claim.kind,
                role="victim" if victim else PERPETRATOR_ROLE,
                date=claim.date,
                place=place_ref(claim.place) if claim.place else None,
                according_to=(Citation.of(claim.source),),
                independent_sources=claim.independent_sources,
                quotes=(quotes[claim.id],) if claim.quote else (),
                grade=claim.grade,
                alleged_perpetrators=perpetrators,
            )
        )
    return facts


def _allegations(events: Iterable[EventView], public_inv: set[str]) -> dict[str, set[str]]:
    """For each person with a published alleged-perpetrator involvement, the claims it rests on."""
    out: dict[str, set[str]] = {}
    for event in events:
        for inv in event.involvements:
            if inv.role == PERPETRATOR_ROLE and inv.id in public_inv:
                claims = {c.id for c in inv.claims} | {c.id for c in event.claims}
                out.setdefault(inv.person_ref, set()).update(claims)
    return out


def _fallback_names(conn: Connection, ref: str) -> list[str]:
    from reckon.search.index import names_of
    from reckon.search.seal import StaleIndex

    try:
        return names_of(conn, ref)
    except StaleIndex:  # search itself says the index must be rebuilt; the page still shows
        return []


def public_person(conn: Connection, locker: Locker, ref: str) -> PublicPerson | None:
    """The public view of person ``ref``, or None when their record is not public now."""
    if ref not in public_persons(conn, [ref]):
        return None
    refs = same_person(conn, ref)
    # Another reference of the same human being lends its names only while public, as in
    # search, and a list person its records too (a named person's page must not show a
    # list's unpublished records); a named person's claims and events are each shown only
    # when published, below, whether or not the named person is.
    others = [r for r in refs if r != ref and r[:1] in ("P", "N")]
    public_refs = public_persons(conn, others) if others else set()
    refs = tuple(r for r in refs if r == ref or r[:1] != "P" or r in public_refs)
    ctx = ReadContext(locker, conn, PUBLIC_READER)
    have = readers()
    views = dict(have.persons(ctx, list(refs))) if have.persons else {}
    spellings: list[str] = []
    for r in refs:
        if r != ref and r[:1] == "N" and r not in public_refs:
            continue
        view = views.get(r)
        spelled = list(view.names) if view else []
        if r == ref and not spelled:
            spelled = _fallback_names(conn, ref)
        spellings += [n for n in spelled if _is_name(n) and n not in spellings]
    fields: dict[str, Any] = {}
    disclosed = disclosed_fields(conn, [ref]).get(ref, frozenset())
    if ref in views:
        shown = public_fields(views[ref].fields, disclosed)
        fields = {k: v for k, v in shown.items() if k not in FACT_FIELDS and v not in (None, "")}
    # Words that name a withheld or shredded person, or a witness (`reckon.publish.redact`).
    names = redactor(conn, locker)
    facts = _list_facts(conn, [views[r] for r in refs if r.startswith("P") and r in views], names)
    inv_rows = _involvement_rows(conn, refs)
    events: dict[str, EventView] = {}
    public_inv: set[str] = set()
    if inv_rows and have.events is not None:
        event_ids = public_ids(conn, ItemType.EVENT, {str(r.event_id) for r in inv_rows})
        events = dict(have.events(ctx, sorted(event_ids)))
        all_inv = {str(i.id) for e in events.values() for i in e.involvements}
        public_inv = public_ids(conn, ItemType.INVOLVEMENT, all_inv)
    event_facts = _event_facts(ctx, refs, events, public_inv)
    carried = [events[f.key.split(":")[1]] for f in event_facts]
    facts += event_facts
    facts += _claim_facts(ctx, refs, carried, _allegations(events.values(), public_inv), names)
    person = PublicPerson(
        ref=ref, names=tuple(spellings), facts=tuple(with_conflicts(facts)), fields=fields
    )
    return redact_citations(person, names)  # type: ignore[no-any-return]

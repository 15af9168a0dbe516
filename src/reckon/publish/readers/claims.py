"""Claims, events, involvements and persons named in claims, for exports, case files and rules.

References: a claim, event or involvement by its id ("12"); a person named in
claims by ``N`` and their id ("N7"). Claims of confidential sources are marked
protected (the rules never publish them) and their parties are read only where
the reading user may read confidential sources.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Connection, select

from reckon.claims.corroboration import corroborate
from reckon.claims.figures import KIND as FIGURE
from reckon.claims.figures import figure_of
from reckon.claims.records import ClaimRecord, load_claims
from reckon.claims.sealed import event_title, names
from reckon.extract.claims import ROLE_KINDS, ClaimKind
from reckon.publish.equivalence import EXPANDERS
from reckon.publish.erasure import SCRUBBERS, SUBJECTS_OF
from reckon.publish.items import RESOLVERS, ItemFacts, ItemType
from reckon.publish.readers import READERS, ReadContext, add_person_reader
from reckon.publish.readers.evidence import source_view
from reckon.publish.resolvers import PERSON_RESOLVERS
from reckon.publish.views import ClaimView, DateView, EventView, InvolvementView, PersonView
from reckon.store.schema import (
    claims,
    event_claims,
    events,
    involvement_claims,
    involvements,
    named_persons,
    places,
    sources,
)

PREFIX = "N"


def _ref(person_id: int | None) -> str | None:
    return None if person_id is None else f"{PREFIX}{person_id}"


def _ids(refs: Sequence[str], prefix: str = "") -> list[int]:
    found = []
    for ref in refs:
        body = ref[len(prefix) :] if prefix and ref.startswith(prefix) else ref
        if (not prefix or ref.startswith(prefix)) and body.isdigit():
            found.append(int(body))
    return found


def _claim_view(ctx: ReadContext, claim: ClaimRecord, pool: list[ClaimRecord]) -> ClaimView:
    support = corroborate(ctx.conn, claim, pool)
    date = (
        None
        if claim.date_text is None
        else DateView(
            text=claim.date_text,
            start=claim.date_start,
            end=claim.date_end,
            precision=claim.date_precision,
            calendar=claim.date_calendar,
        )
    )
    quote = ""
    if claim.quote_start is not None and claim.quote_end is not None and not claim.confidential:
        from reckon.evidence.text import source_text

        text = source_text(ctx.locker, ctx.conn, ctx.user, claim.source_id, claim.artifact_id)
        quote = "" if text is None else text.text[claim.quote_start : claim.quote_end]
    return ClaimView(
        id=str(claim.id),
        kind=claim.kind,
        source=source_view(ctx.locker, ctx.conn, ctx.user, claim.source_id),
        quote=quote,
        status=claim.status,
        subject_ref=_ref(claim.victim_id),
        subject_name=claim.victim if claim.victim_id else None,
        perpetrator_ref=_ref(claim.perpetrator_id),
        perpetrator_name=claim.perpetrator if claim.perpetrator_id else None,
        place=claim.place,
        date=date,
        credibility=claim.credibility,
        accepted_by=claim.decided_by if claim.status == "accepted" else None,
        supporting_sources=len(support.sources),
        independent_sources=support.independent,
        conflicts_with=tuple(str(c) for c in support.conflicts),
        figure=figure_of(claim.detail, claim.date_text).statement()
        if claim.kind == FIGURE
        else None,
    )


def read_claims(ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, ClaimView]:
    pool = load_claims(ctx.conn, ctx.locker, ctx.user)
    wanted = set(_ids(refs))
    return {str(c.id): _claim_view(ctx, c, pool) for c in pool if c.id in wanted and c.visible}


def all_claims(ctx: ReadContext) -> list[str]:
    return [str(i) for i in ctx.conn.execute(select(claims.c.id).order_by(claims.c.id)).scalars()]


def _involvement_view(
    ctx: ReadContext, row: object, claim_views: Mapping[str, ClaimView]
) -> InvolvementView:
    claim_ids = [
        str(i)
        for i in ctx.conn.execute(
            select(involvement_claims.c.claim_id).where(
                involvement_claims.c.involvement_id == row.id  # type: ignore[attr-defined]
            )
        ).scalars()
    ]
    person_id = int(row.person_id)  # type: ignore[attr-defined]
    name = names(ctx.conn, [person_id]).get(person_id)  # a protected name stays a token
    return InvolvementView(
        id=str(row.id),  # type: ignore[attr-defined]
        person_ref=f"{PREFIX}{row.person_id}",  # type: ignore[attr-defined]
        person_name=str(name or ""),
        event_id=str(row.event_id),  # type: ignore[attr-defined]
        role=str(row.role),  # type: ignore[attr-defined]
        degree=row.degree,  # type: ignore[attr-defined]
        claims=tuple(claim_views[c] for c in claim_ids if c in claim_views),
    )


def read_involvements(ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, InvolvementView]:
    rows = ctx.conn.execute(select(involvements).where(involvements.c.id.in_(_ids(refs)))).all()
    claim_views = read_claims(ctx, all_claims(ctx))
    return {str(r.id): _involvement_view(ctx, r, claim_views) for r in rows}


def all_involvements(ctx: ReadContext) -> list[str]:
    return [
        str(i)
        for i in ctx.conn.execute(select(involvements.c.id).order_by(involvements.c.id)).scalars()
    ]


def read_events(ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, EventView]:
    rows = ctx.conn.execute(
        select(events, places.c.name.label("place_name"))
        .outerjoin(places, places.c.id == events.c.place_id)
        .where(events.c.id.in_(_ids(refs)))
    ).all()
    claim_views = read_claims(ctx, all_claims(ctx))
    found = {}
    for row in rows:
        claim_ids = [
            str(i)
            for i in ctx.conn.execute(
                select(event_claims.c.claim_id).where(event_claims.c.event_id == row.id)
            ).scalars()
        ]
        parts = ctx.conn.execute(
            select(involvements).where(involvements.c.event_id == row.id)
        ).all()
        found[str(row.id)] = EventView(
            id=str(row.id),
            title=event_title(ctx.conn, str(row.title)),
            kind=row.kind,
            place=row.place_name,
            date=None
            if row.date_start is None
            else DateView(
                text=f"{row.date_start}/{row.date_end}", start=row.date_start, end=row.date_end
            ),
            claims=tuple(claim_views[c] for c in claim_ids if c in claim_views),
            involvements=tuple(_involvement_view(ctx, p, claim_views) for p in parts),
        )
    return found


def all_events(ctx: ReadContext) -> list[str]:
    return [str(i) for i in ctx.conn.execute(select(events.c.id).order_by(events.c.id)).scalars()]


def read_persons(ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, PersonView]:
    from reckon.claims.persons import person_name

    wanted = _ids(refs, PREFIX)
    if not wanted:
        return {}
    pool = load_claims(ctx.conn, ctx.locker, ctx.user)
    found = {}
    for person_id in wanted:
        exists = ctx.conn.execute(
            select(named_persons.c.id).where(named_persons.c.id == person_id)
        ).first()
        if exists is None:
            continue
        mine = [c for c in pool if c.visible and person_id in (c.victim_id, c.perpetrator_id)]
        found[f"{PREFIX}{person_id}"] = PersonView(
            ref=f"{PREFIX}{person_id}",
            names=(person_name(ctx.conn, ctx.locker, ctx.user, person_id) or "",),
            claims=tuple(_claim_view(ctx, c, pool) for c in mine),
            alleged_perpetrator=any(c.perpetrator_id == person_id for c in mine),
        )
    return found


def all_persons(ctx: ReadContext) -> list[str]:
    rows = ctx.conn.execute(
        select(named_persons.c.id)
        .where(named_persons.c.protected.is_(False))
        .order_by(named_persons.c.id)
    ).scalars()
    return [f"{PREFIX}{i}" for i in rows]


# --- facts for the publication rules ---------------------------------------------------


def _claim_row_facts(conn: Connection, claim_id: int) -> ItemFacts:
    from reckon.claims.corroboration import _parents, independent_chains

    row = conn.execute(
        select(claims, sources.c.confidential)
        .join(sources, sources.c.id == claims.c.source_id)
        .where(claims.c.id == claim_id)
    ).first()
    if row is None:
        from reckon.errors import NotFoundError

        raise NotFoundError(f"There is no claim {claim_id}.")
    persons = {r for r in (_ref(row.victim_id), _ref(row.perpetrator_id)) if r}
    perpetrators = (
        {_ref(row.perpetrator_id)}
        if row.perpetrator_id and ClaimKind(row.kind) in ROLE_KINDS
        else set()
    )
    affiliations = {
        int(r.id): r.affiliation for r in conn.execute(select(sources.c.id, sources.c.affiliation))
    }
    return ItemFacts(
        ItemType.CLAIM,
        str(claim_id),
        label=f"claim {claim_id} ({row.kind})",
        persons=frozenset(persons),
        alleged_perpetrators=frozenset(p for p in perpetrators if p),
        protected=bool(row.confidential or row.sealed_parties),
        accepted=row.status == "accepted",
        accepted_by=frozenset({int(row.decided_by)})
        if row.status == "accepted" and row.decided_by
        else frozenset(),
        independent_sources=independent_chains([int(row.source_id)], _parents(conn), affiliations),
    )


def _claim_facts(conn: Connection, item_id: str) -> ItemFacts:
    from reckon.errors import InputError

    if not item_id.strip().isdigit():
        raise InputError(f"'{item_id}' is not a claim id.")
    return _claim_row_facts(conn, int(item_id))


def _supported_facts(
    conn: Connection,
    kind: ItemType,
    item_id: str,
    claim_ids: list[int],
    persons: set[str],
    perpetrators: set[str],
    label: str,
) -> ItemFacts:
    from reckon.claims.corroboration import _parents, independent_chains

    rows = conn.execute(
        select(claims.c.source_id, claims.c.status, claims.c.decided_by).where(
            claims.c.id.in_(claim_ids)
        )
    ).all()
    affiliations = {
        int(r.id): r.affiliation for r in conn.execute(select(sources.c.id, sources.c.affiliation))
    }
    accepted = [r for r in rows if r.status == "accepted"]
    return ItemFacts(
        kind,
        item_id,
        label=label,
        persons=frozenset(persons),
        alleged_perpetrators=frozenset(perpetrators),
        accepted=bool(accepted),
        accepted_by=frozenset(int(r.decided_by) for r in accepted if r.decided_by),
        independent_sources=independent_chains(
            [int(r.source_id) for r in accepted], _parents(conn), affiliations
        ),
    )


def _event_facts(conn: Connection, item_id: str) -> ItemFacts:
    from reckon.errors import InputError, NotFoundError

    if not item_id.strip().isdigit():
        raise InputError(f"'{item_id}' is not an event id.")
    row = conn.execute(select(events).where(events.c.id == int(item_id))).first()
    if row is None:
        raise NotFoundError(f"There is no event {item_id}.")
    claim_ids = list(
        conn.execute(
            select(event_claims.c.claim_id).where(event_claims.c.event_id == row.id)
        ).scalars()
    )
    parts = conn.execute(select(involvements).where(involvements.c.event_id == row.id)).all()
    persons = {f"{PREFIX}{p.person_id}" for p in parts}
    perpetrators = {f"{PREFIX}{p.person_id}" for p in parts if p.role == "alleged_perpetrator"}
    label = event_title(conn, str(row.title))
    return _supported_facts(conn, ItemType.EVENT, item_id, claim_ids, persons, perpetrators, label)


def _involvement_facts(conn: Connection, item_id: str) -> ItemFacts:
    from reckon.errors import InputError, NotFoundError

    if not item_id.strip().isdigit():
        raise InputError(f"'{item_id}' is not an involvement id.")
    row = conn.execute(select(involvements).where(involvements.c.id == int(item_id))).first()
    if row is None:
        raise NotFoundError(f"There is no involvement {item_id}.")
    claim_ids = list(
        conn.execute(
            select(involvement_claims.c.claim_id).where(
                involvement_claims.c.involvement_id == row.id
            )
        ).scalars()
    )
    person = f"{PREFIX}{row.person_id}"
    perpetrators = {person} if row.role == "alleged_perpetrator" else set()
    # The event names its victims ("Execution of …"): withholding a victim must hide
    # every involvement in their execution, not only their own.
    victims = {
        f"{PREFIX}{p}"
        for p in conn.execute(
            select(involvements.c.person_id).where(
                involvements.c.event_id == row.event_id, involvements.c.role == "victim"
            )
        ).scalars()
    }
    label = f"involvement {item_id} ({row.role.replace('_', ' ')})"
    return _supported_facts(
        conn, ItemType.INVOLVEMENT, item_id, claim_ids, {person} | victims, perpetrators, label
    )


def _person_facts(conn: Connection, ref: str) -> ItemFacts:
    person_id = int(ref[len(PREFIX) :])
    row = conn.execute(select(named_persons).where(named_persons.c.id == person_id)).first()
    protected = row is None or bool(row.protected)
    name = None if protected else names(conn, [person_id]).get(person_id)
    label = str(name) if name else f"person {ref}"
    return ItemFacts(
        ItemType.PERSON, ref, label=label, persons=frozenset({ref}), protected=protected
    )


RESOLVERS[ItemType.CLAIM] = _claim_facts
RESOLVERS[ItemType.EVENT] = _event_facts
RESOLVERS[ItemType.INVOLVEMENT] = _involvement_facts
PERSON_RESOLVERS[PREFIX] = _person_facts
READERS.claims = read_claims
READERS.all_claims = all_claims
READERS.events = read_events
READERS.all_events = all_events
READERS.involvements = read_involvements
READERS.all_involvements = all_involvements
add_person_reader(read_persons, all_persons)


def same_person(conn: Connection, ref: str) -> set[str]:
    """The list persons (``P<n>``) a named person is tied to, and the named persons tied to a
    list person (`reckon.claims.identity.person_refs_for`): withholding or shredding one
    hides the others (`reckon.publish.equivalence`)."""
    from reckon.claims.identity import person_refs_for

    if ref[:1] in (PREFIX, "P") and ref[1:].isdigit():
        return person_refs_for(conn, ref)
    return set()


if same_person not in EXPANDERS:
    EXPANDERS.append(same_person)


def _subjects(conn: Connection, ref: str) -> list[str]:
    """A named person's erasure subjects (`reckon.claims.sealed`)."""
    from reckon.claims.sealed import subjects

    return subjects(conn, ref)


def _scrub(conn: Connection, erased: list[str]) -> int:
    from reckon.claims.sealed import scrub

    return scrub(conn, erased)


if _subjects not in SUBJECTS_OF:
    SUBJECTS_OF.append(_subjects)
    SCRUBBERS.append(_scrub)

"""Persons from linkage: a cluster of person records (``P<n>``), read for exports and case files.

Imported when the linkage tables exist (see `readers`). A person's names are
every spelling the lists give; its fields are what the lists say (first value
found, records in order); its claims are the lists' claims about it, each
attributed to the list's preserved source (or, for a list imported without
``--source``, to the list file by its hash).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, select

from reckon.errors import NotFoundError
from reckon.publish.equivalence import EXPANDERS
from reckon.publish.erasure import SCRUBBERS, SUBJECTS_OF
from reckon.publish.items import ItemFacts, ItemType
from reckon.publish.readers import ReadContext, add_person_reader
from reckon.publish.resolvers import PERSON_RESOLVERS
from reckon.publish.views import ClaimView, DateView, PersonView, SourceView
from reckon.store.schema import list_claims, person_members, person_records, victim_lists

_FIELDS = (
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_year",
    "city",
    "prison",
    "death_date",
    "death_calendar",
    "death_precision",
)


def _records(conn: Connection, refs: Sequence[str]) -> dict[str, list[Any]]:
    from reckon.link.identity import open_rows

    rows = open_rows(
        conn,
        conn.execute(
            select(
                person_members.c.person_id,
                person_records,
                victim_lists.c.name.label("list_name"),
                victim_lists.c.source_id,
                victim_lists.c.file_sha256,
            )
            .join(person_records, person_records.c.id == person_members.c.record_id)
            .join(victim_lists, victim_lists.c.id == person_records.c.list_id)
            .where(person_members.c.person_id.in_(list(refs)))
            .order_by(person_records.c.id)
        ).all(),
    )
    out: dict[str, list[Any]] = {}
    for row in rows:
        out.setdefault(str(row.person_id), []).append(row)
    return out


def _name(row: Any) -> str:
    return str(row.full_name or " ".join(p for p in (row.given_name, row.surname) if p))


def resolve_person(conn: Connection, ref: str) -> ItemFacts:
    """What the publication rules need about a linked person."""
    found = _records(conn, [ref]).get(ref)
    if not found and conn.execute(select(person_members.c.record_id).limit(1)).first() is None:
        # Nothing linked yet: the reference stands for itself, as for any feature.
        return ItemFacts(ItemType.PERSON, ref, label=f"person {ref}", persons=frozenset({ref}))
    if not found:
        raise NotFoundError(
            f"There is no person '{ref}'.", hint="See 'reckon merges' or 'reckon link'."
        )
    sources = {int(r.source_id) for r in found if r.source_id is not None}
    return ItemFacts(
        ItemType.PERSON,
        ref,
        label=f"person {ref} ({_name(found[0])})",
        persons=frozenset({ref}),
        records=frozenset(int(r.id) for r in found),
        independent_sources=len(sources),
        detail={"records": len(found), "lists": sorted({str(r.list_name) for r in found})},
    )


def _source(ctx: ReadContext, row: Any, cache: dict[str, SourceView]) -> SourceView:
    key = f"s{row.source_id}" if row.source_id is not None else f"l{row.list_name}"
    if key not in cache:
        if row.source_id is not None:
            from reckon.publish.readers.evidence import source_view

            cache[key] = source_view(ctx.locker, ctx.conn, ctx.user, int(row.source_id))
        else:
            cache[key] = SourceView(
                id=f"list {row.list_name}", title=f"list {row.list_name}", sha256=row.file_sha256
            )
    return cache[key]


def read_persons(ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, PersonView]:
    """Linked persons with every spelling, the lists' fields and the lists' claims."""
    wanted = [r for r in refs if r.startswith("P") and r[1:].isdigit()]
    grouped = _records(ctx.conn, wanted)
    sources: dict[str, SourceView] = {}
    out: dict[str, PersonView] = {}
    for ref, rows in grouped.items():
        names: list[str] = []
        fields: dict[str, Any] = {}
        for row in rows:
            name = _name(row)
            if name and name not in names:
                names.append(name)
            for key in _FIELDS:
                value = getattr(row, key)
                if value and key not in fields:
                    fields[key] = value
        fields["lists"] = sorted({str(r.list_name) for r in rows})
        by_id = {int(r.id): r for r in rows}
        claims = []
        from reckon.link.identity import open_claims

        for claim in open_claims(
            ctx.conn,
            ctx.conn.execute(
                select(list_claims)
                .where(list_claims.c.record_id.in_(list(by_id)))
                .order_by(list_claims.c.id)
            ).all(),
        ):
            row = by_id[int(claim.record_id)]
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
            quote = f"row {row.row_number} of list {row.list_name}"
            claims.append(
                ClaimView(
                    id=f"L{claim.id}",
                    kind=str(claim.kind),
                    source=_source(ctx, row, sources),
                    quote=quote if claim.value is None else f"{quote}: {claim.value}",
                    subject_ref=ref,
                    subject_name=names[0] if names else ref,
                    place=claim.place,
                    date=date,
                )
            )
        out[ref] = PersonView(
            ref=ref, names=tuple(names), fields=fields, claims=_corroborated(ctx, claims)
        )
    return out


def _corroborated(ctx: ReadContext, claims: list[ClaimView]) -> tuple[ClaimView, ...]:
    """Each list claim with how many lists say the same, how many independently, and conflicts.

    Lists support each other on the same kind of claim; a list derived from another
    (its source derived from the other's) adds no independent chain. Two execution
    dates that cannot overlap conflict (places are spelled too differently across
    lists and scripts to compare here).
    """
    from dataclasses import replace

    from reckon.evidence.sources import roots

    origin: dict[str, frozenset[str]] = {}
    for claim in claims:
        if claim.source.id not in origin:
            found = roots(ctx.conn, int(claim.source.id)) if claim.source.id.isdigit() else set()
            origin[claim.source.id] = frozenset(str(x) for x in found) or frozenset(
                {claim.source.id}
            )
    out = []
    for claim in claims:
        same = [c for c in claims if c.kind == claim.kind]
        conflicts = tuple(
            c.id
            for c in same
            if c.id != claim.id
            and claim.kind == "execution"
            and claim.date is not None
            and c.date is not None
            and None not in (claim.date.start, claim.date.end, c.date.start, c.date.end)
            and (str(c.date.end) < str(claim.date.start) or str(claim.date.end) < str(c.date.start))
        )
        out.append(
            replace(
                claim,
                supporting_sources=len({c.source.id for c in same}),
                independent_sources=len({origin[c.source.id] for c in same}),
                conflicts_with=conflicts,
            )
        )
    return tuple(out)


def all_persons(ctx: ReadContext) -> list[str]:
    rows = ctx.conn.execute(select(person_members.c.person_id).distinct()).all()
    return sorted((str(r.person_id) for r in rows), key=lambda p: int(p[1:]))


def cluster_records(conn: Connection, ref: str) -> list[int]:
    """The records of person ``ref`` (``P<n>``): every record of the cluster now holding
    record n, and of the cluster now called ``ref`` (ids drift when clusters merge)."""
    if not (ref.startswith("P") and ref[1:].isdigit()):
        return []
    clusters = select(person_members.c.person_id).where(person_members.c.record_id == int(ref[1:]))
    found = conn.execute(
        select(person_members.c.record_id).where(
            person_members.c.person_id.in_(clusters) | (person_members.c.person_id == ref)
        )
    ).scalars()
    return sorted({int(r) for r in found} | {int(ref[1:])})


def _subjects(conn: Connection, ref: str) -> list[str]:
    from reckon.link.identity import subject

    return [subject(r) for r in cluster_records(conn, ref)]


def same_person(conn: Connection, ref: str) -> set[str]:
    """The references of the person ``ref`` names now (`reckon.publish.equivalence`):
    the cluster holding its record, each record ``R<id>`` of it, and the names ``P<id>``
    its records gave it before."""
    if ref.startswith("R") and ref[1:].isdigit():
        return {f"P{ref[1:]}"}
    records = cluster_records(conn, ref)
    if not records:
        return set()
    clusters = conn.execute(
        select(person_members.c.person_id).where(person_members.c.record_id.in_(records))
    ).scalars()
    return {f"R{r}" for r in records} | {f"P{r}" for r in records} | {str(c) for c in clusters}


def _scrub(conn: Connection, subjects: list[str]) -> int:
    """A shred also overwrites the records' plaintext columns and their search entries."""
    from reckon.link.identity import record_ids, scrub
    from reckon.search import index

    changed = scrub(conn, subjects)
    ids = record_ids(subjects)
    changed += index.scrub(conn, subjects)  # entries of records and of named persons
    # What a list says of the person's political affiliation is sealed under the record's
    # key (gone with it); a value a store kept in clear before sealing is blanked here.
    for start in range(0, len(ids), 500):
        changed += conn.execute(
            list_claims.update()
            .where(
                list_claims.c.record_id.in_(ids[start : start + 500]),
                list_claims.c.kind == "affiliation",
            )
            .values(value=None)
        ).rowcount
    return changed


PERSON_RESOLVERS.setdefault("P", resolve_person)
add_person_reader(read_persons, all_persons)
if _subjects not in SUBJECTS_OF:
    SUBJECTS_OF.append(_subjects)
    SCRUBBERS.append(_scrub)
    EXPANDERS.append(same_person)

"""What the public may see: the one place every public page, API answer and export asks.

Items
    An item (a person, claim, event, involvement or estimate) is public while
    it has a live publication (published or corrected, not withdrawn) and no
    person it names is withheld (`reckon withhold`) or shredded. `what_is_public`
    answers for the whole register; `public_ids` for a batch of ids (search).

Fields
    `FIELD_VISIBILITY` says which fields of a person are public by default:
    the names in every spelling, the dates and places of arrest, detention,
    transfer, trial, death and burial, and the sources. Private by default:
    father's name, birth date and year, home town and address, sex, relatives,
    contacts, and everything about witnesses and submitters. A field that is
    not in the table is private: a new field is shown only once someone
    decides it may be. A family may ask for a private field of their relative
    to be shown (`reckon disclose`), except those in `NEVER_PUBLIC`.
    Search may rank on private fields but shows only `public_fields`.

Sources
    A confidential source is shown only as "a confidential source" with its
    grade (`public_source`): never its title, publisher, file or text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy import (
    Connection,
    String,
    and_,
    cast,
    exists,
    func,
    literal,
    or_,
    select,
    true,
)

from reckon.publish.items import ItemType
from reckon.store.schema import (
    claim_decisions,
    event_claims,
    events,
    field_disclosures,
    involvement_claims,
    involvements,
    publication_persons,
    publications,
)

LIVE: Final = ("published", "corrected")
_CHUNK = 500


class Visibility(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"


_PUBLIC = Visibility.PUBLIC
_PRIVATE = Visibility.PRIVATE

FIELD_VISIBILITY: Final[Mapping[str, Visibility]] = MappingProxyType(
    {
        # who they were: every spelling of the name, in every script
        "person_id": _PUBLIC,
        "name": _PUBLIC,
        "names": _PUBLIC,
        "full_name": _PUBLIC,
        "given_name": _PUBLIC,
        "surname": _PUBLIC,
        "honorific": _PUBLIC,
        # what happened to them, when and where
        "arrest_date": _PUBLIC,
        "arrest_place": _PUBLIC,
        "detention_date": _PUBLIC,
        "detention_place": _PUBLIC,
        "prison": _PUBLIC,
        "transfer_date": _PUBLIC,
        "transfer_place": _PUBLIC,
        "trial_date": _PUBLIC,
        "trial_place": _PUBLIC,
        "death_date": _PUBLIC,
        "death_place": _PUBLIC,
        "death_calendar": _PUBLIC,
        "death_precision": _PUBLIC,
        "burial_date": _PUBLIC,
        "burial_place": _PUBLIC,
        "burial": _PUBLIC,
        "disappearance_date": _PUBLIC,
        "disappearance_place": _PUBLIC,
        # who says so
        "list": _PUBLIC,
        "lists": _PUBLIC,
        "sources": _PUBLIC,
        # private unless the family asks
        "father_name": _PRIVATE,
        "birth_date": _PRIVATE,
        "birth_year": _PRIVATE,
        "sex": _PRIVATE,
        "city": _PRIVATE,
        "home_address": _PRIVATE,
        "address": _PRIVATE,
        "relatives": _PRIVATE,
        "contacts": _PRIVATE,
        "contact": _PRIVATE,
        "affiliation": _PRIVATE,
        # never public, whoever asks
        "witnesses": _PRIVATE,
        "witness": _PRIVATE,
        "submitter": _PRIVATE,
        "submitters": _PRIVATE,
        "testimonies": _PRIVATE,
        "notes": _PRIVATE,
    }
)
PUBLIC_FIELDS: Final = frozenset(k for k, v in FIELD_VISIBILITY.items() if v is _PUBLIC)
PRIVATE_FIELDS: Final = frozenset(k for k, v in FIELD_VISIBILITY.items() if v is _PRIVATE)
NEVER_PUBLIC: Final = frozenset(
    {
        "witnesses",
        "witness",
        "submitter",
        "submitters",
        "testimonies",
        "notes",
        "contacts",
        "contact",
    }
)
DISCLOSABLE_FIELDS: Final = PRIVATE_FIELDS - NEVER_PUBLIC


# Claims whose kind states a private field of their subject (a document saying which party
# someone belonged to): shown only where the family chose to show that field.
PRIVATE_CLAIM_KINDS: Final[Mapping[str, str]] = MappingProxyType({"affiliation": "affiliation"})


def claim_kind_shown(kind: str, disclosed: Iterable[str] = ()) -> bool:
    """Whether a published claim of ``kind`` may be shown, given its subject's disclosed fields."""
    private = PRIVATE_CLAIM_KINDS.get(kind)
    return private is None or field_is_public(private, disclosed)


def disclosed_for(conn: Connection, person_ref: str | None) -> frozenset[str]:
    """The fields disclosed for any reference of the person ``person_ref`` names."""
    if not person_ref:
        return frozenset()
    from reckon.publish.equivalence import same_person

    found = disclosed_fields(conn, same_person(conn, [person_ref]))
    return frozenset(f for fields in found.values() for f in fields)


def field_is_public(name: str, disclosed: Iterable[str] = ()) -> bool:
    """Whether a person's field ``name`` may be shown (``disclosed``: the family's choices)."""
    if FIELD_VISIBILITY.get(name) is _PUBLIC:
        return True
    return name in DISCLOSABLE_FIELDS and name in set(disclosed)


def public_fields(fields: Mapping[str, Any], disclosed: Iterable[str] = ()) -> dict[str, Any]:
    """``fields`` with only what may be shown; unknown fields are dropped (private by default)."""
    shown = set(disclosed) & DISCLOSABLE_FIELDS
    return {k: v for k, v in fields.items() if FIELD_VISIBILITY.get(k) is _PUBLIC or k in shown}


def public_source(source: Mapping[str, Any]) -> dict[str, Any]:
    """How a source may be cited publicly: a confidential one only as such, with its grade."""
    if source.get("confidential"):
        return {
            "id": source.get("id"),
            "title": "a confidential source",
            "confidential": True,
            "reliability": source.get("reliability"),
        }
    keep = ("id", "title", "publisher", "published", "url", "affiliation", "reliability", "sha256")
    return {k: source.get(k) for k in keep if k in source} | {"confidential": False}


# --- items ------------------------------------------------------------------------------
#
# Withholds follow the person (`reckon.publish.equivalence`): a withhold of P12 covers the
# cluster that holds record 12 now, whatever it is called, and the named persons linked
# to it. Publications of linked persons follow their records: a publication covers the
# records of the cluster when it was made (``R<id>`` rows of publication_persons), and a
# cluster is public while every one of its records is covered and none is withheld, so
# merging an unpublished or withheld record into a public cluster hides it, and an
# unmerged record stays public on its own.


def _not_withheld(withheld: set[str]) -> Any:
    """SQL: the publication names no person in ``withheld``."""
    if not withheld:
        return true()
    return ~exists(
        select(publication_persons.c.person_ref).where(
            publication_persons.c.publication_id == publications.c.id,
            publication_persons.c.person_ref.in_(sorted(withheld)),
        )
    )


def not_edited_since() -> Any:
    """SQL: the publication is not of a claim that a coder edited after it was published
    (or last corrected), nor of an event or involvement resting on such a claim. An edit
    may name another victim or an alleged perpetrator that no editor reviewed for
    publication, or a withheld person the publication does not list, or change a date or
    place (and events are rebuilt from claims, their ids reused): the item is hidden until
    an editor publishes it again."""
    since = func.coalesce(publications.c.changed_at, publications.c.published_at)
    edited = and_(claim_decisions.c.action == "edit", claim_decisions.c.at > since)
    claim_edited = exists(
        select(claim_decisions.c.id).where(
            cast(claim_decisions.c.claim_id, String) == publications.c.item_id, edited
        )
    )
    event_edited = exists(
        select(claim_decisions.c.id)
        .join(event_claims, event_claims.c.claim_id == claim_decisions.c.claim_id)
        .where(cast(event_claims.c.event_id, String) == publications.c.item_id, edited)
    )
    involvement_edited = exists(
        select(claim_decisions.c.id)
        .join(involvement_claims, involvement_claims.c.claim_id == claim_decisions.c.claim_id)
        .where(cast(involvement_claims.c.involvement_id, String) == publications.c.item_id, edited)
    )
    kind = publications.c.item_type
    # Events and involvements are deleted when no accepted claim supports them, and SQLite
    # gives the next new row the freed id: a publication holds only for the row that
    # existed when it was made (its event created before it, the involvement naming the
    # person the publication lists), never for a new event or person under an old id.
    published = publications.c.published_at
    event_then = exists(
        select(events.c.id).where(
            cast(events.c.id, String) == publications.c.item_id, events.c.created_at <= published
        )
    )
    named = literal("N", String) + cast(involvements.c.person_id, String)
    involvement_then = exists(
        select(involvements.c.id)
        .join(events, events.c.id == involvements.c.event_id)
        .where(
            cast(involvements.c.id, String) == publications.c.item_id,
            events.c.created_at <= published,
            exists(
                select(publication_persons.c.person_ref).where(
                    publication_persons.c.publication_id == publications.c.id,
                    publication_persons.c.person_ref == named,
                )
            ),
        )
    )
    return and_(
        or_(kind != ItemType.CLAIM.value, ~claim_edited),
        or_(kind != ItemType.EVENT.value, and_(~event_edited, event_then)),
        or_(kind != ItemType.INVOLVEMENT.value, and_(~involvement_edited, involvement_then)),
    )


def _withheld(conn: Connection) -> set[str]:
    from reckon.publish.withhold import withheld_refs

    return withheld_refs(conn)


def _members(conn: Connection, clusters: Iterable[str]) -> dict[str, list[int]]:
    """The records of each linked cluster among ``clusters`` (unlinked ones are absent)."""
    from reckon.store import schema

    table = getattr(schema, "person_members", None)
    wanted = sorted(set(clusters))
    out: dict[str, list[int]] = {}
    if table is None:
        return out
    for start in range(0, len(wanted), _CHUNK):
        for person, record in conn.execute(
            select(table.c.person_id, table.c.record_id).where(
                table.c.person_id.in_(wanted[start : start + _CHUNK])
            )
        ):
            out.setdefault(str(person), []).append(int(record))
    return out


def _cluster_of(conn: Connection, records: Iterable[int]) -> dict[int, str]:
    from reckon.store import schema

    table = getattr(schema, "person_members", None)
    wanted = sorted(set(records))
    out: dict[int, str] = {}
    if table is None:
        return out
    for start in range(0, len(wanted), _CHUNK):
        for person, record in conn.execute(
            select(table.c.person_id, table.c.record_id).where(
                table.c.record_id.in_(wanted[start : start + _CHUNK])
            )
        ):
            out[int(record)] = str(person)
    return out


def _record_ref(record_id: int) -> str:
    return f"R{record_id}"


def covering(conn: Connection, records: Iterable[int]) -> dict[int, int]:
    """For each of ``records``, the oldest live person publication that covers it."""
    refs = {_record_ref(r): r for r in records}
    # A publication made before publications listed their records covers the record
    # its cluster was named after.
    refs.update({f"P{r}": r for r in records})
    wanted = sorted(refs)
    out: dict[int, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        by_person = select(publication_persons.c.person_ref, publications.c.id).join(
            publications, publications.c.id == publication_persons.c.publication_id
        )
        by_item = select(publications.c.item_id, publications.c.id)
        for query in (
            by_person.where(publication_persons.c.person_ref.in_(chunk)),
            by_item.where(publications.c.item_id.in_(chunk)),
        ):
            for ref, pub_id in conn.execute(
                query.where(
                    publications.c.item_type == ItemType.PERSON.value,
                    publications.c.status.in_(LIVE),
                )
            ):
                record = refs[str(ref)]
                out[record] = min(out.get(record, int(pub_id)), int(pub_id))
    return out


def _public_clusters(
    conn: Connection, members: Mapping[str, list[int]], withheld: set[str]
) -> dict[str, int]:
    """Of linked clusters, those public now, each with the publication that covers its
    first record (the one it is named after)."""
    covered = covering(conn, [r for rs in members.values() for r in rs])
    out = {}
    for cluster, records in members.items():
        if cluster in withheld or any(_record_ref(r) in withheld for r in records):
            continue
        if all(r in covered for r in records):
            out[cluster] = covered[min(records)]
    return out


def _public_person_ids(conn: Connection, ids: list[str], withheld: set[str]) -> set[str]:
    members = _members(conn, ids)
    found = set(_public_clusters(conn, members, withheld))
    # A cluster name that no longer names a cluster (its record was merged into another)
    # is not a person any more: the person is public under their current name only.
    stale = _cluster_of(
        conn, [int(i[1:]) for i in ids if i not in members and i[:1] == "P" and i[1:].isdigit()]
    )
    plain = [
        i
        for i in ids
        if i not in members
        and i not in withheld
        and not (i[:1] == "P" and i[1:].isdigit() and int(i[1:]) in stale)
    ]
    for start in range(0, len(plain), _CHUNK):
        found.update(
            conn.execute(
                select(publications.c.item_id).where(
                    publications.c.item_type == ItemType.PERSON.value,
                    publications.c.item_id.in_(plain[start : start + _CHUNK]),
                    publications.c.status.in_(LIVE),
                    _not_withheld(withheld),
                )
            ).scalars()
        )
    return found


def public_ids(conn: Connection, item_type: ItemType | str, ids: Iterable[str]) -> set[str]:
    """Those of ``ids`` whose item of ``item_type`` is public now."""
    kind = ItemType(item_type)
    wanted = sorted(set(ids))
    withheld = _withheld(conn)
    if kind is ItemType.PERSON:
        return _public_person_ids(conn, wanted, withheld)
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        query = select(publications.c.item_id).where(
            publications.c.status.in_(LIVE),
            _not_withheld(withheld),
            not_edited_since(),
            publications.c.item_type == kind.value,
            publications.c.item_id.in_(wanted[start : start + _CHUNK]),
        )
        found.update(conn.execute(query).scalars())
    return found


def is_public(conn: Connection, item_type: ItemType | str, item_id: str) -> bool:
    return item_id in public_ids(conn, item_type, [item_id])


def public_persons(conn: Connection, person_refs: Iterable[str]) -> set[str]:
    """The persons among ``person_refs`` whose records are public (for search)."""
    return public_ids(conn, ItemType.PERSON, person_refs)


def disclosed_fields(conn: Connection, person_refs: Iterable[str]) -> dict[str, frozenset[str]]:
    """For each person, the private fields the family asked to be shown."""
    wanted = sorted(set(person_refs))
    out: dict[str, set[str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(field_disclosures.c.person_ref, field_disclosures.c.field).where(
                field_disclosures.c.person_ref.in_(wanted[start : start + _CHUNK]),
                field_disclosures.c.revoked_at.is_(None),
            )
        )
        for ref, name in rows:
            out.setdefault(str(ref), set()).add(str(name))
    return {k: frozenset(v & DISCLOSABLE_FIELDS) for k, v in out.items()}


@dataclass(frozen=True)
class PublicItem:
    """A public item and the publication that made it so."""

    item_type: ItemType
    item_id: str
    publication_id: int
    status: str
    published_at: datetime
    correction: str | None
    corrected_at: datetime | None
    legal_review: bool


@dataclass(frozen=True)
class PublicRegister:
    """Everything public at one moment: what pages, the API and exports may show."""

    items: Mapping[ItemType, Mapping[str, PublicItem]]
    disclosed: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def ids(self, item_type: ItemType | str) -> frozenset[str]:
        return frozenset(self.items.get(ItemType(item_type), {}))

    def is_public(self, item_type: ItemType | str, item_id: str) -> bool:
        return item_id in self.items.get(ItemType(item_type), {})

    def person_fields(self, person_ref: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """A public person's fields as they may be shown (empty if the person is not public)."""
        if not self.is_public(ItemType.PERSON, person_ref):
            return {}
        return public_fields(fields, self.disclosed.get(person_ref, frozenset()))


def _public_item(kind: ItemType, item_id: str, row: Any) -> PublicItem:
    corrected = row.status == "corrected"
    return PublicItem(
        item_type=kind,
        item_id=item_id,
        publication_id=row.id,
        status=row.status,
        published_at=row.published_at,
        correction=row.change_reason if corrected else None,
        corrected_at=row.changed_at if corrected else None,
        legal_review=bool(row.legal_review),
    )


def _person_items(conn: Connection, rows: list[Any], withheld: set[str]) -> dict[str, PublicItem]:
    """Public persons keyed by their current reference (clusters renamed by merges)."""
    by_id = {int(r.id): r for r in rows}
    covered: dict[int, set[int]] = {pub_id: set() for pub_id in by_id}
    named: dict[int, set[str]] = {pub_id: set() for pub_id in by_id}
    ids = sorted(by_id)
    for start in range(0, len(ids), _CHUNK):
        for pub_id, ref in conn.execute(
            select(publication_persons.c.publication_id, publication_persons.c.person_ref).where(
                publication_persons.c.publication_id.in_(ids[start : start + _CHUNK])
            )
        ):
            named[int(pub_id)].add(str(ref))
            if str(ref).startswith("R") and str(ref)[1:].isdigit():
                covered[int(pub_id)].add(int(str(ref)[1:]))
    for row in rows:
        if str(row.item_id).startswith("P") and str(row.item_id)[1:].isdigit():
            covered[int(row.id)].add(int(str(row.item_id)[1:]))
    cluster_of = _cluster_of(conn, {r for rs in covered.values() for r in rs})
    public = _public_clusters(conn, _members(conn, set(cluster_of.values())), withheld)
    items: dict[str, PublicItem] = {}
    for cluster, pub_id in sorted(public.items(), key=lambda kv: (kv[1], kv[0])):
        items[cluster] = _public_item(ItemType.PERSON, cluster, by_id[pub_id])
    for row in rows:
        ref = str(row.item_id)
        if covered[int(row.id)] & cluster_of.keys():
            continue  # a linked person: answered by its cluster above
        if ref in withheld or named[int(row.id)] & withheld or ref in items:
            continue
        items[ref] = _public_item(ItemType.PERSON, ref, row)
    return items


def what_is_public(
    conn: Connection, item_types: Iterable[ItemType | str] | None = None
) -> PublicRegister:
    """The public register now: every public item, and the fields families chose to show."""
    kinds = [ItemType(t) for t in item_types] if item_types is not None else list(ItemType)
    withheld = _withheld(conn)
    items: dict[ItemType, dict[str, PublicItem]] = {k: {} for k in kinds}
    others = [k.value for k in kinds if k is not ItemType.PERSON]
    query = select(publications).where(publications.c.status.in_(LIVE))
    if others:
        for row in conn.execute(
            query.where(
                publications.c.item_type.in_(others), _not_withheld(withheld), not_edited_since()
            ).order_by(publications.c.id)
        ):
            kind = ItemType(row.item_type)
            items[kind][row.item_id] = _public_item(kind, row.item_id, row)
    if ItemType.PERSON in kinds:
        rows = conn.execute(
            query.where(publications.c.item_type == ItemType.PERSON.value).order_by(
                publications.c.id
            )
        ).all()
        items[ItemType.PERSON] = _person_items(conn, list(rows), withheld)
    persons = items.get(ItemType.PERSON, {})
    disclosed = disclosed_fields(conn, persons) if persons else {}
    return PublicRegister(items=items, disclosed=disclosed)

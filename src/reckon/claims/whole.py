"""One person across both id spaces: list records (``P``) and named persons (``N``).

`whole_person` follows `reckon.claims.identity.person_refs_for` from any
reference and gathers the lists' records with what each list states (each list
attributed, with how many lists and how many independent ones state the same
kind of thing), and the claims of documents about every linked named person
(with their sources, grades, corroboration and conflicts, as `person_report`
gives them), and the named persons of other sources who may be the same person
(`reckon.claims.ties.namesake_candidates`), for a coder to decide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from reckon.claims.identity import CLUSTER, NAMED, cluster_records, parse_ref, person_refs_for
from reckon.claims.person import PersonReport, person_report
from reckon.claims.ties import Namesake, namesake_candidates
from reckon.errors import NotFoundError
from reckon.evidence.locker import Locker
from reckon.link.schema_views import record_summary
from reckon.store.schema import list_claims, named_persons, victim_lists
from reckon.store.users import User


@dataclass
class ListStatement:
    """What one list's record says (died, was executed, was held, belonged to)."""

    record_id: int
    list_name: str
    kind: str
    place: str | None
    value: str | None
    date_text: str | None
    lists_stating: int  # lists whose records of this person state the same kind
    independent_lists: int  # of those, not copied from one another

    def as_json(self) -> dict[str, Any]:
        return {
            "record": self.record_id,
            "list": self.list_name,
            "kind": self.kind,
            "place": self.place,
            "value": self.value,
            "date": self.date_text,
            "lists_stating": self.lists_stating,
            "independent_lists": self.independent_lists,
        }


@dataclass
class WholePerson:
    """Everything known about one person, whichever reference was given."""

    ref: str
    refs: list[str]
    records: list[dict[str, str]] = field(default_factory=list)
    statements: list[ListStatement] = field(default_factory=list)
    named: list[PersonReport] = field(default_factory=list)
    # Named persons of other sources whose names are alike, not yet decided either way.
    possible_same: list[Namesake] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "refs": self.refs,
            "list_records": self.records,
            "list_statements": [s.as_json() for s in self.statements],
            "named_persons": [report.as_json() for report in self.named],
            "possible_same_person": [n.as_json() for n in self.possible_same],
        }


def _root(list_id: int, parents: dict[int, int | None]) -> int:
    seen = set()
    while parents.get(list_id) is not None and list_id not in seen:
        seen.add(list_id)
        list_id = int(parents[list_id])  # type: ignore[arg-type]
    return list_id


def _statements(conn: Connection, record_ids: list[int]) -> list[ListStatement]:
    if not record_ids:
        return []
    lists = {
        int(r.id): (str(r.name), None if r.derived_from_id is None else int(r.derived_from_id))
        for r in conn.execute(
            select(victim_lists.c.id, victim_lists.c.name, victim_lists.c.derived_from_id)
        )
    }
    parents = {key: value[1] for key, value in lists.items()}
    from reckon.link.identity import open_claims

    rows = open_claims(
        conn,
        conn.execute(
            select(list_claims)
            .where(list_claims.c.record_id.in_(record_ids))
            .order_by(list_claims.c.record_id, list_claims.c.id)
        ).all(),
    )
    by_kind: dict[str, set[int]] = {}
    for row in rows:
        by_kind.setdefault(str(row.kind), set()).add(int(row.list_id))
    out = []
    for row in rows:
        stating = by_kind[str(row.kind)]
        out.append(
            ListStatement(
                record_id=int(row.record_id),
                list_name=lists.get(int(row.list_id), (str(row.list_id), None))[0],
                kind=str(row.kind),
                place=row.place,
                value=row.value,
                date_text=row.date_text,
                lists_stating=len(stating),
                independent_lists=len({_root(i, parents) for i in stating}),
            )
        )
    return out


def whole_person(
    conn: Connection, locker: Locker, user: User, ref: str, *, reveal: bool = False
) -> WholePerson:
    """The person of ``ref`` (N5, P12, or a bare named-person id) with every linked reference."""
    prefix, number = parse_ref(ref)
    start = f"{prefix}{number}"
    refs = sorted(person_refs_for(conn, start), key=lambda r: (r[0] != NAMED, int(r[1:])))
    records: list[int] = []
    for item in refs:
        if item.startswith(CLUSTER):
            records += cluster_records(conn, item)
    named = [int(item[1:]) for item in refs if item.startswith(NAMED)]
    existing = set(
        conn.execute(select(named_persons.c.id).where(named_persons.c.id.in_(named))).scalars()
    )
    if prefix == CLUSTER and not records:
        raise NotFoundError(
            f"There is no list person {start}.", hint="List persons are shown by 'reckon link'."
        )
    if prefix == NAMED and number not in existing:
        raise NotFoundError(
            f"There is no named person {start}.", hint="Find ids with 'reckon claims'."
        )
    person = WholePerson(ref=start, refs=refs)
    person.records = [record_summary(conn, r) for r in sorted(set(records))]
    person.statements = _statements(conn, sorted(set(records)))
    person.named = [
        person_report(conn, locker, user, n, reveal=reveal and n == number)
        for n in named
        if n in existing
    ]
    person.possible_same = namesake_candidates(conn, named_person_ids=sorted(existing))
    return person

"""One person, two id spaces: named persons of the claims (``N<id>``) and list clusters (``P<n>``).

A person named in documents is a *named person*; a person reconciled from
victim lists is a *linkage cluster* of person records. A coder ties the two by
deciding that a named person is the person of a list's record; the cluster
follows the record (if the lists are linked again and the record moves, the
link moves with it). Decisions are kept in ``person_links`` and never deleted:
the newest decision per (named person, record) counts, so ``unlink`` records a
"different" decision, and linking again a "same" one.

`propose_links` finds candidates by name (`reckon.names`, in both scripts),
with what the lists and the claims say about place and date as further
evidence; nothing is linked until a person accepts a proposal.

`person_refs_for` gives every reference equivalent to one (the P and N refs
of one person), so that withholding, publishing or shredding one of them can
reach the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from reckon.claims.sealed import strip_evidence
from reckon.errors import InputError, NotFoundError
from reckon.extract.gazetteer import builtin_gazetteer
from reckon.names import THRESHOLD, name_keys, score_keys
from reckon.names.features import NameKeys
from reckon.roles import Permission
from reckon.search.driver import marks, raw
from reckon.store import audit
from reckon.store.schema import (
    claims,
    named_persons,
    person_links,
    person_members,
    person_records,
    person_ties,
    places,
    victim_lists,
)
from reckon.store.types import utcnow
from reckon.store.users import User

NAMED = "N"
CLUSTER = "P"
#: Claim kinds whose date is the person's death (compared with a list's death date).
DEATH_KINDS = ("execution", "burial")


@dataclass(frozen=True)
class LinkProposal:
    """A named person who may be the person of a list's record (and its cluster)."""

    named_person_id: int
    name: str
    record_id: int
    cluster: str
    record_name: str
    list_name: str
    score: float
    place_agrees: bool | None  # None: nothing to compare
    date_agrees: bool | None
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def strong(self) -> bool:
        """Name alike, nothing disagreeing, and the place or the date of death agreeing.

        A name alone is never enough: common names recur (two men called Ali
        Mohammadi died in the same summer), so a name-only match stays a proposal
        for a coder to judge.
        """
        if self.score < THRESHOLD or self.place_agrees is False or self.date_agrees is False:
            return False
        return bool(self.place_agrees or self.date_agrees)

    def as_json(self) -> dict[str, Any]:
        return {
            "named_person": f"{NAMED}{self.named_person_id}",
            "name": self.name,
            "record": self.record_id,
            "person": self.cluster,
            "record_name": self.record_name,
            "list": self.list_name,
            "score": round(self.score, 3),
            "place_agrees": self.place_agrees,
            "date_agrees": self.date_agrees,
            "strong": self.strong,
        }


def parse_ref(ref: str) -> tuple[str, int]:
    """``("N", 5)`` for ``N5``, ``("P", 12)`` for ``P12``; a bare number is a named person."""
    text = ref.strip()
    if text.isdigit():
        return NAMED, int(text)
    prefix, rest = text[:1].upper(), text[1:]
    if prefix in (NAMED, CLUSTER) and rest.isdigit():
        return prefix, int(rest)
    raise InputError(
        f"'{ref}' is not a person reference.",
        hint="Named persons look like N5 (see 'reckon claims'), list persons like P12.",
    )


def cluster_of(conn: Connection, record_id: int) -> str:
    """The cluster (``P<n>``) a record belongs to; the record alone before any linkage run."""
    value = conn.execute(
        select(person_members.c.person_id).where(person_members.c.record_id == record_id)
    ).scalar()
    return str(value) if value is not None else f"{CLUSTER}{record_id}"


def cluster_records(conn: Connection, cluster: str) -> list[int]:
    """The records of a cluster; ``P<n>`` with no linkage run is record n alone (if it exists)."""
    rows = [
        int(r)
        for r in conn.execute(
            select(person_members.c.record_id)
            .where(person_members.c.person_id == cluster)
            .order_by(person_members.c.record_id)
        ).scalars()
    ]
    if rows:
        return rows
    _, number = parse_ref(cluster)
    exists = conn.execute(select(person_records.c.id).where(person_records.c.id == number)).first()
    in_cluster = conn.execute(
        select(person_members.c.person_id).where(person_members.c.record_id == number)
    ).scalar()
    if exists is None or (in_cluster is not None and str(in_cluster) != cluster):
        return []
    return [number]


def _newest(rows: Iterable[Any]) -> dict[tuple[int, int], Any]:
    newest: dict[tuple[int, int], Any] = {}
    for row in sorted(rows, key=lambda r: int(r.id)):
        newest[(int(row.named_person_id), int(row.record_id))] = row
    return newest


def linked_records(conn: Connection, named_person_ids: Iterable[int]) -> dict[int, set[int]]:
    """named person id -> the records it is linked to now."""
    wanted = sorted(set(named_person_ids))
    if not wanted:
        return {}
    rows = conn.execute(
        select(person_links).where(person_links.c.named_person_id.in_(wanted))
    ).all()
    out: dict[int, set[int]] = {}
    for (person, record), row in _newest(rows).items():
        if row.decision == "same":
            out.setdefault(person, set()).add(record)
    return out


def linked_persons(conn: Connection, record_ids: Iterable[int]) -> dict[int, set[int]]:
    """record id -> the named persons linked to it now."""
    wanted = sorted(set(record_ids))
    if not wanted:
        return {}
    rows = conn.execute(select(person_links).where(person_links.c.record_id.in_(wanted))).all()
    out: dict[int, set[int]] = {}
    for (person, record), row in _newest(rows).items():
        if row.decision == "same":
            out.setdefault(record, set()).add(person)
    return out


def linked_persons_of(conn: Connection, record_ids: Iterable[int]) -> set[int]:
    """The named persons linked now to the clusters of these records."""
    records: set[int] = set()
    for record in record_ids:
        records.update(cluster_records(conn, cluster_of(conn, record)))
    return {p for persons in linked_persons(conn, records).values() for p in persons}


def person_refs_for(conn: Connection, ref: str) -> set[str]:
    """Every person reference equivalent to ``ref``, ``ref`` itself included.

    ``N<id>`` (a named person) reaches the clusters ``P<n>`` of the records it
    is linked to and the named persons of other sources tied to it
    (`reckon.claims.ties`); ``P<n>`` reaches the named persons linked to any of its
    records; and so on until nothing new is found (one named person linked to
    records of two clusters makes all three one person). A reference of
    another kind, or one that names nothing, is returned alone.
    """
    start = ref.strip()
    try:
        parse_ref(start)
    except InputError:
        return {start}
    if start.isdigit():
        start = f"{NAMED}{start}"
    seen: set[str] = {start}
    todo = [start]
    while todo:
        current = todo.pop()
        prefix, number = parse_ref(current)
        found: set[str] = set()
        if prefix == NAMED:
            for record in linked_records(conn, [number]).get(number, set()):
                found.add(cluster_of(conn, record))
            # Namesakes of other sources a coder decided are this person (reckon.claims.ties).
            from reckon.claims.ties import tied_to

            found.update(f"{NAMED}{other}" for other in tied_to(conn, number))
        else:
            for persons in linked_persons(conn, cluster_records(conn, current)).values():
                found.update(f"{NAMED}{p}" for p in persons)
        for item in found - seen:
            seen.add(item)
            todo.append(item)
    return seen


def tied_groups(conn: Connection, refs: Iterable[str]) -> list[set[str]]:
    """The accepted ties among ``refs``, one set of references per tie, in one query.

    For search, which must merge the hits of one person without a query per hit:
    each named person ``N<id>`` among ``refs`` with the records it is linked to
    now, and each cluster ``P<n>`` or record ``R<id>`` among ``refs`` with the
    named persons linked to its records. A tie is ``{N<id>, cluster, R<record>}``
    (the cluster as `cluster_of` names it; the search index files a record in no
    cluster as ``R<record>``). Ties that share a reference are one person: the
    caller joins them. Unlike `person_refs_for` this does not follow a tie to a
    second cluster unless that cluster is among ``refs`` too.
    """
    wanted = {r.strip() for r in refs}
    named = sorted({int(r[1:]) for r in wanted if r[:1] == NAMED and r[1:].isdigit()})
    clusters = sorted(r for r in wanted if r[:1] == CLUSTER and r[1:].isdigit())
    records = sorted({int(r[1:]) for r in wanted if r[:1] in "RP" and r[1:].isdigit()})
    if not named and not clusters and not records:
        return []
    # Through the driver's cursor (`reckon.search.driver`): search runs this on every query,
    # and SQLAlchemy would compile a new statement for every length of the lists.
    conditions: list[str] = []
    params: list[Any] = []
    for column, values in (("l.named_person_id", named), ("l.record_id", records)):
        if values:
            conditions.append(f"{column} IN ({marks(len(values))})")
            params += values
    if clusters:
        conditions.append(
            f"l.record_id IN (SELECT record_id FROM {person_members.name} "  # noqa: S608
            f"WHERE person_id IN ({marks(len(clusters))}))"
        )
        params += clusters
    sql = (
        "SELECT l.id, l.named_person_id, l.record_id, l.decision, m.person_id "  # noqa: S608
        f"FROM {person_links.name} l LEFT JOIN {person_members.name} m "
        f"ON m.record_id = l.record_id WHERE {' OR '.join(conditions)} ORDER BY l.id"
    )
    newest: dict[tuple[int, int], tuple[str, Any]] = {}
    for _, person, record, decision, cluster in raw(conn, sql, params):
        newest[(int(person), int(record))] = (str(decision), cluster)
    ties = []
    for (person, record), (decision, cluster) in newest.items():
        if decision == "same":
            where = str(cluster) if cluster is not None else f"{CLUSTER}{record}"
            ties.append({f"{NAMED}{person}", where, f"R{record}"})
    if named:
        # Named persons of two sources a coder decided are one (reckon.claims.ties).
        sql = (
            f"SELECT id, named_person_id, other_person_id, decision FROM {person_ties.name} "  # noqa: S608
            f"WHERE named_person_id IN ({marks(len(named))}) "
            f"OR other_person_id IN ({marks(len(named))}) ORDER BY id"
        )
        pairs: dict[tuple[int, int], str] = {}
        for _, low, high, decision in raw(conn, sql, named + named):
            pairs[(int(low), int(high))] = str(decision)
        ties += [{f"{NAMED}{a}", f"{NAMED}{b}"} for (a, b), d in pairs.items() if d == "same"]
    return ties


def _need_named(conn: Connection, named_person_id: int) -> Any:
    row = conn.execute(select(named_persons).where(named_persons.c.id == named_person_id)).first()
    if row is None:
        raise NotFoundError(
            f"There is no named person {NAMED}{named_person_id}.",
            hint="Named persons are listed by 'reckon claims'.",
        )
    return row


def _record_for(conn: Connection, target: str) -> int:
    prefix, number = parse_ref(target)
    if prefix != CLUSTER:
        raise InputError(f"'{target}' is not a list person.", hint="Give the list person as P12.")
    records = cluster_records(conn, target)
    if not records:
        raise NotFoundError(
            f"There is no list person {target}.", hint="List persons are shown by 'reckon link'."
        )
    # The cluster is named after one of its records: link to that one when it is a member.
    return number if number in records else records[0]


def _decide(
    conn: Connection,
    actor: User,
    named: str,
    target: str,
    decision: str,
    reason: str | None,
) -> int:
    actor.require(Permission.CODE_CLAIMS)
    prefix, person_id = parse_ref(named)
    if prefix != NAMED:
        raise InputError(f"'{named}' is not a named person.", hint="Give it as N5.")
    if parse_ref(target)[0] == NAMED:
        # Two named persons (namesakes of two sources): a tie, not a link to a list.
        from reckon.claims.ties import tie_persons

        return tie_persons(conn, actor, named, target, decision, reason)
    row = _need_named(conn, person_id)
    record_id = _record_for(conn, target)
    current = linked_records(conn, [person_id]).get(person_id, set())
    if decision == "same" and record_id in current:
        raise InputError(f"{NAMED}{person_id} is already linked to {target}.")
    if decision == "different":
        records = set(cluster_records(conn, target)) & current
        if not records:
            raise NotFoundError(f"{NAMED}{person_id} is not linked to {target}.")
    else:
        records = {record_id}
    method, score, evidence = "manual", None, None
    if decision == "same" and not bool(row.protected):
        for proposal in propose_links(conn, named_person_ids=[person_id]):
            if proposal.record_id == record_id or proposal.cluster == cluster_of(conn, record_id):
                # The evidence keeps ids, score, places and dates: the names it compared stay
                # sealed where they are (a list's record, the named person).
                method, score = "proposal", proposal.score
                evidence = strip_evidence(proposal.as_json())
                break
    from reckon.claims.ties import resync_groups, same_person_groups

    before = same_person_groups(conn)
    now = utcnow()
    last = 0
    for record in sorted(records):
        result = conn.execute(
            person_links.insert().values(
                named_person_id=person_id,
                record_id=record,
                decision=decision,
                method=method,
                score=score,
                evidence=evidence,
                reason=reason,
                decided_by=actor.id,
                decided_at=now,
            )
        )
        last = int(result.inserted_primary_key[0])  # type: ignore[index]
    audit.record(
        conn,
        actor,
        "person-linked" if decision == "same" else "person-unlinked",
        "named_person",
        f"{NAMED}{person_id}",
        {"person": target, "records": sorted(records), "method": method, "reason": reason},
    )
    # Named persons tied to one list person are one person: their events follow.
    resync_groups(conn, before, [person_id, *linked_persons_of(conn, records)])
    return last


def link_person(
    conn: Connection, actor: User, named: str, target: str, reason: str | None = None
) -> int:
    """Record that named person ``named`` (N5) is the list person ``target`` (P12), or the
    named person ``target`` of another source (N7: a tie, `reckon.claims.ties`)."""
    return _decide(conn, actor, named, target, "same", reason)


def unlink_person(
    conn: Connection, actor: User, named: str, target: str, reason: str | None = None
) -> int:
    """Undo a link: record that ``named`` is not the list person (or named person) ``target``."""
    return _decide(conn, actor, named, target, "different", reason)


def link_history(conn: Connection, named: str | None = None) -> list[dict[str, Any]]:
    """Every link decision (newest last), for one named person or all."""
    query = select(person_links).order_by(person_links.c.id)
    if named is not None:
        _, person_id = parse_ref(named)
        query = query.where(person_links.c.named_person_id == person_id)
    from reckon.store.schema import users

    names = {int(r.id): str(r.name) for r in conn.execute(select(users.c.id, users.c.name))}
    return [
        {
            "id": int(r.id),
            "named_person": f"{NAMED}{r.named_person_id}",
            "record": int(r.record_id),
            "person": cluster_of(conn, int(r.record_id)),
            "decision": r.decision,
            "method": r.method,
            "score": r.score,
            "reason": r.reason,
            "by": names.get(int(r.decided_by), str(r.decided_by)),
            "at": r.decided_at.isoformat(),
        }
        for r in conn.execute(query).all()
    ]


def _record_name(row: Any) -> str:
    return str(row.full_name or " ".join(p for p in (row.given_name, row.surname) if p)).strip()


def _place_names(text: str | None) -> set[str]:
    if not text:
        return set()
    found = {entry.name for _, _, entry in builtin_gazetteer().find(text)}
    return found | {text.strip()}


def _overlap(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool | None:
    if a[0] is None or b[0] is None:
        return None
    return bool(a[0] <= (b[1] or b[0]) and b[0] <= (a[1] or a[0]))


def propose_links(
    conn: Connection, *, named_person_ids: Iterable[int] | None = None
) -> list[LinkProposal]:
    """Named persons who may be list persons, best first; decided pairs are not proposed again.

    Candidates share a word of the name (phonetic key, either script) and score
    at least `reckon.names.THRESHOLD`; the place and the date of death the
    person's claims give are compared with the record's prison or city and
    death date. Protected named persons (first named by a confidential source)
    are never proposed. One proposal per (named person, cluster): its best record.
    """
    from reckon.claims.sealed import names

    query = select(named_persons.c.id).where(named_persons.c.protected.is_(False))
    if named_person_ids is not None:
        query = query.where(named_persons.c.id.in_(sorted(set(named_person_ids))))
    # Names are sealed per person (reckon.claims.sealed); a shredded person has none.
    people = [(i, n) for i, n in sorted(names(conn, conn.execute(query).scalars()).items()) if n]
    if not people:
        return []
    from reckon.link.identity import open_rows

    # Records keep their names sealed (reckon.link.identity): open them to compare.
    records = open_rows(
        conn,
        conn.execute(
            select(person_records, victim_lists.c.name.label("list_name")).join(
                victim_lists, victim_lists.c.id == person_records.c.list_id
            )
        ).all(),
    )
    record_keys: dict[int, NameKeys] = {}
    by_token: dict[str, set[int]] = {}
    rows_by_id = {}
    for row in records:
        name = _record_name(row)
        if not name:
            continue
        keys = name_keys(name)
        record_keys[int(row.id)] = keys
        rows_by_id[int(row.id)] = row
        for token in keys.tokens:
            by_token.setdefault(token, set()).add(int(row.id))
    decided = _newest(
        conn.execute(
            select(person_links).where(person_links.c.named_person_id.in_([p for p, _ in people]))
        ).all()
    )
    clusters = {
        int(r.record_id): str(r.person_id)
        for r in conn.execute(select(person_members.c.record_id, person_members.c.person_id))
    }
    proposals: dict[tuple[int, str], LinkProposal] = {}
    for person_id, name in people:
        keys = name_keys(name)
        candidates = sorted(set().union(*(by_token.get(t, set()) for t in keys.tokens)))
        # A cluster the person was linked to, or said not to be, is not proposed again.
        settled = {
            clusters.get(record, f"{CLUSTER}{record}")
            for (who, record) in decided
            if who == person_id
        }
        candidates = [
            c
            for c in candidates
            if (person_id, c) not in decided and clusters.get(c, f"{CLUSTER}{c}") not in settled
        ]
        if not candidates:
            continue
        scores = score_keys([keys] * len(candidates), [record_keys[c] for c in candidates])
        said = conn.execute(
            select(
                claims.c.kind, places.c.name.label("place"), claims.c.date_start, claims.c.date_end
            )
            .outerjoin(places, places.c.id == claims.c.place_id)
            .where(claims.c.victim_id == person_id, claims.c.status != "rejected")
        ).all()
        claim_places = {str(r.place) for r in said if r.place}
        death_dates = [(r.date_start, r.date_end) for r in said if r.kind in DEATH_KINDS]
        for record_id, score in zip(candidates, scores, strict=True):
            if score < THRESHOLD:
                continue
            row = rows_by_id[record_id]
            record_places = _place_names(row.prison) | _place_names(row.city)
            place_agrees = True if claim_places & record_places else None
            dates = [_overlap(d, (row.death_start, row.death_end)) for d in death_dates]
            known = [d for d in dates if d is not None]
            date_agrees = None if not known else any(known)
            cluster = clusters.get(record_id, f"{CLUSTER}{record_id}")
            proposal = LinkProposal(
                named_person_id=person_id,
                name=name,
                record_id=record_id,
                cluster=cluster,
                record_name=_record_name(row),
                list_name=str(row.list_name),
                score=float(score),
                place_agrees=place_agrees,
                date_agrees=date_agrees,
                evidence={
                    "claim_places": sorted(claim_places),
                    "record_places": sorted(p for p in (row.prison, row.city) if p),
                    "record_death": [row.death_start, row.death_end],
                },
            )
            best = proposals.get((person_id, cluster))
            if best is None or _rank(proposal) > _rank(best):
                proposals[(person_id, cluster)] = proposal
    return sorted(proposals.values(), key=lambda p: (not p.strong, -_rank(p)[1], p.named_person_id))


def _rank(p: LinkProposal) -> tuple[int, float]:
    agreeing = int(bool(p.place_agrees)) + int(bool(p.date_agrees))
    return (int(p.strong) * 10 + agreeing, p.score)


def accept_strong_proposals(conn: Connection, actor: User, reason: str) -> list[LinkProposal]:
    """Link every unambiguous strong proposal (as a coder would after reading them), audited.

    A named person with strong proposals to more than one list person is left for a
    coder: the documents may name two namesakes, or the lists may not have joined
    one person's records.
    """
    proposals = propose_links(conn)
    clusters: dict[int, set[str]] = {}
    for proposal in proposals:
        if proposal.strong:
            clusters.setdefault(proposal.named_person_id, set()).add(proposal.cluster)
    accepted = []
    seen_persons: set[int] = set()
    for proposal in proposals:
        if (
            not proposal.strong
            or proposal.named_person_id in seen_persons
            or len(clusters[proposal.named_person_id]) > 1
        ):
            continue
        link_person(conn, actor, f"{NAMED}{proposal.named_person_id}", proposal.cluster, reason)
        seen_persons.add(proposal.named_person_id)
        accepted.append(proposal)
    return accepted

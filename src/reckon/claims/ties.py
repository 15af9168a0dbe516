"""Namesakes across sources: two named persons are one person only when someone decides so.

Each source's named persons are its own (`reckon.claims.persons.ensure_person`):
"Ali Rezaei" in a report and "Ali Rezaei" in a testimony are two named persons,
because common names recur and two human beings must never be merged on a name
alone. They become one person by a recorded decision:

- a coder's tie between the two named persons (``person_ties``: `tie_persons`,
  ``reckon claims link-person N5 N7 --reason …``), or
- ties of both to one list person (``person_links``, reviewed linkage; see
  `reckon.claims.identity`).

`namesake_candidates` offers the pairs to review: named persons of different
sources whose names are alike (`reckon.names` similarity at or above its
threshold), not yet decided either way. `same_person_groups` gives, for every
named person in a decided group, one representative id, so that corroboration
(`reckon.claims.corroboration`) counts the sources of a person confirmed across
sources once each, and `tied_to` lets `person_refs_for` reach them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, or_, select

from reckon.claims.identity import CLUSTER, NAMED, linked_records, parse_ref
from reckon.errors import InputError, NotFoundError
from reckon.names import THRESHOLD, name_keys, score_keys
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import claims, mentions, named_persons, person_members, person_ties
from reckon.store.types import utcnow
from reckon.store.users import User


@dataclass(frozen=True)
class Namesake:
    """Two named persons, of different sources, whose names are alike: one person or two?"""

    person_id: int
    other_id: int
    name: str
    other_name: str
    score: float
    sources: tuple[int, ...]  # the sources naming ``person_id``
    other_sources: tuple[int, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "named_person": f"{NAMED}{self.person_id}",
            "other": f"{NAMED}{self.other_id}",
            "name": self.name,
            "other_name": self.other_name,
            "score": round(self.score, 3),
            "sources": list(self.sources),
            "other_sources": list(self.other_sources),
        }


def _newest(conn: Connection, ids: Iterable[int] | None = None) -> dict[tuple[int, int], str]:
    """(lower id, higher id) -> the newest decision on that pair."""
    query = select(person_ties).order_by(person_ties.c.id)
    if ids is not None:
        wanted = sorted(set(ids))
        query = query.where(
            or_(
                person_ties.c.named_person_id.in_(wanted), person_ties.c.other_person_id.in_(wanted)
            )
        )
    return {
        (int(r.named_person_id), int(r.other_person_id)): str(r.decision)
        for r in conn.execute(query).all()
    }


def tied_to(conn: Connection, person_id: int) -> set[int]:
    """The named persons a coder tied directly to ``person_id`` (newest decision "same")."""
    return {
        b if a == person_id else a
        for (a, b), decision in _newest(conn, [person_id]).items()
        if decision == "same"
    }


def same_person_groups(conn: Connection) -> dict[int, int]:
    """Named person id -> the lowest id of its group, for every person in a decided group.

    A group joins named persons tied to one another and named persons tied to
    records of one list person, transitively. Persons in no group are absent
    (they are only themselves).
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def join(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        parent.setdefault(a, a)
        parent.setdefault(b, b)

    for (a, b), decision in _newest(conn).items():
        if decision == "same":
            join(a, b)
    named = [int(i) for i in conn.execute(select(named_persons.c.id)).scalars()]
    linked = linked_records(conn, named)
    wanted = sorted({r for records in linked.values() for r in records})
    clusters = {
        int(r.record_id): str(r.person_id)
        for r in conn.execute(
            select(person_members.c.record_id, person_members.c.person_id).where(
                person_members.c.record_id.in_(wanted)
            )
        )
    }
    by_cluster: dict[str, int] = {}
    for person, records in linked.items():
        for record in records:
            cluster = clusters.get(record, f"{CLUSTER}{record}")
            if cluster in by_cluster:
                join(by_cluster[cluster], person)
            else:
                by_cluster[cluster] = person
                parent.setdefault(person, person)
    return {person: find(person) for person in list(parent)}


def _sources_naming(conn: Connection, person_ids: list[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    if not person_ids:
        return out
    for column in (claims.c.victim_id, claims.c.perpetrator_id):
        for row in conn.execute(
            select(column.label("person"), claims.c.source_id).where(column.in_(person_ids))
        ):
            out.setdefault(int(row.person), set()).add(int(row.source_id))
    for row in conn.execute(
        select(mentions.c.person_id, mentions.c.source_id).where(
            mentions.c.person_id.in_(person_ids)
        )
    ):
        out.setdefault(int(row.person_id), set()).add(int(row.source_id))
    return out


def namesake_candidates(
    conn: Connection, *, named_person_ids: Iterable[int] | None = None
) -> list[Namesake]:
    """Pairs of named persons who may be one person, best first; decided pairs are not offered.

    Candidates share a word of the name (phonetic key, either script), score at
    least `reckon.names.THRESHOLD`, and are not named by the same single source
    only (within a source one name is one person already). Pairs already one
    person (through ties or a list person) and pairs decided "different" (or
    tied to persons decided different) are left out. Protected persons (first named by a confidential source) are never
    offered: a tie would show in clear that a confidential source names someone.
    With ``named_person_ids``, only pairs with one of those.
    """
    from reckon.claims.sealed import names

    ids = conn.execute(
        select(named_persons.c.id).where(named_persons.c.protected.is_(False))
    ).scalars()
    people = {i: n for i, n in names(conn, ids).items() if n}
    if len(people) < 2:
        return []
    wanted = None if named_person_ids is None else set(named_person_ids)
    keys = {i: name_keys(n) for i, n in people.items()}
    by_token: dict[str, set[int]] = {}
    for i, k in keys.items():
        for token in k.tokens:
            by_token.setdefault(token, set()).add(i)
    decided = _newest(conn)
    groups = same_person_groups(conn)
    # Said to be two persons: so is everyone tied to either of them.
    apart = {
        frozenset((groups.get(a, a), groups.get(b, b)))
        for (a, b), decision in decided.items()
        if decision == "different"
    }
    sources = _sources_naming(conn, sorted(people))
    pairs: list[tuple[int, int]] = []
    for i in sorted(people):
        for j in sorted(set().union(*(by_token.get(t, set()) for t in keys[i].tokens))):
            if j <= i or (wanted is not None and i not in wanted and j not in wanted):
                continue
            gi, gj = groups.get(i, i), groups.get(j, j)
            if (i, j) in decided or gi == gj or frozenset((gi, gj)) in apart:
                continue
            if sources.get(i, set()) == sources.get(j, set()) and len(sources.get(i, set())) == 1:
                continue
            pairs.append((i, j))
    if not pairs:
        return []
    scores = score_keys([keys[i] for i, _ in pairs], [keys[j] for _, j in pairs])
    found = [
        Namesake(
            i,
            j,
            people[i],
            people[j],
            float(score),
            tuple(sorted(sources.get(i, set()))),
            tuple(sorted(sources.get(j, set()))),
        )
        for (i, j), score in zip(pairs, scores, strict=True)
        if score >= THRESHOLD
    ]
    return sorted(found, key=lambda n: (-n.score, n.person_id, n.other_id))


def _need(conn: Connection, ref: str) -> Any:
    prefix, number = parse_ref(ref)
    if prefix != NAMED:
        raise InputError(f"'{ref}' is not a named person.", hint="Give it as N5.")
    row = conn.execute(select(named_persons).where(named_persons.c.id == number)).first()
    if row is None:
        raise NotFoundError(
            f"There is no named person {NAMED}{number}.",
            hint="Named persons are listed by 'reckon claims'.",
        )
    return row


def tie_persons(
    conn: Connection, actor: User, named: str, other: str, decision: str, reason: str | None
) -> int:
    """Record that two named persons are (``same``) or are not (``different``) one person.

    Audited and never deleted; a later decision on the pair overrides it. A tie
    with a protected person (first named by a confidential source) is refused:
    the tie would show in clear that a confidential source names this person.
    """
    actor.require(Permission.CODE_CLAIMS)
    if decision not in ("same", "different"):
        raise InputError(f"'{decision}' is not a decision.", hint="Use 'same' or 'different'.")
    first, second = _need(conn, named), _need(conn, other)
    if first.id == second.id:
        raise InputError(f"{named} and {other} are one named person already.")
    if first.protected or second.protected:
        raise InputError(
            f"{named} or {other} was first named by a confidential source.",
            hint="Ties would show that a confidential source names this person; "
            "they are not recorded.",
        )
    low, high = sorted((int(first.id), int(second.id)))
    current = _newest(conn, [low]).get((low, high))
    if decision == "same" and current == "same":
        raise InputError(f"{NAMED}{low} and {NAMED}{high} are tied already.")
    if decision == "different" and current != "same":
        groups = same_person_groups(conn)
        if groups.get(low, low) == groups.get(high, high):
            raise InputError(
                f"{NAMED}{low} and {NAMED}{high} are one person through a list person.",
                hint="Unlink one of them from it with 'reckon claims unlink-person'.",
            )
    score = None
    if decision == "same":
        score = next(
            (
                c.score
                for c in namesake_candidates(conn, named_person_ids=[low])
                if (c.person_id, c.other_id) == (low, high)
            ),
            None,
        )
    before = same_person_groups(conn)
    result = conn.execute(
        person_ties.insert().values(
            named_person_id=low,
            other_person_id=high,
            decision=decision,
            method="proposal" if score is not None else "manual",
            score=score,
            reason=reason,
            decided_by=actor.id,
            decided_at=utcnow(),
        )
    )
    audit.record(
        conn,
        actor,
        "person-tied" if decision == "same" else "person-untied",
        "named_person",
        f"{NAMED}{low}",
        {"other": f"{NAMED}{high}", "decision": decision, "score": score, "reason": reason},
    )
    resync_groups(conn, before, [low, high])
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def resync_groups(conn: Connection, before: Mapping[int, int], persons: Iterable[int]) -> None:
    """Rebuild the events of everyone whose group (``before`` a decision, or now) holds
    one of ``persons`` and whose group id changed, so that events follow who is one
    person now."""
    from reckon.claims.events import resync_persons

    after = same_person_groups(conn)
    touched = set(persons)
    roots = {before.get(p, p) for p in touched} | {after.get(p, p) for p in touched}
    members = {p for p, root in before.items() if root in roots}
    members |= {p for p, root in after.items() if root in roots}
    # Only those whose group's id changed: a rebuilt event is a new row, and its
    # publication would lapse for nothing.
    resync_persons(conn, {p for p in touched | members if before.get(p, p) != after.get(p, p)})


__all__ = [
    "Namesake",
    "namesake_candidates",
    "resync_groups",
    "same_person_groups",
    "tie_persons",
    "tied_to",
]

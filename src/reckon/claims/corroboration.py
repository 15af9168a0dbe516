"""Corroboration: how many sources support a claim, how many independently, what contradicts it.

Two sources are not independent when one derives from the other (a report
quoting a press release; the evidence module's derivation links, followed
transitively) or when they share an affiliation. Each supporting source is
reduced to its *origins* (the sources it ultimately derives from, itself if
none, plus the affiliations of every source in its lineage); the number of independent chains is the size of
a largest set of supporting sources whose origins do not overlap (greedy, the
smallest origin sets first). So a report that copies a testimony adds nothing
to that testimony, and two sources copying one press release count once.

Claims support one another when they are accepted, of the same kind, about the
same person, and do not disagree on date (intervals overlap) or place. The same
person is one named person, or named persons of different sources that someone
decided are one (`reckon.claims.ties.same_person_groups`): a name shared by two
sources is never enough, since namesakes would then corroborate each other. They
conflict when an execution or burial is given two dates that cannot both be
right or two places, or when a source says a person was released or survived
after the date another gives for their execution.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, select

from reckon.claims.records import ClaimRecord
from reckon.store.schema import source_links, sources

GRADE_ORDER = "ABCDEF"
SINGLE_FACT = {"execution", "burial"}


@dataclass(frozen=True)
class Corroboration:
    """What supports and what contradicts one claim."""

    claim_id: int
    supporting: list[int] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    independent: int = 0
    best_reliability: str = "F"
    best_credibility: int = 6
    conflicts: list[int] = field(default_factory=list)

    @property
    def best_grade(self) -> str:
        return f"{self.best_reliability}{self.best_credibility}"


Groups = Mapping[int, int]


def _one(person_id: int | None, same: Groups) -> int | None:
    return None if person_id is None else same.get(person_id, person_id)


def _subject(claim: ClaimRecord, same: Groups) -> tuple[int | None, int | None]:
    victim = _one(claim.victim_id, same)
    return (victim, _one(claim.perpetrator_id, same)) if claim.is_role else (victim, None)


def _dates_overlap(a: ClaimRecord, b: ClaimRecord) -> bool:
    if not (a.date_start and a.date_end and b.date_start and b.date_end):
        return True
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def _places_agree(a: ClaimRecord, b: ClaimRecord) -> bool:
    return a.place_id is None or b.place_id is None or a.place_id == b.place_id


def supports(a: ClaimRecord, b: ClaimRecord, same: Groups | None = None) -> bool:
    """Whether two claims state the same fact about the same person.

    ``same`` maps a named person to its group's representative (`same_person_groups`).
    """
    same = same or {}
    subject = _subject(a, same)
    if a.kind != b.kind or subject != _subject(b, same) or subject == (None, None):
        return False
    if a.kind == "affiliation":
        return (a.detail or "").casefold() == (b.detail or "").casefold()
    return _dates_overlap(a, b) and _places_agree(a, b)


def conflicts(a: ClaimRecord, b: ClaimRecord, same: Groups | None = None) -> bool:
    """Whether two claims about the same person cannot both be right."""
    same = same or {}
    victim = _one(a.victim_id, same)
    if victim is None or victim != _one(b.victim_id, same) or a.is_role or b.is_role:
        return False
    if a.kind == b.kind and a.kind in SINGLE_FACT:
        return not (_dates_overlap(a, b) and _places_agree(a, b))
    kinds = {a.kind, b.kind}
    if kinds == {"execution", "release"}:
        execution, release = (a, b) if a.kind == "execution" else (b, a)
        if execution.date_start is None or release.date_end is None:
            return True
        return release.date_end >= execution.date_start
    return False


def _parents(conn: Connection) -> dict[int, set[int]]:
    parents: dict[int, set[int]] = {}
    for row in conn.execute(select(source_links.c.source_id, source_links.c.derived_from_id)):
        parents.setdefault(int(row.source_id), set()).add(int(row.derived_from_id))
    return parents


def lineage(source_id: int, parents: dict[int, set[int]]) -> tuple[set[int], set[int]]:
    """(origins, lineage): the sources ``source_id`` ultimately derives from (itself when it
    derives from none), and every source on the way, itself included."""
    seen: set[int] = set()
    roots: set[int] = set()
    stack = [source_id]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        above = parents.get(current, set())
        if not above:
            roots.add(current)
        stack.extend(above)
    return roots, seen


def independent_chains(
    source_ids: list[int], parents: dict[int, set[int]], affiliations: dict[int, str | None]
) -> int:
    """How many of ``source_ids`` are independent of one another (see the module's docstring)."""
    labels = []
    for source_id in sorted(set(source_ids)):
        roots, chain = lineage(source_id, parents)
        label: set[str] = {f"s{o}" for o in roots}
        # A copy speaks for the side its original came from.
        for member in chain:
            affiliation = affiliations.get(member)
            if affiliation:
                label.add("a:" + affiliation.strip().casefold())
        labels.append(label)
    taken: set[str] = set()
    count = 0
    for label in sorted(labels, key=len):
        if not label & taken:
            taken |= label
            count += 1
    return count


def corroborate(conn: Connection, claim: ClaimRecord, pool: list[ClaimRecord]) -> Corroboration:
    """Support and conflicts of ``claim`` among ``pool`` (the claims the reader may see)."""
    from reckon.claims.ties import same_person_groups

    same = same_person_groups(conn)
    supporting = [
        c for c in pool if c.id == claim.id or (c.status == "accepted" and supports(claim, c, same))
    ]
    against = [
        c.id
        for c in pool
        if c.id != claim.id and c.status != "rejected" and conflicts(claim, c, same)
    ]
    source_ids = sorted({c.source_id for c in supporting})
    affiliations = {
        int(r.id): r.affiliation for r in conn.execute(select(sources.c.id, sources.c.affiliation))
    }
    return Corroboration(
        claim_id=claim.id,
        supporting=[c.id for c in supporting],
        sources=source_ids,
        independent=independent_chains(source_ids, _parents(conn), affiliations),
        best_reliability=min(
            (c.reliability for c in supporting), key=GRADE_ORDER.index, default="F"
        ),
        best_credibility=min((c.credibility for c in supporting), default=6),
        conflicts=sorted(against),
    )

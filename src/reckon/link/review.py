"""Human review of links: the uncertain pairs, decisions, unmerging, and why records merged.

A decision (same, different, unsure) is recorded with its reviewer and time and
never deleted; the newest on a pair counts, overrides the model, and survives
every re-run. Unmerging a cluster records "different" between the records split
off and the rest, so the split is itself a reviewable decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from reckon.errors import InputError, NotFoundError
from reckon.link.schema_views import record_summary
from reckon.link.workspace import decisions, latest_run, person_id, recluster
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import link_decisions, link_pairs, person_members, person_records
from reckon.store.types import utcnow
from reckon.store.users import User

DECISIONS = ("same", "different", "unsure")


@dataclass(frozen=True)
class ReviewPair:
    """A scored pair waiting for a reviewer, with the evidence per comparison."""

    left: int
    right: int
    probability: float
    evidence: dict[str, float]
    left_record: dict[str, str]
    right_record: dict[str, str]


def review_queue(conn: Connection, limit: int = 20) -> list[ReviewPair]:
    """Undecided pairs of the newest run in the uncertain band, most informative first.

    Most informative: pairs inside clusters held by the guard rails first, then
    the probability closest to one half (where a decision changes most).
    """
    run = latest_run(conn)
    cluster = run.model.get("cluster", {})
    low, high = float(cluster.get("review_low", 0.05)), float(cluster.get("review_high", 0.9))
    decided = decisions(conn)
    held = {
        int(r.record_id)
        for r in conn.execute(
            select(person_members.c.record_id).where(person_members.c.held == 1)
        ).all()
    }
    rows = conn.execute(
        select(link_pairs).where(
            link_pairs.c.run_id == run.id,
            link_pairs.c.probability >= low,
            link_pairs.c.probability <= high,
        )
    ).all()
    candidates = [r for r in rows if (int(r.record_l), int(r.record_r)) not in decided]
    candidates.sort(
        key=lambda r: (
            not (int(r.record_l) in held or int(r.record_r) in held),
            abs(float(r.probability) - 0.5),
            int(r.record_l),
            int(r.record_r),
        )
    )
    out = []
    for row in candidates[:limit]:
        out.append(
            ReviewPair(
                left=int(row.record_l),
                right=int(row.record_r),
                probability=float(row.probability),
                evidence=dict(row.evidence or {}),
                left_record=record_summary(conn, int(row.record_l)),
                right_record=record_summary(conn, int(row.record_r)),
            )
        )
    return out


def decide(
    conn: Connection,
    actor: User,
    left: int,
    right: int,
    decision: str,
    reason: str | None = None,
    recluster_now: bool = True,
) -> None:
    """Record a reviewer's decision on a pair of records."""
    actor.require(Permission.REVIEW_LINKS)
    if decision not in DECISIONS:
        raise InputError(f"'{decision}' is not a decision.", hint="Use same, different or unsure.")
    left, right = sorted((int(left), int(right)))
    if left == right:
        raise InputError("A record cannot be compared with itself.")
    found = conn.execute(
        select(person_records.c.id).where(person_records.c.id.in_((left, right)))
    ).all()
    if len(found) != 2:
        raise NotFoundError(f"Record {left} or {right} does not exist.")
    conn.execute(
        link_decisions.insert().values(
            record_l=left,
            record_r=right,
            decision=decision,
            reason=reason,
            decided_by=actor.id,
            decided_at=utcnow(),
        )
    )
    audit.record(
        conn,
        actor,
        "link-decided",
        "record_pair",
        f"{left}-{right}",
        {"decision": decision, "reason": reason},
    )
    if recluster_now and conn.execute(select(person_members.c.record_id).limit(1)).first():
        recluster(conn)


def members(conn: Connection, person: str) -> list[int]:
    rows = conn.execute(
        select(person_members.c.record_id)
        .where(person_members.c.person_id == person)
        .order_by(person_members.c.record_id)
    ).all()
    if not rows:
        raise NotFoundError(f"There is no person '{person}'.", hint="Person ids look like P12.")
    return [int(r.record_id) for r in rows]


def unmerge(
    conn: Connection, actor: User, person: str, split_off: list[int], reason: str | None = None
) -> list[str]:
    """Split ``split_off`` records out of a person's cluster; returns the persons after."""
    actor.require(Permission.REVIEW_LINKS)
    current = members(conn, person)
    outside = [r for r in split_off if r not in current]
    if outside:
        raise InputError(f"Record(s) {', '.join(map(str, outside))} are not part of {person}.")
    rest = [r for r in current if r not in split_off]
    if not split_off or not rest:
        raise InputError(
            "Name some, but not all, of the person's records to split off.",
            hint=f"{person} has records {', '.join(map(str, current))}.",
        )
    why = reason or f"unmerged from {person}"
    for a in split_off:
        for b in rest:
            decide(conn, actor, a, b, "different", why, recluster_now=False)
    # Records split off together stay together unless a reviewer says otherwise.
    for i, a in enumerate(split_off):
        for b in split_off[i + 1 :]:
            decide(conn, actor, a, b, "same", why, recluster_now=False)
    recluster(conn)
    after = {
        str(r.person_id)
        for r in conn.execute(
            select(person_members.c.person_id).where(person_members.c.record_id.in_(current))
        ).all()
    }
    audit.record(
        conn,
        actor,
        "person-unmerged",
        "person",
        person,
        {"split_off": split_off, "after": sorted(after)},
    )
    return sorted(after)


def trace(conn: Connection, person: str) -> dict[str, Any]:
    """Why a person's records are together: their pairs with probabilities and reviews."""
    ids = members(conn, person)
    run = latest_run(conn)
    pairs = conn.execute(
        select(link_pairs).where(
            link_pairs.c.run_id == run.id,
            link_pairs.c.record_l.in_(ids),
            link_pairs.c.record_r.in_(ids),
        )
    ).all()
    reviews = conn.execute(
        select(link_decisions)
        .where(link_decisions.c.record_l.in_(ids), link_decisions.c.record_r.in_(ids))
        .order_by(link_decisions.c.id)
    ).all()
    return {
        "person": person,
        "run": int(run.id),
        "records": [record_summary(conn, r) for r in ids],
        "pairs": [
            {
                "left": int(p.record_l),
                "right": int(p.record_r),
                "probability": float(p.probability),
                "evidence": p.evidence or {},
            }
            for p in sorted(pairs, key=lambda p: -float(p.probability))
        ],
        "reviews": [
            {
                "left": int(r.record_l),
                "right": int(r.record_r),
                "decision": r.decision,
                "reason": r.reason,
                "at": r.decided_at.isoformat(),
            }
            for r in reviews
        ],
    }


__all__ = ["ReviewPair", "decide", "members", "person_id", "review_queue", "trace", "unmerge"]

"""Linkage in a workspace: link the current lists, store the run, re-cluster after decisions.

Records are the person records of every list's newest version. Reviewers'
decisions (the newest per pair) override the model and label pairs for
training; they survive every re-run. Persons are named ``P<n>`` after the
smallest record number in their cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, delete, func, select

from reckon.errors import InputError, NotFoundError
from reckon.extract.dates import Calendar, DateValue, Precision
from reckon.link.cluster import Clusters, Edge, cluster
from reckon.link.engines import Engine
from reckon.link.fields import Record
from reckon.link.identity import open_rows
from reckon.link.model import ClusterSettings, SavedModel
from reckon.link.run import LinkResult, link
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import (
    link_decisions,
    link_pairs,
    link_runs,
    person_members,
    person_records,
    victim_lists,
)
from reckon.store.types import utcnow
from reckon.store.users import User


def person_id(record_id: int | str) -> str:
    return f"P{int(record_id)}"


def current_list_ids(conn: Connection) -> dict[int, str]:
    """The newest version of each list: id -> name."""
    newest = (
        select(victim_lists.c.name, func.max(victim_lists.c.version).label("version"))
        .group_by(victim_lists.c.name)
        .subquery()
    )
    rows = conn.execute(
        select(victim_lists.c.id, victim_lists.c.name).join(
            newest,
            (newest.c.name == victim_lists.c.name) & (newest.c.version == victim_lists.c.version),
        )
    ).all()
    return {int(r.id): str(r.name) for r in rows}


def _date(row: Any) -> DateValue | None:
    if row.death_start is None:
        return None
    calendar = Calendar.SOLAR_HIJRI if row.death_calendar == "jalali" else Calendar.GREGORIAN
    start, end = date.fromisoformat(row.death_start), date.fromisoformat(row.death_end)
    return DateValue(
        text=row.death_date or "",
        calendar=calendar,
        precision=Precision(row.death_precision),
        start=start,
        end=end,
        year=start.year,
    )


def load_records(conn: Connection, list_ids: Iterable[int] | None = None) -> list[Record]:
    """The stored person records as linkage records (record_id = the record's number)."""
    lists = current_list_ids(conn) if list_ids is None else None
    wanted = list(lists) if lists is not None else list(list_ids or [])
    rows = open_rows(
        conn,
        conn.execute(
            select(person_records, victim_lists.c.name.label("list_name"))
            .join(victim_lists, victim_lists.c.id == person_records.c.list_id)
            .where(person_records.c.list_id.in_(wanted))
            .order_by(person_records.c.id)
        ).all(),
    )
    return [
        Record(
            record_id=str(row.id),
            list=row.list_name,
            full_name=row.full_name or "",
            given_name=row.given_name or "",
            surname=row.surname or "",
            father_name=row.father_name or "",
            sex=row.sex or "",
            birth_year=row.birth_year or "",
            city=row.city or "",
            prison=row.prison or "",
            death_date=row.death_date or "",
            death_calendar=row.death_calendar or "",
            birth_lo=row.birth_lo,
            birth_hi=row.birth_hi,
            death=_date(row),
        )
        for row in rows
    ]


def decisions(conn: Connection) -> dict[tuple[int, int], str]:
    """The newest decision on each reviewed pair."""
    rows = conn.execute(select(link_decisions).order_by(link_decisions.c.id)).all()
    out: dict[tuple[int, int], str] = {}
    for row in rows:
        out[(int(row.record_l), int(row.record_r))] = str(row.decision)
    return out


@dataclass
class WorkspaceRun:
    """A stored link run."""

    run_id: int
    n_records: int
    n_persons: int
    held: list[str]
    n_labels: int
    result: LinkResult


def link_workspace(
    conn: Connection,
    actor: User,
    engine: Engine,
    threshold: float | None = None,
    model: SavedModel | None = None,
    progress: Callable[[str], None] | None = None,
) -> WorkspaceRun:
    """Link every current list's records and store the run, its pairs and the persons."""
    actor.require(Permission.REVIEW_LINKS)
    records = load_records(conn)
    if len(records) < 2:
        raise InputError(
            "There is nothing to link yet.", hint="Import lists first with 'reckon import-list'."
        )
    decided = decisions(conn)
    same = [(str(a), str(b)) for (a, b), d in decided.items() if d == "same"]
    different = [(str(a), str(b)) for (a, b), d in decided.items() if d == "different"]
    labels = [(a, b, True) for a, b in same] + [(a, b, False) for a, b in different]
    settings = None
    if threshold is not None:
        if not 0.0 < threshold < 1.0:
            raise InputError(f"--threshold {threshold} is not a probability between 0 and 1.")
        base = model.cluster if model is not None else ClusterSettings()
        settings = ClusterSettings(
            threshold=threshold,
            review_low=min(base.review_low, threshold),
            review_high=max(base.review_high, threshold),
            same_list_threshold=base.same_list_threshold,
            max_cluster_size=base.max_cluster_size,
        )
    result = link(
        records,
        engine,
        model,
        settings,
        same=same,
        different=different,
        labels=labels if model is None and len(labels) >= 10 else (),
        explain=True,
        progress=progress,
    )
    clusters = result.clusters
    run_id = _new_id(
        conn.execute(
            link_runs.insert().values(
                started_at=utcnow(),
                run_by=actor.id,
                engine=engine.name,
                model=__import__("json").loads(result.model.to_json()),
                threshold=result.model.cluster.threshold,
                n_records=len(records),
                n_persons=clusters.n_clusters,
                n_held=len(clusters.held),
                n_labels=len(labels),
                timings=result.timings,
            )
        )
    )
    pair_rows = []
    for edge in result.edges:
        left, right = sorted((int(edge.left), int(edge.right)))
        evidence = result.evidence.get((edge.left, edge.right)) or result.evidence.get(
            (edge.right, edge.left)
        )
        pair_rows.append(
            {
                "run_id": run_id,
                "record_l": left,
                "record_r": right,
                "probability": edge.probability,
                "evidence": evidence,
            }
        )
    if pair_rows:
        conn.execute(link_pairs.insert(), pair_rows)
    _store_members(conn, run_id, clusters)
    audit.record(
        conn,
        actor,
        "lists-linked",
        "link_run",
        str(run_id),
        {
            "records": len(records),
            "persons": clusters.n_clusters,
            "held": clusters.held[:50],
            "engine": engine.name,
            "threshold": result.model.cluster.threshold,
        },
    )
    return WorkspaceRun(
        run_id, len(records), clusters.n_clusters, clusters.held, len(labels), result
    )


def _store_members(conn: Connection, run_id: int, clusters: Clusters) -> None:
    before = {
        int(r.record_id): str(r.person_id)
        for r in conn.execute(select(person_members.c.record_id, person_members.c.person_id))
    }
    conn.execute(delete(person_members))
    held = set(clusters.held)
    rows = [
        {
            "record_id": int(record),
            "person_id": person_id(cluster_id),
            "run_id": run_id,
            "held": int(cluster_id in held),
        }
        for record, cluster_id in clusters.cluster_of.items()
    ]
    if rows:
        conn.execute(person_members.insert(), rows)
    # The name index files each record under its person: re-file the records that moved.
    from reckon.search.sync import refile_records

    after = {int(record): person_id(c) for record, c in clusters.cluster_of.items()}
    moved = {r for r in before.keys() | after.keys() if before.get(r) != after.get(r)}
    refile_records(conn, moved)


def latest_run(conn: Connection) -> Any:
    row = conn.execute(select(link_runs).order_by(link_runs.c.id.desc()).limit(1)).first()
    if row is None:
        raise NotFoundError("The lists have not been linked yet.", hint="Run 'reckon link'.")
    return row


def recluster(conn: Connection, threshold: float | None = None, store: bool = True) -> Clusters:
    """Cluster the newest run's pairs again with the current decisions (no new scoring)."""
    run = latest_run(conn)
    model = SavedModel.from_json(__import__("json").dumps(run.model), f"link run {run.id}")
    settings = model.cluster
    records = load_records(conn)
    pairs = conn.execute(
        select(link_pairs.c.record_l, link_pairs.c.record_r, link_pairs.c.probability).where(
            link_pairs.c.run_id == run.id
        )
    ).all()
    decided = decisions(conn)
    clusters = cluster(
        {r.record_id: r.list for r in records},
        [Edge(str(p.record_l), str(p.record_r), float(p.probability)) for p in pairs],
        settings.threshold if threshold is None else threshold,
        settings.same_list_threshold,
        settings.max_cluster_size,
        same=[(str(a), str(b)) for (a, b), d in decided.items() if d == "same"],
        different=[(str(a), str(b)) for (a, b), d in decided.items() if d == "different"],
    )
    if store:
        _store_members(conn, int(run.id), clusters)
    return clusters


def _new_id(result: Any) -> int:
    """The primary key of the row an insert made."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])

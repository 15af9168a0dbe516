"""Helpers for publication tests on linked lists: a small list imported, and a link run.

The run is written directly (pairs with probabilities) and clustered by
`reckon.link.workspace.recluster`, as after a real run: tests of publication
and erasure need clusters, not Splink's training.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from sqlalchemy import Connection

from reckon.link.cluster import Clusters
from reckon.link.imports import import_list
from reckon.link.model import SavedModel
from reckon.link.workspace import recluster
from reckon.store.schema import link_pairs, link_runs
from reckon.store.types import utcnow
from reckon.store.users import User

COLUMNS = ("no", "name", "father", "born", "prison", "executed")
MAPPING = {
    "no": "record_id",
    "name": "full_name",
    "father": "father_name",
    "born": "birth_year",
    "prison": "prison",
    "executed": "death_date",
}


def import_rows(
    conn: Connection, actor: User, folder: Path, name: str, rows: list[tuple[str, ...]]
) -> None:
    """Import ``rows`` (no, name, father, born, prison, executed[, group]) as the list ``name``."""
    path = folder / f"{name}.csv"
    group = any(len(r) > len(COLUMNS) for r in rows)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow((*COLUMNS, "group") if group else COLUMNS)
        writer.writerows(rows)
    import_list(conn, actor, path, name, {**MAPPING, "group": "affiliation"} if group else MAPPING)


def link_run(conn: Connection, actor: User, pairs: list[tuple[int, int, float]]) -> Clusters:
    """Store a link run scoring ``pairs`` (record ids) and cluster it."""
    model = json.loads(SavedModel(splink={}).to_json())
    result = conn.execute(
        link_runs.insert().values(
            started_at=utcnow(),
            run_by=actor.id,
            engine="duckdb",
            model=model,
            threshold=0.2,
            n_records=0,
            n_persons=0,
            n_held=0,
            n_labels=0,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    run_id = int(key[0])
    if pairs:
        conn.execute(
            link_pairs.insert(),
            [
                {"run_id": run_id, "record_l": a, "record_r": b, "probability": p}
                for a, b, p in pairs
            ],
        )
    return recluster(conn)


def same_person_in_two_lists(
    conn: Connection,
    actor: User,
    folder: Path,
    first: list[tuple[str, ...]],
    second: tuple[str, ...],
) -> Clusters:
    """List a holds ``first``; list b holds ``second``, a's first person in another spelling.

    The two are linked as one person, P1 (record 1 and the record after a's rows).
    """
    import_rows(conn, actor, folder, "a", first)
    import_rows(conn, actor, folder, "b", [second])
    return link_run(conn, actor, [(1, len(first) + 1, 0.97)])

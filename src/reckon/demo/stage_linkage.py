"""Demo stage: import the four demo lists, link them, and say how many persons they name.

Each list is imported with the column mapping and calendar that
``data/sources.json`` gives, tied to the source the evidence stage preserved;
the newspaper's list is recorded as derived from the opposition group's. The
stage links on DuckDB, checks the persons against ``truth.csv`` and stores the
capture histories for the estimation stage in ``ctx.results["capture"]``.
"""

from __future__ import annotations

import csv
import json
from typing import Any

from sqlalchemy import select

from reckon.demo.run import DemoContext
from reckon.link.accuracy import bcubed, pairwise
from reckon.link.capture import capture_histories
from reckon.link.engines import Engine
from reckon.link.imports import import_list
from reckon.link.workspace import link_workspace
from reckon.store.schema import person_members, person_records, victim_lists
from reckon.store.users import acting_user

IMPORTER = "sara.investigator"


def _lists(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    entries = [s for s in manifest["sources"] if s.get("kind") == "list"]
    # A derived list after the list it copies.
    return sorted(entries, key=lambda e: len(e.get("derived_from") or []))


def stage_linkage(ctx: DemoContext) -> None:
    manifest = json.loads((ctx.data / "sources.json").read_text(encoding="utf-8"))
    sources: dict[str, int] = dict(ctx.results.get("sources", {}))  # type: ignore[call-overload]
    names = {e["id"]: e["list"]["name"] for e in _lists(manifest)}
    with ctx.workspace.engine.begin() as conn:
        actor = acting_user(conn, IMPORTER)
        for entry in _lists(manifest):
            spec = entry["list"]
            mapping = dict(spec["map"])
            if spec.get("record_id_column"):
                mapping[spec["record_id_column"]] = "record_id"
            parents = [names[p] for p in entry.get("derived_from") or [] if p in names]
            source = sources.get(entry["id"])
            import_list(
                conn,
                actor,
                ctx.data / entry["file"],
                spec["name"],
                mapping,
                source=None if source is None else str(source),
                calendar=spec.get("calendar"),
                derived_from=parents[0] if parents else None,
            )
        run = link_workspace(conn, actor, Engine("duckdb"))
        histories = capture_histories(conn)
        rows = conn.execute(
            select(
                victim_lists.c.name,
                person_records.c.row_number,
                person_members.c.person_id,
            )
            .join(person_records, person_records.c.list_id == victim_lists.c.id)
            .join(person_members, person_members.c.record_id == person_records.c.id)
        ).all()
    predicted = {f"{r.name}:{r.row_number}": str(r.person_id) for r in rows}
    with (ctx.data / "truth.csv").open(encoding="utf-8") as handle:
        truth = {f"{r['list']}:{r['row']}": r["person_id"] for r in csv.DictReader(handle)}
    pair = pairwise(predicted, truth)
    cube = bcubed(predicted, truth)
    ctx.results["capture"] = histories
    # What the estimation stage reads: (lists naming the person, prison) per person.
    ctx.results["capture_histories"] = [
        (set(p.lists), p.strata["prison"]) for p in histories.persons
    ]
    ctx.results["link_run"] = run.run_id
    true_persons = len(set(truth.values()))
    held = f"; {len(run.held)} cluster(s) held for review" if run.held else ""
    ctx.report(
        "linkage",
        f"{run.n_records} records on {len(histories.lists)} lists name {run.n_persons} distinct "
        f"persons (truth: {true_persons}); pairwise precision {pair.precision:.2f}, recall "
        f"{pair.recall:.2f}, F1 {pair.f1:.2f}; B-cubed F1 {cube.f1:.2f}{held}",
    )

"""Linkage commands: import lists, link them, review links, unmerge, trace merges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from reckon.cli.app import app, console, err_console, open_workspace
from reckon.errors import InputError
from reckon.store.users import acting_user

_MAX_BAR = 20


@app.command("import-list")
def import_list_command(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The list as a CSV file (UTF-8).")],
    list_name: Annotated[str, typer.Option("--list", help="The list's name in the workspace.")],
    map_: Annotated[
        list[str] | None,
        typer.Option("--map", help="COLUMN=FIELD: which field a column holds (repeatable)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The preserved source this file is.")
    ] = None,
    calendar: Annotated[
        str | None,
        typer.Option("--calendar", help="gregorian or jalali, when the file does not say."),
    ] = None,
    derived_from: Annotated[
        str | None, typer.Option("--derived-from", help="A list this one copies.")
    ] = None,
    replaces: Annotated[
        str | None, typer.Option("--replaces", help="Import a new version of this list.")
    ] = None,
) -> None:
    """Import a victim list: person records and the claims of each row."""
    from reckon.link.imports import import_list, parse_map

    mapping = parse_map(map_ or [])
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = acting_user(conn, workspace.settings.user)
        result = import_list(
            conn, actor, file, list_name, mapping, source, calendar, derived_from, replaces
        )
    console.print(
        f"Imported list '{result.name}' version {result.version}: {result.n_records:,} records, "
        f"{result.n_claims:,} claims."
    )
    if result.version > 1:
        console.print(
            f"Against version {result.version - 1}: {len(result.added)} added, "
            f"{len(result.changed)} changed, {len(result.removed)} removed; "
            f"{result.carried_decisions} review decision(s) carried over."
        )
        for title, items in (
            ("added", result.added),
            ("changed", result.changed),
            ("removed", result.removed),
        ):
            if items:
                console.print(
                    f"  {title}: {', '.join(items[:20])}{' …' if len(items) > 20 else ''}"
                )


@app.command("lists")
def lists_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the imported victim lists and their versions."""
    from reckon.link.imports import list_summaries

    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        rows = list_summaries(conn)
    if as_json:
        console.print_json(json.dumps(rows))
        return
    table = Table("list", "version", "current", "records", "calendar", "source", "derived from")
    for row in rows:
        table.add_row(
            row["name"],
            str(row["version"]),
            "yes" if row["current"] else "no",
            f"{row['records']:,}",
            row["calendar"],
            "" if row["source_id"] is None else str(row["source_id"]),
            row["derived_from"] or "",
        )
    console.print(table)


@app.command("link")
def link_command(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(help="A CSV of records to link without a workspace (see docs/linkage.md)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Where to write record_id,cluster_id,...")
    ] = None,
    engine: Annotated[
        str, typer.Option("--engine", help="Where Splink runs: duckdb (this process) or spark.")
    ] = "duckdb",
    threshold: Annotated[
        float | None, typer.Option("--threshold", help="Match probability at which records join.")
    ] = None,
    model: Annotated[
        Path | None,
        typer.Option(
            "--model", help="Saved model JSON: used if it exists, else trained and saved."
        ),
    ] = None,
) -> None:
    """Link victim lists into persons (the workspace's lists, or a CSV file with --output)."""

    def progress(stage: str) -> None:
        err_console.print(f"… {stage}")

    if file is None:
        _link_workspace(ctx, engine, threshold, model, progress)
        return
    if output is None:
        raise InputError("Linking a file needs --output CLUSTERS.csv.")
    from reckon.link.standalone import link_csv

    run = link_csv(
        file, output, engine=engine, threshold=threshold, model_path=model, progress=progress
    )
    clusters = run.result.clusters
    console.print(
        f"Linked {run.n_records:,} records into {clusters.n_clusters:,} persons; wrote {output}."
    )
    if run.model_loaded is not None:
        console.print(f"Used the saved model {run.model_loaded}.")
    if run.model_saved is not None:
        console.print(f"Saved the trained model to {run.model_saved}.")
    _warn_held(clusters.held)


def _warn_held(held: list[str]) -> None:
    if held:
        err_console.print(
            f"warning: {len(held)} cluster(s) are larger than the guard-rail bound and are held "
            f"for review: {', '.join(held[:10])}"
        )


def _link_workspace(
    ctx: typer.Context, engine: str, threshold: float | None, model: Path | None, progress: object
) -> None:
    from reckon.link.engines import Engine
    from reckon.link.model import SavedModel
    from reckon.link.workspace import link_workspace

    saved = SavedModel.load(model) if model is not None and model.exists() else None
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = acting_user(conn, workspace.settings.user)
        run = link_workspace(conn, actor, Engine(engine), threshold, saved, progress)  # type: ignore[arg-type]
    if model is not None and saved is None:
        run.result.model.save(model)
        console.print(f"Saved the trained model to {model}.")
    console.print(
        f"Link run {run.run_id}: {run.n_records:,} records are {run.n_persons:,} persons "
        f"({run.n_labels} reviewed pair(s) used)."
    )
    _warn_held([f"P{c}" for c in run.held])


def _waterfall(evidence: dict[str, float]) -> str:
    lines = []
    for name, weight in sorted(evidence.items(), key=lambda kv: -abs(kv[1])):
        if name.startswith("tf_adj_") or abs(weight) < 0.05:
            continue
        bar = ("+" if weight > 0 else "-") * min(_MAX_BAR, max(1, round(abs(weight))))
        lines.append(f"  {name:<8} {weight:+6.2f}  {bar}")
    adjustments = {k: v for k, v in evidence.items() if k.startswith("tf_adj_") and abs(v) >= 0.05}
    for name, weight in adjustments.items():
        lines.append(f"  {name[7:]} frequency adjustment {weight:+.2f}")
    return "\n".join(lines) or "  (no comparison evidence)"


@app.command("review")
def review_command(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option("--limit", help="How many pairs to show.")] = 20,
    list_only: Annotated[
        bool, typer.Option("--list", help="Print the queue without asking.")
    ] = False,
    decide_pair: Annotated[
        tuple[int, int] | None,
        typer.Option("--pair", help="Decide this pair of record numbers without prompting."),
    ] = None,
    decision: Annotated[
        str | None, typer.Option("--decision", help="same, different or unsure (with --pair).")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept with it).")] = None,
) -> None:
    """Review uncertain record pairs: same, different or unsure."""
    from reckon.link.review import decide, review_queue

    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = acting_user(conn, workspace.settings.user)
        if decide_pair is not None:
            if decision is None:
                raise InputError("--pair needs --decision same|different|unsure.")
            decide(conn, actor, decide_pair[0], decide_pair[1], decision, reason)
            console.print(
                f"Recorded: records {decide_pair[0]} and {decide_pair[1]} are {decision}."
            )
            return
        queue = review_queue(conn, limit)
        if not queue:
            console.print("No pairs are waiting for review.")
            return
        for number, pair in enumerate(queue, start=1):
            table = Table(
                "field",
                f"record {pair.left} ({pair.left_record['list']})",
                f"record {pair.right} ({pair.right_record['list']})",
                title=f"Pair {number} of {len(queue)}: match probability {pair.probability:.3f}",
            )
            for name in pair.left_record:
                if name in ("record", "list"):
                    continue
                table.add_row(name, pair.left_record[name], pair.right_record[name])
            console.print(table)
            console.print("Evidence (match weight, + for same, - for different):")
            console.print(_waterfall(pair.evidence))
            if list_only:
                continue
            answer = typer.prompt("[s]ame, [d]ifferent, [u]nsure, s[k]ip, [q]uit", default="k")
            choice = {"s": "same", "d": "different", "u": "unsure"}.get(answer.strip().lower()[:1])
            if answer.strip().lower().startswith("q"):
                break
            if choice is not None:
                decide(conn, actor, pair.left, pair.right, choice, reason)


@app.command("unmerge")
def unmerge_command(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person (P12) whose records to split.")],
    records: Annotated[list[int], typer.Argument(help="Record numbers to split off.")],
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept with it).")] = None,
) -> None:
    """Split records out of a person: recorded as decisions, reversible."""
    from reckon.link.review import unmerge

    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = acting_user(conn, workspace.settings.user)
        after = unmerge(conn, actor, person, records, reason)
    console.print(f"Split {person}: its records are now persons {', '.join(after)}.")


@app.command("merges")
def merges_command(
    ctx: typer.Context,
    person: Annotated[str, typer.Argument(help="The person (P12).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show why a person's records are together: the pairs and reviews behind it."""
    from reckon.link.review import trace

    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        found = trace(conn, person)
    if as_json:
        console.print_json(json.dumps(found, ensure_ascii=False))
        return
    table = Table("record", "list", "row", "name", "father", "born", "city", "prison", "died")
    for rec in found["records"]:
        name = rec["full_name"] or f"{rec['given_name']} {rec['surname']}".strip()
        table.add_row(
            rec["record"],
            rec["list"],
            rec["row"],
            name,
            rec["father_name"],
            rec["birth_year"],
            rec["city"],
            rec["prison"],
            rec["death_date"],
        )
    console.print(table)
    for pair in found["pairs"]:
        console.print(
            f"records {pair['left']}–{pair['right']}: probability {pair['probability']:.3f}"
        )
    for review in found["reviews"]:
        console.print(
            f"review {review['left']}–{review['right']}: {review['decision']} ({review['at']})"
            + (f": {review['reason']}" if review["reason"] else "")
        )

"""The estimate command: how many people no list names, with honest intervals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from reckon.cli.app import app, console, err_console, open_workspace
from reckon.errors import InputError
from reckon.estimate import (
    CaptureTable,
    EstimateSettings,
    LcmcrSettings,
    Result,
    estimate,
    estimate_strata,
    pool_strata,
    read_table,
    read_tables,
)
from reckon.estimate.saved import get_estimate, list_estimates, save_estimate
from reckon.roles import Permission
from reckon.store import users


def _print(result: Result) -> None:
    table = Table("method", "estimate", "interval", "diagnostics", title="Estimated total")
    for e in result.estimates:
        d = e.diagnostics
        if e.method == "lcmcr":
            info = (
                f"{d.get('chains', '?')} chains, R-hat {d.get('rhat', float('nan')):.3f}, "
                f"ESS {d.get('ess', float('nan')):.0f}"
                if "rhat" in d
                else str(d.get("sum_interval", ""))
            )
            info += "" if e.converged else " — NOT CONVERGED"
        elif e.method == "loglinear":
            info = f"{d.get('selection')}: {d.get('model', d.get('sum_interval', ''))}"
        else:
            info = f"overlap {d.get('overlap')}"
        table.add_row(
            e.method,
            f"{e.estimate:,.0f}",
            f"{e.lower:,.0f} – {e.upper:,.0f} ({e.interval:.0%})",
            escape(info),
        )
    console.print(table)
    for name, ests in result.strata.items():
        line = "; ".join(
            f"{e.method} {e.estimate:,.0f} [{e.lower:,.0f}, {e.upper:,.0f}]" for e in ests
        )
        console.print(f"  stratum {escape(name)} ({ests[0].observed:,} named): {line}")
    first = result.estimates[0]
    console.print(f"{first.observed:,} people named on {len(first.lists)} lists.")
    if len(result.estimates) > 1:
        console.print(
            "The methods' intervals DISAGREE (some do not overlap): the total depends on the model."
            if result.disagree
            else "The methods' intervals overlap."
        )


def _print_sensitivity(moves: list[dict[str, object]]) -> None:
    table = Table("match threshold", "named", "estimate", "interval", title="Linkage sensitivity")
    for m in moves:
        table.add_row(
            f"{m['threshold']}",
            f"{m['observed']:,}",
            f"{m['estimate']:,.0f}",
            f"{m['lower']:,.0f} – {m['upper']:,.0f}"
            + ("" if m["converged"] else " (NOT CONVERGED)"),
        )
    console.print(table)
    values = [float(str(m["estimate"])) for m in moves]
    if values:
        console.print(
            f"Across thresholds the estimate moves from {min(values):,.0f} to {max(values):,.0f}: "
            "linkage uncertainty that no single interval includes."
        )


@app.command("estimate")
def estimate_command(
    ctx: typer.Context,
    table_path: Annotated[
        Path | None,
        typer.Argument(
            metavar="TABLE.csv",
            help="Capture-pattern CSV: one 0/1 column per list and a count column, "
            "or one row per person without count.",
        ),
    ] = None,
    method: Annotated[str, typer.Option("--method", help="lcmcr, loglinear or all.")] = "lcmcr",
    selection: Annotated[
        str,
        typer.Option("--selection", help="Log-linear model choice: stepwise, bic or aic."),
    ] = "stepwise",
    strata: Annotated[
        str | None,
        typer.Option(
            "--strata",
            help="Column of TABLE.csv to estimate by; from the workspace: prison or city.",
        ),
    ] = None,
    pool_below: Annotated[
        int,
        typer.Option("--pool-below", help="Pool strata naming fewer people into one 'other'."),
    ] = 0,
    from_workspace: Annotated[
        bool,
        typer.Option("--from-workspace", help="Estimate from the workspace's linked persons."),
    ] = False,
    include_derived: Annotated[
        bool,
        typer.Option(
            "--include-derived",
            help="Count lists derived from other lists as captures (biased; warned).",
        ),
    ] = False,
    sensitivity: Annotated[
        bool,
        typer.Option(
            "--linkage-sensitivity",
            help="Re-link at several match thresholds and show how far the estimate moves.",
        ),
    ] = False,
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed (LCMCR).")] = None,
    chains: Annotated[int, typer.Option("--chains", help="LCMCR chains.")] = 4,
    samples: Annotated[int, typer.Option("--samples", help="Kept draws per chain.")] = 10_000,
    burnin: Annotated[int, typer.Option("--burnin", help="Burn-in iterations per chain.")] = 10_000,
    thin: Annotated[int, typer.Option("--thin", help="Iterations per kept draw.")] = 10,
    classes: Annotated[int, typer.Option("--classes", help="LCMCR latent classes K.")] = 10,
    level: Annotated[float, typer.Option("--level", help="Interval level.")] = 0.95,
    bootstrap: Annotated[
        int, typer.Option("--bootstrap", help="Resamples for a log-linear sum over strata.")
    ] = 500,
    reselect: Annotated[
        bool,
        typer.Option(
            "--reselect/--no-reselect",
            help="Choose the log-linear model afresh in each bootstrap resample (default).",
        ),
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Write charts to FILE.png or FILE.svg.")
    ] = None,
    save: Annotated[
        bool,
        typer.Option("--save", help="Keep the result in the workspace (publishable by its id)."),
    ] = False,
    label: Annotated[
        str | None, typer.Option("--label", help="A name for the saved estimate.")
    ] = None,
) -> None:
    """Estimate how many people no list names (multiple systems estimation)."""
    if (table_path is None) == (not from_workspace):
        raise InputError(
            "Give either a capture-pattern table (reckon estimate TABLE.csv) or --from-workspace."
        )
    if (sensitivity or include_derived) and not from_workspace:
        raise InputError("--linkage-sensitivity and --include-derived need --from-workspace.")
    if label is not None and not save:
        raise InputError("--label names a saved estimate; add --save.")
    settings = EstimateSettings(
        method=method,
        selection=selection,
        level=level,
        bootstrap=bootstrap,
        reselect=reselect,
        lcmcr=LcmcrSettings(
            classes=classes, chains=chains, burnin=burnin, samples=samples, thin=thin, seed=seed
        ),
    )
    settings.check()
    tables: dict[str | None, CaptureTable] | CaptureTable
    notes: list[str] = []
    moves: list[dict[str, object]] = []
    if from_workspace:
        from reckon.estimate.workspace import linkage_sensitivity, workspace_tables

        with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
            users.acting_user(conn, workspace.settings.user).require(Permission.ESTIMATE)
            found, notes = workspace_tables(conn, strata, include_derived=include_derived)
            if sensitivity:
                moves = [
                    m.to_dict()
                    for m in linkage_sensitivity(
                        conn,
                        settings,
                        strata,
                        include_derived=include_derived,
                        pool_below=pool_below,
                    )
                ]
        if strata is None:
            tables = found[None]
            result = estimate(tables, settings)
        else:
            named = pool_strata({str(k): v for k, v in found.items()}, pool_below)
            result = estimate_strata(named, settings)
            tables = dict(named.items())
    elif strata is None:
        assert table_path is not None
        tables = read_table(table_path)
        result = estimate(tables, settings)
    else:
        assert table_path is not None
        by_stratum = pool_strata(read_tables(table_path, strata), pool_below)
        result = estimate_strata(by_stratum, settings)
        tables = dict(by_stratum.items())
    for e in result.estimates:
        e.warnings[:0] = notes
    warnings = dict.fromkeys(w for e in result.estimates for w in e.warnings)
    for warning in warnings:
        err_console.print(f"[bold yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    saved_id = None
    if save:
        saved_id = _save(ctx, result, settings, strata, label, _origin(table_path, from_workspace))
    if plot is not None:
        from reckon.estimate.plots import plot_result

        plot_result(result, tables, plot)
    if as_json:
        out = result.to_dict()
        if sensitivity:
            out["linkage_sensitivity"] = moves
        if saved_id is not None:
            out["saved_id"] = saved_id
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        _print(result)
        if sensitivity:
            _print_sensitivity(moves)
        if plot is not None:
            console.print(f"Charts written to {plot}.")
        if saved_id is not None:
            console.print(
                f"Saved as estimate {saved_id}; an editor may publish it with "
                f"'reckon publish estimate {saved_id}'."
            )


def _origin(table_path: Path | None, from_workspace: bool) -> dict[str, object]:
    if from_workspace or table_path is None:
        return {"source": "workspace: linked persons of the newest link run"}
    import hashlib

    digest = hashlib.sha256(table_path.read_bytes()).hexdigest()
    return {"source": f"file {table_path.name}", "sha256": digest}


def _save(
    ctx: typer.Context,
    result: Result,
    settings: EstimateSettings,
    strata: str | None,
    label: str | None,
    origin: dict[str, object],
) -> int:
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        actor = users.acting_user(conn, workspace.settings.user)
        return save_estimate(
            conn, actor, result, settings, strata=strata, origin=origin, label=label
        )


estimates_app = typer.Typer(
    help="Saved estimates: list them, show one.", invoke_without_command=True
)
app.add_typer(estimates_app, name="estimates")


@estimates_app.callback()
def estimates_group(ctx: typer.Context) -> None:
    """Saved estimates (``reckon estimate ... --save``): list them, show one."""
    if ctx.invoked_subcommand is None:
        estimates_list(ctx, as_json=False)


@estimates_app.command("list")
def estimates_list(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List saved estimates with their method and interval, newest first."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        users.acting_user(conn, workspace.settings.user).require(Permission.ESTIMATE)
        found = list_estimates(conn)
    if as_json:
        typer.echo(json.dumps([s.to_dict() | {"result": None} for s in found], ensure_ascii=False))
        return
    if not found:
        console.print("No saved estimates yet ('reckon estimate ... --save').")
        return
    table = Table("id", "label", "method", "estimate", "interval", "strata", "saved by", "when")
    for s in found:
        upper = "no upper bound" if s.upper is None else f"{s.upper:,.0f}"
        table.add_row(
            str(s.id),
            escape(s.label or ""),
            s.method + ("" if s.converged else " (NOT CONVERGED)"),
            f"{s.estimate:,.0f}",
            f"{s.lower:,.0f} – {upper} ({s.level:.0%})",
            escape(s.strata or ""),
            escape(s.created_by),
            s.created_at.strftime("%Y-%m-%d %H:%M"),
        )
    console.print(table)


@estimates_app.command("show")
def estimates_show(
    ctx: typer.Context,
    estimate_id: Annotated[str, typer.Argument(help="The saved estimate's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole saved result.")] = False,
) -> None:
    """Show one saved estimate: settings, every method and stratum, diagnostics."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        users.acting_user(conn, workspace.settings.user).require(Permission.ESTIMATE)
        saved = get_estimate(conn, estimate_id)
    if as_json:
        typer.echo(json.dumps(saved.to_dict(), ensure_ascii=False))
        return
    console.print(
        f"Estimate {saved.id}{': ' + escape(saved.label) if saved.label else ''} "
        f"(saved by {escape(saved.created_by)}, {saved.created_at:%Y-%m-%d %H:%M} UTC)"
    )
    for entry in saved.results:
        d = entry.get("diagnostics", {})
        console.print(
            f"  {entry['method']}: {entry['estimate']:,.0f} [{entry['lower']:,.0f}, "
            f"{_bound(entry.get('upper'))}] ({entry['interval']:.0%}); "
            + escape(", ".join(f"{k}={v}" for k, v in d.items() if not isinstance(v, dict | list)))
        )
        for s in entry.get("strata", []):
            console.print(
                f"    {escape(s['stratum'])}: {s['estimate']:,.0f} [{s['lower']:,.0f}, "
                f"{_bound(s.get('upper'))}] ({s['observed']:,} named)"
            )
    console.print(
        f"{saved.observed:,} named on {len(saved.lists)} lists: {', '.join(saved.lists)}."
    )
    console.print("Settings: " + escape(json.dumps(dict(saved.parameters), ensure_ascii=False)))
    if not saved.converged:
        console.print(
            "[bold yellow]The LCMCR chains did NOT converge: do not report this number.[/]"
        )


def _bound(value: object) -> str:
    return "no upper bound" if value is None else f"{float(str(value)):,.0f}"

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
) -> None:
    """Estimate how many people no list names (multiple systems estimation)."""
    if (table_path is None) == (not from_workspace):
        raise InputError(
            "Give either a capture-pattern table (reckon estimate TABLE.csv) or --from-workspace."
        )
    if (sensitivity or include_derived) and not from_workspace:
        raise InputError("--linkage-sensitivity and --include-derived need --from-workspace.")
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
    if plot is not None:
        from reckon.estimate.plots import plot_result

        plot_result(result, tables, plot)
    if as_json:
        out = result.to_dict()
        if sensitivity:
            out["linkage_sensitivity"] = moves
        typer.echo(json.dumps(out, ensure_ascii=False))
    else:
        _print(result)
        if sensitivity:
            _print_sensitivity(moves)
        if plot is not None:
            console.print(f"Charts written to {plot}.")

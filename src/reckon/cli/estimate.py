"""The estimate command: how many people no list names, with honest intervals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from reckon.cli.app import app, console, err_console
from reckon.errors import InputError
from reckon.estimate import (
    CaptureTable,
    EstimateSettings,
    LcmcrSettings,
    Result,
    estimate,
    estimate_strata,
    read_table,
    read_tables,
)


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


@app.command("estimate")
def estimate_command(
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
        typer.Option("--strata", help="Column of TABLE.csv to estimate by (e.g. prison)."),
    ] = None,
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
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Write charts to FILE.png or FILE.svg.")
    ] = None,
) -> None:
    """Estimate how many people no list names (multiple systems estimation)."""
    if table_path is None:
        raise InputError("Give a capture-pattern table: reckon estimate TABLE.csv.")
    settings = EstimateSettings(
        method=method,
        selection=selection,
        level=level,
        bootstrap=bootstrap,
        lcmcr=LcmcrSettings(
            classes=classes, chains=chains, burnin=burnin, samples=samples, thin=thin, seed=seed
        ),
    )
    settings.check()
    tables: dict[str | None, CaptureTable] | CaptureTable
    if strata is None:
        tables = read_table(table_path)
        result = estimate(tables, settings)
    else:
        by_stratum = read_tables(table_path, strata)
        result = estimate_strata(by_stratum, settings)
        tables = dict(by_stratum.items())
    warnings = dict.fromkeys(w for e in result.estimates for w in e.warnings)
    for warning in warnings:
        err_console.print(f"[bold yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    if plot is not None:
        from reckon.estimate.plots import plot_result

        plot_result(result, tables, plot)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        _print(result)
        if plot is not None:
            console.print(f"Charts written to {plot}.")

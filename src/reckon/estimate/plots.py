"""Charts of an estimate: the posterior of N per method, list overlaps, estimates by stratum.

Drawn with matplotlib's Agg backend into a PNG or SVG file; nothing is fetched.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from reckon.errors import InputError, require
from reckon.estimate.api import Result
from reckon.estimate.table import CaptureTable

__all__ = ["plot_result"]

MAX_PATTERNS = 20


def _label(e: Any) -> str:
    selection = e.diagnostics.get("selection")
    return f"{e.method} ({selection})" if selection else e.method


def _posterior(ax: Any, result: Result) -> None:
    colours = ["#1b6ca8", "#c0392b", "#27ae60", "#8e44ad"]
    top = 1.0
    for e in result.estimates:
        if e.method == "lcmcr" and e.draws is not None:
            counts, _edges, _ = ax.hist(
                e.draws, bins=60, density=True, color="#9ecae1", label="LCMCR posterior of N"
            )
            top = float(max(counts.max(), 1e-12))
    for i, e in enumerate(result.estimates):
        y = top * (1.05 + 0.08 * i)
        colour = colours[i % len(colours)]
        ax.plot([e.lower, e.upper], [y, y], color=colour, lw=2)
        ax.plot([e.estimate], [y], "o", color=colour, label=f"{_label(e)}: {e.estimate:,.0f}")
    ax.axvline(result.estimates[0].observed, color="grey", ls=":", label="named on some list")
    ax.set_xlabel("total number of people N (estimate, and interval)")
    ax.set_yticks([])
    stuck = [e for e in result.estimates if not e.converged]
    ax.set_title("Estimates of the total" + (" (LCMCR NOT CONVERGED)" if stuck else ""))
    ax.legend(fontsize=7, loc="upper right")


def _upset(ax_bars: Any, ax_dots: Any, table: CaptureTable) -> None:
    ranked = np.argsort(-table.counts, kind="stable")
    order = [int(i) for i in ranked if table.counts[i] > 0][:MAX_PATTERNS]
    patterns = table.patterns[order]
    x = np.arange(len(order))
    ax_bars.bar(x, table.counts[order], color="#555")
    ax_bars.set_ylabel("people")
    ax_bars.set_title("People by combination of lists (UpSet-style)")
    ax_bars.set_xticks([])
    for j in range(table.n_lists):
        ax_dots.scatter(x, np.full(len(x), j), color="#ddd", s=25)
        on = patterns[:, j] == 1
        ax_dots.scatter(x[on], np.full(int(on.sum()), j), color="#222", s=25)
    sizes = table.list_sizes()
    ax_dots.set_yticks(range(table.n_lists))
    ax_dots.set_yticklabels([f"{n} ({sizes[n]:,})" for n in table.lists], fontsize=7)
    ax_dots.set_xticks([])
    ax_dots.invert_yaxis()
    ax_dots.set_xlim(-0.6, len(x) - 0.4)
    ax_bars.set_xlim(-0.6, len(x) - 0.4)


def _strata(ax: Any, result: Result) -> None:
    names = list(result.strata)
    for i, _ in enumerate(result.estimates):
        ests = [result.strata[n][i] for n in names]
        y = np.arange(len(names)) + 0.15 * i
        point = np.array([e.estimate for e in ests])
        lower = point - np.array([e.lower for e in ests])
        upper = np.array([e.upper for e in ests]) - point
        ax.errorbar(point, y, xerr=[lower, upper], fmt="o", label=_label(ests[0]), capsize=3)
    ax.set_yticks(range(len(names)))
    ax.set_yticklabels(names, fontsize=7)
    ax.set_xlabel("estimated total (interval)")
    ax.set_title("Estimates by stratum")
    ax.legend(fontsize=7)


def plot_result(
    result: Result, tables: Mapping[str | None, CaptureTable] | CaptureTable, path: Path
) -> Path:
    """Draw the estimate's charts into ``path`` (``.png`` or ``.svg``)."""
    if path.suffix.lower() not in {".png", ".svg"}:
        raise InputError(f"Plots are written as .png or .svg, not {path.suffix or 'no suffix'}.")
    matplotlib: Any = require("matplotlib", "plot", "Drawing estimate charts")
    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt

    if isinstance(tables, CaptureTable):
        merged = tables
    else:
        values = list(tables.values())
        merged = CaptureTable(values[0].lists, np.sum([t.counts for t in values], axis=0))
    rows = 3 if result.strata else 2
    fig = plt.figure(figsize=(9, 3.6 * rows))
    outer = fig.add_gridspec(rows, 1, height_ratios=[3, 3.2] + ([3] if result.strata else []))
    _posterior(fig.add_subplot(outer[0]), result)
    inner = outer[1].subgridspec(2, 1, height_ratios=[2, 1.2], hspace=0.05)
    _upset(fig.add_subplot(inner[0]), fig.add_subplot(inner[1]), merged)
    if result.strata:
        _strata(fig.add_subplot(outer[2]), result)
    fig.text(
        0.01, 0.005, "Estimates with their intervals; see the diagnostics before use.", fontsize=7
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path

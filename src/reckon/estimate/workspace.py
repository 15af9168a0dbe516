"""Capture-pattern tables from the workspace's linked persons, and how far linkage moves the estimate.

The linkage stage (`reckon.link.capture`) gives each person (cluster) the lists
that name them and their prison and city. A list recorded as derived from
another list (a newspaper copying an opposition list) is not an independent
capture: it is left out unless the user insists, and then a warning says the
estimate is biased.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from reckon.errors import InputError
from reckon.estimate.api import EstimateSettings, estimate, estimate_strata
from reckon.estimate.table import CaptureTable, pool_strata, tables_from_histories
from reckon.link.capture import STRATA, capture_histories

__all__ = ["SENSITIVITY_THRESHOLDS", "Sensitivity", "linkage_sensitivity", "workspace_tables"]

SENSITIVITY_THRESHOLDS = (0.5, 0.8, 0.9, 0.95, 0.99)
NOT_RECORDED = "not recorded"


def workspace_tables(
    conn: Connection,
    strata: str | None = None,
    *,
    threshold: float | None = None,
    include_derived: bool = False,
) -> tuple[dict[str | None, CaptureTable], list[str]]:
    """Tables (one per stratum, or one under ``None``) from the newest link run, with warnings.

    ``threshold`` re-clusters the run's scored pairs at another match probability
    without storing anything (see `reckon.link.capture.capture_histories`).
    """
    if strata is not None and strata not in STRATA:
        raise InputError(
            f"Cannot stratify by {strata!r} from the workspace; choose one of {', '.join(STRATA)}."
        )
    histories = capture_histories(conn, strata=(strata,) if strata else (), threshold=threshold)
    if not histories.persons:
        raise InputError(
            "The workspace has no linked persons to estimate from.",
            hint="Import lists and run 'reckon link' first.",
        )
    warnings: list[str] = []
    derived = {name: parent for name, parent in histories.derived_from.items() if parent}
    lists = list(histories.lists)
    if derived:
        described = ", ".join(f"{name} (from {parent})" for name, parent in sorted(derived.items()))
        if include_derived:
            warnings.append(
                f"Counting lists derived from other lists as separate captures, as asked: "
                f"{described}. A copy is not an independent capture; the estimate is biased, "
                "usually too low."
            )
        else:
            lists = [name for name in lists if name not in derived]
            warnings.append(
                f"Left out as derived from another list (not independent captures): {described}. "
                "Use --include-derived to count them anyway."
            )
    held = sum(1 for person in histories.persons if person.held)
    if held:
        warnings.append(
            f"{held} person(s) are in clusters held for review; their links may change."
        )
    chosen = set(lists)
    people = []
    for person in histories.persons:
        names = set(person.lists) & chosen
        if names:
            label = (person.strata.get(strata) or NOT_RECORDED) if strata else None
            people.append((names, label))
    return tables_from_histories(people, lists=lists), warnings


@dataclass(frozen=True)
class Sensitivity:
    """The estimate at one linkage threshold."""

    threshold: float
    observed: int
    estimate: float
    lower: float
    upper: float
    converged: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold,
            "observed": self.observed,
            "estimate": round(self.estimate, 1),
            "lower": round(self.lower, 1),
            "upper": round(self.upper, 1),
            "converged": self.converged,
        }


def linkage_sensitivity(
    conn: Connection,
    settings: EstimateSettings,
    strata: str | None = None,
    thresholds: Sequence[float] = SENSITIVITY_THRESHOLDS,
    include_derived: bool = False,
    pool_below: int = 0,
) -> list[Sensitivity]:
    """Re-derive the capture histories at several match thresholds and estimate at each.

    A stricter threshold splits clusters (more people, fewer overlaps, a larger
    total); a looser one merges them. The spread of the estimates shows how much
    of the uncertainty comes from linkage, which no interval of one run includes.
    """
    out = []
    for threshold in thresholds:
        tables, _ = workspace_tables(
            conn, strata, threshold=threshold, include_derived=include_derived
        )
        if strata is None:
            result = estimate(tables[None], settings)
        else:
            named = {str(k): v for k, v in tables.items()}
            result = estimate_strata(pool_strata(named, pool_below), settings)
        first = result.estimates[0]
        out.append(
            Sensitivity(
                threshold, first.observed, first.estimate, first.lower, first.upper, first.converged
            )
        )
    return out

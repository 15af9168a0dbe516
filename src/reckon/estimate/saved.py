"""Saved estimates: a run of `reckon estimate --save`, kept so that it can be listed, shown and published.

A saved estimate keeps what is needed to trust and re-run it: the method, the
lists, the field it was stratified by, the settings (the seed included), and the
whole result (every method and stratum, diagnostics, warnings), plus a
histogram of the draws of each total so that pages can draw the posterior or
the bootstrap distribution without the draws themselves. Saved rows are never
changed; a new run is a new row.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import Connection, select

from reckon.errors import InputError, NotFoundError
from reckon.estimate.api import EstimateSettings, Result
from reckon.estimate.result import Estimate
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import estimates, users
from reckon.store.types import utcnow
from reckon.store.users import User

__all__ = ["SavedEstimate", "get_estimate", "list_estimates", "save_estimate"]

HISTOGRAM_BINS = 40
MAX_LABEL = 200


@dataclass(frozen=True)
class SavedEstimate:
    """One saved run; ``upper`` is None when the interval has no upper bound."""

    id: int
    label: str | None
    method: str
    lists: tuple[str, ...]
    strata: str | None
    parameters: Mapping[str, Any]
    estimate: float
    lower: float
    upper: float | None
    level: float
    result: Mapping[str, Any]
    created_by: str
    created_at: datetime

    @property
    def results(self) -> list[Mapping[str, Any]]:
        """One entry per method (a single run has one)."""
        inner = self.result.get("results")
        return list(inner) if isinstance(inner, list) else [self.result]

    @property
    def converged(self) -> bool:
        """False when any LCMCR run in it (a total or a stratum) did not converge."""

        def ok(entry: Mapping[str, Any]) -> bool:
            mine = bool(entry.get("diagnostics", {}).get("converged", True))
            return mine and all(ok(s) for s in entry.get("strata", []))

        return all(ok(r) for r in self.results)

    @property
    def observed(self) -> int:
        return int(self.result.get("observed", 0))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "method": self.method,
            "lists": list(self.lists),
            "strata": self.strata,
            "parameters": dict(self.parameters),
            "estimate": self.estimate,
            "lower": self.lower,
            "upper": self.upper,
            "interval": self.level,
            "converged": self.converged,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
            "result": dict(self.result),
        }


def _histogram(e: Estimate) -> dict[str, list[float]] | None:
    if e.draws is None:
        return None
    draws = e.draws[np.isfinite(e.draws)]
    if draws.size < 2:
        return None
    counts, edges = np.histogram(draws, bins=HISTOGRAM_BINS)
    return {"edges": [round(float(x), 1) for x in edges], "counts": [int(c) for c in counts]}


def _with_histograms(result: Result) -> dict[str, Any]:
    out = result.to_dict()
    entries = out.get("results", [out])
    for entry, e in zip(entries, result.estimates, strict=True):
        hist = _histogram(e)
        if hist is not None:
            entry["histogram"] = hist
    return out


def save_estimate(
    conn: Connection,
    actor: User,
    result: Result,
    settings: EstimateSettings,
    *,
    strata: str | None = None,
    origin: Mapping[str, Any] | None = None,
    label: str | None = None,
) -> int:
    """Store ``result`` with the settings that made it; returns its id (in the caller's transaction).

    ``origin`` says where the capture histories came from (the workspace's
    linked persons, a file and its hash) and is kept with the settings.
    """
    actor.require(Permission.ESTIMATE)
    if label is not None and len(label) > MAX_LABEL:
        raise InputError(f"A label has at most {MAX_LABEL} characters.")
    head = result.estimates[0]
    method = "all" if len(result.estimates) > 1 else head.method
    upper = float(head.upper) if math.isfinite(head.upper) else None
    parameters = {**dataclasses.asdict(settings), **dict(origin or {})}
    new_id = conn.execute(
        estimates.insert().values(
            label=label.strip() if label and label.strip() else None,
            method=method,
            lists=list(head.lists),
            strata=strata,
            parameters=parameters,
            estimate=float(head.estimate),
            lower=float(head.lower),
            upper=upper,
            level=float(head.interval),
            result=_with_histograms(result),
            created_at=utcnow(),
            created_by=actor.id,
        )
    ).inserted_primary_key
    assert new_id is not None
    estimate_id = int(new_id[0])
    audit.record(
        conn,
        actor,
        "saved",
        "estimate",
        str(estimate_id),
        {"method": method, "label": label, "estimate": round(float(head.estimate), 1)},
    )
    return estimate_id


def _query() -> Any:
    return select(estimates, users.c.name.label("user_name")).join(
        users, users.c.id == estimates.c.created_by
    )


def _saved(row: Any) -> SavedEstimate:
    return SavedEstimate(
        id=int(row.id),
        label=row.label,
        method=str(row.method),
        lists=tuple(row.lists),
        strata=row.strata,
        parameters=row.parameters,
        estimate=float(row.estimate),
        lower=float(row.lower),
        upper=None if row.upper is None else float(row.upper),
        level=float(row.level),
        result=row.result,
        created_by=str(row.user_name),
        created_at=row.created_at,
    )


def list_estimates(conn: Connection, ids: list[int] | None = None) -> list[SavedEstimate]:
    """Saved estimates, newest first (only ``ids`` when given)."""
    query = _query().order_by(estimates.c.id.desc())
    if ids is not None:
        query = query.where(estimates.c.id.in_(ids))
    return [_saved(row) for row in conn.execute(query)]


def get_estimate(conn: Connection, estimate_id: int | str) -> SavedEstimate:
    """One saved estimate by its id; `NotFoundError` when there is none."""
    text = str(estimate_id).strip()
    if not text.isdigit() or len(text) > 12:
        raise InputError(
            f"'{estimate_id}' is not an estimate id.", hint="Ids are numbers: reckon estimates list"
        )
    row = conn.execute(_query().where(estimates.c.id == int(text))).first()
    if row is None:
        raise NotFoundError(
            f"There is no saved estimate {text}.",
            hint="See the saved ones with 'reckon estimates list'.",
        )
    return _saved(row)

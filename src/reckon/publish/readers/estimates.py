"""Saved estimates as publishable items: ``reckon publish estimate ID`` names a saved run.

An estimate goes public only with its method and its interval: a run whose
interval has no upper bound, or whose chains did not converge, is refused with
the reason, because a bare or untrustworthy number must not reach a public page.
"""

from __future__ import annotations

from sqlalchemy import Connection

from reckon.errors import ConflictError
from reckon.estimate.saved import get_estimate
from reckon.publish.items import RESOLVERS, ItemFacts, ItemType


def _estimate_facts(conn: Connection, item_id: str) -> ItemFacts:
    saved = get_estimate(conn, item_id)
    label = f"estimate {saved.id}"
    if saved.upper is None:
        raise ConflictError(
            f"{label} has no upper bound to its interval; it cannot be published as a figure.",
            hint="Estimate with more lists or another model, and save that run.",
        )
    if not saved.converged:
        raise ConflictError(
            f"{label}: the LCMCR chains did not converge, so its number is not to be reported.",
            hint="Run longer chains (--burnin, --samples) and save that run.",
        )
    return ItemFacts(
        ItemType.ESTIMATE,
        str(saved.id),
        label=(
            f"{label} ({saved.method}): {saved.estimate:,.0f} "
            f"[{saved.lower:,.0f}, {saved.upper:,.0f}] at {saved.level:.0%}"
        ),
        detail={
            "method": saved.method,
            "estimate": saved.estimate,
            "lower": saved.lower,
            "upper": saved.upper,
            "interval": saved.level,
        },
    )


RESOLVERS[ItemType.ESTIMATE] = _estimate_facts


def estimate_row(conn: Connection, item_id: str) -> dict[str, object]:
    """What a public export says of a published estimate: its figure, interval and method."""
    saved = get_estimate(conn, item_id)
    return {
        "label": saved.label,
        "method": saved.method,
        "estimate": round(saved.estimate, 1),
        "lower": round(saved.lower, 1),
        "upper": None if saved.upper is None else round(saved.upper, 1),
        "interval": saved.level,
        "observed": saved.observed,
        "lists": len(saved.lists),
        "strata": saved.strata,
    }

"""What every estimator returns: a total with its interval, diagnostics and warnings."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["Estimate", "intervals_disagree"]


def _plain(value: Any) -> Any:
    """JSON-ready copy: numpy scalars to Python, non-finite floats to None."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@dataclass
class Estimate:
    """An estimate of the total number of people, named and unnamed.

    Attributes
    ----------
    method
        ``lcmcr``, ``loglinear`` or ``chapman``.
    estimate
        Posterior median (LCMCR) or maximum-likelihood estimate (log-linear, Chapman).
    lower, upper
        The interval at level ``interval``: posterior quantiles, a profile-likelihood
        interval, or a bootstrap interval for sums over strata.
    draws
        Draws of the total (posterior draws, or bootstrap replicates), when the
        method makes them; used for sums over strata and plots, never serialised.
    """

    method: str
    lists: tuple[str, ...]
    observed: int
    estimate: float
    lower: float
    upper: float
    interval: float
    diagnostics: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    draws: NDArray[np.float64] | None = field(default=None, repr=False)

    @property
    def converged(self) -> bool:
        return bool(self.diagnostics.get("converged", True))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "method": self.method,
            "lists": list(self.lists),
            "observed": self.observed,
            "estimate": round(float(self.estimate), 1),
            "lower": round(float(self.lower), 1),
            "upper": round(float(self.upper), 1),
            "interval": self.interval,
            "diagnostics": self.diagnostics,
            "warnings": self.warnings,
        }
        return dict(_plain(out))

    def summary(self) -> str:
        return (
            f"{self.method}: {self.estimate:,.0f} "
            f"[{self.lower:,.0f}, {self.upper:,.0f}] ({self.interval:.0%} interval; "
            f"{self.observed:,} named on {len(self.lists)} lists)"
        )


def intervals_disagree(estimates: list[Estimate]) -> bool:
    """Whether some two intervals do not overlap."""
    return any(
        a.upper < b.lower or b.upper < a.lower
        for i, a in enumerate(estimates)
        for b in estimates[i + 1 :]
    )

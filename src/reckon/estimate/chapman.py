"""Two lists: the Lincoln–Petersen estimate with Chapman's small-sample correction.

Chapman (1951): N = (n1 + 1)(n2 + 1)/(m + 1) − 1, with m people on both lists,
and Seber's (1970) variance. The interval is Chao's (1987) log-normal interval
for the unseen count, which never falls below the number observed.
Assumptions, which two lists cannot test: the lists capture independently and
everyone has the same chance of being on each list. Positive dependence between
the lists (one list drawing on the other, or people easy to document appearing
on both) makes the estimate too low.
"""

from __future__ import annotations

import math

from scipy import stats

from reckon.estimate.result import Estimate
from reckon.estimate.table import CaptureTable

__all__ = ["ASSUMPTIONS", "chapman"]

ASSUMPTIONS = (
    "Two-list estimate (Chapman): it assumes the two lists capture independently and that "
    "everyone is equally likely to be listed; neither can be checked with two lists, and "
    "dependence between the lists biases it (usually downwards)."
)


def chapman(table: CaptureTable, level: float = 0.95) -> Estimate:
    """Chapman's estimate of the total from a two-list table, with Chao's log-normal interval."""
    table.validate(min_lists=2)
    if table.n_lists != 2:
        raise ValueError("chapman() takes a two-list table")
    n1, n2 = table.list_sizes().values()
    m = table.overlap(0, 1)
    total = (n1 + 1) * (n2 + 1) / (m + 1) - 1
    var = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
    observed = table.observed
    unseen = max(total - observed, 1e-9)
    z = float(stats.norm.ppf(0.5 + level / 2))
    c = math.exp(z * math.sqrt(math.log(1.0 + var / unseen**2)))
    warnings = [ASSUMPTIONS]
    if m == 0:
        warnings.append(
            f"Lists {table.lists[0]} and {table.lists[1]} share nobody, so the total is not "
            "identified; the number shown is Chapman's bound-like value, not an estimate."
        )
    return Estimate(
        method="chapman",
        lists=table.lists,
        observed=observed,
        estimate=total,
        lower=observed + unseen / c,
        upper=observed + unseen * c,
        interval=level,
        diagnostics={"overlap": m, "list_sizes": [n1, n2], "variance": var, "mle_exists": m > 0},
        warnings=warnings,
    )

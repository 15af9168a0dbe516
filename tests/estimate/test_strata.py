from __future__ import annotations

import numpy as np
import pytest

from reckon.errors import InputError
from reckon.estimate import CaptureTable, EstimateSettings, LcmcrSettings, estimate_strata

QUICK = LcmcrSettings(burnin=500, samples=500, thin=5, seed=3)
EVIN = CaptureTable(("A", "B", "C"), np.array([40, 35, 12, 45, 11, 14, 20]))
GOHARDASHT = CaptureTable(("A", "B", "C"), np.array([30, 28, 9, 33, 8, 10, 14]))


def test_lcmcr_sum_comes_from_draws_not_from_adding_bounds() -> None:
    result = estimate_strata(
        {"Evin": EVIN, "Gohardasht": GOHARDASHT}, EstimateSettings(lcmcr=QUICK)
    )
    total = result.estimates[0]
    parts = [ests[0] for ests in result.strata.values()]
    assert total.observed == EVIN.observed + GOHARDASHT.observed
    assert total.diagnostics["sum_interval"] == "sum of posterior draws"
    # Adding bounds would give a wider interval than the sum's own.
    assert total.lower > sum(p.lower for p in parts)
    assert total.upper < sum(p.upper for p in parts)
    assert total.draws is not None
    assert parts[0].draws is not None
    assert np.allclose(total.draws, sum(p.draws for p in parts if p.draws is not None))
    d = result.to_dict()
    assert [s["stratum"] for s in d["strata"]] == ["Evin", "Gohardasht"]


def test_loglinear_sum_uses_a_bootstrap() -> None:
    result = estimate_strata(
        {"Evin": EVIN, "Gohardasht": GOHARDASHT},
        EstimateSettings(method="loglinear", bootstrap=200, lcmcr=QUICK),
    )
    total = result.estimates[0]
    parts = [ests[0] for ests in result.strata.values()]
    assert total.estimate == pytest.approx(sum(p.estimate for p in parts))
    assert "bootstrap" in total.diagnostics["sum_interval"]
    assert total.lower < total.estimate < total.upper
    assert total.lower > sum(p.lower for p in parts)


def test_a_bad_stratum_is_named() -> None:
    lonely = CaptureTable(("A", "B", "C"), np.array([3, 2, 0, 4, 0, 0, 0]))
    with pytest.raises(InputError, match="Stratum 'Lakan'"):
        estimate_strata({"Evin": EVIN, "Lakan": lonely}, EstimateSettings(lcmcr=QUICK))


def test_loglinear_bootstrap_reselects_the_model_in_each_resample() -> None:
    tables = {"Evin": EVIN, "Gohardasht": GOHARDASHT}
    chosen = estimate_strata(
        tables, EstimateSettings(method="loglinear", selection="bic", bootstrap=100)
    ).estimates[0]
    fixed = estimate_strata(
        tables,
        EstimateSettings(method="loglinear", selection="bic", bootstrap=100, reselect=False),
    ).estimates[0]
    assert chosen.diagnostics["bootstrap_reselect"] is True
    assert "re-selected" in chosen.diagnostics["sum_interval"]
    # Resamples pick different models, and that uncertainty widens the interval.
    assert max(chosen.diagnostics["bootstrap_models"].values()) > 1
    assert set(fixed.diagnostics["bootstrap_models"].values()) == {1}
    assert chosen.upper - chosen.lower > 1.2 * (fixed.upper - fixed.lower)
    assert chosen.estimate == pytest.approx(fixed.estimate)

from __future__ import annotations

import numpy as np
import pytest

from reckon.estimate.diagnostics import effective_sample_size, split_rhat


def test_rhat_is_one_for_mixed_chains_and_large_for_separated_ones() -> None:
    rng = np.random.default_rng(0)
    mixed = rng.normal(size=(4, 2000))
    assert split_rhat(mixed) == pytest.approx(1.0, abs=0.01)
    apart = mixed + np.array([[0.0], [0.0], [3.0], [3.0]])
    assert split_rhat(apart) > 1.5


def test_rhat_sees_a_chain_that_drifts() -> None:
    rng = np.random.default_rng(1)
    chains = rng.normal(size=(4, 2000))
    chains[0] += np.linspace(0, 4, 2000)  # within-chain drift: only split R-hat sees it
    assert split_rhat(chains) > 1.05


def test_ess_of_independent_and_autocorrelated_draws() -> None:
    rng = np.random.default_rng(2)
    iid = rng.normal(size=(4, 2500))
    assert effective_sample_size(iid) == pytest.approx(10_000, rel=0.1)
    rho = 0.9
    ar = np.empty((4, 5000))
    ar[:, 0] = rng.normal(size=4)
    noise = rng.normal(size=(4, 5000)) * np.sqrt(1 - rho**2)
    for t in range(1, 5000):
        ar[:, t] = rho * ar[:, t - 1] + noise[:, t]
    expected = 20_000 * (1 - rho) / (1 + rho)  # about 1,053
    assert effective_sample_size(ar) == pytest.approx(expected, rel=0.2)

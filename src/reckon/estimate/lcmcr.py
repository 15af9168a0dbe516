"""LCMCR: the Bayesian non-parametric latent-class capture–recapture model.

Manrique-Vallier, D. (2016). Bayesian population size estimation using
Dirichlet process mixtures. Biometrics 72(4):1246–1254.

Model: each person belongs to one of K latent classes with stick-breaking
weights (a truncated Dirichlet process, concentration alpha ~ Gamma(a, b));
within a class, lists capture independently with probabilities that have
Beta(1, 1) priors. Heterogeneity between classes induces dependence between
lists. The unobserved count N − n gets the improper prior p(N) ∝ 1/N of the R
package, which makes its full conditional negative binomial.

Differences from the R package (LCMCR 0.4.x), all deliberate:

- numba's Mersenne Twister replaces GSL's taus2, so draws match in
  distribution, not number by number;
- several chains by default, each after LCMCR's own 500-iteration warm-up and
  class sorting, with R-hat and effective sample size over them; R runs one;
- a table row for the all-zero pattern is refused with an error, where R drops
  it with a warning;
- the unobserved count is not capped (the C++ read, 0.4.x, draws it from the
  negative binomial without a cap either).
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import numpy as np

from reckon.errors import InputError
from reckon.estimate.diagnostics import effective_sample_size, split_rhat
from reckon.estimate.result import Estimate
from reckon.estimate.table import CaptureTable

__all__ = ["LcmcrSettings", "fit_lcmcr"]


@dataclass(frozen=True)
class LcmcrSettings:
    """Settings of an LCMCR run; the defaults are the R package's and its reference run's.

    ``rhat_max`` and ``ess_min`` decide whether the run counts as converged:
    R-hat at most 1.05 and a bulk effective sample size of at least 400 draws.
    """

    classes: int = 10
    a_alpha: float = 0.25
    b_alpha: float = 0.25
    chains: int = 4
    burnin: int = 10_000
    samples: int = 10_000
    thin: int = 10
    seed: int | None = None
    level: float = 0.95
    rhat_max: float = 1.05
    ess_min: float = 400.0

    def check(self) -> None:
        if self.classes < 2:
            raise InputError("LCMCR needs at least 2 latent classes (--classes).")
        if self.chains < 1 or self.samples < 4 or self.thin < 1 or self.burnin < 0:
            raise InputError(
                "Give at least 1 chain, 4 samples, a thinning of 1 and a burn-in of 0 or more."
            )
        if not 0.0 < self.level < 1.0:
            raise InputError(f"The interval level must be between 0 and 1, not {self.level}.")
        if self.a_alpha <= 0 or self.b_alpha <= 0:
            raise InputError("a_alpha and b_alpha must be positive.")


def chain_seeds(seed: int, chains: int) -> list[int]:
    """Independent per-chain seeds derived from one seed."""
    states = np.random.SeedSequence(seed).spawn(chains)
    return [int(s.generate_state(1, dtype=np.uint32)[0]) for s in states]


def fit_lcmcr(table: CaptureTable, settings: LcmcrSettings | None = None) -> Estimate:
    """Estimate the total with LCMCR, running several chains and checking convergence.

    Returns the posterior median of N and an equal-tailed interval from the
    pooled draws. When R-hat or the effective sample size miss their thresholds,
    ``diagnostics["converged"]`` is False and a warning says not to use the number.
    """
    settings = settings or LcmcrSettings()
    settings.check()
    table.validate(min_lists=3)
    from reckon.estimate._lcmcr_kernel import run_chain  # compiled on first use

    seed = (
        settings.seed
        if settings.seed is not None
        else int(np.random.SeedSequence().generate_state(1, dtype=np.uint32)[0])
    )
    keep = table.counts > 0
    cells = np.ascontiguousarray(table.patterns[keep])
    freq = np.ascontiguousarray(table.counts[keep])
    started = time.perf_counter()
    unobserved = []
    occupied = []
    for chain_seed in chain_seeds(seed, settings.chains):
        n0, _alpha, kstar = run_chain(
            cells,
            freq,
            settings.classes,
            settings.a_alpha,
            settings.b_alpha,
            settings.burnin,
            settings.samples,
            settings.thin,
            chain_seed,
        )
        unobserved.append(n0)
        occupied.append(kstar)
    seconds = time.perf_counter() - started
    totals = np.stack(unobserved).astype(np.float64) + table.observed
    tail = (1.0 - settings.level) / 2.0
    chain_medians = np.median(totals, axis=1)
    rhat = split_rhat(totals) if settings.chains > 1 else float("nan")
    ess = effective_sample_size(totals)
    converged = settings.chains > 1 and rhat <= settings.rhat_max and ess >= settings.ess_min
    warnings: list[str] = []
    if settings.chains == 1:
        warnings.append(
            "Only one chain was run, so convergence cannot be checked; run several (--chains)."
        )
    elif not converged:
        warnings.append(
            f"LCMCR chains have NOT converged (R-hat {rhat:.3f}, limit {settings.rhat_max}; "
            f"effective sample size {ess:.0f}, need {settings.ess_min:.0f}); chain medians "
            f"{', '.join(f'{m:,.0f}' for m in chain_medians)}. Do not report this number: "
            "run longer chains (--burnin, --samples, --thin)."
        )
    pooled = totals.ravel()
    return Estimate(
        method="lcmcr",
        lists=table.lists,
        observed=table.observed,
        estimate=float(np.median(pooled)),
        lower=float(np.quantile(pooled, tail)),
        upper=float(np.quantile(pooled, 1.0 - tail)),
        interval=settings.level,
        diagnostics={
            "chains": settings.chains,
            "rhat": rhat,
            "ess": ess,
            "converged": converged,
            "chain_medians": [float(m) for m in chain_medians],
            "mean_occupied_classes": float(np.mean(occupied)),
            "iterations_per_chain": settings.burnin + settings.samples * settings.thin,
            "seconds": round(seconds, 3),
            "settings": {**asdict(settings), "seed": seed},
        },
        warnings=warnings,
        draws=pooled,
    )

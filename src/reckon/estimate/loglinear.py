"""Log-linear (Poisson) models of capture-pattern tables.

The expected count of pattern x is exp(b0 + sum_j b_j x_j + sum_{j<k} g_jk x_j x_k);
the unobserved (all-zero) cell's expectation is exp(b0), so the total is the
observed count plus exp(b0). Assumptions: the chosen interactions capture all
dependence between lists and heterogeneity of capture; nobody is on a list twice.

A pair of lists that share nobody has no finite interaction estimate. As in
SparseMSE (Chan, Silverman & Vincent 2021, JASA 116:1297), such a term is fitted
by the extended maximum-likelihood estimate: the cells where both lists are 1
are dropped with the term, and the term still counts in AIC and BIC. Whether
the MLE exists (and is identified) is checked before fitting by the linear
program of Fienberg & Rinaldo (2012, Annals of Statistics 40:996).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import optimize, special, stats

from reckon.estimate.table import CaptureTable

__all__ = ["LoglinearFit", "Pair", "fit_model", "mle_exists", "profile_interval"]

Pair = tuple[int, int]


@dataclass(frozen=True)
class LoglinearFit:
    """A fitted log-linear model.

    Attributes
    ----------
    pairs
        The two-list interactions in the model (column indices).
    empty_pairs
        Those of ``pairs`` whose lists share nobody (fitted as −∞).
    coef
        Intercept, main effects, then the interactions with a finite estimate.
    loglik
        Poisson log-likelihood of the observed cells.
    dark
        Estimated number of people on no list, exp(intercept).
    """

    table: CaptureTable
    pairs: tuple[Pair, ...]
    empty_pairs: tuple[Pair, ...]
    coef: NDArray[np.float64]
    cov: NDArray[np.float64]
    loglik: float
    fitted: NDArray[np.float64]
    rows: NDArray[np.bool_]

    @property
    def n_params(self) -> int:
        return 1 + self.table.n_lists + len(self.pairs)

    @property
    def dark(self) -> float:
        return float(np.exp(self.coef[0]))

    @property
    def total(self) -> float:
        return self.table.observed + self.dark

    @property
    def aic(self) -> float:
        return -2.0 * self.loglik + 2.0 * self.n_params

    @property
    def bic(self) -> float:
        return -2.0 * self.loglik + math.log(self.table.observed) * self.n_params

    def terms(self) -> list[str]:
        names = self.table.lists
        return [*names, *(f"{names[a]}:{names[b]}" for a, b in self.pairs)]


def design(
    table: CaptureTable, pairs: Sequence[Pair]
) -> tuple[NDArray[np.float64], NDArray[np.bool_], tuple[Pair, ...]]:
    """Model matrix over the cells kept, the mask of kept cells, and the empty pairs."""
    p = table.patterns
    rows = np.ones(p.shape[0], dtype=bool)
    kept: list[Pair] = []
    empty: list[Pair] = []
    for a, b in pairs:
        if table.overlap(a, b) == 0:
            empty.append((a, b))
            rows &= (p[:, a] * p[:, b]) == 0
        else:
            kept.append((a, b))
    columns = [np.ones(p.shape[0]), *(p[:, j] for j in range(table.n_lists))]
    columns += [p[:, a] * p[:, b] for a, b in kept]
    x = np.column_stack(columns).astype(np.float64)[rows]
    return x, rows, tuple(empty)


def mle_exists(table: CaptureTable, pairs: Sequence[Pair]) -> tuple[bool, bool]:
    """Whether the (extended) MLE of the model exists and is identified.

    Existence: the linear program of Fienberg & Rinaldo finds cell means that
    reproduce the sufficient statistics with every cell strictly positive.
    Identification: the model matrix has full column rank.
    """
    x, rows, _ = design(table, pairs)
    counts = table.counts[rows].astype(np.float64)
    identified = int(np.linalg.matrix_rank(x)) == x.shape[1]
    if counts.min() > 0:
        return True, identified  # the counts themselves are a strictly positive solution
    n_cells = x.shape[0]
    # maximise t subject to X'm = X'y, m_i >= t, m >= 0
    objective = np.zeros(n_cells + 1)
    objective[-1] = -1.0
    a_eq = np.hstack([x.T, np.zeros((x.shape[1], 1))])
    a_ub = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])
    result = optimize.linprog(
        objective,
        A_ub=a_ub,
        b_ub=np.zeros(n_cells),
        A_eq=a_eq,
        b_eq=x.T @ counts,
        bounds=[(0, None)] * (n_cells + 1),
        method="highs",
    )
    exists = bool(result.status == 0 and -result.fun > 1e-9 * max(1.0, counts.sum()))
    return exists, identified


def _irls(
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    offset: NDArray[np.float64] | None = None,
    start: NDArray[np.float64] | None = None,
) -> tuple[NDArray[np.float64], float, NDArray[np.float64], NDArray[np.float64]]:
    """Poisson GLM by Newton's method: coefficients, log-likelihood, fitted means, covariance."""
    off = np.zeros(x.shape[0]) if offset is None else offset
    beta = np.zeros(x.shape[1]) if start is None else start.copy()
    if start is None:
        # start from a least-squares fit of log(y + 0.5)
        beta = np.asarray(
            np.linalg.lstsq(x, np.log(y + 0.5) - off, rcond=None)[0], dtype=np.float64
        )
    loglik = -np.inf
    info = np.eye(x.shape[1])
    for _ in range(100):
        eta = np.clip(x @ beta + off, -700, 700)
        mu = np.exp(eta)
        info = x.T @ (x * mu[:, None])
        step = np.linalg.solve(info + 1e-12 * np.eye(x.shape[1]), x.T @ (y - mu))
        new_ll = float(np.sum(y * eta - mu))
        halvings = 0
        while True:
            trial = beta + step
            eta_t = np.clip(x @ trial + off, -700, 700)
            trial_ll = float(np.sum(y * eta_t - np.exp(eta_t)))
            if trial_ll >= new_ll - 1e-10 or halvings > 30:
                break
            step /= 2.0
            halvings += 1
        beta = trial
        if abs(trial_ll - loglik) < 1e-10 * (1.0 + abs(trial_ll)) and np.max(np.abs(step)) < 1e-8:
            loglik = trial_ll
            break
        loglik = trial_ll
    eta = x @ beta + off
    mu = np.exp(eta)
    info = x.T @ (x * mu[:, None])
    full_ll = float(np.sum(y * eta - mu - special.gammaln(y + 1.0)))
    return (
        beta,
        full_ll,
        np.asarray(mu, dtype=np.float64),
        np.asarray(np.linalg.inv(info), dtype=np.float64),
    )


def fit_model(table: CaptureTable, pairs: Sequence[Pair]) -> LoglinearFit:
    """Fit the model with main effects and the given two-list interactions."""
    ordered = tuple(sorted((min(a, b), max(a, b)) for a, b in pairs))
    x, rows, empty = design(table, ordered)
    y = table.counts[rows].astype(np.float64)
    coef, loglik, fitted, cov = _irls(x, y)
    return LoglinearFit(table, ordered, empty, coef, cov, loglik, fitted, rows)


def profile_interval(fit: LoglinearFit, level: float = 0.95) -> tuple[float, float]:
    """Profile-likelihood interval for the total, profiling the intercept (log of the dark figure).

    For each fixed intercept the other parameters are refitted; the interval is
    where twice the drop in log-likelihood stays below the chi-squared(1) quantile.
    """
    x, rows, _ = design(fit.table, fit.pairs)
    y = fit.table.counts[rows].astype(np.float64)
    limit = float(stats.chi2.ppf(level, 1)) / 2.0
    b0 = float(fit.coef[0])
    rest = x[:, 1:]
    start = fit.coef[1:]

    def drop(b: float) -> float:
        _, ll, _, _ = _irls(rest, y, offset=np.full(x.shape[0], b), start=start)
        return fit.loglik - ll - limit

    se = math.sqrt(max(float(fit.cov[0, 0]), 1e-12))
    bounds = []
    for direction in (-1.0, 1.0):
        step = max(se, 0.05)
        far = b0 + direction * step
        tries = 0
        while drop(far) < 0.0 and tries < 60:
            step *= 2.0
            far = b0 + direction * step
            tries += 1
        if drop(far) < 0.0:
            bounds.append(math.inf * direction)
            continue
        lo, hi = sorted((b0, far))
        bounds.append(float(optimize.brentq(drop, lo, hi, xtol=1e-10)))
    n = fit.table.observed
    return n + math.exp(bounds[0]), (
        n + math.exp(bounds[1]) if math.isfinite(bounds[1]) else math.inf
    )

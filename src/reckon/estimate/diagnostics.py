"""Convergence diagnostics for several MCMC chains: split R-hat and effective sample size.

Both follow Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021, Bayesian
Analysis 16:667): chains are split in halves, draws are rank-normalised (so a
heavy right tail of N does not hide a stuck chain), and the effective sample
size uses Geyer's initial monotone sequence of autocorrelations.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import stats

__all__ = ["effective_sample_size", "split_rhat"]


def _split(chains: NDArray[np.float64]) -> NDArray[np.float64]:
    half = chains.shape[1] // 2
    return np.concatenate([chains[:, :half], chains[:, -half:]], axis=0)


def _rank_normalise(chains: NDArray[np.float64]) -> NDArray[np.float64]:
    ranks = stats.rankdata(chains, method="average").reshape(chains.shape)
    return np.asarray(stats.norm.ppf((ranks - 0.375) / (chains.size + 0.25)), dtype=np.float64)


def _rhat(chains: NDArray[np.float64]) -> float:
    n = chains.shape[1]
    within = float(chains.var(axis=1, ddof=1).mean())
    between = float(n * chains.mean(axis=1).var(ddof=1))
    if within == 0.0:
        return 1.0 if between == 0.0 else float("inf")
    pooled = (n - 1) / n * within + between / n
    return float(np.sqrt(pooled / within))


def split_rhat(draws: NDArray[np.float64]) -> float:
    """Rank-normalised split R-hat of ``draws`` (chains × iterations); 1 means mixed.

    The larger of the bulk and tail (folded) versions, as Vehtari et al. advise.
    """
    chains = _split(np.asarray(draws, dtype=np.float64))
    bulk = _rhat(_rank_normalise(chains))
    folded = np.abs(chains - np.median(chains))
    tail = _rhat(_rank_normalise(folded))
    return max(bulk, tail)


def _autocovariance(x: NDArray[np.float64]) -> NDArray[np.float64]:
    n = x.shape[0]
    size = 1 << (2 * n - 1).bit_length()
    centred = x - x.mean()
    spectrum = np.fft.rfft(centred, size)
    acov = np.fft.irfft(spectrum * np.conjugate(spectrum), size)[:n]
    return np.asarray(acov / n, dtype=np.float64)


def effective_sample_size(draws: NDArray[np.float64]) -> float:
    """Bulk effective sample size of ``draws`` (chains × iterations), pooled over chains."""
    chains = _rank_normalise(_split(np.asarray(draws, dtype=np.float64)))
    m, n = chains.shape
    if n < 4:
        return float(m * n)
    acov = np.stack([_autocovariance(c) for c in chains])
    within = float(acov[:, 0].mean() * n / (n - 1))
    if within == 0.0:
        return float(m * n)
    pooled = within * (n - 1) / n + (chains.mean(axis=1).var(ddof=1) if m > 1 else 0.0)
    rho = 1.0 - (within - acov.mean(axis=0)) / pooled
    rho[0] = 1.0
    # Geyer: sum pairs while positive, then force them to decrease.
    total = 0.0
    previous = np.inf
    t = 0
    while t + 1 < n:
        pair = float(rho[t] + rho[t + 1])
        if pair < 0.0:
            break
        pair = min(pair, previous)
        total += pair
        previous = pair
        t += 2
    tau = -1.0 + 2.0 * total
    tau = max(tau, 1.0 / np.log10(m * n))
    return float(m * n / tau)

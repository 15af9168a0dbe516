"""The compiled Gibbs sampler of the LCMCR model (numba, cached on disk).

One call runs one chain. The update order follows Manrique-Vallier's C++
(``NPLCM_CR_Basic_Freq.cpp`` in the LCMCR R package): latent classes of the
observed cells, list probabilities, stick-breaking weights, the unobserved
count, the classes of the unobserved people, then the concentration alpha.
numba's own generator (seeded per chain) replaces GSL's, so draws match R's
in distribution, not number by number.
"""

from __future__ import annotations

import numpy as np
from numba import njit
from numpy.typing import NDArray

WARMUP = 500  # as the R package: iterations before classes are sorted and alpha moves


@njit(cache=True)
def _log_gamma(shape: float) -> float:
    # log of a Gamma(shape, 1) draw, stable when shape is tiny (Robert & Casella 2004, p. 45),
    # as dan_log_gamma_1 in LCMCR.
    if shape < 0.5:
        return float(
            np.log(np.random.random() + 1e-300) / shape + np.log(np.random.gamma(1.0 + shape, 1.0))
        )
    return float(np.log(np.random.gamma(shape, 1.0)))


@njit(cache=True)
def _log_add(a: float, b: float) -> float:
    if a < b:
        return float(b + np.log1p(np.exp(a - b)))
    return float(a + np.log1p(np.exp(b - a)))


@njit(cache=True)
def _multinomial(n: int, probs: NDArray[np.float64], out: NDArray[np.int64]) -> None:
    # Sequential binomials; probs need not sum to 1.
    total = 0.0
    for k in range(probs.shape[0]):
        total += probs[k]
    left = n
    for k in range(probs.shape[0]):
        out[k] = 0
    if n == 0 or total <= 0.0:
        return
    for k in range(probs.shape[0] - 1):
        if left == 0:
            break
        p = probs[k] / total if total > 0.0 else 0.0
        if p >= 1.0:
            out[k] = left
            left = 0
            break
        draw = np.random.binomial(left, p) if p > 0.0 else 0
        out[k] = draw
        left -= draw
        total -= probs[k]
    out[probs.shape[0] - 1] += left


@njit(cache=True)
def _categorical(probs: NDArray[np.float64]) -> int:
    total = 0.0
    for k in range(probs.shape[0]):
        total += probs[k]
    u = np.random.random() * total
    acc = 0.0
    for k in range(probs.shape[0]):
        acc += probs[k]
        if u < acc:
            return k
    return int(probs.shape[0] - 1)


@njit(cache=True)
def _sweep(
    cells: NDArray[np.int64],
    freq: NDArray[np.int64],
    n: int,
    lam: NDArray[np.float64],
    nu: NDArray[np.float64],
    log_nu: NDArray[np.float64],
    count_mk: NDArray[np.int64],
    count0_k: NDArray[np.int64],
    state: NDArray[np.float64],
    a_alpha: float,
    b_alpha: float,
    update_alpha: bool,
    probs: NDArray[np.float64],
    draw: NDArray[np.int64],
    ones: NDArray[np.int64],
) -> None:
    # state = [alpha, n0]
    n_cells, n_lists = cells.shape
    n_classes = nu.shape[0]
    alpha = state[0]
    n0 = int(state[1])
    # 1. classes of the observed people, cell by cell.
    for m in range(n_cells):
        if freq[m] == 0:
            for k in range(n_classes):
                count_mk[m, k] = 0
            continue
        for k in range(n_classes):
            p = nu[k]
            for j in range(n_lists):
                p *= lam[j, k] if cells[m, j] == 1 else 1.0 - lam[j, k]
            probs[k] = p
        if freq[m] > 1:
            _multinomial(freq[m], probs, draw)
            for k in range(n_classes):
                count_mk[m, k] = draw[k]
        else:
            z = _categorical(probs)
            for k in range(n_classes):
                count_mk[m, k] = 0
            count_mk[m, z] = 1
    # 2. list probabilities: Beta(1 + on list, 1 + off list), the unobserved all off.
    # One pass over the cells per class also gives the class sizes for step 3.
    for k in range(n_classes):
        total = count0_k[k]
        for j in range(n_lists):
            ones[j] = 0
        for m in range(n_cells):
            c = count_mk[m, k]
            if c == 0:
                continue
            total += c
            for j in range(n_lists):
                if cells[m, j] == 1:
                    ones[j] += c
        for j in range(n_lists):
            lam[j, k] = np.random.beta(1.0 + ones[j], 1.0 + (total - ones[j]))
        draw[k] = total
    # 3. stick-breaking weights, V_k ~ Beta(1 + n_k, alpha + n_{>k}), on the log scale.
    acc = 0
    log_rest = 0.0
    for k in range(n_classes - 1):
        acc += draw[k]
        g1 = _log_gamma(1.0 + draw[k])
        g2 = _log_gamma(alpha + (n0 + n - acc))
        gs = _log_add(g1, g2)
        log_nu[k] = g1 - gs + log_rest
        log_rest += g2 - gs
        nu[k] = np.exp(log_nu[k])
    log_nu[n_classes - 1] = log_rest
    nu[n_classes - 1] = np.exp(log_rest)
    # 4. probability of the all-zero pattern, then the unobserved count: the number of
    # failures before n successes, as LCMCR (an improper prior p(N) ∝ 1/N).
    p0 = 0.0
    for k in range(n_classes):
        p = nu[k]
        for j in range(n_lists):
            p *= 1.0 - lam[j, k]
        probs[k] = p
        p0 += p
    success = 1.0 - p0
    n0 = 0 if success >= 1.0 else np.random.negative_binomial(n, max(success, 1e-300))
    # 5. classes of the unobserved people.
    _multinomial(n0, probs, draw)
    for k in range(n_classes):
        count0_k[k] = draw[k]
    # 6. concentration: Gamma(a + K − 1, rate b − log nu_K).
    if update_alpha:
        alpha = np.random.gamma(a_alpha + n_classes - 1.0, 1.0 / (b_alpha - log_nu[n_classes - 1]))
    state[0] = alpha
    state[1] = n0


@njit(cache=True)
def run_chain(
    cells: NDArray[np.int64],
    freq: NDArray[np.int64],
    n_classes: int,
    a_alpha: float,
    b_alpha: float,
    burnin: int,
    samples: int,
    thin: int,
    seed: int,
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.int64]]:
    """Run one chain; return the unobserved count, alpha and occupied classes per kept draw."""
    np.random.seed(seed)
    n_cells, n_lists = cells.shape
    n = 0
    for m in range(n_cells):
        n += freq[m]
    lam = np.empty((n_lists, n_classes))
    for j in range(n_lists):
        on = 0
        for m in range(n_cells):
            if cells[m, j] == 1:
                on += freq[m]
        for k in range(n_classes):
            lam[j, k] = on / n
    nu = np.empty(n_classes)
    if n_classes > 4:
        for k in range(n_classes):
            nu[k] = 0.25 * 0.9 if k < 4 else 0.1 / (n_classes - 4)
    else:
        nu[:] = 1.0 / n_classes
    log_nu = np.log(nu)
    count_mk = np.zeros((n_cells, n_classes), dtype=np.int64)
    count0_k = np.zeros(n_classes, dtype=np.int64)
    state = np.array([0.3 / n_classes, 0.0])
    probs = np.empty(n_classes)
    draw = np.zeros(n_classes, dtype=np.int64)
    ones = np.zeros(n_lists, dtype=np.int64)
    for _ in range(WARMUP):
        _sweep(
            cells,
            freq,
            n,
            lam,
            nu,
            log_nu,
            count_mk,
            count0_k,
            state,
            a_alpha,
            b_alpha,
            False,
            probs,
            draw,
            ones,
        )
    # Sort classes by weight, largest first, as LCMCR does after its warm-up.
    order = np.argsort(-nu)
    lam = lam[:, order].copy()
    nu = nu[order].copy()
    log_nu = log_nu[order].copy()
    count_mk = count_mk[:, order].copy()
    count0_k = count0_k[order].copy()
    n0_out = np.empty(samples, dtype=np.int64)
    alpha_out = np.empty(samples)
    kstar_out = np.empty(samples, dtype=np.int64)
    # Burn-in and kept iterations in one loop: the same sweeps in the same order (so the
    # same draws for a seed), keeping the state after every thin-th sweep past burn-in.
    for it in range(burnin + samples * thin):
        _sweep(
            cells,
            freq,
            n,
            lam,
            nu,
            log_nu,
            count_mk,
            count0_k,
            state,
            a_alpha,
            b_alpha,
            True,
            probs,
            draw,
            ones,
        )
        kept = it - burnin + 1
        if kept <= 0 or kept % thin != 0:
            continue
        s = kept // thin - 1
        n0_out[s] = int(state[1])
        alpha_out[s] = state[0]
        occupied = 0
        for k in range(n_classes):
            total = count0_k[k]
            for m in range(n_cells):
                total += count_mk[m, k]
            if total > 0:
                occupied += 1
        kstar_out[s] = occupied
    return n0_out, alpha_out, kstar_out

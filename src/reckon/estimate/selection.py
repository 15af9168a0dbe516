"""Choosing which two-list interactions enter a log-linear model.

- ``stepwise``: the procedure behind the UK Home Office's 2014 estimate
  (Silverman 2014; as coded in SparseMSE's ``stepwisefit``): start from main
  effects; at each step compute, for every interaction not yet in the model, the
  Poisson p-value of the observed overlap of its two lists under the current
  fit, min(P(X ≤ n*), P(X ≥ n*)); add the smallest if it is below the threshold
  (0.02) and the enlarged model's MLE exists and is identified; stop otherwise.
- ``aic`` / ``bic``: the model over two-list interactions with the lowest
  criterion among those whose MLE exists: every subset when there are at most
  ten pairs (five lists), else a forward-backward search from main effects.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
from scipy import stats

from reckon.errors import InputError
from reckon.estimate.loglinear import LoglinearFit, Pair, design, fit_model, mle_exists
from reckon.estimate.table import CaptureTable

__all__ = ["SELECTIONS", "select_model"]

SELECTIONS = ("stepwise", "bic", "aic")
EXHAUSTIVE_MAX_PAIRS = 10


def _pairs(n_lists: int) -> list[Pair]:
    return list(itertools.combinations(range(n_lists), 2))


def _identified(table: CaptureTable, pairs: Sequence[Pair]) -> bool:
    x, _, _ = design(table, pairs)
    return bool(int(np.linalg.matrix_rank(x)) == x.shape[1])


def _usable(table: CaptureTable, pairs: Sequence[Pair]) -> bool:
    exists, identified = mle_exists(table, pairs)
    return exists and identified


def stepwise(table: CaptureTable, threshold: float = 0.02) -> LoglinearFit:
    """Forward selection by Poisson p-values of overlaps (see the module docstring)."""
    candidates = _pairs(table.n_lists)
    observed = {pair: table.overlap(*pair) for pair in candidates}
    chosen: list[Pair] = []
    fit = fit_model(table, chosen)
    patterns = table.patterns
    while True:
        best: tuple[float, int] | None = None
        for index, (a, b) in enumerate(candidates):
            if (a, b) in chosen:
                continue
            both = (patterns[fit.rows, a] * patterns[fit.rows, b]).astype(bool)
            expected = float(fit.fitted[both].sum())
            n_star = observed[(a, b)]
            p_value = min(
                float(stats.poisson.cdf(n_star, expected)),
                float(stats.poisson.sf(n_star - 1, expected)),
            )
            if p_value >= threshold or (best is not None and p_value >= best[0]):
                continue
            if not _usable(table, [*chosen, (a, b)]):
                continue
            best = (p_value, index)
        if best is None:
            return fit
        chosen.append(candidates[best[1]])
        fit = fit_model(table, chosen)


def _criterion(name: str) -> Callable[[LoglinearFit], float]:
    return (lambda f: f.bic) if name == "bic" else (lambda f: f.aic)


def search(table: CaptureTable, criterion: str) -> LoglinearFit:
    """Lowest-AIC or lowest-BIC model over two-list interactions whose MLE exists."""
    score = _criterion(criterion)
    candidates = _pairs(table.n_lists)
    if len(candidates) <= EXHAUSTIVE_MAX_PAIRS:
        best: LoglinearFit | None = None
        empty = {pair for pair in candidates if table.overlap(*pair) == 0}
        # The extended MLE of a model exists whenever it exists for a larger model with
        # the same non-overlapping pairs (Chan, Silverman & Vincent 2021), so going from
        # large to small models spares most linear programs.
        known: dict[frozenset[Pair], list[frozenset[Pair]]] = {}
        for size in range(len(candidates), -1, -1):
            for subset in itertools.combinations(candidates, size):
                key = frozenset(p for p in subset if p in empty)
                rest = frozenset(subset) - key
                if any(rest <= larger for larger in known.get(key, [])):
                    exists, identified = True, _identified(table, subset)
                else:
                    exists, identified = mle_exists(table, subset)
                    if exists:
                        known.setdefault(key, []).append(rest)
                if not (exists and identified):
                    continue
                fit = fit_model(table, subset)
                if best is None or score(fit) < score(best) - 1e-9:
                    best = fit
        assert best is not None  # the main-effects model always exists when every list is used
        return best
    current = fit_model(table, [])
    improved = True
    while improved:
        improved = False
        moves: list[list[Pair]] = []
        for pair in candidates:
            if pair in current.pairs:
                moves.append([p for p in current.pairs if p != pair])
            else:
                moves.append([*current.pairs, pair])
        for move in moves:
            if not _usable(table, move):
                continue
            fit = fit_model(table, move)
            if score(fit) < score(current) - 1e-9:
                current = fit
                improved = True
    return current


def select_model(table: CaptureTable, selection: str, threshold: float = 0.02) -> LoglinearFit:
    """Fit the model chosen by ``selection`` (stepwise, bic or aic)."""
    if selection == "stepwise":
        return stepwise(table, threshold)
    if selection in {"aic", "bic"}:
        return search(table, selection)
    raise InputError(
        f"Unknown model selection {selection!r}; choose one of {', '.join(SELECTIONS)}."
    )

"""Compare reckon's estimators with the published and R reference figures.

Usage: python benchmarks/estimate/reference.py [--long] [--seeds N]

LCMCR: each seed runs 4 chains; by default 10,000 burn-in and 10,000 draws at
thinning 10 (the R reference run, per chain); --long runs 100,000 burn-in and
10,000 draws at thinning 100, as the README's pooled R run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from reckon.estimate import LcmcrSettings, fit_lcmcr, read_table
from reckon.estimate.loglinear import profile_interval
from reckon.estimate.selection import select_model

MSE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "mse"

LOGLINEAR = [
    ("uk_modern_slavery_2013_5lists", "stepwise", "11,313 (Wald-log 9,884–13,027)"),
    ("uk_modern_slavery_2013_5lists", "bic", "22,991 (Rcapture BIC-best)"),
    ("uk_modern_slavery_2013_6lists", "stepwise", "11,418 (9,977–13,146)"),
    ("uk_modern_slavery_2013_6lists", "bic", "12,350 (Rcapture BIC-best)"),
    ("us_western_site", "stepwise", "2,483 (BCa 1,293–3,670)"),
    (
        "new_orleans_8lists",
        "stepwise",
        "1,110 [586, 1,512] (2024 paper, same data); 1,184 (2021 paper, other data)",
    ),
    ("hepatitis_a_taiwan_1995", "bic", "1,313 (Rcapture BIC-best, saturated)"),
    ("madigan_york_3list", "bic", "731 (Madigan & York, Bayes)"),
    ("diabetes_casale_monferrato_1988", "stepwise", "about 2,274 (Bruno et al.)"),
    ("netherlands_6lists", "stepwise", "none verified"),
    ("congenital_anomaly_massachusetts", "stepwise", "none verified"),
]
LCMCR = [
    (
        "uk_modern_slavery_2013_5lists",
        "20,948; 12,862 (short); 22,022 [15,394, 33,949] (long, pooled)",
    ),
    ("uk_modern_slavery_2013_6lists", "20,100; 22,604"),
    ("hepatitis_a_taiwan_1995", "504 [350, 900]; 514 [361, 900]"),
    ("netherlands_6lists", "none"),
    ("congenital_anomaly_massachusetts", "none"),
]


def loglinear() -> None:
    print("| table | selection | reckon | 95% profile | 95% Wald (log) | model | reference |")
    print("| --- | --- | ---: | --- | --- | --- | --- |")
    for name, selection, ref in LOGLINEAR:
        table = read_table(MSE / f"{name}.csv")
        fit = select_model(table, selection)
        lo, hi = profile_interval(fit)
        se = float(np.sqrt(fit.cov[0, 0]))
        wl, wh = (table.observed + fit.dark * np.exp(s * 1.959964 * se) for s in (-1, 1))
        terms = ", ".join(fit.terms()[table.n_lists :]) or "main effects"
        print(
            f"| {name} | {selection} | {fit.total:,.0f} | {lo:,.0f}–{hi:,.0f} | "
            f"{wl:,.0f}–{wh:,.0f} | {terms} | {ref} |"
        )


def lcmcr(long: bool, seeds: int) -> None:
    settings = (
        LcmcrSettings(burnin=100_000, samples=10_000, thin=100)
        if long
        else LcmcrSettings(burnin=10_000, samples=10_000, thin=10)
    )
    print(
        f"\nLCMCR, 4 chains per seed, burn-in {settings.burnin:,}, "
        f"{settings.samples:,} draws at thinning {settings.thin}"
    )
    print(
        "| table | seed | median [95%] | chain medians | R-hat | ESS | converged | s | R reference |"
    )
    print("| --- | ---: | --- | --- | ---: | ---: | --- | ---: | --- |")
    for name, ref in LCMCR:
        table = read_table(MSE / f"{name}.csv")
        for seed in range(1, seeds + 1):
            started = time.perf_counter()
            e = fit_lcmcr(table, LcmcrSettings(**{**settings.__dict__, "seed": seed}))
            d = e.diagnostics
            medians = ", ".join(f"{m:,.0f}" for m in d["chain_medians"])
            print(
                f"| {name} | {seed} | {e.estimate:,.0f} [{e.lower:,.0f}, {e.upper:,.0f}] | {medians} | "
                f"{d['rhat']:.3f} | {d['ess']:.0f} | {d['converged']} | "
                f"{time.perf_counter() - started:.1f} | {ref} |",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--long", action="store_true")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--skip-loglinear", action="store_true")
    args = parser.parse_args()
    if not args.skip_loglinear:
        loglinear()
    lcmcr(args.long, args.seeds)


if __name__ == "__main__":
    main()

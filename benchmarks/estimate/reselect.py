"""Model re-selection in the log-linear bootstrap: how much wider the interval, at what cost.

Each reference table is treated as one stratum and its total bootstrapped
(multinomial resamples) twice: choosing the model afresh in every resample
(reckon's default) and refitting the model chosen on the data (``--no-reselect``).

Usage: python benchmarks/estimate/reselect.py [--resamples N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from reckon.estimate import EstimateSettings, LcmcrSettings, estimate_strata, read_table

MSE = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "mse"
RUNS = [
    ("us_western_site", "stepwise"),
    ("us_western_site", "bic"),
    ("uk_modern_slavery_2013_5lists", "stepwise"),
    ("uk_modern_slavery_2013_5lists", "bic"),
    ("new_orleans_8lists", "stepwise"),
    ("hepatitis_a_taiwan_1995", "bic"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--resamples", type=int, default=200)
    args = parser.parse_args()
    print(
        "| table | selection | estimate | 95% re-selected | models seen | 95% fixed model "
        "| CPU s per resample, re-selected (fixed) |"
    )
    print("| --- | --- | ---: | --- | ---: | --- | ---: |")
    for name, selection in RUNS:
        table = read_table(MSE / f"{name}.csv")
        out = {}
        for reselect in (True, False):
            settings = EstimateSettings(
                method="loglinear",
                selection=selection,
                bootstrap=args.resamples,
                reselect=reselect,
                lcmcr=LcmcrSettings(seed=2026),
            )
            start = time.process_time()
            total = estimate_strata({name: table}, settings).estimates[0]
            out[reselect] = (total, (time.process_time() - start) / args.resamples)
        (chosen, t_re), (fixed, t_fix) = out[True], out[False]
        print(
            f"| {name} | {selection} | {chosen.estimate:,.0f} | "
            f"{chosen.lower:,.0f}–{chosen.upper:,.0f} | "
            f"{chosen.diagnostics['bootstrap_models'][name]} | "
            f"{fixed.lower:,.0f}–{fixed.upper:,.0f} | {t_re:.3f} ({t_fix:.3f}) |"
        )


if __name__ == "__main__":
    main()

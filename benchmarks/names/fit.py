"""Fit the weights of `reckon.names.similarity.MODEL` on the tuning pairs (never the held-out ones).

    python benchmarks/names/fit.py [--n 3000] [--seed 11] [--write]

Prints the MODEL table and the F1-maximising threshold; ``--write`` puts them
into src/reckon/names/similarity.py.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
SIMILARITY = Path(__file__).resolve().parents[2] / "src/reckon/names/similarity.py"

from build_lexicon import source_rows  # noqa: E402
from pairs import make_pairs, make_splits  # noqa: E402
from run import best_f1_threshold, roc_auc  # noqa: E402

from reckon.names import name_keys  # noqa: E402
from reckon.names.similarity import _SWAP_FIRST_LAST, FEATURES, KeyTable, features  # noqa: E402


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, iters: int = 50) -> np.ndarray:
    """Newton-Raphson (IRLS) with a small ridge penalty; returns [intercept, *weights]."""
    x1 = np.column_stack([np.ones(len(x)), x])
    w = np.zeros(x1.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-(x1 @ w)))
        grad = x1.T @ (p - y) + l2 * np.r_[0, w[1:]]
        hess = (x1 * (p * (1 - p))[:, None]).T @ x1 + l2 * np.diag(np.r_[0, np.ones(len(w) - 1)])
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument(
        "--write", action="store_true", help="write MODEL and THRESHOLD into similarity.py"
    )
    args = parser.parse_args()
    # Tuning words only, split again: pairs of words that the lexicon lacks, as
    # held-out words will be; and as many pairs of words that it knows, as common
    # names will be in use.
    rows = list(source_rows())
    inner_tune, inner = make_splits(rows, inner=True)
    unknown = make_pairs(inner, args.n, args.seed)
    known = make_pairs(inner_tune, args.n, args.seed + 1)
    pairs = unknown + known
    a = KeyTable.of([name_keys(p.a, inner.lexicon) for p in pairs])
    b = KeyTable.of([name_keys(p.b, inner.lexicon) for p in pairs])
    y = np.array([p.same for p in pairs], dtype=float)
    cross = features(a, b, crosswise=True)
    readings = [features(a, b), cross, cross[:, _SWAP_FIRST_LAST]]
    x = readings[0]
    for _ in range(3):  # fit, pick each pair's best reading, refit
        w = fit_logistic(x, y)
        z = np.column_stack([w[0] + r @ w[1:] for r in readings])
        best = z.argmax(axis=1)
        x = np.choose(best[:, None], readings)
    score = 1 / (1 + np.exp(-(w[0] + x @ w[1:])))
    threshold = best_f1_threshold(score, y.astype(bool))
    print(f"tuning AUC {roc_auc(score, y.astype(bool)):.4f}, threshold {threshold:.3f}")
    block = "MODEL: dict[str, float] = {\n" + f'    "intercept": {w[0]:.3f},\n'
    for name, value in zip(FEATURES, w[1:], strict=True):
        block += f'    "{name}": {value:.3f},\n'
    block += "}"
    print(block)
    if args.write:
        text = SIMILARITY.read_text(encoding="utf-8")
        text = re.sub(
            r"MODEL: dict\[str, float\] = .*?(?=\n#: The score)", block, text, count=1, flags=re.S
        )
        text = re.sub(
            r"^THRESHOLD = .*$", f"THRESHOLD = {threshold:.2f}", text, count=1, flags=re.M
        )
        SIMILARITY.write_text(text, encoding="utf-8")
        print(f"written to {SIMILARITY}")


if __name__ == "__main__":
    main()

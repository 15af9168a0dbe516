"""Speed of reckon's LCMCR sampler against the R package's figure.

R (LCMCR 0.4.x, one core of a 2-core machine like CI): about 1.1 s for 110,000
iterations (10,000 burn-in + 10,000 draws at thinning 10) on the UK five-list
table with K = 10. This runs the same single chain in fresh processes:

1. with an empty numba cache (the first, uncached run: compile + sample);
2. again with the cache filled (what every later run costs), several times.

Usage: python benchmarks/estimate/speed.py [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

R_SECONDS = 1.1
CHILD = r"""
import json, time
t0 = time.perf_counter()
import numpy as np
from reckon.estimate import read_table
from reckon.estimate._lcmcr_kernel import run_chain
t1 = time.perf_counter()
c1 = time.process_time()
table = read_table({path!r})
keep = table.counts > 0
cells, freq = np.ascontiguousarray(table.patterns[keep]), np.ascontiguousarray(table.counts[keep])
run_chain(cells, freq, 10, 0.25, 0.25, 1, 1, 1, 1)   # compile, or load from the cache
t2 = time.perf_counter()
c2 = time.process_time()
run_chain(cells, freq, 10, 0.25, 0.25, 10_000, 10_000, 10, 2)
t3 = time.perf_counter()
c3 = time.process_time()
print(json.dumps({{"import": t1 - t0, "compile_or_load": t2 - t1, "sample": t3 - t2,
                  "compile_cpu": c2 - c1, "sample_cpu": c3 - c2}}))
"""


def _child(path: Path, cache: str) -> dict[str, float]:
    env = {**os.environ, "NUMBA_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(path=str(path))],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return dict(json.loads(out.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    path = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "mse"
    path = path / "uk_modern_slavery_2013_5lists.csv"
    with tempfile.TemporaryDirectory() as cache:
        first = _child(path, cache)
        later = [_child(path, cache) for _ in range(args.repeats)]
    sample = statistics.median(r["sample"] for r in later)
    sample_cpu = statistics.median(r["sample_cpu"] for r in later)
    load = statistics.median(r["compile_or_load"] for r in later)
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(
        "| run | compile or cache load, wall (CPU) s | 110,000 iterations, wall (CPU) s "
        "| R 1.1 s / reckon, wall (CPU) |"
    )
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| first, uncached | {first['compile_or_load']:.2f} ({first['compile_cpu']:.2f}) | "
        f"{first['sample']:.2f} ({first['sample_cpu']:.2f}) | "
        f"{R_SECONDS / first['sample']:.2f} ({R_SECONDS / first['sample_cpu']:.2f}) "
        "sampling only |"
    )
    print(
        f"| cached, median of {args.repeats} | {load:.2f} | {sample:.2f} ({sample_cpu:.2f}) | "
        f"{R_SECONDS / sample:.2f} ({R_SECONDS / sample_cpu:.2f}) |"
    )
    print("all cached sample times:", ", ".join(f"{r['sample']:.2f}" for r in later))


if __name__ == "__main__":
    main()

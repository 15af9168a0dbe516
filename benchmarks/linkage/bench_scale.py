"""Time and peak memory of each linkage stage on a large synthetic file (default 1,000,000 records).

    python benchmarks/linkage/bench_scale.py [--records N] [--engine duckdb|spark] [--dir DIR]

Generates the file once (kept in DIR), then runs what `reckon link FILE.csv
--output OUT.csv` runs, stage by stage: read and validate the CSV, compute the
comparison columns, train, score candidate pairs, cluster, write the output.
Peak memory is the process's resident set size sampled every 0.1 s during each
stage (DuckDB runs in-process, so it is included). Accuracy against the truth
is printed too.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from reckon.link.accuracy import bcubed, pairwise
from reckon.link.cluster import cluster
from reckon.link.csvio import read_records, write_clusters
from reckon.link.engines import Engine
from reckon.link.features import feature_table
from reckon.link.run import predict, train
from reckon.link.synth import generate

T = TypeVar("T")
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * _PAGE


class Sampler:
    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _rss())
            time.sleep(0.1)

    def __enter__(self) -> Sampler:
        self.peak = _rss()
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())


def stage(name: str, results: list[tuple[str, float, int]], fn: Callable[[], T]) -> T:
    print(f"… {name}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    with Sampler() as sampler:
        value = fn()
    results.append((name, time.perf_counter() - started, sampler.peak))
    print(f"  {name}: {results[-1][1]:.1f} s, peak {sampler.peak / 2**30:.2f} GiB", file=sys.stderr)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--engine", default="duckdb")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/reckon-linkage-scale"))
    parser.add_argument("--seed", type=int, default=1367)
    args = parser.parse_args()
    folder = args.dir / str(args.records)
    path = folder / "records.csv"
    if not path.exists():
        # About 1.9 records per person with the default four lists.
        data = generate(round(args.records / 1.9), seed=args.seed)
        data.write(folder)
        del data
    results: list[tuple[str, float, int]] = []
    total = time.perf_counter()
    records = stage("read and validate CSV", results, lambda: read_records(path))
    engine = Engine(args.engine)
    table = stage("comparison columns", results, lambda: feature_table(records))
    model = stage("training (EM, 100k sample)", results, lambda: train(engine, table))
    edges_ev: Any = stage(
        "blocking and scoring",
        results,
        lambda: predict(engine, table, model, keep_from=model.cluster.threshold),
    )
    edges, best = edges_ev[0], edges_ev[2]
    settings = model.cluster
    clusters = stage(
        "clustering",
        results,
        lambda: cluster(
            {r.record_id: r.list for r in records},
            edges,
            settings.threshold,
            settings.same_list_threshold,
            settings.max_cluster_size,
            best=best,
        ),
    )
    stage(
        "write output", results, lambda: write_clusters(folder / "clusters.csv", records, clusters)
    )
    elapsed = time.perf_counter() - total
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        f"\n{len(records):,} records, {len(edges):,} scored pairs ≥ {settings.threshold}, "
        f"{clusters.n_clusters:,} persons, {len(clusters.held)} held clusters; engine {args.engine}\n"
    )
    print("| stage | seconds | peak memory (GiB) |")
    print("| --- | ---: | ---: |")
    for name, seconds, peak_stage in results:
        print(f"| {name} | {seconds:.1f} | {peak_stage / 2**30:.2f} |")
    print(f"| **total** | **{elapsed:.1f}** | **{peak / 2**30:.2f}** (process peak) |")
    import csv

    with (folder / "truth.csv").open(encoding="utf-8") as handle:
        truth = {r["record_id"]: r["person_id"] for r in csv.DictReader(handle)}
    p = pairwise(clusters.cluster_of, truth)
    b = bcubed(clusters.cluster_of, truth)
    print(
        f"\naccuracy: pairwise P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}; B-cubed F1 {b.f1:.3f}"
    )


if __name__ == "__main__":
    main()

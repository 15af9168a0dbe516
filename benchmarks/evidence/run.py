"""Benchmark: pages per second of `reckon add` against trafilatura's extraction alone.

Generates the pages (generate_pages.py), then times, on the same pages:

1. extraction alone: read each file and run the same trafilatura call reckon
   makes (``bare_extraction`` with metadata, without comments);
2. ``reckon add`` through the library (`add_paths` on the folder): media type,
   hashing, blobs with fsync, text artifact, rows, three signed custody entries
   and an audit entry per page, one transaction per page, on SQLite (default)
   or the database in RECKON_DATABASE_URL.

The overhead is (time of add − time of extraction) / time of extraction, in
CPU time (this process and its children) and in wall time. The two are run in
turns (extraction, add, extraction, add, …) so that a change in the machine's
load touches both, and the median of the runs is reported.

Usage: python benchmarks/evidence/run.py [--count 1000] [--repeat 5] [--size news|short]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from generate_pages import generate

from reckon.evidence import Locker, add_paths, verify
from reckon.evidence.extract.html import extract_html
from reckon.workspace import init_workspace


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the extraction process)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def time_extraction(paths: list[Path]) -> tuple[float, float]:
    started, cpu = time.perf_counter(), _cpu()
    for path in paths:
        extract_html(path.read_bytes())
    return time.perf_counter() - started, _cpu() - cpu


def time_add(folder: Path, scratch: Path, run: int) -> tuple[float, float, int]:
    env = {k: v for k, v in os.environ.items() if k != "RECKON_PASSPHRASE"}
    workspace = init_workspace(scratch / f"ws{run}", "bench", env)
    try:
        locker = Locker.open(workspace)
        started, cpu = time.perf_counter(), _cpu()
        results = add_paths(locker, [folder])
        elapsed, cpu = time.perf_counter() - started, _cpu() - cpu
        assert all(r.ok and r.text_status == "ok" for r in results)
        report = verify(locker)
        assert report.ok
        return elapsed, cpu, report.entries
    finally:
        workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", choices=["news", "short"], default="news")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="reckon-bench-"))
    try:
        folder = scratch / "pages"
        paths = generate(folder, args.count, size=args.size)
        size = sum(p.stat().st_size for p in paths)
        extract_html(paths[0].read_bytes())  # warm up imports
        extractions: list[tuple[float, float]] = []
        adds: list[tuple[float, float, int]] = []
        for run in range(args.repeat):
            extractions.append(time_extraction(paths))
            adds.append(time_add(folder, scratch, run))
        n = args.count
        backend = "PostgreSQL" if os.environ.get("RECKON_DATABASE_URL") else "SQLite"
        print(
            f"{n} {args.size} pages, {size / n / 1024:.1f} KiB each on average; store: {backend}; "
            f"{args.repeat} runs each; load average {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores"
        )
        print(
            "| run | extraction wall s / CPU s | add wall s / CPU s | overhead wall | overhead CPU |"
        )
        print("| --- | ---: | ---: | ---: | ---: |")
        for run, ((wx, cx), (wa, ca, _)) in enumerate(zip(extractions, adds, strict=True), 1):
            print(
                f"| {run} | {wx:.2f} / {cx:.2f} | {wa:.2f} / {ca:.2f} "
                f"| {100 * (wa - wx) / wx:.1f}% | {100 * (ca - cx) / cx:.1f}% |"
            )
        wall_x = statistics.median(w for w, _ in extractions)
        cpu_x = statistics.median(c for _, c in extractions)
        wall_a = statistics.median(w for w, _, _ in adds)
        cpu_a = statistics.median(c for _, c, _ in adds)
        entries = adds[-1][2]
        print()
        print("Medians:")
        print("| step | wall s | pages/s (wall) | CPU ms/page | pages/s (CPU) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for label, wall, cpu in (
            ("trafilatura extraction alone", wall_x, cpu_x),
            ("reckon add (preserve + extract + custody)", wall_a, cpu_a),
        ):
            print(
                f"| {label} | {wall:.2f} | {n / wall:.1f} | {1000 * cpu / n:.2f} | {n / cpu:.1f} |"
            )
        print(
            f"overhead of the medians: {100 * (cpu_a - cpu_x) / cpu_x:.1f}% in CPU, "
            f"{100 * (wall_a - wall_x) / wall_x:.1f}% in wall time "
            f"({entries} custody entries, all verified)"
        )
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()

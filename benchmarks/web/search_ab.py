"""Two versions of the search, asked the same queries interleaved: a fair comparison on a busy machine.

Runs the current `reckon.search.query` and an older copy of that module (a
file, e.g. from git) on a store built by ``search_bench.py --store``, query by
query in random order, and prints p50/p95 of wall and CPU time and recall@10
for each kind of query and each version.

    git show 812c25f:src/reckon/search/query.py > /tmp/query_old.py
    python benchmarks/web/search_ab.py --store /tmp/bench-1m --old /tmp/query_old.py
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from pathlib import Path
from types import ModuleType

from search_bench import make_people, p95, queries_for

from reckon.publish.visibility import public_persons
from reckon.search import query as current
from reckon.workspace import Workspace


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("query_old", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["query_old"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def run(store: Path, old: ModuleType, records: int, queries: int, seed: int) -> None:
    rng = random.Random(seed)
    people = make_people(records, rng)
    versions = {"before": old, "after": current}
    workspace = Workspace.open(store, env={"RECKON_WORKSPACE": str(store)})
    print("| query | code | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | recall@10 |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    with workspace.engine.connect() as conn:
        for module in versions.values():
            module.search(conn, "warm up", visible=public_persons)
        for kind, pairs in queries_for(people, {}, queries, seed).items():
            wall: dict[str, list[float]] = {name: [] for name in versions}
            cpu: dict[str, list[float]] = {name: [] for name in versions}
            found = dict.fromkeys(versions, 0)
            for text, ref in pairs:
                order = list(versions)
                rng.shuffle(order)
                for name in order:
                    t0, c0 = time.perf_counter(), time.thread_time()
                    hits = versions[name].search(conn, text, visible=public_persons, limit=10)
                    wall[name].append((time.perf_counter() - t0) * 1000)
                    cpu[name].append((time.thread_time() - c0) * 1000)
                    found[name] += any(h.person_ref == ref for h in hits)
            for name in versions:
                w, c = sorted(wall[name]), sorted(cpu[name])
                print(
                    f"| {kind} | {name} | {statistics.median(w):.1f} | {p95(w):.1f} | "
                    f"{statistics.median(c):.1f} | {p95(c):.1f} | {found[name] / len(pairs):.0%} |"
                )
    workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store", type=Path, required=True, help="a store built by search_bench.py"
    )
    parser.add_argument("--old", type=Path, required=True, help="the older query.py to compare")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    run(args.store, load(args.old), args.records, args.queries, args.seed)


if __name__ == "__main__":
    main()

"""The cost of search's one query for ties (`reckon.claims.identity.tied_groups`) on a store.

Search asks, once per query, which of the ~20 references left after the
visibility rule a coder tied together (a list person and a named person).
This times that call alone, many times, on a store built by ``search_bench.py``:

    python benchmarks/web/tied_bench.py --store /tmp/linked-100k --calls 2000

Results go in README.md beside this file.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from reckon.claims.identity import tied_groups
from reckon.workspace import Workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store of search_bench.py")
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--refs", type=int, default=20, help="references per call")
    args = parser.parse_args()
    workspace = Workspace.open(args.store, env={**os.environ, "RECKON_WORKSPACE": str(args.store)})
    try:
        with workspace.engine.connect() as conn:
            for _ in range(50):  # warm the statement and page caches
                tied_groups(conn, [f"P{i}" for i in range(1, args.refs + 1)])
            cpu, wall = time.process_time(), time.perf_counter()
            for call in range(args.calls):
                first = 1 + (call * args.refs) % 90_000
                refs = [f"P{first + j}" for j in range(args.refs - 2)] + [f"N{call}", f"R{first}"]
                tied_groups(conn, refs)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    finally:
        workspace.close()
    print(
        f"tied_groups, {args.refs} references, {args.calls} calls: "
        f"CPU {1000 * cpu / args.calls:.3f} ms, wall {1000 * wall / args.calls:.3f} ms per call"
    )


if __name__ == "__main__":
    main()

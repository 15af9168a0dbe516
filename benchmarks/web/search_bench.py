"""Search latency over a large register: p50/p95 per kind of query, and whether the person is found.

Builds a workspace whose search index holds N fictional person records (given
names and surnames drawn with their real frequencies from the names lexicon,
half written in Persian script, half in one of the Latin spellings seen for
them), publishes them all, then times queries that look a person up by their
Persian name, by a Latin spelling, by a Latin spelling with a typo, and by a
surname alone.

    python benchmarks/web/search_bench.py --records 1000000 --queries 200

Building the index of a million records takes about ten minutes; ``--store DIR``
keeps the workspace in DIR and reuses it on the next run with the same
``--records`` and ``--seed`` (the queries are drawn from their own generator,
so the same queries are asked of a reused store). ``--database-url`` builds the
store on PostgreSQL instead of SQLite (an empty database).

Results go in README.md beside this file.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, insert, select, text

from reckon.claims.identity import tied_groups
from reckon.names.keys import phonetic_key
from reckon.publish.visibility import public_persons
from reckon.search import IndexEntry, add, search
from reckon.search.index import opened
from reckon.search.seal import StaleIndex
from reckon.store.engine import is_sqlite
from reckon.store.schema import publications, search_entries
from reckon.store.types import utcnow
from reckon.workspace import Workspace, init_workspace


@dataclass(frozen=True)
class Word:
    persian: str
    spellings: tuple[str, ...]
    weight: int


@dataclass(frozen=True)
class Person:
    ref: str
    given: tuple[Word, ...]
    surname: Word

    def persian(self) -> str:
        return " ".join([*(w.persian for w in self.given), self.surname.persian])

    def latin(self, rng: random.Random) -> str:
        words = [*self.given, self.surname]
        return " ".join(rng.choice(w.spellings[:3]).title() for w in words)


def load_words() -> tuple[list[Word], list[Word]]:
    path = resources.files("reckon.names") / "data" / "persian_names.tsv"
    given: list[Word] = []
    surnames: list[Word] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            spellings = tuple(v for v in row["variants"].split() if v.isalpha()) or (row["latin"],)
            word = Word(row["persian"], spellings, int(row["count"]))
            (given if row["role"] == "given" else surnames).append(word)
    return given, surnames


def make_people(n: int, rng: random.Random) -> list[Person]:
    given, surnames = load_words()
    gw = [w.weight for w in given]
    sw = [w.weight for w in surnames]
    people = []
    g1 = rng.choices(given, gw, k=n)
    g2 = rng.choices(given, gw, k=n)
    ss = rng.choices(surnames, sw, k=n)
    for i in range(n):
        first = (g1[i], g2[i]) if rng.random() < 0.2 else (g1[i],)
        people.append(Person(f"P{i:07d}", first, ss[i]))
    return people


def typo(name: str, rng: random.Random) -> str:
    letters = "abdefghijklmnoprstuvz"
    pos = rng.randrange(len(name))
    while name[pos] == " ":
        pos = rng.randrange(len(name))
    kind = rng.choice(("swap", "drop", "add"))
    if kind == "drop":
        return name[:pos] + name[pos + 1 :]
    if kind == "add":
        return name[:pos] + rng.choice(letters) + name[pos:]
    return name[:pos] + rng.choice(letters) + name[pos + 1 :]


def build(
    root: Path, people: list[Person], rng: random.Random, env: dict[str, str]
) -> tuple[Workspace, dict[str, str]]:
    workspace = init_workspace(root, "bench", env)
    stored: dict[str, str] = {}
    started = time.perf_counter()

    def entries() -> Iterator[IndexEntry]:
        for p in people:
            name = p.persian() if rng.random() < 0.5 else p.latin(rng)
            stored[p.ref] = name
            yield IndexEntry(p.ref, p.ref, name)

    with workspace.engine.begin() as conn:
        if is_sqlite(workspace.settings.database_url):
            # Build settings for this throwaway store only: a large cache, no fsync per page.
            conn.execute(text("PRAGMA cache_size=-1000000"))
            conn.execute(text("PRAGMA synchronous=OFF"))
        add(conn, entries())
        now = utcnow()
        for start in range(0, len(people), 50_000):
            conn.execute(
                insert(publications),
                [
                    {
                        "item_type": "person",
                        "item_id": p.ref,
                        "status": "published",
                        "legal_review": False,
                        "published_by": 1,
                        "published_at": now,
                    }
                    for p in people[start : start + 50_000]
                ],
            )
    print(
        f"built index of {len(people):,} records in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return workspace, stored


def p95(values: list[float]) -> float:
    """The 95th percentile of sorted ``values`` (nearest rank)."""
    return values[max(0, round(0.95 * len(values)) - 1)]


def stored_names(conn: Connection) -> dict[str, str]:
    """The name each person was filed under, read back (opened) from a reused store."""
    ids = [int(i) for i in conn.execute(select(search_entries.c.id)).scalars()]
    return {ref: name for ref, name, _ in opened(conn, ids).values()}


def open_or_build(
    store: Path, people: list[Person], rng: random.Random, env: dict[str, str]
) -> tuple[Workspace, dict[str, str]]:
    if (store / "reckon.toml").exists():
        workspace = Workspace.open(store, env={**env, "RECKON_WORKSPACE": str(store)})
        try:
            with workspace.engine.connect() as conn:
                stored = stored_names(conn)
        except StaleIndex as exc:
            raise SystemExit(
                f"{store} holds an index this reckon cannot open ({exc.message}); "
                "give --store a new folder to build one"
            ) from None
        if len(stored) != len(people):
            raise SystemExit(f"{store} holds {len(stored):,} records, not {len(people):,}")
        print(f"reused the index of {len(stored):,} records in {store}", flush=True)
        return workspace, stored
    return build(store, people, rng, env)


def queries_for(
    people: list[Person], stored: dict[str, str], queries: int, seed: int
) -> dict[str, list[tuple[str, str]]]:
    """The queries of each kind, each with the person it looks for."""
    rng = random.Random(seed * 1_000 + 1)  # independent of the build: same queries on reuse
    sample = rng.sample(people, queries)
    return {
        "Persian": [(p.persian(), p.ref) for p in sample],
        "Latin exact": [(p.latin(rng), p.ref) for p in sample],
        "Latin with a typo": [(typo(p.latin(rng), rng), p.ref) for p in sample],
        "surname only": [(p.surname.spellings[0].title(), p.ref) for p in sample],
    }


def run(records: int, queries: int, seed: int, store: Path | None, database_url: str) -> None:
    rng = random.Random(seed)
    people = make_people(records, rng)
    env = {"RECKON_DATABASE_URL": database_url} if database_url else {}
    with tempfile.TemporaryDirectory() as tmp:
        root = store or Path(tmp) / "ws"
        workspace, stored = open_or_build(root, people, rng, env)
        if not database_url:
            size = sum(f.stat().st_size for f in root.glob("reckon.sqlite*"))
            print(f"store size {size / 1e6:.0f} MB")
        kinds = queries_for(people, stored, queries, seed)
        print(
            "| query | n | p50 ms | p95 ms | max ms | CPU p50 ms | CPU p95 ms "
            "| found in top 10 | top hit has the name |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        with workspace.engine.connect() as conn:
            search(conn, "warm up", visible=public_persons, tied=tied_groups)
            for kind, pairs in kinds.items():
                times = []
                cpu = []
                found = 0
                same = 0
                for query, ref in pairs:
                    t0, c0 = time.perf_counter(), time.thread_time()
                    hits = search(conn, query, visible=public_persons, tied=tied_groups, limit=10)
                    times.append((time.perf_counter() - t0) * 1000)
                    # CPU time of this thread (the database is in-process on SQLite): the
                    # query's own cost, whatever else the machine is doing.
                    cpu.append((time.thread_time() - c0) * 1000)
                    found += any(h.person_ref == ref for h in hits)
                    # Many people share a common name: the index can only find the name.
                    target = phonetic_key(stored[ref])
                    same += bool(hits) and phonetic_key(hits[0].name) == target
                times.sort()
                cpu.sort()
                print(
                    f"| {kind} | {len(times)} | {statistics.median(times):.1f} | "
                    f"{p95(times):.1f} | {times[-1]:.1f} | {statistics.median(cpu):.1f} | "
                    f"{p95(cpu):.1f} | {found / len(pairs):.0%} | {same / len(pairs):.0%} |"
                )
        workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--store", type=Path, help="keep the workspace here and reuse it")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("RECKON_BENCH_DATABASE_URL", ""),
        help="an empty PostgreSQL database to build the store in (default: SQLite)",
    )
    args = parser.parse_args()
    run(args.records, args.queries, args.seed, args.store, args.database_url)


if __name__ == "__main__":
    main()

"""What sealing personal data costs: a list import and the coding of one document.

Imports a generated list of ``--rows`` rows (name, father's name, birth year,
prison, date, affiliation: every row's names and affiliation sealed under a key
of the record) and codes one generated document naming ``--persons`` persons
(each name, mention and event title sealed under a key of the person), in a
fresh SQLite workspace, and prints wall and CPU seconds of each step. Run it
against another checkout to compare (its ``src`` first on the path)::

    .venv/bin/python benchmarks/erasure/seal_cost.py --rows 10000
    PYTHONPATH=/path/to/old/src .venv/bin/python benchmarks/erasure/seal_cost.py --rows 10000
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import reckon
from reckon.claims.coding import propose_from_source
from reckon.claims.records import load_claims
from reckon.evidence import Locker, SourceFacts
from reckon.evidence.sources import add_bytes
from reckon.link.imports import import_list
from reckon.store import users
from reckon.workspace import init_workspace

GIVEN = ("Behrouz", "Farhad", "Shirin", "Mehrdad", "Parvaneh", "Jalal", "Nasrin", "Iraj")
SURNAMES = ("Golzari", "Khalili", "Tavakoli", "Ansari", "Farahani", "Sharifi", "Sadri", "Rahimi")
MAPPING = {
    "no": "record_id",
    "name": "full_name",
    "father": "father_name",
    "born": "birth_year",
    "prison": "prison",
    "executed": "death_date",
    "group": "affiliation",
}


def _timed(step: Callable[[], Any]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    step()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--persons", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ws = init_workspace(folder / "ws", "bench", {})
        path = folder / "list.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(MAPPING)
            for i in range(args.rows):
                name = f"{GIVEN[i % 8]} {SURNAMES[(i // 8) % 8]}-{i}"
                writer.writerow([i + 1, name, f"Father-{i}", 1950 + i % 20, "Evin", "1988-08-10",
                                 "Study circle" if i % 3 == 0 else ""])  # fmt: skip

        def imported() -> None:
            with ws.engine.begin() as conn:
                import_list(conn, users.acting_user(conn, "bench"), path, "bench", MAPPING)

        text = " ".join(
            f"{GIVEN[i % 8]} {SURNAMES[(i // 8) % 8]}{'i' * (i // 64)} was executed at Evin "
            f"Prison on 10 August 1988."
            for i in range(args.persons)
        )
        added = add_bytes(Locker.open(ws), text.encode(), "doc.txt", SourceFacts(title="bench"))
        assert added.source_id is not None
        source_id = added.source_id
        found: dict[str, int] = {}

        def coded() -> None:
            result = propose_from_source(ws, source_id)
            found["mentions"], found["claims"] = result.mentions, len(result.new_claims)

        def read() -> None:
            with ws.engine.connect() as conn:
                user = users.acting_user(conn, "bench")
                found["read"] = len(load_claims(conn, Locker.open(ws), user))

        import_wall, import_cpu = _timed(imported)
        code_wall, code_cpu = _timed(coded)
        read_wall, read_cpu = _timed(read)
        ws.close()
    print(f"reckon from {Path(reckon.__file__).parent}")
    print(f"import {args.rows} rows: {import_wall:.2f} s wall, {import_cpu:.2f} s CPU")
    print(
        f"code one document ({found['mentions']} mentions, {found['claims']} claims): "
        f"{code_wall:.2f} s wall, {code_cpu:.2f} s CPU"
    )
    print(
        f"read its {found['read']} claims (load_claims): {read_wall:.3f} s wall, {read_cpu:.3f} s CPU"
    )


if __name__ == "__main__":
    main()

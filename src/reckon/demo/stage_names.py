"""Demo stage: read the victims' names of a Persian list and an English list as one.

The families' association writes names in Persian (نام, نام خانوادگی); the
Mehr NGO writes them in Latin script in its own romanization. The names
module keys every record once (`KeyTable`) and scores every pair of the two
lists (`score_tables`); each Persian record's best match above
`THRESHOLD` is checked against the demo's ground truth. Names only: dates,
places and fathers' names are linkage's business.
"""

from __future__ import annotations

import csv
import time

import numpy as np

from reckon.demo.run import DemoContext
from reckon.names import THRESHOLD, KeyTable, name_keys, score_tables, transliterate

PERSIAN_LIST = "families_association"
LATIN_LIST = "mehr_ngo"


def _rows(ctx: DemoContext, name: str) -> list[dict[str, str]]:
    with (ctx.data / "lists" / f"{name}.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _truth(ctx: DemoContext) -> dict[tuple[str, int], str]:
    with (ctx.data / "truth.csv").open(encoding="utf-8", newline="") as fh:
        return {(r["list"], int(r["row"])): r["person_id"] for r in csv.DictReader(fh)}


def stage_names(ctx: DemoContext) -> None:
    persian = [f"{r['نام']} {r['نام خانوادگی']}" for r in _rows(ctx, PERSIAN_LIST)]
    latin = [f"{r['first_name']} {r['last_name']}" for r in _rows(ctx, LATIN_LIST)]
    start = time.perf_counter()
    left = KeyTable.of([name_keys(n) for n in persian])
    right = KeyTable.of([name_keys(n) for n in latin])
    li, ri = np.meshgrid(np.arange(len(persian)), np.arange(len(latin)), indexing="ij")
    scores = score_tables(left.take(li.ravel()), right.take(ri.ravel())).reshape(li.shape)
    seconds = time.perf_counter() - start
    truth = _truth(ctx)
    best = scores.argmax(axis=1)
    in_both = right_hits = wrong = 0
    latin_people = {truth.get((LATIN_LIST, j + 1)) for j in range(len(latin))}
    for i, j in enumerate(best):
        person = truth.get((PERSIAN_LIST, i + 1))
        matched = scores[i, j] >= THRESHOLD
        if person in latin_people:
            in_both += 1
            right_hits += int(matched and truth.get((LATIN_LIST, int(j) + 1)) == person)
        elif matched:
            wrong += 1
    example = persian[0]
    ctx.results["names"] = {"in_both": in_both, "found": right_hits, "false": wrong}
    ctx.report(
        "names",
        f"{len(persian)}×{len(latin)} name pairs scored in {seconds:.2f} s; "
        f"{right_hits} of {in_both} people on both lists found by name alone, "
        f"{wrong} Persian records matched a name of someone else; "
        f"e.g. {example} → {transliterate(example)}",
    )

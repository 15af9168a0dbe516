"""Build reckon's shipped name lexicon from arabic-name-romanizer's table.

Run with the benchmark environment (see README.md):

    python benchmarks/names/build_lexicon.py [--out src/reckon/names/data/persian_names.tsv]

Reads the Iranian rows (country = 'IR') of the ``units`` table of
``arabic_name_romanizer/resources/names.sqlite3`` (MIT package; rows derived
from Wikidata, CC0), keeps the rows that `reckon.names.lexicon.build_lexicon`
judges plausible and writes the TSV.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from reckon.names.lexicon import Lexicon, build_lexicon

OUT = Path(__file__).resolve().parents[2] / "src/reckon/names/data/persian_names.tsv"


def source_path() -> Path:
    return Path(str(resources.files("arabic_name_romanizer").joinpath("resources/names.sqlite3")))


def source_rows(min_count: int = 1) -> Iterator[tuple[str, str, str, int]]:
    """(Persian word, Latin spelling, role, count) rows of Iranian names."""
    with sqlite3.connect(source_path()) as conn:
        yield from conn.execute(
            "SELECT arabic_key, latin, role, count FROM units WHERE country = 'IR' AND count >= ?",
            (min_count,),
        )


def build(min_count: int = 1) -> Lexicon:
    return build_lexicon(source_rows(min_count))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args()
    lexicon = build(args.min_count)
    lexicon.write(args.out)
    print(f"{len(lexicon)} words written to {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()

"""Write a synthetic benchmark: overlapping victim lists with known truth.

    python benchmarks/linkage/generate.py OUT_DIR [--people N] [--seed S]

OUT_DIR gets records.csv (the standalone `reckon link` format), truth.csv
(record_id, person_id) and lists.json (how each list was made). Four lists by
default: one in Persian script with Solar Hijri dates, three in Latin script
with different romanization habits (English, French, scholarly); typos,
missing fields, birth years off by one or two, given name and surname swapped,
compound names split or joined, a few duplicates within a list, and many
distinct people sharing common names. See reckon.link.synth.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reckon.link.synth import DEFAULT_LISTS, ListSpec, generate

# A fifth list that copies the French-habit list (list dependence), for runs that want it.
DERIVED = ListSpec(
    "copy_of_french",
    "latin",
    "french",
    capture=0.1,
    full_name_only=True,
    derived_from="ngo_french",
    copy_rate=0.5,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--people", type=int, default=1900)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--with-copy", action="store_true", help="add a list derived from another")
    args = parser.parse_args()
    lists = (*DEFAULT_LISTS, DERIVED) if args.with_copy else DEFAULT_LISTS
    data = generate(args.people, lists, seed=args.seed)
    data.write(args.out)
    print(
        f"wrote {len(data.rows):,} records of {len(set(data.truth.values())):,} people to {args.out}"
    )


if __name__ == "__main__":
    main()

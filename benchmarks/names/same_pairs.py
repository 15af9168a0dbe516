"""Compare two versions of reckon.names on the same pairs.

    python benchmarks/names/same_pairs.py freeze DIR   # with the old code: write the pairs
    python benchmarks/names/same_pairs.py score DIR    # with each version: score them
    python benchmarks/names/same_pairs.py spellings    # the shipped lexicon against itself

`run.py` builds its pairs and the lexicon without held-out words with
`reckon.names.build_lexicon`, which keeps only the Latin spellings whose
phonetic keys agree with the Persian word. A change to the keys therefore
changes the benchmark's data too (more or fewer spellings are admitted), and
two runs of `run.py` compare different pairs. ``freeze`` writes the held-out
and tuning pairs and that lexicon as built by the checked-out code; ``score``
scores them with whatever code is checked out now, so that a before/after
comparison sees one data set. ``spellings`` scores every Persian word of the
shipped lexicon against each Latin spelling recorded for it and lists those
below the threshold. Needs the benchmark environment (README.md).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_lexicon import source_rows
from pairs import Pair, iter_csv, make_pairs, make_splits
from run import precision_recall, roc_auc

from reckon.names import THRESHOLD, default_lexicon, name_keys, score_keys
from reckon.names.lexicon import Lexicon


def freeze(folder: Path, n: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tune, held = make_splits(list(source_rows()))
    for name, pairs in (
        ("tune", make_pairs(tune, n, seed)),
        ("held", make_pairs(held, n, seed + 1)),
    ):
        text = "\n".join(iter_csv(pairs)) + "\n"
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    held.lexicon.write(folder / "lexicon_without_held_out.tsv")


def _read(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Pair(r["a"], r["b"], r["same"] == "1", r["kind"], r["how"]) for r in csv.DictReader(fh)
        ]


def score(folder: Path) -> None:
    without_held = Lexicon.read(folder / "lexicon_without_held_out.tsv")
    print("| pairs | lexicon | kind | ROC AUC | precision | recall | F1 |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: |")
    for name in ("tune", "held"):
        pairs = _read(folder / f"{name}.csv")
        lexicons = (("without held-out words", without_held), ("shipped", default_lexicon()))
        for lexicon_name, lexicon in lexicons:
            for kind in ("cross", "latin"):
                some = [p for p in pairs if p.kind == kind]
                a = [name_keys(p.a, lexicon) for p in some]
                b = [name_keys(p.b, lexicon) for p in some]
                scores = score_keys(a, b)
                labels = np.array([p.same for p in some])
                p, r = precision_recall(scores, labels, THRESHOLD)
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                print(
                    f"| {name} | {lexicon_name} | {kind} | {roc_auc(scores, labels):.4f} | "
                    f"{p:.4f} | {r:.4f} | {f1:.4f} |"
                )


def spellings() -> None:
    lexicon = default_lexicon()
    pairs = [(e.persian, v) for e in lexicon.entries.values() for v in e.variants]
    scores = score_keys(
        [name_keys(p, lexicon) for p, _ in pairs], [name_keys(v, lexicon) for _, v in pairs]
    )
    below = [(p, v, s) for (p, v), s in zip(pairs, scores, strict=True) if s < THRESHOLD]
    print(f"{len(below)} of {len(pairs)} (word, recorded spelling) pairs score below {THRESHOLD}")
    for persian, latin, s in below:
        print(f"  {persian}\t{latin}\t{s:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("freeze", "score", "spellings"))
    parser.add_argument("folder", type=Path, nargs="?", default=Path("names-pairs"))
    parser.add_argument("--n", type=int, default=2000, help="pairs per class and kind")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.action == "freeze":
        freeze(args.folder, args.n, args.seed)
    elif args.action == "score":
        score(args.folder)
    else:
        spellings()


if __name__ == "__main__":
    main()

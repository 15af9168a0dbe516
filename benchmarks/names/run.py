"""The names benchmark: reckon vs Jaro-Winkler on unidecode vs nomenklatura, one run.

    python benchmarks/names/run.py [--n 2000] [--seed 7] [--out benchmarks/names/results.md]

Needs the benchmark environment (benchmarks/names/requirements.txt). Writes a
Markdown table of ROC AUC and precision/recall at each method's threshold
(reckon: `reckon.names.THRESHOLD`; the others: the threshold that maximises F1
on the tuning pairs), for cross-script and Latin-only pairs, on the held-out
pairs; then reckon's throughput.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_lexicon import source_rows
from pairs import Pair, make_pairs, make_splits

from reckon.names import THRESHOLD, default_lexicon, name_keys, score_keys
from reckon.names.lexicon import Lexicon
from reckon.names.similarity import KeyTable, score_tables

_IDS = itertools.count()
Scorer = Callable[[Sequence[Pair]], NDArray[np.float64]]


def roc_auc(scores: NDArray[np.float64], labels: NDArray[np.bool_]) -> float:
    """Area under the ROC curve (Mann-Whitney U with average ranks for ties)."""
    order = scores.argsort(kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    n_pos = int(labels.sum())
    n_neg = len(labels) - n_pos
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def precision_recall(
    scores: NDArray[np.float64], labels: NDArray[np.bool_], threshold: float
) -> tuple[float, float]:
    predicted = scores >= threshold
    tp = float((predicted & labels).sum())
    precision = tp / max(float(predicted.sum()), 1.0)
    recall = tp / max(float(labels.sum()), 1.0)
    return precision, recall


def best_f1_threshold(scores: NDArray[np.float64], labels: NDArray[np.bool_]) -> float:
    best, best_t = -1.0, 0.5
    for t in np.unique(np.round(scores, 3)):
        p, r = precision_recall(scores, labels, float(t))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best:
            best, best_t = f1, float(t)
    return best_t


# --- the methods -------------------------------------------------------------


def reckon_scorer(lexicon: Lexicon) -> Scorer:
    def score(pairs: Sequence[Pair]) -> NDArray[np.float64]:
        a = [name_keys(p.a, lexicon) for p in pairs]
        b = [name_keys(p.b, lexicon) for p in pairs]
        return score_keys(a, b)

    return score


def jw_unidecode(pairs: Sequence[Pair]) -> NDArray[np.float64]:
    import re

    from rapidfuzz.distance import JaroWinkler
    from unidecode import unidecode

    def clean(s: str) -> str:
        return " ".join(re.sub(r"[^a-z0-9]+", " ", unidecode(s).lower()).split())

    return np.array([JaroWinkler.normalized_similarity(clean(p.a), clean(p.b)) for p in pairs])


def romanizer_jw(pairs: Sequence[Pair]) -> NDArray[np.float64]:
    """arabic-name-romanizer (Persian → Latin, country IR), then Jaro-Winkler on lower case."""
    import re

    from arabic_name_romanizer import transliterate
    from rapidfuzz.distance import JaroWinkler

    def latin(s: str) -> str:
        if any("\u0600" <= ch <= "\u06ff" for ch in s):
            result = transliterate(s, country="IR")
            s = result if isinstance(result, str) else str(getattr(result, "text", result))
        return " ".join(re.sub(r"[^a-z0-9]+", " ", s.lower()).split())

    return np.array([JaroWinkler.normalized_similarity(latin(p.a), latin(p.b)) for p in pairs])


def rigour_symbols(pairs: Sequence[Pair]) -> NDArray[np.float64]:
    """rigour's name-symbol corpus (Wikidata name ids per word, both scripts): the share of
    each name's words that carry a symbol shared with a word of the other name, averaged
    over both names; plus Jaro-Winkler/100 to break ties."""
    from rapidfuzz.distance import JaroWinkler
    from rigour.names import analyze_names
    from rigour.names.tag import NameTypeTag

    def word_symbols(name: str) -> list[set[str]]:
        analysed = analyze_names(NameTypeTag.PER, [name], consolidate=False)
        if not analysed:
            return []
        parsed = next(iter(analysed))
        per_part: list[set[str]] = [set() for _ in parsed.parts]
        for span in parsed.spans:
            for part in span.parts:
                per_part[part.index].add(str(span.symbol))
        return per_part

    def share(a: list[set[str]], b: list[set[str]]) -> float:
        every_b = set().union(*b) if b else set()
        return sum(1 for s in a if s & every_b) / len(a) if a else 0.0

    out = []
    for p in pairs:
        a, b = word_symbols(p.a), word_symbols(p.b)
        jw = JaroWinkler.normalized_similarity(p.a.lower(), p.b.lower())
        out.append((share(a, b) + share(b, a)) / 2 + jw / 100)
    return np.array(out)


def nomenklatura_scorer(algorithm_name: str) -> Scorer:
    def score(pairs: Sequence[Pair]) -> NDArray[np.float64]:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm

        algorithm = get_algorithm(algorithm_name)
        assert algorithm is not None
        config = algorithm.default_config()

        def entity(i: int, name: str):  # type: ignore[no-untyped-def]
            e = model.make_entity("Person")
            # nomenklatura caches name analysis by entity id: ids must never repeat
            e.id = f"p{next(_IDS)}"
            e.add("name", name)
            return e

        out = []
        for i, p in enumerate(pairs):
            out.append(algorithm.compare(entity(2 * i, p.a), entity(2 * i + 1, p.b), config).score)
        return np.array(out, dtype=float)

    return score


def throughput(
    pairs: Sequence[Pair], lexicon: Lexicon, n: int = 400_000, seed: int = 3
) -> dict[str, float]:
    """Comparisons per second of CPU time (one core) on precomputed keys, and names keyed per second.

    The names of the held-out pairs are keyed once (`name_keys` with empty
    caches, then `KeyTable.of`); then ``n`` random pairs of them (nearly all
    distinct) are scored with `score_tables`. CPU time (not wall time) is
    measured, so that other work on the machine does not count.
    """
    from reckon.names.features import _cached_keys
    from reckon.names.keys import _symbols, phonetic_word, skeleton_word
    from reckon.names.translit import _cached_word

    for cache in (_cached_keys, _symbols, phonetic_word, skeleton_word, _cached_word):
        cache.cache_clear()
    names = sorted({p.a for p in pairs} | {p.b for p in pairs})
    start = time.process_time()
    table = KeyTable.of([name_keys(name, lexicon) for name in names])
    keys_time = time.process_time() - start
    rng = np.random.default_rng(seed)
    ia = rng.integers(0, len(names), n)
    ib = rng.integers(0, len(names), n)
    a, b = table.take(ia), table.take(ib)
    score_tables(a.take(np.arange(1000)), b.take(np.arange(1000)))  # warm up
    start = time.process_time()
    score_tables(a, b)
    cmp_time = time.process_time() - start
    return {"comparisons_per_s": n / cmp_time, "names_keyed_per_s": len(names) / keys_time}


def main() -> None:
    parser = argparse.ArgumentParser(description="reckon names benchmark")
    parser.add_argument("--n", type=int, default=2000, help="pairs per class and kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--nomenklatura-n", type=int, default=500, help="pairs per class for nomenklatura (slow)"
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results.md")
    parser.add_argument(
        "--pairs-csv", type=Path, default=None, help="also write the held-out pairs"
    )
    args = parser.parse_args()

    rows = list(source_rows())
    tune, held = make_splits(rows)
    tune_pairs = make_pairs(tune, args.n, args.seed)
    held_pairs = make_pairs(held, args.n, args.seed + 1)
    if args.pairs_csv:
        from pairs import iter_csv

        args.pairs_csv.write_text("\n".join(iter_csv(held_pairs)) + "\n", encoding="utf-8")

    methods: list[tuple[str, Scorer, float | None, int | None]] = [
        ("reckon (lexicon without held-out words)", reckon_scorer(held.lexicon), THRESHOLD, None),
        (
            "reckon (shipped lexicon; has seen the held-out words)",
            reckon_scorer(default_lexicon()),
            THRESHOLD,
            None,
        ),
        ("Jaro-Winkler on unidecode", jw_unidecode, None, None),
        (
            "arabic-name-romanizer + Jaro-Winkler (has seen the held-out words)",
            romanizer_jw,
            None,
            None,
        ),
        (
            "rigour name symbols (Wikidata name ids shared per word)",
            rigour_symbols,
            None,
            args.nomenklatura_n,
        ),
        ("nomenklatura name-based", nomenklatura_scorer("name-based"), None, args.nomenklatura_n),
        ("nomenklatura logic-v2", nomenklatura_scorer("logic-v2"), None, args.nomenklatura_n),
    ]
    lines = [
        f"Held-out pairs: {args.n} positive and {args.n} negative per kind (nomenklatura: a subsample, "
        f"see n); tuning pairs from the other words. Seed {args.seed}.",
        "",
        "| method | pairs | n | ROC AUC | threshold | precision | recall | seconds |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, scorer, fixed_threshold, cap in methods:
        for kind in ("cross", "latin"):
            label = "Persian vs Latin" if kind == "cross" else "Latin vs Latin"
            tp = _subsample([p for p in tune_pairs if p.kind == kind], cap)
            hp = _subsample([p for p in held_pairs if p.kind == kind], cap)
            try:
                start = time.perf_counter()
                held_scores = scorer(hp)
                seconds = time.perf_counter() - start
                labels = np.array([p.same for p in hp])
                threshold = fixed_threshold
                if threshold is None:
                    threshold = best_f1_threshold(scorer(tp), np.array([p.same for p in tp]))
            except Exception as exc:  # a peer that fails is reported, not fatal
                traceback.print_exc()
                lines.append(
                    f"| {name} | {label} | | failed: {type(exc).__name__}: {exc} | | | | |"
                )
                continue
            auc = roc_auc(held_scores, labels)
            precision, recall = precision_recall(held_scores, labels, threshold)
            lines.append(
                f"| {name} | {label} | {len(hp)} | {auc:.3f} | {threshold:.3f} | {precision:.3f} | "
                f"{recall:.3f} | {seconds:.1f} |"
            )
            print(lines[-1], flush=True)
    speed = throughput(held_pairs, held.lexicon)
    lines += [
        "",
        f"reckon throughput (one core, CPU time): {speed['comparisons_per_s']:,.0f} comparisons/s on "
        f"precomputed keys (`score_tables`, 400,000 random pairs of held-out names); "
        f"{speed['names_keyed_per_s']:,.0f} names/s to compute the keys (`name_keys` + `KeyTable.of`, "
        "empty caches).",
    ]
    print(lines[-1])
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _subsample(pairs: list[Pair], cap: int | None) -> list[Pair]:
    if cap is None:
        return pairs
    pos = [p for p in pairs if p.same][:cap]
    neg = [p for p in pairs if not p.same][:cap]
    return pos + neg


if __name__ == "__main__":
    main()

"""Name similarity across and within scripts, from precomputed `NameKeys`.

A pair of names is compared in three alignments, and the best one counts:
the words in the order written; the words in alphabetical order (given name
and surname swapped, "Surname, Given"); and the first and last words only (a
middle name or father's name present in one record only), each of the last
two with a small penalty. In each alignment the score is a weighted mean of
the Jaro-Winkler similarity of the usual Latin spellings and the normalised
Indel similarity of the phonetic keys (see `WEIGHTS`), then scaled down
slightly when the skeletons share little. `score_keys` does this for whole
arrays of pairs in C (rapidfuzz) and numpy, without a Python loop per pair.

>>> round(name_similarity("محمدرضا حاج‌کریمی", "Mohammad-Reza Haj-Karimi"), 2)
1.0
>>> name_similarity("Ali Kazemi", "Ali Kazempour") < THRESHOLD
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz.distance import Indel, JaroWinkler
from rapidfuzz.process import cpdist

from reckon.names.features import NameKeys, name_keys
from reckon.names.lexicon import Lexicon

__all__ = ["THRESHOLD", "WEIGHTS", "name_similarity", "score_keys"]

#: Weights of the features in one alignment (they sum to 1).
WEIGHTS = {"latin_jw": 0.5, "phonetic_indel": 0.5}
#: Penalties of the looser alignments.
SWAP_PENALTY = 0.03
FIRST_LAST_PENALTY = 0.06
#: The score at or above which two names are taken to be spellings of one name
#: (chosen on the benchmark's tuning split; see benchmarks/names/README.md).
THRESHOLD = 0.85


def _pairwise(a: Sequence[str], b: Sequence[str], scorer: Any) -> NDArray[np.float64]:
    return np.asarray(cpdist(a, b, scorer=scorer, workers=1), dtype=np.float64)


def _alignment(
    a_latin: list[str], b_latin: list[str], a_phon: list[str], b_phon: list[str]
) -> NDArray[np.float64]:
    jw = _pairwise(a_latin, b_latin, JaroWinkler.normalized_similarity)
    ph = _pairwise(a_phon, b_phon, Indel.normalized_similarity)
    return WEIGHTS["latin_jw"] * jw + WEIGHTS["phonetic_indel"] * ph


def score_keys(a: Sequence[NameKeys], b: Sequence[NameKeys]) -> NDArray[np.float64]:
    """Similarity in [0, 1] of each pair (a[i], b[i]) of precomputed name keys.

    Empty names score 0.
    """
    if len(a) != len(b):
        raise ValueError("score_keys needs two sequences of the same length")
    if not a:
        return np.zeros(0)
    ordered = _alignment(
        [k.latin_joined for k in a],
        [k.latin_joined for k in b],
        [k.phonetic for k in a],
        [k.phonetic for k in b],
    )
    swapped = _alignment(
        [k.sorted_latin for k in a],
        [k.sorted_latin for k in b],
        [" ".join(sorted(k.tokens)) for k in a],
        [" ".join(sorted(k.tokens)) for k in b],
    )
    first_last = _alignment(
        [k.first_last for k in a],
        [k.first_last for k in b],
        [_first_last(k.tokens) for k in a],
        [_first_last(k.tokens) for k in b],
    )
    score = np.maximum(ordered, np.maximum(swapped - SWAP_PENALTY, first_last - FIRST_LAST_PENALTY))
    empty = np.fromiter(
        (not x.latin or not y.latin for x, y in zip(a, b, strict=True)), bool, len(a)
    )
    score[empty] = 0.0
    return np.clip(score, 0.0, 1.0)


def _first_last(tokens: tuple[str, ...]) -> str:
    return " ".join(tokens[:1] + tokens[-1:]) if len(tokens) > 1 else "".join(tokens)


def name_similarity(a: str, b: str, lexicon: Lexicon | None = None) -> float:
    """How alike two names are, in [0, 1], whatever script each is written in.

    Symmetric; 1.0 for two spellings of one name; `THRESHOLD` separates
    spellings of one name from different names on the benchmark.
    """
    return float(score_keys([name_keys(a, lexicon)], [name_keys(b, lexicon)])[0])

"""Name similarity across and within scripts, from precomputed `NameKeys`.

The score of a pair is a logistic model over a table of features (`MODEL`),
each computed for whole arrays of pairs in C (rapidfuzz) and numpy, with no
Python loop per pair:

- for the first word and for the last word of each name (given name and
  surname, whatever sits between them: a father's name or the second part of
  a compound): the normalised Levenshtein similarity of the phonetic keys,
  whether they are equal, and whether the lexicon knows both words as two
  different names (Hamid and Hamideh, Parvin and Parviz);
- for the whole name: Jaro-Winkler of the usual Latin spellings joined,
  normalised Levenshtein similarity of the phonetic keys joined, and whether
  those are equal;
- how many words one name has more than the other.

Two alignments are scored, first with first and last with last, and
crosswise (surname written first without a comma); the better one counts.
A pair in which either name has a word split into known parts (Gholamhossein
as Gholam + Hossein) is also scored with both names unsplit, and the better
reading counts: a spelling the lexicon lacks can look like two given names
glued (Ahangaryan: Ahang + Aryan) where the Persian word is one (اهنگریان).
"Surname, Given" with a comma is put in order before keys are computed.
The weights were fitted on the benchmark's tuning pairs
(benchmarks/names/fit.py) and `THRESHOLD` maximises F1 there.

>>> name_similarity("محمدرضا حاج‌کریمی", "Mohammad-Reza Haj-Karimi") > 0.99
True
>>> name_similarity("Ali Kazemi", "Ali Kazempour") < THRESHOLD
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz.distance import JaroWinkler, Levenshtein
from rapidfuzz.process import cpdist

from reckon.names.features import NameKeys, name_keys
from reckon.names.lexicon import Lexicon

__all__ = [
    "FEATURES",
    "MODEL",
    "THRESHOLD",
    "KeyTable",
    "features",
    "name_similarity",
    "score_keys",
    "score_tables",
]

#: Feature names, in the order of the model's weights.
FEATURES = (
    "first_lev",
    "first_eq",
    "first_known_diff",
    "first_skeleton_eq",
    "last_lev",
    "last_eq",
    "last_known_diff",
    "last_skeleton_eq",
    "whole_jw",
    "whole_lev",
    "whole_eq",
    "extra_words",
)
#: Logistic model: intercept and one weight per feature (fitted; see module docstring).
MODEL: dict[str, float] = {
    "intercept": -26.381,
    "first_lev": 6.608,
    "first_eq": -2.319,
    "first_known_diff": -5.872,
    "first_skeleton_eq": 2.801,
    "last_lev": 8.147,
    "last_eq": -2.339,
    "last_known_diff": -4.713,
    "last_skeleton_eq": 2.849,
    "whole_jw": 6.415,
    "whole_lev": 7.602,
    "whole_eq": 2.882,
    "extra_words": 2.534,
}
#: The score at or above which two names are taken to be spellings of one name.
THRESHOLD = 0.40

Strings = NDArray[np.object_]


@dataclass(frozen=True)
class KeyTable:
    """The keys of many names as columns, ready for vectorised comparison."""

    whole_latin: Strings
    whole_phonetic: Strings
    sorted_latin: Strings
    sorted_phonetic: Strings
    first_phonetic: Strings
    last_phonetic: Strings
    first_skeleton: Strings
    last_skeleton: Strings
    first_known: Strings  # the lexicon's name of the first word if it knows the word, else ""
    last_known: Strings
    words: NDArray[np.int64]
    # Rows whose name had a word split into known parts, and the table of every
    # name read with no word split (None when no row was split).
    split: NDArray[np.bool_]
    unsplit: KeyTable | None = None

    @classmethod
    def of(cls, keys: Sequence[NameKeys]) -> KeyTable:
        """Lay out the keys of many names (computed once per record) as columns."""

        def col(values: list[str]) -> Strings:
            out = np.empty(len(values), dtype=object)
            out[:] = values
            return out

        split = np.fromiter((k.unsplit is not None for k in keys), np.bool_, len(keys))
        unsplit = None
        if split.any():
            unsplit = cls.of([k.unsplit or k for k in keys])
        return cls(
            split=split,
            unsplit=unsplit,
            whole_latin=col([k.latin_joined for k in keys]),
            whole_phonetic=col([k.phonetic for k in keys]),
            sorted_latin=col(["".join(sorted(k.words)) for k in keys]),
            sorted_phonetic=col(["".join(sorted(k.tokens)) for k in keys]),
            first_phonetic=col([k.tokens[0] if k.tokens else "" for k in keys]),
            last_phonetic=col([k.tokens[-1] if k.tokens else "" for k in keys]),
            first_skeleton=col([k.skeletons[0] if k.skeletons else "" for k in keys]),
            last_skeleton=col([k.skeletons[-1] if k.skeletons else "" for k in keys]),
            first_known=col([k.names[0] if k.names else "" for k in keys]),
            last_known=col([k.names[-1] if k.names else "" for k in keys]),
            words=np.fromiter((len(k.words) for k in keys), np.int64, len(keys)),
        )

    def take(self, index: NDArray[np.intp]) -> KeyTable:
        """The rows at ``index`` (e.g. one side of candidate pairs), without recomputing keys."""
        columns = {
            name: getattr(self, name)[index]
            for name in self.__dataclass_fields__
            if name != "unsplit"
        }
        return KeyTable(
            **columns, unsplit=None if self.unsplit is None else self.unsplit.take(index)
        )

    def __len__(self) -> int:
        return len(self.words)


def _cp(a: Strings, b: Strings, scorer: Any) -> NDArray[np.float64]:
    return np.asarray(cpdist(a, b, scorer=scorer, workers=1), dtype=np.float64)


def features(a: KeyTable, b: KeyTable, crosswise: bool = False) -> NDArray[np.float64]:
    """The feature matrix (pairs × `FEATURES`) of pairs (a[i], b[i]) in one alignment."""
    b_first_phon = b.last_phonetic if crosswise else b.first_phonetic
    b_last_phon = b.first_phonetic if crosswise else b.last_phonetic
    b_first_known = b.last_known if crosswise else b.first_known
    b_last_known = b.first_known if crosswise else b.last_known
    first_lev, first_eq = _lev_eq(a.first_phonetic, b_first_phon)
    last_lev, last_eq = _lev_eq(a.last_phonetic, b_last_phon)
    first_known_diff = _known_diff(a.first_known, b_first_known)
    last_known_diff = _known_diff(a.last_known, b_last_known)
    first_skeleton_eq = _eq(a.first_skeleton, b.last_skeleton if crosswise else b.first_skeleton)
    last_skeleton_eq = _eq(a.last_skeleton, b.first_skeleton if crosswise else b.last_skeleton)
    # Crosswise, the whole names are compared with their words in alphabetical order,
    # which keeps the comparison symmetric.
    if crosswise:
        whole_jw = _cp(a.sorted_latin, b.sorted_latin, JaroWinkler.normalized_similarity)
        whole_lev, whole_eq = _lev_eq(a.sorted_phonetic, b.sorted_phonetic)
    else:
        whole_jw = _cp(a.whole_latin, b.whole_latin, JaroWinkler.normalized_similarity)
        whole_lev, whole_eq = _lev_eq(a.whole_phonetic, b.whole_phonetic)
    extra = np.minimum(np.abs(a.words - b.words), 2).astype(np.float64)
    return np.column_stack(
        [
            first_lev,
            first_eq,
            first_known_diff,
            first_skeleton_eq,
            last_lev,
            last_eq,
            last_known_diff,
            last_skeleton_eq,
            whole_jw,
            whole_lev,
            whole_eq,
            extra,
        ]
    )


def _eq(a: Strings, b: Strings) -> NDArray[np.float64]:
    return np.asarray(a == b, dtype=np.float64)


def _known_diff(a: Strings, b: Strings) -> NDArray[np.float64]:
    """1 where the lexicon knows both words and they are different names."""
    known_both = np.asarray(a != "", dtype=bool) & np.asarray(b != "", dtype=bool)
    return np.asarray(known_both & np.asarray(a != b, dtype=bool), dtype=np.float64)


def _lev_eq(a: Strings, b: Strings) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    return _cp(a, b, Levenshtein.normalized_similarity), (a == b).astype(np.float64)


_WEIGHTS = np.array([MODEL[f] for f in FEATURES])
_SWAP_FIRST_LAST = [
    FEATURES.index(f.replace("first_", "@").replace("last_", "first_").replace("@", "last_"))
    for f in FEATURES
]


def _logistic(x: NDArray[np.float64]) -> NDArray[np.float64]:
    z = MODEL["intercept"] + x @ _WEIGHTS
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def score_tables(a: KeyTable, b: KeyTable) -> NDArray[np.float64]:
    """Similarity in [0, 1] of each pair (a[i], b[i]) of two equally long key tables."""
    if len(a) != len(b):
        raise ValueError("score_tables needs two tables of the same length")
    if len(a) == 0:
        return np.zeros(0)
    score = _best_alignment(a, b)
    # A word split into known parts on one side may be one word on the other
    # (Nazari read as Naz + Ari, نظری whole): such pairs are also scored with both
    # names unsplit, and the better reading counts.
    rows = np.flatnonzero(a.split | b.split)
    if len(rows):
        whole_a = (a if a.unsplit is None else a.unsplit).take(rows)
        whole_b = (b if b.unsplit is None else b.unsplit).take(rows)
        score[rows] = np.maximum(score[rows], _best_alignment(whole_a, whole_b))
    score[(a.words == 0) | (b.words == 0)] = 0.0
    return score


def _best_alignment(a: KeyTable, b: KeyTable) -> NDArray[np.float64]:
    cross = features(a, b, crosswise=True)
    # Either name may be the one written surname first: score both readings, so that
    # the score stays symmetric.
    cross_other = cross[:, _SWAP_FIRST_LAST]
    return np.maximum(
        _logistic(features(a, b)), np.maximum(_logistic(cross), _logistic(cross_other))
    )


def score_keys(a: Sequence[NameKeys], b: Sequence[NameKeys]) -> NDArray[np.float64]:
    """Similarity in [0, 1] of each pair (a[i], b[i]) of precomputed name keys; empty names score 0."""
    if len(a) != len(b):
        raise ValueError("score_keys needs two sequences of the same length")
    return score_tables(KeyTable.of(a), KeyTable.of(b))


def name_similarity(a: str, b: str, lexicon: Lexicon | None = None) -> float:
    """How alike two names are, in [0, 1], whatever script each is written in.

    Symmetric; near 1 for two spellings of one name; `THRESHOLD` separates
    spellings of one name from different names on the benchmark.
    """
    return float(score_keys([name_keys(a, lexicon)], [name_keys(b, lexicon)])[0])

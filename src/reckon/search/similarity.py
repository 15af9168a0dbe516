"""How alike a query and stored names are, for re-ranking search results.

Two stages: `quick_scores` compares phonetic keys word by word with rapidfuzz
(microseconds a name) to order every candidate; `scores` then applies the
names module's fitted similarity to the best few, because computing that
model's features costs a few hundred microseconds for a name not seen before.

The measure is `reckon.names`' name similarity (cross-script, fitted on
whole-name pairs). A family often types less than a list records: a surname
alone, or given name and surname without the father's name. So a query with
fewer words than a stored name is also compared with each selection of that
many of the name's words (in order), and the best of those counts, scaled by
`PARTIAL` so that a whole-name match ranks above a partial one. All pairs of
one query are scored in one vectorised call.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations
from typing import Final

from rapidfuzz.distance import Indel

from reckon.names.features import name_keys
from reckon.names.keys import phonetic_word
from reckon.names.script import normalize
from reckon.names.similarity import score_keys

PARTIAL: Final = 0.9
MAX_WORDS: Final = 6


@lru_cache(maxsize=100_000)
def _selections(name: str, k: int) -> tuple[str, ...]:
    words = normalize(name).split()[:MAX_WORDS]
    if len(words) <= k:
        return ()
    return tuple(" ".join(c) for c in combinations(words, k))


def scores(query: str, names: Sequence[str]) -> list[float]:
    """The similarity in [0, 1] of ``query`` to each of ``names`` (1: one name, any spelling)."""
    if not names:
        return []
    query_keys = name_keys(query)
    k = len(normalize(query).split())
    # pairs[i] belongs to names[owner[i]]; the first len(names) are the whole names
    pairs = list(names)
    owner = list(range(len(names)))
    partial = [False] * len(names)
    for index, name in enumerate(names):
        for selection in _selections(name, k):
            pairs.append(selection)
            owner.append(index)
            partial.append(True)
    raw = score_keys([query_keys] * len(pairs), [name_keys(p) for p in pairs])
    best = [0.0] * len(names)
    for value, index, is_partial in zip(raw, owner, partial, strict=True):
        score = float(value) * (PARTIAL if is_partial else 1.0)
        best[index] = max(best[index], score)
    return best


def phonetic_words(name: str) -> tuple[str, ...]:
    """The phonetic key of each word of ``name`` (stored in the index with the name)."""
    return tuple(k for k in (phonetic_word(w) for w in normalize(name).split()[:MAX_WORDS]) if k)


def quick_scores(query: str, stored: Sequence[str]) -> list[float]:
    """A cheap similarity of ``query`` to names given by their stored phonetic words."""
    q = phonetic_words(query)
    if not q:
        return [0.0] * len(stored)
    q_joined, q_sorted = "".join(q), " ".join(sorted(q))
    out = []
    for text in stored:
        w = text.split()
        if not w:
            out.append(0.0)
            continue
        best = max(
            Indel.normalized_similarity(q_joined, "".join(w)),
            Indel.normalized_similarity(q_sorted, " ".join(sorted(w))),
        )
        if len(q) < len(w):
            for selection in combinations(w, len(q)):
                partial = PARTIAL * Indel.normalized_similarity(q_joined, "".join(selection))
                best = max(best, partial)
        out.append(best)
    return out

"""The lookup keys of the name search index, built on `reckon.names` consonant skeletons.

A name is split into words and each word reduced to its consonant skeleton
(`reckon.names.keys.skeleton_word`), which most spellings of a word share in
both scripts (محمد, Mohammad, Muhammad → ``mhmd``). From the skeletons:

``w:`` + skeleton
    each word, and each two adjacent words joined, because one source writes
    محمدرضا as one word and another writes "Mohammad Reza" as two.
``p:`` + skeleton + ``|`` + skeleton
    each unordered pair of words (joined pairs included): a selective key for
    the common case of a common given name with a common surname, and one that
    does not care about word order (Karimi, Mohammad).
``d:`` + skeleton minus one consonant
    for skeletons of four consonants or more: a query matches a word with one
    consonant typed wrong, added or left out (a SymSpell-style deletion
    neighbourhood). Shorter skeletons would make keys too common to be useful.
``f:`` + a pair in which one word has lost one consonant
    for the first and last words (given name and surname): the same deletion
    neighbourhood, but paired with the other word, so that it stays selective
    even for short words (Mohammad Karini finds Mohammad Karimi without
    reading every Mohammad).

Honorifics (Seyed, Haj, Mirza…) are left out of the keys; the re-ranking by
`reckon.names` similarity sees the whole name.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from typing import Generic, TypeVar

from reckon.names.honorifics import honorific
from reckon.names.keys import skeleton_word
from reckon.names.script import normalize

MIN_DELETION = 4
MAX_WORDS = 6
MAX_FUZZY_PAIR_WORDS = 4
K = TypeVar("K", bound=Hashable)


@lru_cache(maxsize=200_000)
def _skeleton(word: str) -> str:
    return skeleton_word(word)


def word_skeletons(name: str) -> list[str]:
    """The skeleton of each word of ``name`` that is not an honorific, in order."""
    skeletons = []
    for word in normalize(name).split()[: 2 * MAX_WORDS]:
        if honorific(word) is not None:
            continue
        skel = _skeleton(word)
        if skel:
            skeletons.append(skel)
    return skeletons[:MAX_WORDS]


def deletions(skel: str) -> set[str]:
    """Every string made by leaving one character out of ``skel``."""
    return {skel[:i] + skel[i + 1 :] for i in range(len(skel))}


def _units(skeletons: list[str]) -> list[tuple[str, frozenset[int]]]:
    """Words and adjacent joined pairs, each with the word positions it covers."""
    units = [(s, frozenset({i})) for i, s in enumerate(skeletons)]
    units += [
        (skeletons[i] + skeletons[i + 1], frozenset({i, i + 1})) for i in range(len(skeletons) - 1)
    ]
    return units


def _pair_key(a: str, b: str, kind: str = "p:") -> str:
    return kind + "|".join(sorted((a, b)))


def _fuzzy_pairs(a: str, b: str) -> set[str]:
    """``f:`` keys of the pair (a, b) with one consonant left out of either word."""
    keys = {_pair_key(a, d, "f:") for d in deletions(b) if d}
    keys |= {_pair_key(d, b, "f:") for d in deletions(a) if d}
    return keys


def index_keys(name: str) -> set[str]:
    """The keys under which the index files ``name``."""
    skeletons = word_skeletons(name)
    units = _units(skeletons)
    keys = {"w:" + s for s, _ in units}
    for (a, cov_a), (b, cov_b) in combinations(units, 2):
        if not cov_a & cov_b:
            keys.add(_pair_key(a, b))
    for s in skeletons:
        if len(s) >= MIN_DELETION:
            keys.update("d:" + d for d in deletions(s))
    if len(skeletons) >= 2:
        keys |= _fuzzy_pairs(skeletons[0], skeletons[-1])
    return keys


@dataclass(frozen=True)
class QueryPlan(Generic[K]):
    """The keys one query looks up, and which query words each key stands for."""

    words: tuple[str, ...]
    exact: dict[K, frozenset[int]]  # w: and p: keys that match a word exactly
    fuzzy: dict[K, frozenset[int]]  # keys that match a word with one consonant wrong

    @property
    def all_keys(self) -> dict[K, frozenset[int]]:
        return {**self.fuzzy, **self.exact}

    def mapped(self, to: Callable[[K], bytes]) -> QueryPlan[bytes]:
        """The same plan with each key in its stored form (`reckon.search.seal` hashes them)."""
        return QueryPlan(
            self.words,
            {to(k): cov for k, cov in self.exact.items()},
            {to(k): cov for k, cov in self.fuzzy.items()},
        )


def plan(query: str) -> QueryPlan[str]:
    """The keys to look up for ``query`` (a name in either script, possibly misspelt)."""
    skeletons = word_skeletons(query)
    units = _units(skeletons)
    exact: dict[str, frozenset[int]] = {}
    for s, cov in units:
        exact["w:" + s] = exact.get("w:" + s, frozenset()) | cov
    for (a, cov_a), (b, cov_b) in combinations(units, 2):
        if not cov_a & cov_b:
            exact[_pair_key(a, b)] = cov_a | cov_b
    fuzzy: dict[str, frozenset[int]] = {}
    for i, s in enumerate(skeletons):
        cov = frozenset({i})
        fuzzy.setdefault("d:" + s, cov)  # the query left a consonant out
        if len(s) >= MIN_DELETION:
            for d in deletions(s):
                fuzzy.setdefault("w:" + d, cov)  # the query added one
                fuzzy.setdefault("d:" + d, cov)  # the query changed one
    if len(skeletons) <= MAX_FUZZY_PAIR_WORDS:
        for (a, cov_a), (b, cov_b) in combinations(units, 2):
            if cov_a & cov_b:
                continue
            cov = cov_a | cov_b
            fuzzy.setdefault(_pair_key(a, b, "f:"), cov)  # a consonant left out of one word
            for key in _fuzzy_pairs(a, b):
                fuzzy.setdefault(key, cov)  # one changed
                fuzzy.setdefault("p:" + key[2:], cov)  # one added
    for key in exact:
        fuzzy.pop(key, None)
    return QueryPlan(tuple(skeletons), exact, fuzzy)

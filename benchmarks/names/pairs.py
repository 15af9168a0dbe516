"""Labelled name pairs for the names benchmark, from cleaned public data plus a variant generator.

Persian name words and their observed Latin spellings come from
arabic-name-romanizer's table (Iranian rows, cleaned by
`reckon.names.lexicon.build_lexicon`). The words are split by a hash of the
Persian word into a tuning part and a held-out part: the lexicon reckon uses
in the held-out evaluation is built from the tuning words only, and the
held-out pairs use held-out words only (split by name token).

Full names are fictional: a common given name and a common surname drawn at
random and combined, sometimes with a father's name in the middle.

Positive pairs: the Persian spelling vs a Latin spelling (cross-script), or
two Latin spellings (Latin-only), each Latin spelling being an observed
romanization of each word, varied by rules (ou/u/oo, e/a/i, -i/-ee/-y,
kh/x, gh/q, doubled consonants, -eh/-e, hyphens and spaces in compounds),
sometimes in "Surname, Given" order, with a title (Seyed, Haj) on one side or
a father's name on one side only.

Negative pairs: look-alike names (the same surname and a similar but
different given name, the same given name and a similar surname, e.g. Kazemi
vs Kazempour, Hosseini vs Hassani) and some random different names. Two
words count as different only if none of their observed spellings coincide.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rapidfuzz.distance import JaroWinkler
from rapidfuzz.process import cdist

from reckon.names.lexicon import Entry, Lexicon, build_lexicon
from reckon.names.script import normalize_persian

HELD_OUT_SHARE = 0.3


def is_held_out(persian_word: str, salt: str = "") -> bool:
    digest = hashlib.sha256((salt + persian_word).encode("utf-8")).digest()
    return digest[0] / 256 < HELD_OUT_SHARE


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    same: bool
    kind: str  # "cross" (Persian vs Latin) or "latin" (Latin vs Latin)
    how: str  # what made the pair (for error analysis)


@dataclass
class Split:
    """The words of one side of the token split, and the lexicon reckon may use for it."""

    given: list[Entry]
    surname: list[Entry]
    lexicon: Lexicon  # for the held-out split: built from the tuning words only


def make_splits(
    rows: list[tuple[str, str, str, int]], min_count: int = 2, inner: bool = False
) -> tuple[Split, Split]:
    """(tuning split, held-out split).

    With ``inner``, both come from the tuning words only, split again with
    another hash: for fitting the model under held-out conditions (words that
    the lexicon lacks) without touching the held-out words.
    """
    full = build_lexicon(rows)
    in_scope = {w: not (inner and is_held_out(w)) for w in full.entries}
    salt = "inner:" if inner else ""

    def held(word: str) -> bool:
        return is_held_out(word, salt)

    tune_lexicon = build_lexicon(rows, keep={w: in_scope[w] and not held(w) for w in full.entries})
    honorific_words = {"سید", "حاج", "حاجی", "میر", "میرزا", "شیخ", "ملا", "اقا", "سیده"}

    def pools(held_out: bool) -> tuple[list[Entry], list[Entry]]:
        given, surname = [], []
        for e in full.entries.values():
            if not in_scope[e.persian] or held(e.persian) != held_out:
                continue
            if e.count < min_count or len(e.persian) < 2 or e.persian in honorific_words:
                continue
            (given if e.role == "given" else surname if e.role == "surname" else []).append(e)
        return given, surname

    tg, ts = pools(False)
    hg, hs = pools(True)
    return Split(tg, ts, tune_lexicon), Split(hg, hs, tune_lexicon)


# --- Latin spelling variants -------------------------------------------------

_RULES: list[tuple[float, Callable[[str, random.Random], str]]] = [
    (0.25, lambda w, r: w.replace("ou", r.choice(["u", "oo"]), 1)),
    (0.10, lambda w, r: re.sub(r"(?<=[^aeiou])u(?=[^aeiou])", "ou", w, count=1)),
    (0.15, lambda w, r: re.sub(r"i$", r.choice(["ee", "y", "ie"]), w)),
    (0.15, lambda w, r: re.sub(r"ei$", r.choice(["ey", "ee", "ai", "i"]), w)),
    (0.15, lambda w, r: re.sub(r"eh$", r.choice(["e", "a"]), w)),
    (0.10, lambda w, r: w.replace("kh", "x", 1)),
    (0.20, lambda w, r: w.replace("gh", "q", 1)),
    (0.05, lambda w, r: w.replace("q", "gh", 1)),
    (0.20, lambda w, r: re.sub(r"([bdfjklmnprstz])\1", r"\1", w, count=1)),
    (0.10, lambda w, r: re.sub(r"(?<=[aeiou])([dlmnrst])(?=[aeiou])", r"\1\1", w, count=1)),
    (0.15, lambda w, r: re.sub(r"(?<=\w)e(?=[^aeiou])", r.choice(["a", "i"]), w, count=1)),
    (0.10, lambda w, r: re.sub(r"^([^aeiou]+)o", r"\1u", w, count=1)),
    (0.10, lambda w, r: w.replace("v", "w", 1)),
    (0.05, lambda w, r: w.replace("j", "dj", 1)),
    (0.05, lambda w, r: w.replace("ei", "ey", 1)),
    (0.03, lambda w, r: _typo(w, r)),
]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def latin_spelling(entry: Entry, rng: random.Random, vary: bool = True) -> str:
    """An observed spelling of a word (weighted to the usual one), perhaps varied by rules."""
    weights = [3.0] + [1.0] * (len(entry.variants) - 1)
    joined = rng.choices(entry.variants, weights=weights)[0]
    # Put back the compound's hyphen of the usual spelling, or not.
    if "-" in entry.latin and joined == entry.latin.replace("-", ""):
        joined = rng.choice([entry.latin, entry.latin.replace("-", " "), joined])
    word = joined
    if vary:
        for p, rule in _RULES:
            if rng.random() < p:
                word = rule(word, rng)
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def persian_spelling(entry: Entry, rng: random.Random) -> str:
    """The Persian word, sometimes with Arabic letter forms (ي ك) as lists often have."""
    word = entry.persian
    if rng.random() < 0.15:
        word = word.replace("ی", "ي").replace("ک", "ك")
    return word


# --- Full names --------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    given: Entry
    surname: Entry
    father: Entry | None


def _render_latin(p: Person, rng: random.Random, father: bool, swapped: bool, title: bool) -> str:
    given = latin_spelling(p.given, rng)
    surname = latin_spelling(p.surname, rng)
    words = [given]
    if father and p.father is not None:
        words.append(latin_spelling(p.father, rng))
    if title:
        words.insert(0, rng.choice(["Seyed", "Seyyed", "Sayed", "Haj", "Hajj"]))
    if swapped:
        return f"{surname}, {' '.join(words)}"
    return " ".join([*words, surname])


def _render_persian(p: Person, rng: random.Random, father: bool, title: bool) -> str:
    words = [persian_spelling(p.given, rng)]
    if father and p.father is not None:
        words.append(persian_spelling(p.father, rng))
    if title:
        words.insert(0, rng.choice(["سید", "حاج"]))
    return " ".join([*words, persian_spelling(p.surname, rng)])


def _disjoint(a: Entry, b: Entry) -> bool:
    """Different words: different Persian spellings and no Latin spelling in common."""
    return normalize_persian(a.persian) != normalize_persian(b.persian) and not (
        set(a.variants) & set(b.variants)
    )


class LookAlikes:
    """For each word, the most similar other words of its pool (by usual Latin spelling)."""

    def __init__(self, pool: list[Entry], k: int = 8) -> None:
        names = [e.latin.replace("-", "") for e in pool]
        matrix = cdist(names, names, scorer=JaroWinkler.normalized_similarity, workers=-1)
        self.pool = pool
        self.near: dict[str, list[Entry]] = {}
        for i, entry in enumerate(pool):
            order = matrix[i].argsort()[::-1]
            near = [pool[j] for j in order[: 4 * k] if j != i and _disjoint(entry, pool[j])]
            self.near[entry.persian] = near[:k]

    def pick(self, entry: Entry, rng: random.Random) -> Entry:
        near = self.near.get(entry.persian) or self.pool
        while True:
            other = rng.choice(near)
            if _disjoint(entry, other):
                return other
            near = self.pool


def make_pairs(split: Split, n_per_class: int, seed: int) -> list[Pair]:
    """Positive and negative pairs, cross-script and Latin-only, ``n_per_class`` of each."""
    rng = random.Random(seed)
    given_weights = [e.count**0.5 for e in split.given]
    surname_weights = [e.count**0.5 for e in split.surname]
    look_given = LookAlikes(split.given)
    look_surname = LookAlikes(split.surname)

    def person() -> Person:
        g = rng.choices(split.given, weights=given_weights)[0]
        s = rng.choices(split.surname, weights=surname_weights)[0]
        f = rng.choices(split.given, weights=given_weights)[0]
        return Person(g, s, f)

    def options() -> tuple[bool, bool, bool, str]:
        father = rng.random() < 0.1
        swapped = rng.random() < 0.1
        title = rng.random() < 0.1
        how = "+".join(
            x for x, on in (("father", father), ("swapped", swapped), ("title", title)) if on
        )
        return father, swapped, title, how or "plain"

    def negative_of(p: Person) -> tuple[Person, str]:
        r = rng.random()
        if r < 0.45:
            return Person(look_given.pick(p.given, rng), p.surname, p.father), "other-given"
        if r < 0.9:
            return Person(p.given, look_surname.pick(p.surname, rng), p.father), "other-surname"
        q = person()
        while not (_disjoint(q.given, p.given) or _disjoint(q.surname, p.surname)):
            q = person()
        return q, "random"

    pairs: list[Pair] = []
    for kind in ("cross", "latin"):
        for same in (True, False):
            for _ in range(n_per_class):
                p = person()
                q, how = (p, "same") if same else negative_of(p)
                father, swapped, title, variant = options()
                # A father's name or a title on one side only.
                b = _render_latin(q, rng, father, swapped, title)
                if kind == "cross":
                    a = _render_persian(p, rng, False, False)
                else:
                    a = _render_latin(p, rng, False, False, False)
                pairs.append(Pair(a, b, same, kind, f"{how}/{variant}"))
    return pairs


def iter_csv(pairs: list[Pair]) -> Iterator[str]:
    yield "a,b,same,kind,how"
    for p in pairs:
        yield f'"{p.a}","{p.b}",{int(p.same)},{p.kind},{p.how}'

"""Matching keys that a Persian spelling and its usual romanizations share.

Persian script writes consonants and the long vowels (ا و ی) but not the short
vowels; romanizations write every vowel, each in its own way (Hossein,
Hussein, Hosein; Mousavi, Musavi, Moosavi). Two keys bridge the scripts:

``phonetic_key``
    consonant classes plus ``i`` for the long i (ی; Latin i, ee, ei, ey, ie, y)
    and ``u`` for و (Latin u, ou, oo, w, v); a, e, o, ا and the letters that
    romanizations drop (ع ء) are vowels that only separate consonants.
    حسینی, Hosseini and Hosseyni give ``hsini``; حسنی and Hassani give ``hsni``.
``skeleton``
    the consonant classes alone: the coarsest key, shared by nearly every
    spelling of a name (``hsn`` for all four above); for blocking.

Classes: kh/x/خ → ``x``; gh/q/غ/ق → ``q``; sh/sch/ش → ``S``; ch/tch/tsch/چ →
``C``; j/zh/dj/ج/ژ → ``j``; s/ث/س/ص → ``s``; z/ذ/ز/ض/ظ → ``z``; t/ط/ت → ``t``
(th, dh and ph are not digraphs in Persian names: Fathollah, Mohammadhadi);
k/c/ک → ``k``; h/ح/ه → ``h``. A word-final ه after a consonant is the
vowel -e(h), ``e`` in the phonetic key (Hamideh, Hamide, حمیده → ``hmide``; Hamid
→ ``hmid``); any other final h is dropped, as romanizations write or drop it
at will (Shah, Abdollah). Doubled consonants count once.

French writes ش as ch (Chirazi, Hachemi), so a Latin ch is چ or ش: the skeleton
puts ``C`` and ``S`` in one class (blocking finds both spellings), the phonetic
key keeps them apart (چراغی Cheraghi and شرقی Sharghi are two names). A Latin
first i or u before two consonants is the short vowel that Persian writes as
ا alone (Ibrahim, Ebrahim and ابراهیم → ``brhim``; Iraj and ایرج keep ``irj``).

Keys are computed per word; ``phonetic_key`` and ``skeleton`` of a multi-word
name join the words' keys without spaces, so Mohammad-Ali, Mohammadali and
محمدعلی share one key.

>>> phonetic_key("Mohammad-Reza"), phonetic_key("محمدرضا")
('mhmdrz', 'mhmdrz')
>>> skeleton("Gholamhossein"), skeleton("غلامحسین"), skeleton("Qolam Husain")
('qlmhsn', 'qlmhsn', 'qlmhsn')
"""

from __future__ import annotations

from functools import lru_cache

from reckon.names.script import detect_script, normalize

__all__ = ["PERSIAN_CLASSES", "phonetic_key", "phonetic_word", "skeleton", "skeleton_word"]

# "." marks a vowel that only separates consonants (it blocks the collapse of
# doubled consonants across it and is then dropped).
_SEP = "."
# The final vowel -e(h) (Persian ه at the end of a word): it tells Hamideh from Hamid.
_FINAL_E = "e"

_PERSIAN = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "چ": "C",
    "ح": "h",
    "خ": "x",
    "د": "d",
    "ذ": "z",
    "ر": "r",
    "ز": "z",
    "ژ": "j",
    "س": "s",
    "ش": "S",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "ع": _SEP,
    "غ": "q",
    "ف": "f",
    "ق": "q",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "و": "u",
    "ه": "h",
    "ی": "i",
    "ا": _SEP,
}

# Longest spellings first: each is tried at every position before shorter ones.
_LATIN_MULTI = (
    ("tsch", "C"),  # German: Tschehrazi
    ("sch", "S"),  # German: Schirazi
    ("tch", "C"),  # French: Tchehrazi
    ("kh", "x"),
    ("gh", "q"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "j"),
    ("dj", "j"),
    ("ck", "k"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ei", "i"),
    ("ey", "i"),
    ("ie", "i"),
)
_LATIN_ONE = {
    "a": _SEP,
    "e": _SEP,
    "o": _SEP,
    "i": "i",
    "y": "i",
    "u": "u",
    "w": "u",
    "v": "u",
    "c": "k",
    "q": "q",
    "x": "x",
    "j": "j",
}


#: The key symbol of each Persian letter (vowel letters and ayn: "." or i/u).
PERSIAN_CLASSES: dict[str, str] = dict(_PERSIAN)


_VOWELS = frozenset((_SEP, "i", "u", _FINAL_E))


def _initial_vowel(symbols: list[str]) -> list[str]:
    """Read a Latin first i or u before two consonants as a short vowel (Ibrahim as Ebrahim).

    Persian writes a short first vowel as ا alone (ابراهیم, اسماعیل) and a long one
    as ای or او (ایرج); romanizations write the short one e, i or a (Ebrahim, Ibrahim;
    Esmail, Ismail; Esfahan, Isfahan). Before two written consonants a long vowel is
    rare (Ilkhani), so there a Latin i or u counts as the short vowel. Persian script
    needs no such rule: it does not write the short vowels between consonants, so
    two letters in a row tell nothing.
    """
    first = next((i for i, s in enumerate(symbols) if s != _SEP), None)
    if first is None or symbols[first] not in ("i", "u"):
        return symbols
    # A doubled letter is one consonant (Irraj is Iraj, not a cluster).
    after: list[str] = []
    for sym in symbols[first + 1 :]:
        if not after or after[-1] != sym:
            after.append(sym)
        if len(after) == 2:
            break
    if len(after) < 2 or after[0] in _VOWELS or after[1] in _VOWELS:
        return symbols
    return [*symbols[:first], _SEP, *symbols[first + 1 :]]


def _finish(symbols: list[str]) -> str:
    """Collapse doubled symbols, drop a final h and the vowel separators."""
    out: list[str] = []
    for sym in symbols:
        if out and out[-1] == sym:
            continue
        out.append(sym)
    # A final h (and the vowels around it) is written or dropped at will
    # (Fatemeh, Fatema, فاطمه); the first symbol always stays.
    while len(out) > 1 and out[-1] in (_SEP, "h"):
        out.pop()
    return "".join(s for s in out if s != _SEP)


def _persian_symbols(word: str) -> list[str]:
    symbols = [_PERSIAN.get(ch, ch if ch.isdigit() else _SEP) for ch in word]
    # A final ه after a consonant is the vowel -e(h): Hamideh is not Hamid.
    # After ا (Shah), in -llah (Abdollah, نصراله) and in طه (Taha) it is an h.
    if len(word) > 2 and word[-1] == "ه" and word[-2] != "ا" and not word.endswith(("لله", "اله")):
        symbols[-1] = _FINAL_E
    return symbols


def _latin_symbols(word: str) -> list[str]:
    final_e = len(word) > 2 and word.endswith(("eh", "e")) and not word.endswith(("ee", "ie", "ye"))
    if final_e:
        word = word[: -2 if word.endswith("eh") else -1]

    symbols: list[str] = []
    i = 0
    while i < len(word):
        for spelling, sym in _LATIN_MULTI:
            if word.startswith(spelling, i):
                symbols.append(sym)
                i += len(spelling)
                break
        else:
            ch = word[i]
            symbols.append(_LATIN_ONE.get(ch, ch if ch.isalnum() else _SEP))
            i += 1
    if final_e:
        symbols.append(_FINAL_E)
    return symbols


@lru_cache(maxsize=65536)
def _symbols(word: str) -> tuple[str, ...]:
    if detect_script(word) == "persian":
        return tuple(_persian_symbols(word))
    return tuple(_initial_vowel(_latin_symbols(word)))


@lru_cache(maxsize=65536)
def phonetic_word(word: str) -> str:
    """The phonetic key of one already normalised word, in either script."""
    return _finish(list(_symbols(word)))


@lru_cache(maxsize=65536)
def skeleton_word(word: str) -> str:
    """The consonant skeleton of one already normalised word, in either script."""
    # Long vowels only separate consonants here, like the short ones; ch and sh are
    # one class (French writes ش as ch: Chirazi, Hachemi), so that blocking on the
    # skeleton finds those spellings while the phonetic key still tells چ from ش
    # (Cheraghi چراغی and Sharghi شرقی are two names).
    return _finish([_SEP if s in "iue" else "S" if s == "C" else s for s in _symbols(word)])


def _words(name: str) -> list[str]:
    # `normalize` as `name_keys` reads names, so that both give one key: a name of
    # digits alone (۱۲, 12) or of both scripts is folded too, not kept as written.
    return normalize(name).split()


def phonetic_key(name: str) -> str:
    """The phonetic key of a name in any script (words joined without spaces)."""
    return "".join(phonetic_word(w) for w in _words(name))


def skeleton(name: str) -> str:
    """The consonant skeleton of a name in any script (words joined without spaces)."""
    return "".join(skeleton_word(w) for w in _words(name))

"""Transliteration of Persian names into the common English-style Latin spelling.

Each word is looked up in the lexicon (the usual spelling seen in public
data: غلامرضا → Gholamreza, محمدرضا → Mohammad-Reza); a word that is not
there is tried as a known word plus a surname suffix (کاظمی → Kazem + i,
حسین‌زاده → Hossein + zadeh), then as two known given names (محمدحسن),
then spelled letter by letter with rules. Persian does not write short
vowels, so the rule-based spelling guesses them and is only readable; matching
uses the keys of `reckon.names.keys`, which do not depend on the guess.

>>> transliterate("محمدعلی حاج‌کریمی")
'Mohammad-Ali Haj Karimi'
>>> transliterate("غلامرضا کاظمی‌پور")
'Gholamreza Kazemipour'
"""

from __future__ import annotations

from functools import lru_cache

from reckon.names.keys import PERSIAN_CLASSES as _CLASS
from reckon.names.lexicon import Lexicon, default_lexicon
from reckon.names.script import normalize_persian

__all__ = ["SUFFIXES", "join_suffixes", "latin_word", "transliterate", "transliterate_word"]

# Surname endings: Persian spelling → usual Latin spelling.
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("زاده", "zadeh"),
    ("پور", "pour"),
    ("نژاد", "nejad"),
    ("نیا", "nia"),
    ("فر", "far"),
    ("ابادی", "abadi"),
    ("لو", "lou"),
    ("یان", "ian"),
    ("ان", "an"),
    ("ی", "i"),
)

_CONSONANTS = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "چ": "ch",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "z",
    "ر": "r",
    "ز": "z",
    "ژ": "zh",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "z",
    "ط": "t",
    "ظ": "z",
    "غ": "gh",
    "ف": "f",
    "ق": "gh",
    "ک": "k",
    "گ": "g",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
}


def _rule_spelling(word: str) -> str:
    """Spell an unknown Persian word with letter rules (short vowels guessed as 'a' or 'e')."""
    out: list[str] = []
    n = len(word)
    prev_consonant = False
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < n else ""
        if ch == "ا":
            if i == 0 and nxt in ("و", "ی"):
                prev_consonant = False
                continue  # او → ou, ای → i: the next letter spells the vowel
            out.append("a" if i > 0 or nxt in ("", "ل", "ه") else "e")
            prev_consonant = False
        elif ch == "ع":
            # ayn is written as a vowel or not at all; it still separates the letters around it
            out.append("a")
            prev_consonant = False
        elif ch == "و":
            consonant = i == 0 or word[i - 1] in "او" or nxt in ("ا", "ی")
            out.append("v" if consonant else "ou")
            prev_consonant = consonant
        elif ch == "ی":
            consonant = i == 0 or nxt == "ا" or nxt == "و"
            out.append("y" if consonant else ("i" if i == n - 1 or out[-1:] != ["i"] else ""))
            prev_consonant = consonant
        elif ch == "ه" and i == n - 1 and i > 0:
            ending_h = word[i - 1] == "ا" or word.endswith(("لله", "اله"))
            out.append("aha" if n == 2 else "h" if ending_h else "eh")
            prev_consonant = False
        elif ch == "ح" and i == n - 1 and i > 0:
            # a final h: "-ah" (Mesbah, Fallah); "-eh" would read as the vowel -e
            out.append("ah" if prev_consonant and _CLASS.get(word[i - 1]) != "h" else "h")
            prev_consonant = True
        elif ch in _CONSONANTS:
            if prev_consonant and i > 0 and _CLASS.get(word[i - 1]) != _CLASS[ch]:
                # Two written consonants in a row: a short vowel was probably between them
                # (two letters of one sound, ث ص or a letter written twice: no vowel, so that
                # the spelling keeps the word's key).
                out.append("a" if i <= 1 else "e")
            out.append(_CONSONANTS[ch])
            prev_consonant = True
        elif ch.isalnum():
            out.append(ch)
            prev_consonant = False
    return "".join(out)


# Endings written as words of their own (کاظمی پور, Hossein Zadeh) belong to the word before.
_SEPARABLE = frozenset(
    {
        "زاده",
        "پور",
        "نژاد",
        "نیا",
        "فر",
        "zadeh",
        "zade",
        "pour",
        "pur",
        "poor",
        "nejad",
        "nezhad",
        "nia",
        "far",
    }
)


# "-ollah" (God) ends compounds written apart (Nasr-Allah, روح‌الله): glued to the word before.
_ALLAH = frozenset({"الله", "اله", "allah", "ollah", "ullah", "olah", "alah", "ulah", "ellah"})
# Abd-, Abol- and the article al-/ol- begin compounds written apart (Abd al-Husayn,
# Abol-Fazl, عبد الحسین): glued to the word after.
_LEADING = frozenset(
    {"abd", "abdol", "abdul", "abdal", "abol", "abul", "abu", "abo", "al", "ol", "ul", "el"}
    | {"عبد", "عبدال", "ابو", "ابوال", "ال"}
)


def join_suffixes(words: list[str]) -> list[str]:
    """Glue the pieces of one name written apart into one word.

    Surname endings (Kazemi Pour, حسین زاده) and -ollah (Nasr-Allah, روح‌الله)
    join the word before; Abd-, Abol- and al-/ol- (Abd al-Husayn, Abol-Fazl)
    join the word after.
    """
    out: list[str] = []
    glue_next = False
    for word in words:
        if out and (glue_next or word in _SEPARABLE or word in _ALLAH):
            out[-1] = out[-1] + word
        else:
            out.append(word)
        glue_next = word in _LEADING
    return out


def _split_known(word: str, lexicon: Lexicon) -> list[str] | None:
    """Split a word into two known given-name words (محمدحسن → محمد + حسن)."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if lexicon.role_of(head) == "given" and lexicon.role_of(tail) == "given":
            return [head, tail]
    return None


@lru_cache(maxsize=65536)
def _cached_word(word: str, lexicon: Lexicon) -> str:
    known = lexicon.latin_of(word)
    if known:
        return known
    for ending, latin_ending in SUFFIXES:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 2:
            stem_latin = lexicon.latin_of(stem)
            if stem_latin is None and ending != "ی" and len(stem) >= 3:
                stem_latin = _cached_word(stem, lexicon)
            if stem_latin:
                stem_latin = stem_latin.replace("-", "")
                if latin_ending == "i" and stem_latin.endswith(("a", "i", "u")):
                    latin_ending = "ei" if stem_latin.endswith("a") else "i"
                    if stem_latin.endswith("i"):
                        stem_latin = stem_latin[:-1]
                return stem_latin + latin_ending
    parts = _split_known(word, lexicon)
    if parts:
        return "-".join(lexicon.latin_of(p) or "" for p in parts)
    return _rule_spelling(word)


def transliterate_word(word: str, lexicon: Lexicon | None = None) -> str:
    """The lower-case Latin spelling of one normalised Persian word (compounds hyphenated)."""
    return _cached_word(word, lexicon or default_lexicon())


def latin_word(word: str, lexicon: Lexicon | None = None) -> str:
    """The usual spelling of one normalised Latin word (hussein → hossein), else the word."""
    lex = lexicon or default_lexicon()
    persian = lex.persian_of(word)
    if persian is None:
        return word
    return lex.latin_of(persian) or word


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def transliterate(text: str, lexicon: Lexicon | None = None) -> str:
    """Write a Persian name in the common English-style Latin spelling, words title-cased.

    Latin words in the input are kept as they are.
    """
    words = join_suffixes(normalize_persian(text).split())
    out = []
    for word in words:
        if word.isascii():
            out.append(word)
        else:
            out.append(_title(transliterate_word(word, lexicon)))
    return " ".join(out)

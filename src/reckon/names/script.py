"""Script normalisation: one spelling per name in Persian script and in Latin script.

`normalize_persian` folds the Arabic code points that Persian text often carries
(ي ك ة, alef with hamza, tatweel, short-vowel diacritics, Arabic and Persian
digits) onto one Persian form, and treats the zero-width non-joiner as a word
break so that حاج‌کریمی and حاج کریمی normalise alike (حاجکریمی, written
without any break, is reconciled later by the matching keys, which ignore
spaces). `normalize_latin` lower-cases, strips diacritics and punctuation and
turns hyphens into spaces. Both are idempotent.

Digits are the same in both: every decimal digit (Persian ۰-۹, Arabic-Indic
٠-٩, ASCII and any other script's) becomes its ASCII digit, and a run of digits
is a word of its own (a list number, a year, a scanning error), never part of
a name's letters. A Persian word with a digit inside (ی۱ح) and its
transliteration (Y1h) then split alike into letters and number; read as one
word, the two scripts guessed the vowels around the digit differently.

>>> normalize_persian("علي‌اكبر  كاظمي")
'علی اکبر کاظمی'
>>> normalize_latin("  Mohammad-Ali  Hāj-Karīmī ")
'mohammad ali haj karimi'
>>> detect_script("محمد Ali")
'mixed'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

__all__ = ["Script", "detect_script", "normalize", "normalize_latin", "normalize_persian"]

Script = Literal["persian", "latin", "mixed", "none"]

# Arabic code points folded to their Persian counterparts, and letters that
# differ only by a hamza or madda seat (names are written both ways).
_PERSIAN_FOLD = {
    "ي": "ی",
    "ى": "ی",
    "ئ": "ی",
    "ۍ": "ی",
    "ې": "ی",
    "ك": "ک",
    "ڪ": "ک",
    "ة": "ه",
    "ۀ": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ؤ": "و",
    "ۆ": "و",
    "ء": "",
    "ـ": "",  # tatweel: typographic stretching only
    "٬": " ",
    "،": " ",
}
_PERSIAN_TABLE = str.maketrans(_PERSIAN_FOLD)

# Where a run of ASCII digits meets anything but a space: a word break goes there.
_DIGIT_EDGE = re.compile(r"(?<=[0-9])(?=[^0-9\s])|(?<=[^0-9\s])(?=[0-9])")

# Zero-width non-joiner and its look-alikes separate the parts of a compound.
_BREAKS = str.maketrans({"\u200c": " ", "\u200b": " ", "\u00a0": " ", "-": " ", "_": " "})

_SPACES = re.compile(r"\s+")
_LATIN_PUNCT = re.compile(r"[^a-z0-9\s]")
_APOSTROPHES = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf\u0060\u00b4]")


def _is_dropped(ch: str) -> bool:
    """Combining marks (harakat, shadda, Latin accents), format and control characters."""
    cat = unicodedata.category(ch)
    return cat in ("Mn", "Me", "Cf", "Cc") and ch not in "\n\t"


def _is_arabic_letter(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff"


def _fold_digits(text: str) -> str:
    """Every decimal digit as its ASCII digit (۱۳۶۷ and ١٣٦٧ are 1367), in either script."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _split_digits(text: str) -> str:
    """A run of digits as a word of its own (ی1ح → ی 1 ح, Ali2 → Ali 2)."""
    return _DIGIT_EDGE.sub(" ", text)


def detect_script(text: str) -> Script:
    """Say which script a name is written in: ``persian``, ``latin``, ``mixed`` or ``none``."""
    arabic = latin = False
    for ch in text:
        if ch.isalpha():
            if _is_arabic_letter(ch):
                arabic = True
            elif ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
                latin = True
    if arabic and latin:
        return "mixed"
    if arabic:
        return "persian"
    if latin:
        return "latin"
    return "none"


def normalize_persian(text: str) -> str:
    """Fold a name in Arabic script to one Persian spelling, words separated by one space."""
    # NFKC first turns presentation forms (ﻛ, ﷲ) into ordinary letters.
    text = unicodedata.normalize("NFKC", text).translate(_BREAKS)
    text = _fold_digits(text.translate(_PERSIAN_TABLE))
    text = "".join(ch for ch in text if not _is_dropped(ch))
    text = "".join(ch if (ch.isalnum() or ch.isspace()) else " " for ch in text)
    return _SPACES.sub(" ", _split_digits(text)).strip()


def normalize_latin(text: str) -> str:
    """Fold a name in Latin script to lower-case ASCII words separated by one space.

    Apostrophes (for ayn and hamza: Sa'adi) are dropped, hyphens and other
    punctuation become word breaks.
    """
    # Persian digits too (Ali ۲ is Ali 2): the Latin punctuation rule would drop them.
    text = _fold_digits(_APOSTROPHES.sub("", text))
    text = unicodedata.normalize("NFKD", text.translate(_BREAKS))
    text = "".join(ch for ch in text if not _is_dropped(ch))
    text = text.lower().replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("æ", "ae")
    text = _LATIN_PUNCT.sub(" ", text)
    return _SPACES.sub(" ", _split_digits(text)).strip()


def normalize(text: str) -> str:
    """Normalise a name in whichever script it is written (mixed text: both foldings)."""
    # Compatibility forms first (ª → a, ﻛ → ک), so that the script is judged on what stays.
    text = unicodedata.normalize("NFKC", text)
    script = detect_script(text)
    if script == "latin":
        return normalize_latin(text)
    if script == "persian":
        return normalize_persian(text)
    if script == "mixed":
        return _SPACES.sub(
            " ",
            " ".join(
                normalize_latin(w) if detect_script(w) == "latin" else normalize_persian(w)
                for w in normalize_persian(text).split()
            ),
        ).strip()
    # No letters at all (digits, punctuation): fold digits the same way in either script.
    return normalize_persian(text)

"""Splitting a name written in one field into given name and surname.

Lists give "Karimi, Mohammad-Reza", "Mohammad Reza Karimi" or محمدرضا کریمی
in one column. A comma marks "Surname, Given"; otherwise the leading words
that the lexicon knows as given names form the given name (compound given
names are often written as two words: Mohammad Reza, Ali Asghar) and the rest
the surname; a name whose last word is a known given name and first word a
known surname is read surname first. ``confidence`` says how much the lexicon
supported the split.

>>> p = parse_name("Karimi, Mohammad-Reza")
>>> p.given, p.surname, p.confidence
('Mohammad-Reza', 'Karimi', 0.95)
>>> parse_name("سید علی اصغر حسینی")
ParsedName(given='علی اصغر', surname='حسینی', honorifics=('seyed',), order='given-first', confidence=0.9)
"""

from __future__ import annotations

from dataclasses import dataclass

from reckon.names.honorifics import honorific
from reckon.names.lexicon import Lexicon, default_lexicon
from reckon.names.script import detect_script, normalize_latin, normalize_persian

__all__ = ["ParsedName", "parse_name"]


@dataclass(frozen=True)
class ParsedName:
    """A name split into given name and surname, as written (not normalised)."""

    given: str
    surname: str
    honorifics: tuple[str, ...]
    order: str  # "given-first" or "surname-first"
    confidence: float  # 0-1: how well the lexicon supports the split


def _role(word: str, lexicon: Lexicon) -> str:
    if detect_script(word) == "persian":
        return lexicon.role_of(normalize_persian(word))
    persian = lexicon.persian_of(normalize_latin(word))
    return lexicon.role_of(persian) if persian else "unknown"


def parse_name(text: str, lexicon: Lexicon | None = None) -> ParsedName:
    """Split a full name into given name and surname, with a confidence in [0, 1]."""
    lex = lexicon or default_lexicon()
    text = " ".join(text.split())
    titles: list[str] = []
    if "," in text or "،" in text:
        surname, _, given = text.replace("،", ",").partition(",")
        words = given.split()
        while words and honorific(_norm(words[0])) is not None and len(words) > 1:
            titles.append(honorific(_norm(words.pop(0))) or "")
        return ParsedName(" ".join(words), surname.strip(), tuple(titles), "surname-first", 0.95)
    # Hyphens and ZWNJ stay inside words: Mohammad-Reza and حاج‌کریمی are one part each.
    words = text.split()
    core: list[str] = []
    for word in words:
        title = honorific(_norm(word))
        if title is not None and len(words) > 1 and not core:
            titles.append(title)
        else:
            core.append(word)
    if not core:
        return ParsedName("", "", tuple(titles), "given-first", 0.0)
    if len(core) == 1:
        role = _role(core[0], lex)
        if role == "given":
            return ParsedName(core[0], "", tuple(titles), "given-first", 0.5)
        return ParsedName(
            "", core[0], tuple(titles), "given-first", 0.5 if role == "surname" else 0.3
        )
    roles = [_role(w, lex) for w in core]
    if roles[0] == "surname" and roles[-1] == "given":
        cut = len(core) - 1
        while cut > 1 and roles[cut - 1] == "given":
            cut -= 1
        return ParsedName(
            " ".join(core[cut:]), " ".join(core[:cut]), tuple(titles), "surname-first", 0.7
        )
    cut = 1
    while cut < len(core) - 1 and roles[cut] == "given":
        cut += 1
    known = (roles[0] == "given") + (roles[cut] == "surname")
    confidence = {0: 0.5, 1: 0.75, 2: 0.9}[known]
    return ParsedName(
        " ".join(core[:cut]), " ".join(core[cut:]), tuple(titles), "given-first", confidence
    )


def _norm(word: str) -> str:
    return normalize_persian(word) if detect_script(word) == "persian" else normalize_latin(word)

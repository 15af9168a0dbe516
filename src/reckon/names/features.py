"""Per-record name features: computed once per record, compared in SQL or numpy.

`name_keys` turns one name (either script) into a `NameKeys`: the usual Latin
spelling of each word (``latin``), the script-independent `phonetic_key` and
`skeleton` of the whole name, one phonetic key per word (``tokens``, compounds
split into their parts so that Mohammadreza and Mohammad Reza share tokens),
the words in sorted order (for swapped given name and surname) and the
honorifics split off the name.

`linkage_columns` does this for a batch of records and returns plain columns
that Splink compares with SQL functions only (no Python UDF); see
docs/names.md for the comparison levels that suit each column.

>>> k = name_keys("سید محمدرضا حاج‌کریمی")
>>> k.latin, k.phonetic, k.tokens, k.honorifics
('mohammad reza karimi', 'mhmdrzkrimi', ('mhmd', 'rz', 'krimi'), ('seyed', 'haj'))
>>> name_keys("Mohammad-Reza Hadj Karimi").phonetic
'mhmdrzkrimi'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reckon.names.honorifics import honorific
from reckon.names.keys import phonetic_word, skeleton_word
from reckon.names.lexicon import Lexicon, default_lexicon
from reckon.names.script import detect_script, normalize

__all__ = ["NAME_FIELDS", "NameKeys", "linkage_columns", "name_keys"]

#: The name fields of a person record that `linkage_columns` reads by default.
NAME_FIELDS = ("given", "surname", "full", "father")


@dataclass(frozen=True)
class NameKeys:
    """The comparison features of one name, in whichever script it was written."""

    latin: str  # usual Latin spelling, one space between words, compounds split
    phonetic: str  # phonetic key of the whole name (no spaces)
    skeleton: str  # consonant skeleton of the whole name (no spaces)
    tokens: tuple[str, ...]  # phonetic key of each word, in order
    words: tuple[str, ...]  # usual Latin spelling of each word, in order
    known: tuple[bool, ...]  # whether the lexicon knows each word
    sorted_latin: str  # the words of ``latin`` in alphabetical order
    first_last: str  # first and last word of ``latin`` (drops a middle name or father's name)
    honorifics: tuple[str, ...]  # folded honorifics found in the name (seyed, haj, …)
    script: str  # "persian", "latin", "mixed" or "none"

    @property
    def latin_joined(self) -> str:
        """``latin`` without spaces: Mohammadreza and Mohammad Reza alike."""
        return self.latin.replace(" ", "")


EMPTY = NameKeys("", "", "", (), (), (), "", "", (), "none")


def _word_parts(word: str, lexicon: Lexicon) -> list[tuple[str, str, str, bool]]:
    """(usual Latin spelling, phonetic key, skeleton, known) of each part of one normalised word.

    ``known`` says the lexicon knows the part, so that its usual spelling
    identifies the name (Hamid and Hamideh are two names, not two spellings).
    """
    from reckon.names.translit import latin_word, transliterate_word

    if detect_script(word) == "persian":
        latin = transliterate_word(word, lexicon)
        parts = latin.split("-")
        if len(parts) == 1:
            return [(latin, phonetic_word(word), skeleton_word(word), word in lexicon)]
    else:
        latin = latin_word(word, lexicon)
        parts = latin.split("-")
        if len(parts) == 1:
            persian = lexicon.persian_of(word)
            basis = persian if persian is not None else word
            return [(latin, phonetic_word(basis), skeleton_word(basis), persian is not None)]
    out = []
    for part in parts:
        persian = lexicon.persian_of(part)
        basis = persian if persian is not None else part
        out.append((part, phonetic_word(basis), skeleton_word(basis), persian is not None))
    return out


# Titles that are often written glued to the name that follows them.
_GLUED = {
    "hajj": "haj",
    "hadj": "haj",
    "haj": "haj",
    "seyyed": "seyed",
    "seyed": "seyed",
    "حاج": "haj",
    "سید": "seyed",
}


def _known(lexicon: Lexicon, word: str) -> set[str]:
    """{word} if the lexicon knows the word in its script, else an empty set."""
    if detect_script(word) == "persian":
        return {word} if word in lexicon else set()
    return {word} if lexicon.persian_of(word) is not None else set()


@lru_cache(maxsize=131072)
def _cached_keys(name: str, lexicon: Lexicon) -> NameKeys:
    from reckon.names.translit import join_suffixes

    # "Surname, Given": compare in the order given name first.
    for comma in (",", "،", "٬"):
        if comma in name:
            head, _, tail = name.partition(comma)
            name = f"{tail} {head}"
            break
    normal = normalize(name)
    if not normal:
        return EMPTY
    words = join_suffixes(normal.split())
    titles: list[str] = []
    core: list[str] = []
    for word in words:
        title = honorific(word)
        if title is not None and len(words) > 1:
            titles.append(title)
            continue
        for prefix in _GLUED:
            # Hajkarimi, حاجکریمی: a title glued to a known name
            rest = word[len(prefix) :]
            if word.startswith(prefix) and len(rest) >= 4 and rest in _known(lexicon, rest):
                titles.append(_GLUED[prefix])
                word = rest
                break
        core.append(word)
    parts = [p for w in core for p in _word_parts(w, lexicon)]
    latin_words = [p[0] for p in parts]
    return NameKeys(
        latin=" ".join(latin_words),
        phonetic="".join(p[1] for p in parts),
        skeleton="".join(p[2] for p in parts),
        tokens=tuple(p[1] for p in parts),
        words=tuple(latin_words),
        known=tuple(p[3] for p in parts),
        sorted_latin=" ".join(sorted(latin_words)),
        first_last=" ".join(
            latin_words[:1] + latin_words[-1:] if len(latin_words) > 1 else latin_words
        ),
        honorifics=tuple(titles),
        script=detect_script(normal),
    )


def name_keys(name: str | None, lexicon: Lexicon | None = None) -> NameKeys:
    """Compute the comparison features of one name (empty features for None or blank)."""
    if not name or not name.strip():
        return EMPTY
    return _cached_keys(name, lexicon or default_lexicon())


def linkage_columns(
    records: Iterable[Mapping[str, str | None]],
    fields: Mapping[str, str] | Sequence[str] = NAME_FIELDS,
    lexicon: Lexicon | None = None,
) -> dict[str, list[object]]:
    """Compute the name columns a linkage model compares, once per record.

    Parameters
    ----------
    records
        Person records; each maps a field name to a name in any script (or None).
    fields
        The name fields to compute, either a sequence of field names (the
        output prefix is the field name) or a mapping output prefix → field name,
        e.g. ``{"given": "given_name", "surname": "family_name"}``.
    lexicon
        The lexicon to use (default: the shipped one).

    Returns
    -------
    dict
        Column name → list of values, one per record, in record order. For
        each prefix ``P``: ``P_latin`` (str: usual Latin spelling, words split by
        one space), ``P_latin_joined`` (str: the same without spaces),
        ``P_phonetic`` (str), ``P_skeleton`` (str), ``P_tokens`` (list of str,
        one phonetic key per word), ``P_sorted`` (str: the Latin words in
        alphabetical order) and ``P_honorifics`` (list of str). Empty names give
        None in every column, so that Splink treats them as missing.
    """
    mapping = dict(fields) if isinstance(fields, Mapping) else {f: f for f in fields}
    lex = lexicon or default_lexicon()
    columns: dict[str, list[object]] = {}
    for prefix in mapping:
        for suffix in (
            "latin",
            "latin_joined",
            "phonetic",
            "skeleton",
            "tokens",
            "sorted",
            "honorifics",
        ):
            columns[f"{prefix}_{suffix}"] = []
    for record in records:
        for prefix, field in mapping.items():
            keys = name_keys(record.get(field), lex)
            empty = not keys.latin
            columns[f"{prefix}_latin"].append(None if empty else keys.latin)
            columns[f"{prefix}_latin_joined"].append(None if empty else keys.latin_joined)
            columns[f"{prefix}_phonetic"].append(None if empty else keys.phonetic)
            columns[f"{prefix}_skeleton"].append(
                None if empty or not keys.skeleton else keys.skeleton
            )
            columns[f"{prefix}_tokens"].append(None if empty else list(keys.tokens))
            columns[f"{prefix}_sorted"].append(None if empty else keys.sorted_latin)
            columns[f"{prefix}_honorifics"].append(list(keys.honorifics))
    return columns

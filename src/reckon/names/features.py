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
from dataclasses import dataclass, replace
from functools import lru_cache

from reckon.names.honorifics import honorific
from reckon.names.keys import phonetic_word, skeleton_word
from reckon.names.lexicon import Lexicon, default_lexicon
from reckon.names.parse import parse_name
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
    names: tuple[str, ...]  # the lexicon's name of each word (its spellings' group), "" if unknown
    skeletons: tuple[str, ...]  # consonant skeleton of each word
    sorted_latin: str  # the words of ``latin`` in alphabetical order
    first_last: str  # first and last word of ``latin`` (drops a middle name or father's name)
    honorifics: tuple[str, ...]  # folded honorifics found in the name (seyed, haj, …)
    script: str  # "persian", "latin", "mixed" or "none"
    # The same name with no word split into known parts (None: no word was split).
    # A spelling the lexicon lacks may split where the other script keeps the word
    # whole, or the other way round; comparisons also try both names unsplit.
    unsplit: NameKeys | None = None

    @property
    def latin_joined(self) -> str:
        """``latin`` without spaces: Mohammadreza and Mohammad Reza alike."""
        return self.latin.replace(" ", "")


EMPTY = NameKeys("", "", "", (), (), (), (), "", "", (), "none")


def _is_given(part: str, lexicon: Lexicon) -> bool:
    if detect_script(part) == "persian":
        return lexicon.role_of(part) == "given"
    persian = lexicon.persian_of(part)
    return persian is not None and lexicon.role_of(persian) == "given"


@lru_cache(maxsize=65536)
def _segment(word: str, lexicon: Lexicon) -> tuple[str, ...]:
    """Split a compound given name written as one word into its known parts.

    غلامحسین and Gholamhossein become غلام + حسین and gholam + hossein, as
    Gholam-Hossein is written, so that every spelling has the same words.
    Both parts must be given names the lexicon knows, of three letters or more,
    and the whole must not be a surname the lexicon knows (نظریان is not ناز + اریان).
    """
    if detect_script(word) == "persian" and lexicon.role_of(word) == "surname":
        return (word,)
    whole = phonetic_word(word)
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if not (_is_given(head, lexicon) and _is_given(tail, lexicon)):
            continue
        # The parts must sound like the whole (Shahasi is not Shah + Asi).
        if phonetic_word(head) + phonetic_word(tail) == whole:
            return (head, tail)
    return (word,)


def _word_parts(word: str, lexicon: Lexicon, split: bool = True) -> list[tuple[str, str, str, str]]:
    """(usual Latin spelling, phonetic key, skeleton, name) of each part of one normalised word.

    With ``split``, a compound written as one word is split into its known parts
    (`_segment`); without, only a compound the lexicon itself spells with a
    hyphen is (mohammad-reza).
    """
    if detect_script(word) == "latin":
        persian = lexicon.persian_of(word)
        if persian is not None:
            # A spelling the lexicon knows is read as its Persian word, so that both
            # scripts split it alike: Nazari is نظری, whole, not Naz + Ari.
            word = persian
    segments = _segment(word, lexicon) if split else (word,)
    if len(segments) > 1:
        return [p for segment in segments for p in _one_word_parts(segment, lexicon)]
    return _one_word_parts(word, lexicon)


def _one_word_parts(word: str, lexicon: Lexicon) -> list[tuple[str, str, str, str]]:
    """(usual Latin spelling, phonetic key, skeleton, name) of each part of one normalised word.

    ``name`` is the lexicon's group of words that share a spelling (لیلی and
    لیلا are one name), or "" for a word it does not know: two known words of
    different groups are two names (Hamid and Hamideh), not two spellings.
    """
    from reckon.names.translit import latin_word, transliterate_word

    if detect_script(word) == "persian":
        latin = transliterate_word(word, lexicon)
        parts = latin.split("-")
        if len(parts) == 1:
            return [(latin, phonetic_word(word), skeleton_word(word), lexicon.name_of(word))]
    else:
        latin = latin_word(word, lexicon)
        parts = latin.split("-")
        if len(parts) == 1:
            persian = lexicon.persian_of(word)
            basis = persian if persian is not None else word
            name = lexicon.name_of(persian) if persian is not None else ""
            return [(latin, phonetic_word(basis), skeleton_word(basis), name)]
    out = []
    for part in parts:
        persian = lexicon.persian_of(part)
        basis = persian if persian is not None else part
        name = lexicon.name_of(persian) if persian is not None else ""
        out.append((part, phonetic_word(basis), skeleton_word(basis), name))
    return out


# Titles that are often written glued to the name that follows them (Seyedsalehi,
# سیدصالحی, Hajkarimi): (prefix, folded title, whether the rest must be a known word).
# Seyed is split off any word long enough; Haj and Mir only off a word the lexicon
# knows, as they begin many names (Hajizadeh, Mirza, Miran).
_GLUED: tuple[tuple[str, str, bool], ...] = (
    ("seyyed", "seyed", False),
    ("sayyed", "seyed", False),
    ("seyed", "seyed", False),
    ("sayed", "seyed", False),
    ("سید", "seyed", False),
    ("hajj", "haj", True),
    ("hadj", "haj", True),
    ("haj", "haj", True),
    ("حاج", "haj", True),
    ("mir", "mir", True),
    ("میر", "mir", True),
)


@lru_cache(maxsize=4)
def _known_keys(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(phonetic_word(word) for word in lexicon.entries)


def _known(lexicon: Lexicon, word: str) -> bool:
    """Whether a normalised word, in either script, sounds like a word the lexicon knows.

    By phonetic key, so that both scripts agree (سپاسی and Sepassi alike).
    """
    key = phonetic_word(word)
    return len(key) >= 3 and key in _known_keys(lexicon)


def _strip_glued(word: str, lexicon: Lexicon) -> tuple[str, str | None]:
    for prefix, title, needs_known in _GLUED:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix) :]
        shortest = 3 if detect_script(word) == "persian" else 4
        if len(rest) >= shortest and (not needs_known or _known(lexicon, rest)):
            return rest, title
    return word, None


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
    pending = ""  # a title inside the name belongs to the next word (Ahmad Seyed-Salehi)
    for i, word in enumerate(words):
        title = honorific(word)
        if title is not None and i < len(words) - 1:
            if core:
                pending += word
            else:
                titles.append(title)  # titles before the name: Seyed Ali, Haj Hassan
            continue
        word, glued = _strip_glued(pending + word, lexicon)
        pending = ""
        if glued is not None:
            titles.append(glued)
        core.append(word)
    split_parts: list[tuple[str, str, str, str]] = []
    whole_parts: list[tuple[str, str, str, str]] = []
    for word in core:
        parts = _word_parts(word, lexicon)
        split_parts += parts
        whole_parts += _word_parts(word, lexicon, split=False) if len(parts) > 1 else parts
    keys = _keys_of(split_parts, titles, normal)
    if whole_parts == split_parts:
        return keys
    return replace(keys, unsplit=_keys_of(whole_parts, titles, normal))


def _keys_of(parts: list[tuple[str, str, str, str]], titles: list[str], normal: str) -> NameKeys:
    latin_words = [p[0] for p in parts]
    return NameKeys(
        latin=" ".join(latin_words),
        phonetic="".join(p[1] for p in parts),
        skeleton="".join(p[2] for p in parts),
        tokens=tuple(p[1] for p in parts),
        words=tuple(latin_words),
        names=tuple(p[3] for p in parts),
        skeletons=tuple(p[2] for p in parts),
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
        None in every column, so that Splink treats them as missing. A record
        without a full name gets the ``full_*`` columns of its given name and
        surname together; one without given name and surname gets them from
        its full name by `parse_name`.
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
            value = record.get(field)
            if prefix in ("given", "surname") and not value and mapping.get("full"):
                # One name column only: split it ("Surname, Given" too).
                full = record.get(mapping["full"])
                if full:
                    parsed = parse_name(full, lex)
                    value = parsed.given if prefix == "given" else parsed.surname
            if prefix == "full" and not value:
                # A record with given name and surname only: its full name is both.
                parts = [record.get(mapping[p]) for p in ("given", "surname") if p in mapping]
                value = " ".join(p for p in parts if p) or None
            keys = name_keys(value, lex)
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

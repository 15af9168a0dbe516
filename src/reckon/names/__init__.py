"""Person names across scripts: one name, every spelling.

The public API (everything else is internal)::

    normalize_persian(text) -> str      Persian-script folding (ي→ی, ك→ک, ZWNJ, digits, marks)
    normalize_latin(text) -> str        lower-case ASCII words (Hāj-Karīmī → haj karimi)
    normalize(text) -> str              either, by script
    detect_script(text) -> str          "persian" | "latin" | "mixed" | "none"
    transliterate(text) -> str          محمدعلی حاج‌کریمی → "Mohammad-Ali Haj Karimi"
    phonetic_key(text) -> str           script-independent key (حسینی, Hosseini → "hsini")
    skeleton(text) -> str               consonants only, for blocking (→ "hsn")
    parse_name(text) -> ParsedName      given / surname / honorifics / order / confidence
    name_keys(text) -> NameKeys         every feature of one name, computed once
    name_similarity(a, b) -> float      in [0, 1]; THRESHOLD separates same / different
    score_keys(keys_a, keys_b) -> array vectorised similarity of lists of NameKeys
    KeyTable.of(keys), score_tables     the same on keys laid out once as columns
    linkage_columns(records, fields)    the columns a Splink model compares in SQL
    default_lexicon() -> Lexicon        the shipped Persian ↔ Latin name dictionary

>>> name_similarity("غلامرضا کاظمی", "Qolam-Reza Kazemi") >= THRESHOLD
True
>>> transliterate("فاطمه رضایی")
'Fatemeh Rezaei'

See docs/names.md for the linkage columns and the Splink comparisons that use them.
"""

from reckon.names.features import NAME_FIELDS, NameKeys, linkage_columns, name_keys
from reckon.names.keys import phonetic_key, skeleton
from reckon.names.lexicon import Lexicon, build_lexicon, default_lexicon
from reckon.names.parse import ParsedName, parse_name
from reckon.names.script import detect_script, normalize, normalize_latin, normalize_persian
from reckon.names.similarity import THRESHOLD, KeyTable, name_similarity, score_keys, score_tables
from reckon.names.translit import transliterate

__all__ = [
    "NAME_FIELDS",
    "THRESHOLD",
    "KeyTable",
    "Lexicon",
    "NameKeys",
    "ParsedName",
    "build_lexicon",
    "default_lexicon",
    "detect_script",
    "linkage_columns",
    "name_keys",
    "name_similarity",
    "normalize",
    "normalize_latin",
    "normalize_persian",
    "parse_name",
    "phonetic_key",
    "score_keys",
    "score_tables",
    "skeleton",
    "transliterate",
]

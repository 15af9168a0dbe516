"""Honorifics and name prefixes (Seyed, Haj, Mir, Mirza, Sheikh): kept as features.

A title such as Seyed (a descendant of the Prophet) or Haj (one who made the
pilgrimage) is written by one source and left out by another, in many
spellings; it is evidence, not noise, so it is split off the name, folded to
one spelling and reported beside it.

>>> honorific("Sayyid"), honorific("حاج"), honorific("Ali")
('seyed', 'haj', None)
"""

from __future__ import annotations

__all__ = ["HONORIFICS", "honorific"]

HONORIFICS: dict[str, str] = {
    # Latin spellings (normalised) → the folded form
    **dict.fromkeys(
        [
            "seyed",
            "seyyed",
            "sayed",
            "sayyed",
            "sayyid",
            "sayid",
            "seyyid",
            "syed",
            "sied",
            "sayed",
        ],
        "seyed",
    ),
    # "Sadat" (a Seyed's daughter) is left out: it is also part of given names and surnames.
    **dict.fromkeys(["seyedeh", "seyyedeh", "sayyida", "seyede"], "seyedeh"),
    **dict.fromkeys(["haj", "hajj", "hadj", "haji", "hajji", "hajj", "hadji", "hajie"], "haj"),
    **dict.fromkeys(["hajieh", "hajiyeh", "hajiye"], "hajieh"),
    "mir": "mir",
    **dict.fromkeys(["mirza", "mirzah"], "mirza"),
    **dict.fromkeys(["sheikh", "shaikh", "sheykh", "shaykh", "cheikh", "sheik", "shaik"], "sheikh"),
    **dict.fromkeys(["molla", "mulla", "mullah", "mollah", "mola"], "molla"),
    **dict.fromkeys(["agha", "aqa", "aga"], "agha"),
    # Persian spellings (normalised)
    "سید": "seyed",
    "سیده": "seyedeh",
    "حاج": "haj",
    "حاجی": "haj",
    "حاجیه": "hajieh",
    "میر": "mir",
    "میرزا": "mirza",
    "شیخ": "sheikh",
    "ملا": "molla",
    "اقا": "agha",
}


def honorific(word: str) -> str | None:
    """The folded honorific that a normalised word spells, or None."""
    return HONORIFICS.get(word.lower())

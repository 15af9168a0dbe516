"""The name keys linkage compares, all from `reckon.names` (the one place to change them)."""

from __future__ import annotations

from functools import lru_cache

from reckon.names import name_keys, parse_name


@lru_cache(maxsize=262144)
def phonetic(name: str) -> str:
    """A key most spellings of a name share, in either script ('' for no name)."""
    return name_keys(name).phonetic if name else ""


@lru_cache(maxsize=262144)
def skeleton(name: str) -> str:
    """A coarser key (consonants only) for blocking."""
    return name_keys(name).skeleton if name else ""


@lru_cache(maxsize=65536)
def split_full_name(full_name: str) -> tuple[str, str]:
    """Given name and surname of a name written in one field ("Surname, Given" too)."""
    parsed = parse_name(full_name)
    return parsed.given, parsed.surname

"""Gazetteers: known places, organisations and people, found in text in either script.

The small English model does not know Iranian prisons and labels some cities as
organisations, so places come first from a gazetteer: the prisons, cemeteries
and cities of the case (``data/places.tsv``, names in Latin and Persian script)
plus whatever the workspace already knows (its places and the people in its
person records, in every spelling seen). Matching ignores the differences that
Persian typing introduces (Arabic ي/ك, zero-width non-joiner, space or none
inside a compound) and Latin hyphens.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reckon.extract.text import FOLD

__all__ = ["Entry", "Gazetteer", "builtin_gazetteer", "given_names", "place_kind"]

_SEPARATORS = re.compile(r"[\s\u200c\-]+")


@dataclass(frozen=True)
class Entry:
    """What a gazetteer name stands for."""

    type: str  # PERSON, PLACE or ORG
    name: str  # the normalised name (for places: the English name)
    kind: str | None = None  # prison, cemetery, city, country, … for places
    ref: str | None = None  # a workspace id (person record, place) when known


def _key(text: str) -> str:
    return _SEPARATORS.sub("", text.translate(FOLD)).casefold()


def _pattern(alias: str) -> str:
    parts = [re.escape(p) for p in _SEPARATORS.split(alias.translate(FOLD).strip()) if p]
    return r"[\s\u200c\-]*".join(parts)


class Gazetteer:
    """Names to find in text, each with the entry it stands for."""

    def __init__(self, items: Iterable[tuple[str, Entry]] = ()) -> None:
        self._entries: dict[str, Entry] = {}
        self._aliases: dict[str, str] = {}
        self._regex: re.Pattern[str] | None = None
        for alias, entry in items:
            self.add(alias, entry)

    def add(self, alias: str, entry: Entry) -> None:
        """Add one spelling; a spelling already known keeps its first entry."""
        alias = alias.strip()
        if len(alias) < 3:
            return
        key = _key(alias)
        if key not in self._entries:
            self._entries[key] = entry
            self._aliases[key] = alias
            self._regex = None

    def __len__(self) -> int:
        return len(self._entries)

    def copy(self) -> Gazetteer:
        other = Gazetteer()
        other._entries = dict(self._entries)
        other._aliases = dict(self._aliases)
        return other

    def _compiled(self) -> re.Pattern[str]:
        if self._regex is None:
            aliases = sorted(self._aliases.values(), key=lambda a: len(_key(a)), reverse=True)
            body = "|".join(_pattern(a) for a in aliases) or r"(?!x)x"
            # Latin names are matched case-sensitively: "Sari" the city, not "sari".
            self._regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])")
        return self._regex

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Every known name in ``text``, longest first where two overlap."""
        folded = text.translate(FOLD)
        found = []
        for match in self._compiled().finditer(folded):
            entry = self._entries.get(_key(match.group(0)))
            if entry is not None:
                found.append((match.start(), match.end(), entry))
        return found


def _read_tsv(name: str) -> list[dict[str, str]]:
    data = resources.files("reckon.extract").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(data.splitlines(), delimiter="\t"))


@lru_cache(maxsize=1)
def builtin_gazetteer() -> Gazetteer:
    """The places and organisations shipped with reckon."""
    gazetteer = Gazetteer()
    for row in _read_tsv("places.tsv"):
        entry = Entry("PLACE", row["name"], row["kind"])
        for alias in [row["name"], *row["latin"].split("|"), *row["persian"].split("|")]:
            if alias:
                gazetteer.add(alias, entry)
    for row in _read_tsv("orgs.tsv"):
        entry = Entry("ORG", row["name"], "organisation")
        for alias in [row["name"], *row["latin"].split("|"), *row["persian"].split("|")]:
            if alias:
                gazetteer.add(alias, entry)
    # Perpetrators of other atrocities whom statements name in comparisons ("no different from
    # Himmler"), and the leaders of the time ("supporters of Khomeini", "منتظری"): the model
    # takes a surname alone for an organisation or a place, and reads no Persian.
    for row in _read_tsv("people.tsv"):
        entry = Entry("PERSON", row["name"], "historical")
        for alias in [row["name"], *row["latin"].split("|"), *row["persian"].split("|")]:
            if alias:
                gazetteer.add(alias, entry)
    return gazetteer


@lru_cache(maxsize=1)
def _place_kinds() -> dict[str, str]:
    return {row["name"]: row["kind"] for row in _read_tsv("places.tsv")}


def place_kind(name: str) -> str | None:
    """The kind (prison, cemetery, city, country) of a built-in place, by English name."""
    return _place_kinds().get(name)


@lru_cache(maxsize=1)
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """Common Iranian given names: (Latin spellings, Persian spellings), folded.

    Used to recognise people the English model misses and people in Persian
    text; the names module's lexicon adds more when it is installed.
    """
    latin: set[str] = set()
    persian: set[str] = set()
    for row in _read_tsv("given_names.tsv"):
        latin.update(_key(v) for v in row["latin"].split("|") if v)
        persian.update(_key(v) for v in row["persian"].split("|") if v)
    try:
        from reckon.names.lexicon import default_lexicon
    except ImportError:  # the names module is optional here
        pass
    else:
        for entry in default_lexicon().entries.values():
            if entry.role == "given" and entry.count >= 3:
                persian.add(_key(entry.persian))
                latin.update(_key(v) for v in entry.variants[:2])
    return frozenset(latin), frozenset(persian)


def name_key(text: str) -> str:
    """A spelling-insensitive key for comparing two written names."""
    return _key(text)

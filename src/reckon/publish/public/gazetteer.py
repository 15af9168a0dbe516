"""Places as the public pages name them: one place for every spelling, in both scripts.

Lists and sources spell one prison many ways (گوهردشت, Gohardasht, Gohar
Dasht, Rajaei Shahr). `place_ref` folds a written name into one `PlaceRef`
through the places shipped with reckon (``reckon/extract/data/places.tsv``,
names in Latin and Persian script) so that a person page says "Gohardasht
Prison" once and links to its place page; a name reckon does not know keeps
its own spelling.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from reckon.extract.gazetteer import name_key

# The kinds of place that get a page (cities are where the sites are, not sites).
SITE_KINDS = frozenset({"prison", "cemetery", "mass_grave", "mass grave", "detention_centre"})


@dataclass(frozen=True)
class PlaceRef:
    """A place as a page names it: its page id, English and Persian names, and kind."""

    id: str
    name: str
    persian: str | None = None
    kind: str | None = None
    city: str | None = None

    def label(self, lang: str) -> str:
        """The name in the reader's language when known, else the other one."""
        if lang == "fa" and self.persian:
            return self.persian
        return self.name

    @property
    def is_site(self) -> bool:
        return (self.kind or "") in SITE_KINDS


def slug(name: str) -> str:
    """A page id from an English name (Gohardasht Prison → gohardasht-prison)."""
    text = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    return text or "place"


@lru_cache(maxsize=1)
def _known() -> dict[str, PlaceRef]:
    data = resources.files("reckon.extract").joinpath("data", "places.tsv").read_text("utf-8")
    found: dict[str, PlaceRef] = {}
    for row in csv.DictReader(data.splitlines(), delimiter="\t"):
        persian = [p for p in row["persian"].split("|") if p]
        place = PlaceRef(
            id=slug(row["name"]),
            name=row["name"],
            persian=persian[0] if persian else None,
            kind=row["kind"] or None,
            city=row["city"] or None,
        )
        for alias in [row["name"], *row["latin"].split("|"), *persian]:
            if alias.strip():
                found.setdefault(name_key(alias), place)
    return found


def known_place(written: str) -> PlaceRef | None:
    """The shipped place ``written`` names, in any of its spellings, or None.

    Lists often leave out the word "prison" (Karun for Karun Prison, کارون for
    زندان کارون): a name not found as written is tried with it.
    """
    if not written.strip():
        return None
    known = _known()
    for form in (written, f"{written} Prison", f"زندان {written}"):
        if (found := known.get(name_key(form))) is not None:
            return found
    return None


def place_ref(written: str, kind: str | None = None) -> PlaceRef:
    """``written`` as a place of the public pages (its own spelling when reckon does not know it)."""
    known = known_place(written)
    if known is not None:
        return known
    name = written.strip()
    if slug(name) == "place":  # no Latin letters: a name in Persian script
        return PlaceRef(id=_persian_id(name), name=name, persian=name, kind=kind)
    return PlaceRef(id=slug(name), name=name, kind=kind)


def _persian_id(written: str) -> str:
    # A name in Persian script only: an id from its key, stable across spellings of it.
    import hashlib

    return "place-" + hashlib.sha256(name_key(written).encode("utf-8")).hexdigest()[:10]

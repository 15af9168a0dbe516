"""Per-record comparison columns, computed once before Splink sees the records.

Splink compares these columns in plain SQL (a Python function inside a
comparison was measured about 11x slower), so everything that needs the names
module or a calendar happens here, once per record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import pyarrow as pa

from reckon.link import namekeys
from reckon.link.fields import Record

# Bump when the columns change meaning, so that a saved model is not run on others.
# 2: reckon.names keys fold ch/sh in skeletons, read a Latin first i before two
# consonants as a short vowel, and no longer split known surnames.
FEATURES_VERSION = 2
_EPOCH = date(1970, 1, 1)

SCHEMA = pa.schema(
    [
        ("record_id", pa.string()),
        ("list", pa.string()),
        ("name_pk", pa.string()),
        ("name_sorted", pa.string()),
        ("name_sk", pa.string()),
        ("name_fold", pa.string()),
        ("given_pk", pa.string()),
        ("surname_pk", pa.string()),
        ("given_sk", pa.string()),
        ("surname_sk", pa.string()),
        ("father_pk", pa.string()),
        ("sex", pa.string()),
        ("birth_lo", pa.int32()),
        ("birth_hi", pa.int32()),
        ("city_k", pa.string()),
        ("prison_k", pa.string()),
        ("death_lo", pa.int32()),
        ("death_hi", pa.int32()),
    ]
)


# Words that say "prison" rather than which one: زندان تبریز is Tabriz Prison.
_PLACE_NOISE = frozenset({"prison", "zendan", "zindan", "central", "زندان", "مرکزی"})


def _none(value: str) -> str | None:
    return value or None


def _place(text: str) -> str | None:
    words = [w for w in text.replace("-", " ").split() if w.casefold() not in _PLACE_NOISE]
    # Skeletons: place names keep or drop long vowels at will (Gohardasht, گوهردشت).
    return _none(namekeys.skeleton(" ".join(words)))


def name_parts(record: Record) -> tuple[str, str]:
    """Given name and surname, from their own fields or parsed from full_name."""
    if record.given_name or record.surname:
        return record.given_name, record.surname
    return namekeys.split_full_name(record.full_name)


def feature_rows(records: Iterable[Record]) -> dict[str, list[object]]:
    """The comparison columns of each record, as lists per column."""
    columns: dict[str, list[object]] = {name: [] for name in SCHEMA.names}
    for rec in records:
        given, surname = name_parts(rec)
        given_pk, surname_pk = namekeys.phonetic(given), namekeys.phonetic(surname)
        given_sk, surname_sk = namekeys.skeleton(given), namekeys.skeleton(surname)
        columns["record_id"].append(rec.record_id)
        columns["list"].append(rec.list)
        columns["name_pk"].append(_none(given_pk + surname_pk))
        columns["name_sorted"].append(_none("|".join(sorted((given_pk, surname_pk)))))
        columns["name_sk"].append(_none(given_sk + surname_sk))
        # French and older English spellings write sh as ch (Chirazi, Hachemi): a
        # blocking key that folds the two finds those pairs; comparisons still tell.
        columns["name_fold"].append(_none((given_sk + surname_sk).replace("C", "S")))
        columns["given_pk"].append(_none(given_pk))
        columns["surname_pk"].append(_none(surname_pk))
        columns["given_sk"].append(_none(given_sk))
        columns["surname_sk"].append(_none(surname_sk))
        columns["father_pk"].append(_none(namekeys.phonetic(rec.father_name)))
        columns["sex"].append(_none(rec.sex))
        columns["birth_lo"].append(rec.birth_lo)
        columns["birth_hi"].append(rec.birth_hi)
        columns["city_k"].append(_place(rec.city))
        columns["prison_k"].append(_place(rec.prison))
        death = rec.death
        columns["death_lo"].append(None if death is None else (death.start - _EPOCH).days)
        columns["death_hi"].append(None if death is None else (death.end - _EPOCH).days)
    return columns


def feature_table(records: Sequence[Record]) -> pa.Table:
    """The records' comparison columns as an Arrow table (what both engines register)."""
    return pa.table(feature_rows(records), schema=SCHEMA)

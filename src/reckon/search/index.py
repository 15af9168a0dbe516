"""Write the name search index: entries, their keys, and how common each key is."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import Connection, delete, func, insert, select

from reckon.search.keys import index_keys
from reckon.search.similarity import phonetic_words
from reckon.store.schema import search_entries, search_key_counts, search_keys

BATCH = 5_000
_IN_CHUNK = 500  # bound parameter lists stay well inside SQLite's limit
FULL_RECOUNT = 20_000  # beyond this many new keys, recounting every key is cheaper


@dataclass(frozen=True)
class IndexEntry:
    """One spelling of one person's name, from one record."""

    person_ref: str
    record_ref: str
    name: str


def _chunks(items: Iterable[str], size: int = _IN_CHUNK) -> Iterator[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def add(conn: Connection, entries: Iterable[IndexEntry]) -> int:
    """File ``entries`` in the index (in the caller's transaction); returns how many."""
    total = 0
    touched: Counter[str] = Counter()
    it = iter(entries)
    while batch := list(islice(it, BATCH)):
        first = conn.execute(select(func.coalesce(func.max(search_entries.c.id), 0))).scalar_one()
        rows = [
            {
                "id": first + n + 1,
                "person_ref": e.person_ref,
                "record_ref": e.record_ref,
                "name": e.name,
                "phonetic": " ".join(phonetic_words(e.name)),
            }
            for n, e in enumerate(batch)
        ]
        conn.execute(insert(search_entries), rows)
        key_rows = [
            {"key": key, "entry_id": row["id"]}
            for row, entry in zip(rows, batch, strict=True)
            for key in index_keys(entry.name)
        ]
        if key_rows:
            conn.execute(insert(search_keys), key_rows)
        touched.update(r["key"] for r in key_rows)
        total += len(batch)
    _recount(conn, set(touched))
    return total


def remove(
    conn: Connection, *, person_ref: str | None = None, record_ref: str | None = None
) -> int:
    """Drop the entries of a person or of a record (for example after an unmerge or a withholding)."""
    query = select(search_entries.c.id)
    if person_ref is not None:
        query = query.where(search_entries.c.person_ref == person_ref)
    if record_ref is not None:
        query = query.where(search_entries.c.record_ref == record_ref)
    ids = list(conn.execute(query).scalars())
    touched: set[str] = set()
    for chunk in _chunks([str(i) for i in ids]):
        numbers = [int(i) for i in chunk]
        touched.update(
            conn.execute(
                select(search_keys.c.key).where(search_keys.c.entry_id.in_(numbers))
            ).scalars()
        )
        conn.execute(delete(search_keys).where(search_keys.c.entry_id.in_(numbers)))
        conn.execute(delete(search_entries).where(search_entries.c.id.in_(numbers)))
    _recount(conn, touched)
    return len(ids)


def clear(conn: Connection) -> None:
    """Empty the index (before a rebuild)."""
    for table in (search_key_counts, search_keys, search_entries):
        conn.execute(delete(table))


def _recount(conn: Connection, keys: set[str]) -> None:
    if len(keys) > FULL_RECOUNT:
        conn.execute(delete(search_key_counts))
        counts = select(search_keys.c.key, func.count()).group_by(search_keys.c.key)
        conn.execute(insert(search_key_counts).from_select(["key", "n"], counts))
        return
    for chunk in _chunks(sorted(keys)):
        conn.execute(delete(search_key_counts).where(search_key_counts.c.key.in_(chunk)))
        counts = (
            select(search_keys.c.key, func.count())
            .where(search_keys.c.key.in_(chunk))
            .group_by(search_keys.c.key)
        )
        conn.execute(insert(search_key_counts).from_select(["key", "n"], counts))

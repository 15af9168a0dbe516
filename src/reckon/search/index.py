"""Write the name search index: entries, their keys, and how common each key is.

Names are sealed and keys hashed under the index key (`reckon.search.seal`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from sqlalchemy import Connection, delete, func, insert, select, text

from reckon.search import seal
from reckon.search.driver import insert_many
from reckon.search.keys import index_keys
from reckon.search.similarity import phonetic_words
from reckon.store.schema import search_entries, search_key_counts, search_keys

BATCH = 5_000
_IN_CHUNK = 500  # bound parameter lists stay well inside SQLite's limit
FULL_RECOUNT = 20_000  # beyond this many new keys, recounting every key is cheaper
_T = TypeVar("_T")
_ENTRY_COLUMNS = ("id", "person_ref", "record_ref", "sealed")


@dataclass(frozen=True)
class IndexEntry:
    """One spelling of one person's name, from one record."""

    person_ref: str
    record_ref: str
    name: str


def chunks(items: Iterable[_T], size: int = _IN_CHUNK) -> Iterator[list[_T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def add(conn: Connection, entries: Iterable[IndexEntry]) -> int:
    """File ``entries`` in the index (in the caller's transaction); returns how many."""
    total = 0
    touched: Counter[bytes] = Counter()
    it = iter(entries)
    key: seal.IndexKey | None = None
    while batch := list(islice(it, BATCH)):
        key = key or seal.writing_key(conn)
        first = conn.execute(select(func.coalesce(func.max(search_entries.c.id), 0))).scalar_one()
        rows = [
            (
                first + n + 1,
                e.person_ref,
                e.record_ref,
                key.seal(first + n + 1, e.name, " ".join(phonetic_words(e.name))),
            )
            for n, e in enumerate(batch)
        ]
        insert_many(conn, search_entries.name, _ENTRY_COLUMNS, rows)
        key_rows = [
            (key.digest(k), row[0])
            for row, entry in zip(rows, batch, strict=True)
            for k in index_keys(entry.name)
        ]
        if key_rows:
            insert_many(conn, search_keys.name, ("key", "entry_id"), key_rows)
        touched.update(r[0] for r in key_rows)
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
    return _drop(conn, [int(i) for i in conn.execute(query).scalars()])


def scrub(conn: Connection, subjects: list[str]) -> int:
    """Drop the entries filed from any of ``subjects`` (records ``R<id>``, named persons
    ``N<id>``): by `reckon shred` in its transaction, and before records are filed again."""
    ids: list[int] = []
    for chunk in chunks(sorted(set(subjects))):
        ids += conn.execute(
            select(search_entries.c.id).where(search_entries.c.record_ref.in_(chunk))
        ).scalars()
    return _drop(conn, [int(i) for i in ids])


def _drop(conn: Connection, ids: list[int]) -> int:
    touched: set[bytes] = set()
    with _secure_delete(conn):
        for numbers in chunks(ids):
            touched.update(
                conn.execute(
                    select(search_keys.c.key).where(search_keys.c.entry_id.in_(numbers))
                ).scalars()
            )
            conn.execute(delete(search_keys).where(search_keys.c.entry_id.in_(numbers)))
            conn.execute(delete(search_entries).where(search_entries.c.id.in_(numbers)))
        _recount(conn, touched)
    return len(ids)


@contextmanager
def _secure_delete(conn: Connection) -> Iterator[None]:
    """On SQLite, overwrite what is deleted (else a removed entry's sealed name stays in a
    free part of the page, openable with the live index key); PostgreSQL has no such switch."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.execute(text("PRAGMA secure_delete")).scalar()
    conn.execute(text("PRAGMA secure_delete = 1"))
    try:
        yield
    finally:
        conn.execute(text(f"PRAGMA secure_delete = {int(before or 0)}"))


def clear(conn: Connection) -> None:
    """Empty the index and forget its key (before a rebuild, which makes a new one)."""
    with _secure_delete(conn):
        for table in (search_key_counts, search_keys, search_entries):
            conn.execute(delete(table))
        seal.reset(conn)


def opened(conn: Connection, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    """The person, name and phonetic key of each of the entries ``ids`` (opened)."""
    key = seal.index_key(conn)
    if key is None or not ids:
        return {}
    out = {}
    for chunk in chunks(ids):
        rows = conn.execute(
            select(search_entries.c.id, search_entries.c.person_ref, search_entries.c.sealed).where(
                search_entries.c.id.in_(chunk)
            )
        )
        for entry_id, ref, sealed in rows:
            name, phonetic = key.open(int(entry_id), bytes(sealed))
            out[int(entry_id)] = (str(ref), name, phonetic)
    return out


def names_of(conn: Connection, person_ref: str) -> list[str]:
    """Every spelling the index holds for ``person_ref``, in the order they were filed."""
    ids = conn.execute(
        select(search_entries.c.id)
        .where(search_entries.c.person_ref == person_ref)
        .order_by(search_entries.c.id)
    ).scalars()
    entries = opened(conn, [int(i) for i in ids])
    return [entries[i][1] for i in sorted(entries)]


def _recount(conn: Connection, keys: set[bytes]) -> None:
    if len(keys) > FULL_RECOUNT:
        conn.execute(delete(search_key_counts))
        counts = select(search_keys.c.key, func.count()).group_by(search_keys.c.key)
        conn.execute(insert(search_key_counts).from_select(["key", "n"], counts))
        return
    for chunk in chunks(sorted(keys)):
        conn.execute(delete(search_key_counts).where(search_key_counts.c.key.in_(chunk)))
        counts = (
            select(search_keys.c.key, func.count())
            .where(search_keys.c.key.in_(chunk))
            .group_by(search_keys.c.key)
        )
        conn.execute(insert(search_key_counts).from_select(["key", "n"], counts))

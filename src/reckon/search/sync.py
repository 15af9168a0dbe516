"""Rebuild the name index from the person records and clusters, and the named persons.

Each person record becomes one entry: its name as the list wrote it (the full
name, or the given name and surname), filed under the person (``P<n>``) its
record belongs to after the newest linkage run, or under ``R<id>`` while it
belongs to none. Each person named in claims (``N<id>``) whose name is not
protected becomes one entry too, filed under ``N<id>``: once published, a
named person has a public page, and search must find it. Visibility is not
decided here: search asks `reckon.publish.visibility` at query time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from sqlalchemy import Connection, func, inspect, select

from reckon.roles import Permission
from reckon.search import seal
from reckon.search.index import IndexEntry, add, chunks, clear, scrub
from reckon.store import audit
from reckon.store.users import User


def _entries(conn: Connection, record_ids: Sequence[int] | None = None) -> Iterator[IndexEntry]:
    """Index entries of every person record, or of ``record_ids`` only."""
    from reckon.link.identity import open_rows
    from reckon.store.schema.link import person_members, person_records

    query = select(
        person_records.c.id,
        person_records.c.full_name,
        person_records.c.given_name,
        person_records.c.surname,
        person_members.c.person_id,
    ).outerjoin(person_members, person_members.c.record_id == person_records.c.id)
    wanted = [None] if record_ids is None else list(chunks(sorted(set(record_ids))))
    for chunk in wanted:
        part = query if chunk is None else query.where(person_records.c.id.in_(chunk))
        for row in open_rows(conn, conn.execute(part.order_by(person_records.c.id)).all()):
            name = row.full_name or " ".join(p for p in (row.given_name, row.surname) if p)
            if name.strip():
                person = row.person_id or f"R{row.id}"
                yield IndexEntry(person_ref=str(person), record_ref=f"R{row.id}", name=name)


def _named(conn: Connection) -> Iterator[IndexEntry]:
    from reckon.claims.persons import public_people

    # Protected persons (first named by a confidential source) are left out: their names
    # are for investigators only. A shredded person has no name to file.
    for person_id, name in public_people(conn):
        if name and name.strip():
            ref = f"N{person_id}"
            yield IndexEntry(person_ref=ref, record_ref=ref, name=name)


def reindex(conn: Connection) -> int:
    """Empty the index and file every person record and named person again; returns how many."""
    clear(conn)
    tables = set(inspect(conn).get_table_names())
    total = 0
    if "person_records" in tables:
        total += add(conn, _entries(conn))
    if "named_persons" in tables:
        total += add(conn, _named(conn))
    return total


def rebuild(conn: Connection, actor: User) -> int:
    """`reindex` on behalf of ``actor``, recorded in the audit log (``reckon search reindex``).

    A rebuild makes a new index key, so it also repairs an index that `reckon.search.seal`
    refuses (built by an older reckon, or restored from a backup made before a shred).
    """
    actor.require(Permission.REVIEW_LINKS)
    entries = reindex(conn)
    audit.record(conn, actor, "reindexed", "search_index", "names", {"entries": entries})
    return entries


# Keeping the index in step with the store. Importing a list adds records, a linkage
# run or a review decision moves records between persons, coding a claim may name a
# new person: each re-files just what changed, in the caller's transaction, so that a
# family searching the register finds a person as soon as the person is published,
# without anyone running `reckon search reindex`.


def _writable(conn: Connection) -> bool:
    """Whether entries may be filed now: the index is sound, or there is none yet.

    An index that `seal` refuses (built by an older reckon, or restored from a backup
    made before a shred) is left alone: only a whole rebuild can make it searchable,
    and entries filed under a new key beside the old ones would be lost in it.
    """
    try:
        seal.index_key(conn)
    except seal.StaleIndex:
        return False
    return True


def refile_records(conn: Connection, record_ids: Collection[int]) -> int:
    """File the person records ``record_ids`` again (new records, or records whose person
    changed); returns how many entries were written.

    When most records changed (a first linkage run) the whole index is rebuilt instead,
    which is quicker than removing and adding each record's entries.
    """
    from reckon.store.schema.link import person_records

    if not record_ids or not _writable(conn):
        return 0
    total = conn.execute(select(func.count()).select_from(person_records)).scalar_one()
    if 2 * len(record_ids) > total:
        return reindex(conn)
    scrub(conn, [f"R{r}" for r in record_ids])
    return add(conn, _entries(conn, sorted(record_ids)))


def file_named(conn: Connection, person_id: int, name: str) -> int:
    """File a newly named person (``N<id>``); returns how many entries were written."""
    if not name.strip() or not _writable(conn):
        return 0
    ref = f"N{person_id}"
    return add(conn, [IndexEntry(person_ref=ref, record_ref=ref, name=name)])

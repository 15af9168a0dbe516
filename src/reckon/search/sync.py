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

from collections.abc import Iterator

from sqlalchemy import Connection, inspect, select

from reckon.roles import Permission
from reckon.search.index import IndexEntry, add, clear
from reckon.store import audit
from reckon.store.users import User


def _entries(conn: Connection) -> Iterator[IndexEntry]:
    from reckon.store.schema.link import person_members, person_records

    query = select(
        person_records.c.id,
        person_records.c.full_name,
        person_records.c.given_name,
        person_records.c.surname,
        person_members.c.person_id,
    ).outerjoin(person_members, person_members.c.record_id == person_records.c.id)
    from reckon.link.identity import open_rows

    for row in open_rows(conn, conn.execute(query.order_by(person_records.c.id)).all()):
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

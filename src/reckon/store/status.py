"""Counts of each kind of record in the store."""

from __future__ import annotations

from sqlalchemy import Connection, func, inspect, select

from reckon.store.schema import metadata


def record_counts(conn: Connection) -> dict[str, int]:
    """Rows per table, for every reckon table present in the database."""
    present = set(inspect(conn).get_table_names())
    counts: dict[str, int] = {}
    for table in metadata.sorted_tables:
        if table.name in present:
            counts[table.name] = int(
                conn.execute(select(func.count()).select_from(table)).scalar_one()
            )
    return counts

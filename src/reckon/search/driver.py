"""Statements of the search path run through the database driver's own cursor.

Search is latency-bound and its statements carry long, variable parameter
lists: SQLAlchemy would compile and cache a new statement for every length
and build a Row per result, which cost more than the lookups themselves.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection


def raw(conn: Connection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (``?`` placeholders, on either database)."""
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql.replace("?", mark), params)
        rows = cast("list[tuple[Any, ...]]", cursor.fetchall())
    finally:
        cursor.close()
    return rows


def marks(n: int) -> str:
    """``n`` placeholders, comma-separated."""
    return ", ".join(["?"] * n)


def insert_many(
    conn: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` through the driver's ``executemany``.

    SQLAlchemy applies each binary column's bind processor row by row in Python,
    which made building the index twice as slow as the hashing and sealing.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})"  # noqa: S608 - names from the schema
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, rows)
    finally:
        cursor.close()

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

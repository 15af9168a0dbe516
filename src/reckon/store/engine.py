"""Open the database; SQLite and PostgreSQL differences are settled here."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from reckon.errors import InputError, MissingExtra


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise InputError(
            f"'{url}' is not a database URL.",
            hint="Use e.g. postgresql+psycopg://user:pass@127.0.0.1/db.",
        ) from exc
    try:
        engine = create_engine(parsed, future=True)
    except NoSuchModuleError as exc:
        raise InputError(
            f"reckon has no database driver for '{parsed.drivername}'.",
            hint="Use sqlite:///FILE or postgresql+psycopg://…",
        ) from exc
    except ModuleNotFoundError as exc:
        raise MissingExtra("postgres", "psycopg", "A PostgreSQL store") from exc
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the web app read while the CLI writes; foreign keys are off by default in SQLite.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def begin_writing(conn: Connection) -> None:
    """Start the database transaction of ``conn`` now, as a writer.

    pysqlite opens SQLite's transaction only at the first INSERT/UPDATE/DELETE,
    so a SAVEPOINT issued before it starts the real transaction, and releasing
    that savepoint commits (and fsyncs) at once. ``BEGIN IMMEDIATE`` opens it
    up front and takes the write lock, so concurrent writers wait instead of
    failing halfway. PostgreSQL needs nothing.
    """
    if conn.dialect.name == "sqlite" and not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN IMMEDIATE")

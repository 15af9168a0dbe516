from __future__ import annotations

import re

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.sql.elements import conv

from reckon.store import migrate
from reckon.store.schema import metadata
from reckon.workspace import Workspace


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names()) - {"alembic_version"}


def test_there_is_one_head(workspace: Workspace) -> None:
    assert len(migrate.head_revisions(workspace.engine)) == 1


def test_upgrade_from_empty_then_down_to_empty(workspace: Workspace) -> None:
    engine = workspace.engine
    assert {t.name for t in metadata.sorted_tables} <= _tables(engine)
    migrate.downgrade(engine, "base")
    assert _tables(engine) == set()
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert {t.name for t in metadata.sorted_tables} <= _tables(engine)
    assert migrate.current_revision(engine) in migrate.head_revisions(engine)


def test_each_migration_steps_down_and_up(workspace: Workspace) -> None:
    engine = workspace.engine
    for _ in migrate.head_revisions(engine):
        pass
    steps = 0
    while migrate.current_revision(engine) is not None:
        migrate.downgrade(engine, "-1")
        steps += 1
    assert steps >= 1
    migrate.upgrade(engine)


def test_migrations_match_the_table_definitions(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # Indexes and types are compared too; any difference means a migration is missing.
    assert diff == []


def _check_name(table: str, check: sa.CheckConstraint) -> str:
    # The naming convention applies to plain names; a conv() name is final already.
    return str(check.name) if isinstance(check.name, conv) else f"ck_{table}_{check.name}"


def _literals(sql: str) -> set[str]:
    return set(re.findall(r"'([^']*)'", sql))


def test_check_constraints_match_the_table_definitions(workspace: Workspace) -> None:
    # compare_metadata does not compare CHECK constraints: the allowed values of every
    # kind, status and grade column are checked here, exactly as written on SQLite, and
    # by name and quoted values on PostgreSQL (which rewrites the expression).
    inspector = sa.inspect(workspace.engine)
    exact = workspace.engine.dialect.name == "sqlite"
    checked = 0
    for table in metadata.sorted_tables:
        declared = {
            _check_name(table.name, c): str(c.sqltext)
            for c in table.constraints
            if isinstance(c, sa.CheckConstraint)
        }
        found = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table.name)}
        assert set(found) == set(declared), table.name
        for name, sql in declared.items():
            assert _literals(found[name]) == _literals(sql), name
            if exact:
                assert " ".join(found[name].split()) == " ".join(sql.split()), name
        checked += len(declared)
    assert checked >= 20

"""Preserve a run of new files together: one savepoint, one statement per table.

Adding a web page one row at a time cost more than a third of extracting its
text (benchmarks/evidence): a savepoint, a lookup and three inserts, each
through SQLAlchemy, for every page. A run of new, plain files (not yet stored,
not confidential, held in memory) is written with one multi-row insert per
table, ids coming back in order through RETURNING. Its custody entries are the
same as one file at a time would write, in the same order.

A run is all or nothing: if any of it fails, its savepoint is rolled back and
its blobs removed, and the caller adds its files one at a time, so that a bad
file is named and the others are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, select

from reckon.evidence import sources as _sources
from reckon.evidence.extract import Extraction
from reckon.evidence.locker import Locker, record_of
from reckon.evidence.sources import (
    OBJECT_TYPES,
    AddResult,
    SourceFacts,
    Writer,
    _Item,
    _technical,
)
from reckon.store.schema import acquisitions, source_grades, source_links, sources, text_artifacts
from reckon.store.types import utcnow

TextOutcome = tuple[Extraction | None, str, str | None]
_RETURNING: dict[str, Any] = {}


def _insert_many(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows with one statement; their new ids in the order of ``rows``."""
    if not rows:
        return []
    if conn.dialect.name == "sqlite":
        # SQLAlchemy cannot trust the order of SQLite's RETURNING and falls back to
        # one statement a row. The writer holds SQLite's write lock (BEGIN
        # IMMEDIATE), so the ids SQLite would give next are known: give them here.
        last = conn.execute(select(func.max(table.c.id))).scalar()
        ids = list(range(int(last or 0) + 1, int(last or 0) + 1 + len(rows)))
        conn.execute(
            _plain_insert(table), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)]
        )
        return ids
    statement = _RETURNING.get(table.name)
    if statement is None:
        statement = table.insert().returning(table.c.id, sort_by_parameter_order=True)
        _RETURNING[table.name] = statement
    return [int(row[0]) for row in conn.execute(statement, rows)]


def _plain_insert(table: Table) -> Any:
    key = f"plain {table.name}"
    if key not in _RETURNING:
        _RETURNING[key] = table.insert()
    return _RETURNING[key]


def preserve_run(
    locker: Locker,
    writer: Writer,
    run: Sequence[tuple[_Item, TextOutcome]],
    facts: SourceFacts,
    parents: Sequence[int],
) -> list[AddResult]:
    """Preserve new, plain files together; raises if any part fails (nothing is kept then).

    ``parents`` are the sources every file derives from (already resolved).
    """
    with writer.one_file(files=len(run)) as blobs:
        conn, user = writer.conn, writer.user
        assert conn is not None
        now = utcnow()
        source_rows: list[dict[str, Any]] = []
        for item, (extraction, text_status, text_error) in run:
            assert item.data is not None
            blobs.put(item.data, item.sha)
            found_title = extraction.info.get("title") if extraction else None
            source_rows.append(
                {
                    "sha256": item.sha,
                    "blob_sha256": item.sha,
                    "size": item.size,
                    "media_type": item.media_type,
                    "confidential": False,
                    "title": facts.title or found_title or item.original_name,
                    "original_name": item.original_name,
                    "publisher": facts.publisher,
                    "published": facts.published,
                    "affiliation": facts.affiliation,
                    "reliability": facts.reliability or "F",
                    "technical": _technical(item.data, item.media_type, item.size),
                    "text_status": text_status,
                    "text_error": text_error,
                    "added_at": now,
                    "added_by": user.id,
                }
            )
        source_ids = _insert_many(conn, sources, source_rows)
        grades: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        acquired: list[dict[str, Any]] = []
        texts: list[dict[str, Any]] = []
        for source_id, (item, (extraction, _, _)) in zip(source_ids, run, strict=True):
            if facts.reliability is not None:
                grades.append(
                    {
                        "source_id": source_id,
                        "grade": facts.reliability,
                        "reason": facts.reliability_reason,
                        "graded_by": user.id,
                        "at": now,
                    }
                )
            for parent in parents:
                links.append(
                    {
                        "source_id": source_id,
                        "derived_from_id": parent,
                        "note": None,
                        "recorded_by": user.id,
                        "at": now,
                    }
                )
            acquired.append(
                {
                    "source_id": source_id,
                    "at": now,
                    "by_user": user.id,
                    "method": facts.method,
                    "url": facts.url,
                    "publisher": facts.publisher,
                    "from_person": facts.from_person,
                    "original_path": item.original_path,
                    "tool": facts.tool or "reckon add",
                    "note": facts.note,
                }
            )
            if extraction is not None:
                texts.append(_sources.text_row(locker, source_id, extraction, False, now))
        ids = {
            sources.name: source_ids,
            source_grades.name: _insert_many(conn, source_grades, grades),
            source_links.name: _insert_many(conn, source_links, links),
            acquisitions.name: _insert_many(conn, acquisitions, acquired),
            text_artifacts.name: _insert_many(conn, text_artifacts, texts),
        }
        # Custody entries in the order adding one file at a time writes them.
        rows = {
            sources.name: source_rows,
            source_grades.name: grades,
            source_links.name: links,
            acquisitions.name: acquired,
            text_artifacts.name: texts,
        }
        position = dict.fromkeys(rows, 0)
        for source_id, (item, _) in zip(source_ids, run, strict=True):
            for table, action in (
                (sources, "acquired"),
                (source_grades, "metadata-changed"),
                (source_links, "metadata-changed"),
                (acquisitions, "acquired"),
                (text_artifacts, "text-extracted"),
            ):
                table_rows, table_ids = rows[table.name], ids[table.name]
                while position[table.name] < len(table_rows):
                    index = position[table.name]
                    values = table_rows[index]
                    if table is not sources and values["source_id"] != source_id:
                        break
                    row_id = table_ids[index]
                    object_sha = values["sha256"] if table is text_artifacts else item.sha
                    writer.custody.append(
                        action,
                        OBJECT_TYPES[table.name],
                        row_id,
                        object_sha,
                        record_of(table, {**values, "id": row_id}),
                    )
                    position[table.name] += 1
                    if table is sources:
                        break
    writer.added += source_ids
    return [
        AddResult(
            item.shown,
            source_id=source_id,
            sha256=item.sha,
            new=True,
            media_type=item.media_type,
            text_status=text_status,
            warnings=[f"{item.shown}: no text ({text_error})"] if text_error else [],
        )
        for source_id, (item, (_, text_status, text_error)) in zip(source_ids, run, strict=True)
    ]

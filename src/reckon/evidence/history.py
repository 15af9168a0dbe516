"""The custody log as people read it: one source's history or the workspace's, a page at a time.

Pages go backwards from the newest entry, like ``git log``: the first page is
the latest ``limit`` entries, and ``before`` (the chain position of the
oldest entry shown) asks for the page before it. Entries within a page are in
chain order. The log holds hashes and identifiers only, so it is shown to
every user, confidential sources included.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select, tuple_

from reckon.errors import InputError
from reckon.evidence.custody import CustodyEntry
from reckon.store.schema import (
    acquisitions,
    custody_entries,
    source_grades,
    source_links,
    text_artifacts,
    users,
)

DEFAULT_LIMIT = 50


@dataclass(frozen=True)
class LogLine:
    """One custody entry with its actor's name."""

    entry: CustodyEntry
    actor: str | None

    def as_dict(self) -> dict[str, Any]:
        e = self.entry
        return {
            "seq": e.seq,
            "at": e.at.isoformat(),
            "action": e.action,
            "actor": self.actor,
            "actor_id": e.actor_id,
            "object": f"{e.object_type} {e.object_id}",
            "object_sha256": e.object_sha256,
            "detail_sha256": e.detail_sha256,
            "prev_hash": e.prev_hash,
            "entry_hash": e.entry_hash,
            "signed": bool(e.signature),
        }


@dataclass(frozen=True)
class LogPage:
    """A page of the log: its lines, how many entries match in all, and the cursor to the page before."""

    lines: list[LogLine]
    total: int
    before: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "entries": [line.as_dict() for line in self.lines],
            "next_before": self.before,
        }


def source_objects(conn: Connection, source_id: int) -> list[tuple[str, str]]:
    """The custody objects of a source: itself and its acquisitions, grades, links and texts."""
    objects = {("source", str(source_id))}
    for kind, table in (
        ("acquisition", acquisitions),
        ("grade", source_grades),
        ("link", source_links),
        ("text", text_artifacts),
    ):
        ids = conn.execute(select(table.c.id).where(table.c.source_id == source_id)).scalars()
        objects |= {(kind, str(i)) for i in ids}
    return sorted(objects)


def custody_log(
    conn: Connection,
    source_id: int | None = None,
    before: int | None = None,
    limit: int | None = DEFAULT_LIMIT,
) -> LogPage:
    """A page of the custody log, of one source (with its parts) or of the whole workspace.

    ``limit`` None or 0 gives every matching entry before ``before``.
    """
    if limit is not None and limit < 0:
        raise InputError("The page size cannot be negative.", hint="Use --limit 0 for everything.")
    if before is not None and before < 1:
        raise InputError(f"There is no custody entry before position {before}.")
    where: list[ColumnElement[bool]] = []
    if source_id is not None:
        where.append(
            tuple_(custody_entries.c.object_type, custody_entries.c.object_id).in_(
                source_objects(conn, source_id)
            )
        )
    total = int(
        conn.execute(select(func.count()).select_from(custody_entries).where(*where)).scalar_one()
    )
    if before is not None:
        where.append(custody_entries.c.seq < before)
    query = select(custody_entries).where(*where).order_by(custody_entries.c.seq.desc())
    if limit:
        query = query.limit(limit + 1)  # one more tells whether there is a page before
    rows = [CustodyEntry(**r._mapping) for r in conn.execute(query)]
    more = bool(limit) and len(rows) > (limit or 0)
    rows = rows[:limit] if limit else rows
    rows.reverse()
    names = {int(r.id): str(r.name) for r in conn.execute(select(users.c.id, users.c.name))}
    return LogPage(
        lines=[LogLine(e, names.get(e.actor_id)) for e in rows],
        total=total,
        before=rows[0].seq if more and rows else None,
    )

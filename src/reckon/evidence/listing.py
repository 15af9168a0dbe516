"""Sources as people see them: the list, and everything about one source.

A confidential source's descriptive fields are shown only to a role that may
read confidential sources, and only with the passphrase; otherwise they read
``[confidential]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from reckon.errors import LockedError
from reckon.evidence import custody
from reckon.evidence.locker import Locker
from reckon.evidence.sources import reveal_field
from reckon.evidence.text import artifacts
from reckon.keys import is_sealed_field
from reckon.roles import Permission, allows
from reckon.store.schema import (
    acquisitions,
    source_grades,
    source_links,
    sources,
    users,
)
from reckon.store.users import User

HIDDEN = "[confidential]"


@dataclass(frozen=True)
class SourceSummary:
    """One line of `reckon sources`."""

    id: int
    title: str
    media_type: str
    reliability: str
    affiliation: str | None
    confidential: bool
    sha256: str
    text_status: str


def _may_reveal(locker: Locker, user: User) -> bool:
    return allows(user.role, Permission.READ_CONFIDENTIAL) and locker.keyring.unlocked


def _shown(locker: Locker, user: User, value: str | None, column: str, sha: str) -> str | None:
    if value is None or not is_sealed_field(value):
        return value
    if not _may_reveal(locker, user):
        return HIDDEN
    try:
        return reveal_field(locker, value, column, sha)
    except LockedError:
        return HIDDEN


def list_sources(locker: Locker, conn: Connection, user: User) -> list[SourceSummary]:
    rows = conn.execute(select(sources).order_by(sources.c.id)).mappings()
    return [
        SourceSummary(
            id=row["id"],
            title=_shown(locker, user, row["title"], "title", row["sha256"]) or "",
            media_type=row["media_type"],
            reliability=row["reliability"],
            affiliation=row["affiliation"],
            confidential=row["confidential"],
            sha256=row["sha256"],
            text_status=row["text_status"],
        )
        for row in rows
    ]


def source_details(locker: Locker, conn: Connection, user: User, source_id: int) -> dict[str, Any]:
    """Metadata, grades, derivations, acquisitions, texts and custody history of one source."""
    row = conn.execute(select(sources).where(sources.c.id == source_id)).mappings().one()
    sha = row["sha256"]
    names = {int(r.id): str(r.name) for r in conn.execute(select(users.c.id, users.c.name))}
    details: dict[str, Any] = {
        key: _shown(locker, user, row[key], key, sha) if isinstance(row[key], str) else row[key]
        for key in row
        if key not in {"added_by", "blob_sha256"}
    }
    details["added_by"] = names.get(row["added_by"])
    details["grades"] = [
        {"grade": g["grade"], "reason": g["reason"], "by": names.get(g["graded_by"]), "at": g["at"]}
        for g in conn.execute(
            select(source_grades)
            .where(source_grades.c.source_id == source_id)
            .order_by(source_grades.c.id)
        ).mappings()
    ]
    details["derived_from"] = [
        int(r[0])
        for r in conn.execute(
            select(source_links.c.derived_from_id).where(source_links.c.source_id == source_id)
        )
    ]
    details["acquisitions"] = [
        {
            "at": a["at"],
            "by": names.get(a["by_user"]),
            "method": a["method"],
            "tool": a["tool"],
            **{
                key: _shown(locker, user, a[key], key, sha)
                for key in ("url", "publisher", "from_person", "original_path", "note")
            },
        }
        for a in conn.execute(
            select(acquisitions)
            .where(acquisitions.c.source_id == source_id)
            .order_by(acquisitions.c.id)
        ).mappings()
    ]
    texts = artifacts(conn, source_id)
    details["texts"] = [
        {
            "id": t["id"],
            "extractor": f"{t['extractor']} {t['extractor_version']}",
            "chars": t["chars"],
            "pages": len(t["page_starts"]) if t["page_starts"] else None,
            "confidence": t["confidence"],
            "sha256": t["sha256"],
        }
        for t in texts
    ]
    details["custody"] = [
        {
            "seq": e.seq,
            "at": e.at,
            "action": e.action,
            "by": names.get(e.actor_id),
            "object": f"{e.object_type} {e.object_id}",
            "hash": e.entry_hash,
        }
        for e in source_history(conn, source_id)
    ]
    return details


def source_history(conn: Connection, source_id: int) -> list[custody.CustodyEntry]:
    """Custody entries about a source and its acquisitions, grades, links and texts."""
    from reckon.evidence.history import custody_log

    return [line.entry for line in custody_log(conn, source_id, limit=None).lines]

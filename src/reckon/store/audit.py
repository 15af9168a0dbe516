"""The audit log: every write records who did it, what and when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from reckon.store.schema import audit_entries, users
from reckon.store.types import utcnow

if TYPE_CHECKING:
    from reckon.store.users import User


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user: str
    action: str
    object_type: str
    object_id: str | None
    detail: Any


def record(
    conn: Connection,
    user: User,
    action: str,
    object_type: str,
    object_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one audit entry in the caller's transaction."""
    # A constant statement with separate parameters is compiled once and cached.
    conn.execute(
        audit_entries.insert(),
        {
            "at": utcnow(),
            "user_id": user.id,
            "action": action,
            "object_type": object_type,
            "object_id": object_id,
            "detail": detail,
        },
    )


def entries(
    conn: Connection, object_type: str | None = None, object_id: str | None = None
) -> list[AuditEntry]:
    query = (
        select(audit_entries, users.c.name.label("user_name"))
        .join(users, users.c.id == audit_entries.c.user_id)
        .order_by(audit_entries.c.id)
    )
    if object_type is not None:
        query = query.where(audit_entries.c.object_type == object_type)
    if object_id is not None:
        query = query.where(audit_entries.c.object_id == object_id)
    return [
        AuditEntry(
            id=row.id,
            at=row.at,
            user=row.user_name,
            action=row.action,
            object_type=row.object_type,
            object_id=row.object_id,
            detail=row.detail,
        )
        for row in conn.execute(query)
    ]

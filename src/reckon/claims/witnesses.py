"""Witnesses and submitters: who gave testimony or information, kept sealed.

The whole record (the source, the person, their role, name, contact and
location) is one ``enc1:`` token: the database shows that some witness record
exists, not whose or for which source. Reading one needs the passphrase and a
role allowed to reveal identities, and every reveal goes into the audit log.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from reckon.claims.protect import open_json, seal_json
from reckon.errors import InputError
from reckon.evidence.locker import Locker
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import sources, witnesses
from reckon.store.types import utcnow
from reckon.store.users import User

WITNESS_ROLES = ("witness", "submitter")


def add_witness(
    conn: Connection,
    locker: Locker,
    user: User,
    *,
    source_id: int,
    name: str,
    role: str = "witness",
    person_id: int | None = None,
    contact: str | None = None,
    location: str | None = None,
    relation: str | None = None,
) -> int:
    """Record, sealed, that ``name`` gave testimony or information for a source."""
    user.require(Permission.CODE_CLAIMS)
    if role not in WITNESS_ROLES:
        raise InputError(f"'{role}' is not a witness role.", hint="Use witness or submitter.")
    if conn.execute(select(sources.c.id).where(sources.c.id == source_id)).first() is None:
        raise InputError(f"There is no source {source_id}.")
    result = conn.execute(
        witnesses.insert().values(sealed="", created_at=utcnow(), created_by=user.id)
    )
    witness_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    record = {
        "source_id": source_id,
        "person_id": person_id,
        "role": role,
        "name": name,
        "contact": contact,
        "location": location,
        "relation": relation,
    }
    sealed = seal_json(locker, record, f"witness:{witness_id}")
    conn.execute(witnesses.update().where(witnesses.c.id == witness_id).values(sealed=sealed))
    audit.record(conn, user, "witness-added", "witness", str(witness_id))
    return witness_id


def reveal_witnesses(
    conn: Connection, locker: Locker, user: User, *, person_id: int | None = None
) -> list[dict[str, Any]]:
    """The witness records (of one person, or all), for a role allowed to reveal them; audited."""
    user.require(Permission.REVEAL_IDENTITIES)
    found = []
    for row in conn.execute(select(witnesses).order_by(witnesses.c.id)):
        record = open_json(locker, row.sealed, f"witness:{row.id}")
        if person_id is not None and record.get("person_id") != person_id:
            continue
        found.append({"id": int(row.id), **record})
    audit.record(
        conn,
        user,
        "witness-revealed",
        "witness",
        None if person_id is None else f"person:{person_id}",
        {"records": [r["id"] for r in found]},
    )
    return found

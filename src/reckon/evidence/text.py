"""Read a source's text: the artifact other features point into by character offsets.

A text artifact never changes once written; a new extractor version writes a
new one. `source_text` returns the newest artifact of a source unless another
is asked for by id. Reading a confidential source's text needs a role that
allows it and the passphrase, and the reading is recorded in the custody log
as "revealed" (so pass a connection from ``engine.begin()``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from reckon.errors import IntegrityError, NotFoundError
from reckon.evidence import custody
from reckon.evidence.locker import Locker
from reckon.roles import Permission
from reckon.store.schema import sources, text_artifacts
from reckon.store.users import User


@dataclass(frozen=True)
class SourceText:
    """One text artifact with its text."""

    artifact_id: int
    source_id: int
    text: str
    sha256: str
    extractor: str
    extractor_version: str
    page_starts: list[int] | None = None
    confidence: float | None = None
    info: dict[str, str] = field(default_factory=dict)

    def page_of(self, offset: int) -> int:
        """The 1-based page on which character ``offset`` lies (1 for unpaged text)."""
        if not self.page_starts:
            return 1
        page = 1
        for number, start in enumerate(self.page_starts, start=1):
            if start <= offset:
                page = number
        return page


def stored_bytes(locker: Locker, row: Any) -> bytes:
    """The bytes a text artifact row keeps: in the store, or (older texts) in the blob store."""
    content = row["content"]
    return bytes(content) if content is not None else locker.blobs.read(row["blob_sha256"])


def artifacts(conn: Connection, source_id: int) -> list[dict[str, Any]]:
    """The text artifacts of a source (without their text), oldest first."""
    columns = [c for c in text_artifacts.columns if c.name != "content"]
    rows = conn.execute(
        select(*columns)
        .where(text_artifacts.c.source_id == source_id)
        .order_by(text_artifacts.c.id)
    ).mappings()
    return [dict(row) for row in rows]


def source_text(
    locker: Locker,
    conn: Connection,
    user: User,
    source_id: int,
    artifact_id: int | None = None,
) -> SourceText | None:
    """The newest text of ``source_id`` (or artifact ``artifact_id``); None if it has none."""
    source = conn.execute(
        select(sources.c.id, sources.c.confidential, sources.c.sha256).where(
            sources.c.id == source_id
        )
    ).first()
    if source is None:
        raise NotFoundError(f"There is no source {source_id}.")
    query = select(text_artifacts).where(text_artifacts.c.source_id == source_id)
    if artifact_id is not None:
        query = query.where(text_artifacts.c.id == artifact_id)
    row = conn.execute(query.order_by(text_artifacts.c.id.desc()).limit(1)).mappings().first()
    if row is None:
        if artifact_id is not None:
            raise NotFoundError(f"Source {source_id} has no text artifact {artifact_id}.")
        return None
    stored = stored_bytes(locker, row)
    info_text = row["info"]
    if source.confidential:
        user.require(Permission.READ_CONFIDENTIAL)
        data = locker.keyring.open(stored, f"text:{row['sha256']}".encode())
        if info_text is not None:
            info_text = locker.keyring.open_field(info_text, f"info:{row['sha256']}")
        custody.append(conn, locker.keyring, user, "revealed", "text", row["id"], row["sha256"])
    else:
        data = stored
    if hashlib.sha256(data).hexdigest() != row["sha256"]:
        raise IntegrityError(
            f"The text of source {source_id} (artifact {row['id']}) does not match its hash.",
            hint="Run 'reckon verify' and restore the workspace from a backup.",
        )
    return SourceText(
        artifact_id=int(row["id"]),
        source_id=source_id,
        text=data.decode("utf-8"),
        sha256=row["sha256"],
        extractor=row["extractor"],
        extractor_version=row["extractor_version"],
        page_starts=row["page_starts"],
        confidence=row["confidence"],
        info=json.loads(info_text) if info_text else {},
    )

"""Sources as case files and exports cite them, read through the evidence locker."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from reckon.evidence import custody
from reckon.evidence.listing import HIDDEN, source_details
from reckon.evidence.locker import Locker
from reckon.publish.views import CustodyLine, SourceView
from reckon.store.users import User


def source_view(locker: Locker, conn: Connection, user: User, source_id: int) -> SourceView:
    """One source with its custody record; a confidential one's details only if ``user`` may."""
    details: dict[str, Any] = source_details(locker, conn, user, source_id)
    confidential = bool(details["confidential"])
    title = details.get("title") or details.get("original_name") or f"source {source_id}"
    if confidential and title == HIDDEN:
        title = f"confidential source {source_id}"
    lines = tuple(
        CustodyLine(
            seq=int(entry["seq"]),
            at=entry["at"]
            if isinstance(entry["at"], datetime)
            else datetime.fromisoformat(entry["at"]),
            action=str(entry["action"]),
            by=entry.get("by"),
            object=str(entry["object"]),
            entry_hash=str(entry["hash"]),
        )
        for entry in details.get("custody", [])
    )
    return SourceView(
        id=str(source_id),
        title=str(title),
        sha256=str(details["sha256"]),
        reliability=str(details["reliability"]),
        confidential=confidential,
        publisher=None if confidential else details.get("publisher"),
        published=details.get("published"),
        url=None if confidential else _first_url(details),
        affiliation=details.get("affiliation"),
        media_type=details.get("media_type"),
        derived_from=tuple(str(i) for i in details.get("derived_from", [])),
        custody=lines,
    )


def _first_url(details: dict[str, Any]) -> str | None:
    for acquisition in details.get("acquisitions", []):
        url = acquisition.get("url")
        if url and url != HIDDEN:
            return str(url)
    return None


def custody_head(conn: Connection) -> str | None:
    """The custody log's head hash now (printed in a case file so it can be checked later)."""
    entry = custody.head(conn)
    return None if entry is None else entry.entry_hash

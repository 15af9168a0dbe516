"""Prove that nothing changed: every blob, every text, every record and the whole custody log.

`verify` recomputes the SHA-256 of every stored source and text (decrypting
confidential ones when the passphrase is at hand), checks that every evidence
record matches the hash its custody entry holds, and walks the custody chain
checking each entry's hash, its link to the one before and its signature.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from sqlalchemy import Connection, Table, select

from reckon.errors import IntegrityError, ReckonError, WorkspaceError
from reckon.evidence import custody
from reckon.evidence.custody import CustodyEntry, Problem
from reckon.evidence.locker import Locker, record_of
from reckon.evidence.sources import OBJECT_TYPES
from reckon.keys import public_key_from_text, public_key_text
from reckon.store.schema import (
    acquisitions,
    source_grades,
    source_links,
    sources,
    text_artifacts,
    workspace_settings,
)

CHECKED_TABLES: tuple[Table, ...] = (
    sources,
    acquisitions,
    source_grades,
    source_links,
    text_artifacts,
)


@dataclass
class VerifyReport:
    """What `verify` checked and every problem it found."""

    sources: int = 0
    texts: int = 0
    confidential: int = 0
    entries: int = 0
    encrypted_checked: bool = True
    head: CustodyEntry | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "sources": self.sources,
            "texts": self.texts,
            "custody_entries": self.entries,
            "confidential_content_checked": self.encrypted_checked,
            "head": None if self.head is None else self.head.entry_hash,
            "problems": [p.as_dict() for p in self.problems],
        }


def _blob_problem(locker: Locker, subject: str, blob_sha: str) -> Problem | None:
    if not locker.blobs.exists(blob_sha):
        return Problem(subject, "missing", f"its stored bytes ({blob_sha[:12]}…) are missing.")
    try:
        actual = locker.blobs.digest(blob_sha)
    except (OSError, ReckonError) as exc:
        return Problem(subject, "unreadable", f"its stored bytes cannot be read ({exc}).")
    if actual != blob_sha:
        return Problem(subject, "altered", f"its stored bytes changed (now {actual[:12]}…).")
    return None


def _plain_problem(
    locker: Locker, subject: str, stored: BinaryIO, sha: str, aad: str
) -> Problem | None:
    digest = hashlib.sha256()
    try:
        for chunk in locker.keyring.open_stored(stored, aad.encode()):
            digest.update(chunk)
    except IntegrityError as exc:
        return Problem(subject, "altered", f"its encrypted bytes fail their integrity check: {exc}")
    if digest.hexdigest() != sha:
        return Problem(subject, "altered", "its decrypted bytes do not match the recorded hash.")
    return None


def _check_key(locker: Locker, conn: Connection, report: VerifyReport) -> Any:
    try:
        public = locker.keyring.public_key
    except WorkspaceError as exc:
        report.problems.append(Problem("signing key", "missing", str(exc)))
        return None
    stored = conn.execute(
        select(workspace_settings.c.value).where(workspace_settings.c.key == "custody_public_key")
    ).scalar()
    if stored is not None and stored != public_key_text(public):
        report.problems.append(
            Problem(
                "signing key",
                "replaced",
                "keys/signing-key.pem is not the key this workspace was created with.",
            )
        )
        return public_key_from_text(stored)
    return public


def verify(locker: Locker, expect_head: str | None = None) -> VerifyReport:
    """Check everything; the report lists each problem (an empty list means intact)."""
    report = VerifyReport(encrypted_checked=locker.keyring.unlocked)
    with locker.workspace.engine.connect() as conn:
        public = _check_key(locker, conn, report)
        log = custody.entries(conn)
        report.entries = len(log)
        report.head = log[-1] if log else None
        if public is not None:
            report.problems += custody.check_chain(log, public)
        if expect_head is not None and expect_head not in {e.entry_hash for e in log}:
            report.problems.append(
                Problem(
                    "custody log",
                    "truncated",
                    f"the published head {expect_head[:16]}… is not in the log "
                    "(entries were removed from its end, or it was rewritten).",
                )
            )
        latest: dict[tuple[str, str], CustodyEntry] = {}
        for entry in log:
            if entry.detail_sha256 is not None and entry.action in custody.RECORD_ACTIONS:
                latest[(entry.object_type, entry.object_id)] = entry
        present: set[tuple[str, str]] = set()
        secret = set(
            conn.execute(select(sources.c.id).where(sources.c.confidential.is_(True))).scalars()
        )
        for table in CHECKED_TABLES:
            kind = OBJECT_TYPES[table.name]
            for row in conn.execute(select(table).order_by(table.c.id)).mappings():
                key = (kind, str(row["id"]))
                present.add(key)
                subject = f"{kind} {row['id']}"
                logged = latest.get(key)
                if logged is None:
                    report.problems.append(
                        Problem(
                            subject,
                            "unlogged",
                            "it is not in the custody log (added outside reckon).",
                        )
                    )
                elif custody.canonical_hash(record_of(table, row)) != logged.detail_sha256:
                    report.problems.append(
                        Problem(
                            subject,
                            "altered",
                            f"its record differs from what custody entry {logged.seq} holds "
                            "(changed outside reckon).",
                        )
                    )
                if table is sources:
                    report.sources += 1
                    report.confidential += int(bool(row["confidential"]))
                    _check_content(
                        locker, report, subject, row, f"source:{row['sha256']}", row["confidential"]
                    )
                elif table is text_artifacts:
                    report.texts += 1
                    confidential = row["source_id"] in secret
                    _check_content(
                        locker, report, subject, row, f"text:{row['sha256']}", confidential
                    )
        for key, entry in latest.items():
            if key[0] in OBJECT_TYPES.values() and key not in present:
                report.problems.append(
                    Problem(
                        f"{key[0]} {key[1]}",
                        "deleted",
                        f"custody entry {entry.seq} records it but it is no longer in the store.",
                    )
                )
    return report


def _check_content(
    locker: Locker,
    report: VerifyReport,
    subject: str,
    row: Any,
    aad: str,
    confidential: bool,
) -> None:
    inline = row.get("content")
    if inline is not None:
        stored = bytes(inline)
        problem = (
            None
            if hashlib.sha256(stored).hexdigest() == row["blob_sha256"]
            else Problem(subject, "altered", "its stored text does not match its hash.")
        )
    else:
        problem = _blob_problem(locker, subject, row["blob_sha256"])
        stored = b""
    if problem is None and not confidential and row["blob_sha256"] != row["sha256"]:
        problem = Problem(subject, "altered", "its recorded hash and its stored bytes disagree.")
    if problem is None and confidential and locker.keyring.unlocked:
        with (
            io.BytesIO(stored) if inline is not None else locker.blobs.open(row["blob_sha256"])
        ) as handle:
            problem = _plain_problem(locker, subject, handle, row["sha256"], aad)
    if problem is not None:
        report.problems.append(problem)

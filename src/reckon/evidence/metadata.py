"""Change what is recorded about a source (its grade) and record verifications.

Each change is a new row and a "metadata-changed" custody entry; the history
of grades, with who graded and why, is kept.
"""

from __future__ import annotations

from sqlalchemy import select, update

from reckon.errors import InputError
from reckon.evidence import custody
from reckon.evidence.locker import Locker
from reckon.evidence.sources import Writer, add_grade, resolve_source
from reckon.evidence.verify import VerifyReport
from reckon.store import audit
from reckon.store.schema import sources
from reckon.store.schema.evidence import GRADES


def set_grade(locker: Locker, source: str | int, grade: str, reason: str | None) -> int:
    """Grade a source A–F with a reason; returns its id."""
    grade = grade.strip().upper()
    if grade not in GRADES:
        raise InputError(f"'{grade}' is not a reliability grade.", hint="Use one of A–F.")
    with Writer(locker) as writer, writer.one_file():
        conn = writer.conn
        assert conn is not None
        source_id = resolve_source(conn, source)
        sha = conn.execute(select(sources.c.sha256).where(sources.c.id == source_id)).scalar_one()
        add_grade(writer, source_id, sha, grade, reason)
        conn.execute(update(sources).where(sources.c.id == source_id).values(reliability=grade))
        writer.log_row(sources, source_id, "metadata-changed", sha)
        audit.record(conn, writer.user, "source-graded", "source", str(source_id), {"grade": grade})
    return source_id


def record_verified(locker: Locker, report: VerifyReport) -> None:
    """Append a "verified" entry naming the head that was found intact."""
    if report.head is None:
        return
    with locker.writing() as (conn, user):
        custody.append(
            conn, locker.keyring, user, "verified", "log", "head", report.head.entry_hash
        )

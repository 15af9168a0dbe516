"""Receive a submission as a confidential source, and list the moderation queue.

The sender gets a receipt code instead of an account. reckon keeps only the
code's SHA-256, so the code links the sender to the submission only in the
sender's hands. The text goes into the evidence locker as a confidential
source (encrypted at rest, custody-logged); an optional contact is kept as an
encrypted field of the queue row, readable only by a role that may reveal
identities. Nothing about the request (address, browser) is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, select

from reckon.errors import InputError, LockedError, NotFoundError, ReckonError
from reckon.evidence import Locker, SourceFacts, add_bytes, source_text
from reckon.roles import Permission, allows
from reckon.store import audit
from reckon.store.schema import submissions
from reckon.store.types import utcnow
from reckon.store.users import User, acting_user

MAX_TEXT: Final = 20_000
MAX_FIELD: Final = 300
# Crockford's base32 without look-alikes: a code read aloud or copied by hand survives.
_ALPHABET: Final = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
HIDDEN: Final = "(hidden: your role may not see who sent this)"


class SubmissionsClosed(ReckonError):
    """The register cannot store submissions now (its confidential store is locked)."""

    http_status = 503


def new_receipt() -> str:
    """A receipt code such as ``K7QM-2XWD-9TPA`` (about 59 bits of randomness)."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(12))
    return "-".join(chars[i : i + 4] for i in range(0, 12, 4))


def _receipt_hash(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode("ascii", "ignore")).hexdigest()


def _clean(value: str | None, limit: int, what: str) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if len(value) > limit:
        raise InputError(f"The {what} is longer than {limit:,} characters.", hint="Shorten it.")
    return value


def receive(
    locker: Locker, text: str, person: str = "", contact: str = "", language: str = "en"
) -> str:
    """Store a submission; returns the receipt code to show the sender (and nowhere else)."""
    text = _clean(text, MAX_TEXT, "text")
    person = _clean(person, MAX_FIELD, "name")
    contact = _clean(contact, MAX_FIELD, "contact")
    if not text:
        raise InputError("The submission is empty.", hint="Write what you know in the text box.")
    if not locker.keyring.unlocked:
        raise SubmissionsClosed(
            "This register cannot accept submissions right now.",
            hint="Please try again later; nothing you wrote was stored.",
        )
    receipt = new_receipt()
    receipt_sha = _receipt_hash(receipt)
    # The receipt hash makes the bytes unique, so that two identical texts are two submissions.
    document = f"Submission {receipt_sha[:16]}\nPerson: {person or '-'}\n\n{text}\n"
    try:
        result = add_bytes(
            locker,
            document.encode("utf-8"),
            "submission.txt",
            SourceFacts(
                title="Submission through the web form",
                confidential=True,
                method="submission",
                tool="reckon web form",
            ),
        )
    except LockedError as exc:
        raise SubmissionsClosed(
            "This register cannot accept submissions right now.",
            hint="Please try again later; nothing you wrote was stored.",
        ) from exc
    assert result.source_id is not None
    with locker.workspace.engine.begin() as conn:
        user = acting_user(conn, locker.workspace.settings.user)
        sealed = (
            locker.keyring.seal_field(contact, f"submission-contact:{receipt_sha}")
            if contact
            else None
        )
        key = conn.execute(
            submissions.insert().values(
                source_id=result.source_id,
                receipt_sha256=receipt_sha,
                contact=sealed,
                language=language[:8],
                status="new",
                received_at=utcnow(),
            )
        ).inserted_primary_key
        assert key is not None
        audit.record(conn, user, "submission-received", "submission", str(key[0]))
    return receipt


def receipt_status(conn: Connection, code: str) -> str:
    """The moderation status of the submission with this receipt code."""
    status = conn.execute(
        select(submissions.c.status).where(submissions.c.receipt_sha256 == _receipt_hash(code))
    ).scalar()
    if status is None:
        raise NotFoundError("No submission has this receipt code.", hint="Check the code.")
    return str(status)


@dataclass(frozen=True)
class QueueItem:
    """One submission as a moderator sees it."""

    id: int
    source_id: int
    status: str
    language: str
    received_on: str
    text: str
    contact: str | None


def pending(locker: Locker, conn: Connection, user: User) -> list[QueueItem]:
    """Submissions awaiting moderation, oldest first; reading each is custody-logged.

    Needs a role that may read confidential sources; the sender's contact is
    shown only to a role that may reveal identities. Pass a connection from
    ``engine.begin()``: revealing a confidential text writes to the custody log.
    """
    user.require(Permission.READ_CONFIDENTIAL)
    reveal = allows(user.role, Permission.REVEAL_IDENTITIES)
    rows = conn.execute(
        select(submissions).where(submissions.c.status == "new").order_by(submissions.c.id)
    ).all()
    items = []
    for row in rows:
        text = source_text(locker, conn, user, row.source_id)
        contact = None
        if row.contact:
            contact = (
                locker.keyring.open_field(row.contact, f"submission-contact:{row.receipt_sha256}")
                if reveal
                else HIDDEN
            )
        body = text.text if text is not None else ""
        items.append(
            QueueItem(
                id=row.id,
                source_id=row.source_id,
                status=row.status,
                language=row.language,
                received_on=row.received_at.date().isoformat(),
                text=body.split("\n", 1)[1] if body.startswith("Submission ") else body,
                contact=contact,
            )
        )
    return items

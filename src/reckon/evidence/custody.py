"""The custody log: an append-only, hash-chained, signed record of what happened to evidence.

Each entry names an action, the acting user's id, the UTC time, the object
(a type and an id), the object's SHA-256 and the SHA-256 of the object's
record (its metadata as canonical JSON), and the hash of the entry before it.
Its own hash covers all of that. Editing, deleting or reordering any entry
breaks the chain; `check_chain` finds where. Entries hold hashes and
identifiers only, never personal data.

Signatures seal the chain: the last entry that one transaction writes is signed
with the workspace's Ed25519 key (its ``signature``; the entries before it in
the same transaction have an empty one). Because every entry's hash covers the
hash before it, that one signature covers every entry back to the previous
seal, as a signature on each entry would, at a fraction of the cost (adding a
thousand web pages signed three thousand times otherwise). An entry whose
content was edited is still named by its own hash; an attacker who also
rewrites the hashes after it breaks the seal that covers it, and `check_chain`
names that seal's range. Entries after the last seal are reported as unsealed.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, select, text

from reckon.errors import InputError
from reckon.keys import Keyring, verify_signature
from reckon.store.schema import custody_entries
from reckon.store.types import utcnow
from reckon.store.users import User

GENESIS = "0" * 64
ACTIONS = (
    "acquired",
    "seen-again",
    "text-extracted",
    "metadata-changed",
    "exported",
    "revealed",
    "verified",
)
# Actions whose detail hash covers the object's stored record (what verify compares).
RECORD_ACTIONS = frozenset({"acquired", "seen-again", "text-extracted", "metadata-changed"})
_INSERT_ENTRY = custody_entries.insert()
# A fixed number that names the custody log's lock on PostgreSQL.
_PG_LOCK_KEY = 0x7265636B6F6E


@dataclass(frozen=True)
class CustodyEntry:
    """One entry of the custody log as stored."""

    seq: int
    at: datetime
    action: str
    actor_id: int
    object_type: str
    object_id: str
    object_sha256: str | None
    detail_sha256: str | None
    prev_hash: str
    entry_hash: str
    signature: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat(),
            "action": self.action,
            "actor_id": self.actor_id,
            "object_type": self.object_type,
            "object_id": self.object_id,
            "object_sha256": self.object_sha256,
            "detail_sha256": self.detail_sha256,
            "prev_hash": self.prev_hash,
            "entry_hash": self.entry_hash,
            "signature": self.signature,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CustodyEntry:
        return cls(
            seq=int(data["seq"]),
            at=datetime.fromisoformat(str(data["at"])),
            action=str(data["action"]),
            actor_id=int(data["actor_id"]),
            object_type=str(data["object_type"]),
            object_id=str(data["object_id"]),
            object_sha256=data.get("object_sha256"),
            detail_sha256=data.get("detail_sha256"),
            prev_hash=str(data["prev_hash"]),
            entry_hash=str(data["entry_hash"]),
            signature=str(data["signature"]),
        )


@dataclass(frozen=True)
class Problem:
    """One thing `verify` found wrong: what (``subject``) and how."""

    subject: str
    kind: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"subject": self.subject, "kind": self.kind, "message": self.message}


def canonical_hash(record: Mapping[str, Any]) -> str:
    """SHA-256 of a record as canonical JSON (sorted keys, datetimes in ISO form)."""
    data = json.dumps(
        record, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain
    )
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"cannot hash a {type(value).__name__} in a custody record")


def entry_hash(
    seq: int,
    at: datetime,
    action: str,
    actor_id: int,
    object_type: str,
    object_id: str,
    object_sha256: str | None,
    detail_sha256: str | None,
    prev_hash: str,
) -> str:
    """The hash an entry is known by; it covers every field and the previous entry's hash."""
    fields = [
        "reckon custody 1",
        str(seq),
        at.isoformat(),
        action,
        str(actor_id),
        object_type,
        object_id,
        object_sha256 or "",
        detail_sha256 or "",
        prev_hash,
    ]
    return hashlib.sha256("\n".join(fields).encode("utf-8")).hexdigest()


def _lock(conn: Connection) -> None:
    # Two writers must not both append after the same head; SQLite serialises
    # writers itself, PostgreSQL needs a lock held until the transaction ends.
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


class Appender:
    """Appends entries in one transaction, keeping the head in memory between them.

    It takes the custody lock once; `mark` and `reset` let a caller roll a
    savepoint back and the head with it. Buffered entries are written by
    `flush`, in one statement, the newest signed (the seal of all of them).
    """

    def __init__(
        self, conn: Connection, keyring: Keyring, actor: User, buffered: bool = False
    ) -> None:
        self.conn = conn
        self.keyring = keyring
        self.actor = actor
        # Buffered entries are inserted together by `flush` (one statement for many).
        self.buffered = buffered
        self.pending: list[dict[str, Any]] = []
        _lock(conn)
        self.seq, self.head = self._read_head()

    def _read_head(self) -> tuple[int, str]:
        last = self.conn.execute(
            select(custody_entries.c.seq, custody_entries.c.entry_hash)
            .order_by(custody_entries.c.seq.desc())
            .limit(1)
        ).first()
        return (0, GENESIS) if last is None else (int(last.seq), str(last.entry_hash))

    def mark(self) -> tuple[int, str, int]:
        return self.seq, self.head, len(self.pending)

    def reset(self, mark: tuple[int, str, int]) -> None:
        self.seq, self.head, kept = mark
        del self.pending[kept:]

    def flush(self) -> None:
        """Sign the newest pending entry (sealing those before it) and write them all."""
        if self.pending:
            newest = self.pending[-1]
            newest["signature"] = sign_hash(self.keyring, newest["entry_hash"])
            self.conn.execute(_INSERT_ENTRY, self.pending)
            self.pending = []

    def append(
        self,
        action: str,
        object_type: str,
        object_id: str | int,
        object_sha256: str | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> CustodyEntry:
        if action not in ACTIONS:
            raise InputError(f"'{action}' is not a custody action.", hint=f"Use one of {ACTIONS}.")
        seq = self.seq + 1
        at = utcnow()
        detail_sha = None if detail is None else canonical_hash(detail)
        digest = entry_hash(
            seq,
            at,
            action,
            self.actor.id,
            object_type,
            str(object_id),
            object_sha256,
            detail_sha,
            self.head,
        )
        entry = CustodyEntry(
            seq=seq,
            at=at,
            action=action,
            actor_id=self.actor.id,
            object_type=object_type,
            object_id=str(object_id),
            object_sha256=object_sha256,
            detail_sha256=detail_sha,
            prev_hash=self.head,
            entry_hash=digest,
            signature="",
        )
        row = _row_values(entry)
        self.pending.append(row)
        self.seq, self.head = seq, digest
        if not self.buffered:
            self.flush()
            return replace(entry, signature=row["signature"])
        return entry


def sign_hash(keyring: Keyring, digest: str) -> str:
    """The workspace key's signature of an entry hash, as stored (base64)."""
    return base64.b64encode(keyring.sign(bytes.fromhex(digest))).decode("ascii")


def append(
    conn: Connection,
    keyring: Keyring,
    actor: User,
    action: str,
    object_type: str,
    object_id: str | int,
    object_sha256: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> CustodyEntry:
    """Append one signed entry in the caller's transaction and return it (unsigned in the copy)."""
    return Appender(conn, keyring, actor).append(
        action, object_type, object_id, object_sha256, detail
    )


def _row_values(entry: CustodyEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at,
        "action": entry.action,
        "actor_id": entry.actor_id,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_sha256": entry.object_sha256,
        "detail_sha256": entry.detail_sha256,
        "prev_hash": entry.prev_hash,
        "entry_hash": entry.entry_hash,
        "signature": entry.signature,
    }


def entries(
    conn: Connection, object_type: str | None = None, object_id: str | int | None = None
) -> list[CustodyEntry]:
    """Custody entries in order, optionally only those of one object."""
    query = select(custody_entries).order_by(custody_entries.c.seq)
    if object_type is not None:
        query = query.where(custody_entries.c.object_type == object_type)
    if object_id is not None:
        query = query.where(custody_entries.c.object_id == str(object_id))
    return [CustodyEntry(**row._mapping) for row in conn.execute(query)]


def head(conn: Connection) -> CustodyEntry | None:
    """The newest entry: its hash, published, pins the whole history before it."""
    row = conn.execute(
        select(custody_entries).order_by(custody_entries.c.seq.desc()).limit(1)
    ).first()
    return None if row is None else CustodyEntry(**row._mapping)


def recompute(entry: CustodyEntry, seq: int | None = None) -> str:
    return entry_hash(
        entry.seq if seq is None else seq,
        entry.at,
        entry.action,
        entry.actor_id,
        entry.object_type,
        entry.object_id,
        entry.object_sha256,
        entry.detail_sha256,
        entry.prev_hash,
    )


def signature_ok(entry: CustodyEntry, public_key: Ed25519PublicKey) -> bool:
    try:
        signature = base64.b64decode(entry.signature, validate=True)
        message = bytes.fromhex(entry.entry_hash)
    except ValueError:
        return False
    return verify_signature(public_key, message, signature)


def check_chain(log: list[CustodyEntry], public_key: Ed25519PublicKey) -> list[Problem]:
    """Every break in a log given in stored order: altered, unsealed, missing or reordered entries."""
    problems: list[Problem] = []
    recomputed = {e.seq: recompute(e) for e in log}
    mismatched = [e.seq for e in log if recomputed[e.seq] != e.entry_hash]
    expected_seq = 1
    prev = GENESIS
    sealed_after = 0  # the seq of the last entry with a signature
    for entry in log:
        subject = f"custody entry {entry.seq}"
        if entry.seq != expected_seq:
            missing = (
                f"entry {expected_seq}"
                if entry.seq == expected_seq + 1
                else f"entries {expected_seq}–{entry.seq - 1}"
            )
            problems.append(
                Problem(subject, "missing", f"{missing} before it are missing (deleted).")
            )
        intact = recomputed[entry.seq] == entry.entry_hash
        if not intact:
            # A row moved to another place still matches its hash at its original number.
            origin = next(
                (
                    s
                    for s in mismatched
                    if s != entry.seq and recompute(entry, s) == entry.entry_hash
                ),
                None,
            )
            if origin is not None:
                problems.append(
                    Problem(
                        subject,
                        "out-of-order",
                        f"it holds entry {origin}'s content: the log was reordered.",
                    )
                )
            else:
                problems.append(
                    Problem(subject, "altered", "its content does not match its hash (edited).")
                )
        elif entry.signature and not signature_ok(entry, public_key):
            covered = (
                "it" if sealed_after + 1 >= entry.seq else f"entries {sealed_after + 1}–{entry.seq}"
            )
            problems.append(
                Problem(
                    subject,
                    "bad-signature",
                    f"its signature, which seals {covered}, is not the workspace key's: "
                    "one of them was rewritten.",
                )
            )
        elif entry.prev_hash != prev:
            problems.append(
                Problem(
                    subject,
                    "broken-chain",
                    "it does not follow the entry stored before it "
                    "(an entry was removed, altered or moved).",
                )
            )
        if entry.signature:
            sealed_after = entry.seq
        prev = entry.entry_hash
        expected_seq = entry.seq + 1
    if log and not log[-1].signature:
        first = next(e.seq for e in log if e.seq > sealed_after)
        last = log[-1].seq
        span = f"custody entry {last}" if first == last else f"custody entries {first}–{last}"
        problems.append(
            Problem(
                span,
                "unsealed",
                "no signature covers them: they were written without the workspace key, "
                "or the entry that sealed them was removed.",
            )
        )
    return problems

"""Erasure that survives backups and an append-only log: one key per person, destroyed on shred.

Personal data of a person (names, father's name, birth date, address,
contacts) is kept in ``person_data``, each field sealed (AES-GCM) with a
random key of that person alone. The person keys are wrapped by the
workspace's *erasure key* of the current epoch, kept outside the database in
``keys/erasure-key-N.json`` (beside the signing key, protected like it by the
folder's permissions: it needs no passphrase, so that importing and linking
lists, which seal every record's names, work without one).

``reckon shred PERSON`` starts a new epoch: every other person's key is
re-wrapped under a new erasure key, the shredded person's wrapped key is
dropped, and the old erasure key file is overwritten and deleted. From then
on no copy of the database, an earlier backup included, can open that
person's data: the backup holds their key only wrapped under an erasure key
that no longer exists. The custody log holds hashes and identifiers only and
is not touched, so `reckon verify` still passes. See docs/erasure.md.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, delete, insert, inspect, select, update

from reckon.errors import ConflictError, InputError, NotFoundError, WorkspaceError
from reckon.keys import Keyring, new_key, open_with, seal_with
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import person_data, person_keys, workspace_settings
from reckon.store.types import utcnow
from reckon.store.users import User
from reckon.workspace import Workspace

EPOCH_SETTING = "erasure_epoch"
FORMAT = "reckon erasure key 2"
FORMAT_WRAPPED = "reckon erasure key 1"  # wrapped by the data key (read, never written now)
_CHUNK = 500

# Which person records (subjects) make up a person; the linkage module may register a
# function that returns a cluster's records. By default a person is its own subject.
SubjectsOf = Callable[[Connection, str], list[str]]
SUBJECTS_OF: list[SubjectsOf] = []


# What else a shred must overwrite in the same transaction (plaintext copies kept for
# speed, search entries): each gets the shredded subjects and returns rows changed.
Scrubber = Callable[[Connection, list[str]], int]
SCRUBBERS: list[Scrubber] = []


def subjects_of(conn: Connection, person_ref: str) -> list[str]:
    """Every erasure subject of the person ``person_ref`` names now.

    The person's references (`reckon.publish.equivalence`: a cluster's records, the
    named persons a coder tied to them) are followed, so a shred of ``P12`` reaches the
    named person ``N5`` tied to it, and the other way round.
    """
    from reckon.publish.equivalence import same_person
    from reckon.publish.readers import readers

    readers()  # installed features register their SUBJECTS_OF and SCRUBBERS with their readers
    found = {person_ref}
    for ref in sorted(same_person(conn, [person_ref])):
        for resolve in SUBJECTS_OF:
            found.update(resolve(conn, ref))
    return sorted(found)


# Library code given only a connection finds the keys folder of the workspace whose
# engine made it (registered by `PersonVault.register`, which `Workspace` calls).
_KEYS_DIRS: WeakKeyDictionary[Engine, Keyring] = WeakKeyDictionary()


def vault_for(conn: Connection) -> PersonVault:
    """The vault of the workspace ``conn`` belongs to."""
    keyring = _KEYS_DIRS.get(conn.engine)
    if keyring is None:
        raise WorkspaceError(
            "This database connection belongs to no open workspace, so the per-person keys "
            "cannot be found.",
            hint="Open the workspace (reckon.workspace.Workspace) rather than a bare engine.",
        )
    return PersonVault(keyring, keyring.keys_dir)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _aad_epoch(epoch: int) -> bytes:
    return f"reckon erasure key {epoch}".encode()


def _aad_person(subject: str) -> bytes:
    return f"person key:{subject}".encode()


def _aad_field(subject: str, name: str) -> bytes:
    return f"person data:{subject}:{name}".encode()


def _destroy(path: Path) -> None:
    """Overwrite a key file with random bytes, then delete it."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with path.open("r+b") as handle:
        handle.write(secrets.token_bytes(max(size, 64)))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


# The tables a shred deletes from or overwrites (its own and its scrubbers').
SHREDDED_TABLES = (
    "person_data",
    "person_keys",
    "search_entries",
    "search_keys",
    "search_key_counts",
    "person_records",
    "list_claims",
    "named_persons",
    "mentions",
    "claims",
    "events",
    "person_links",
    "witnesses",  # blanked by the claims' scrubber when the passphrase is at hand
)


def _purge(engine: Engine) -> list[str]:
    """Leave no old copy of what the shred deleted or overwrote in the database's files.

    On SQLite, move the write-ahead log into the database and empty it: the log keeps
    images of pages as they were before the shred, the search index's sealed entries
    of the person (under the index key, which lives on) among them; ``secure_delete``
    has already zeroed the freed space of the main file.

    On PostgreSQL a deleted or updated row stays in its table's file as a dead tuple
    until the table is vacuumed, and a plain VACUUM only marks its space free: the
    person's search entries (sealed under the live index key) and any value an older
    reckon kept in clear would stay readable to whoever copies the data directory.
    ``VACUUM FULL`` writes each table anew and drops the old file. It locks each table
    while it runs (seconds for most stores; the search tables of a million-name
    register take minutes), which a rare, deliberate act can afford. Returns the
    tables rewritten.
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return []
    if engine.dialect.name != "postgresql":
        return []
    done = []
    # VACUUM cannot run inside a transaction block.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        existing = set(inspect(conn).get_table_names())
        for table in SHREDDED_TABLES:
            if table in existing:
                conn.exec_driver_sql(f'VACUUM FULL "{table}"')
                done.append(table)
    return done


@dataclass
class ShredReport:
    person_ref: str
    subjects: list[str]
    fields_erased: int
    epoch: int


@dataclass
class PersonVault:
    """Seal, read and erase personal data with per-person keys."""

    keyring: Keyring
    keys_dir: Path
    _epoch_keys: dict[int, bytes] = field(default_factory=dict, repr=False)

    @classmethod
    def for_workspace(cls, workspace: Workspace) -> PersonVault:
        return cls(Keyring.for_settings(workspace.settings), workspace.settings.keys_dir)

    @staticmethod
    def register(engine: Engine, keyring: Keyring) -> None:
        """Let `vault_for` find the keys of the workspace that owns ``engine``."""
        _KEYS_DIRS[engine] = keyring

    # --- epochs --------------------------------------------------------------------

    def key_file(self, epoch: int) -> Path:
        return self.keys_dir / f"erasure-key-{epoch}.json"

    def epoch(self, conn: Connection) -> int:
        value = conn.execute(
            select(workspace_settings.c.value).where(workspace_settings.c.key == EPOCH_SETTING)
        ).scalar()
        return int(value) if value is not None else 0

    def _set_epoch(self, conn: Connection, epoch: int) -> None:
        changed = conn.execute(
            update(workspace_settings)
            .where(workspace_settings.c.key == EPOCH_SETTING)
            .values(value=str(epoch))
        ).rowcount
        if not changed:
            conn.execute(workspace_settings.insert().values(key=EPOCH_SETTING, value=str(epoch)))

    def _create_epoch_key(self, epoch: int) -> bytes:
        key = new_key()
        record = {"format": FORMAT, "epoch": epoch, "key": _b64(key)}
        self.keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.key_file(epoch)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(json.dumps(record, indent=2) + "\n")
            out.flush()
            os.fsync(out.fileno())
        self._epoch_keys[epoch] = key
        return key

    def _epoch_key(self, epoch: int) -> bytes:
        if epoch not in self._epoch_keys:
            path = self.key_file(epoch)
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                raise NotFoundError(
                    f"The erasure key of epoch {epoch} ({path.name}) does not exist: it was "
                    "destroyed by 'reckon shred', or keys/ is incomplete.",
                    hint="Restore keys/ from the backup made after the last shred (docs/erasure.md).",
                ) from None
            if record.get("format") == FORMAT_WRAPPED:
                wrapped = base64.b64decode(record["wrapped_key"])
                self._epoch_keys[epoch] = self.keyring.open(wrapped, _aad_epoch(epoch))
            else:
                self._epoch_keys[epoch] = base64.b64decode(record["key"])
        return self._epoch_keys[epoch]

    def _current_key(self, conn: Connection) -> tuple[int, bytes]:
        epoch = self.epoch(conn)
        if epoch == 0:
            epoch = 1
            _destroy(self.key_file(epoch))  # left by a transaction that did not commit
            key = self._create_epoch_key(epoch)
            self._set_epoch(conn, epoch)
            return epoch, key
        return epoch, self._epoch_key(epoch)

    # --- person keys -----------------------------------------------------------------

    def _person_key(self, conn: Connection, subject: str, create: bool) -> bytes:
        row = conn.execute(select(person_keys).where(person_keys.c.subject_ref == subject)).first()
        if row is not None:
            if row.wrapped_key is None:
                raise NotFoundError(
                    f"The personal data of {subject} was erased ('reckon shred') on "
                    f"{row.shredded_at:%Y-%m-%d}; it cannot be read or written again."
                )
            return open_with(self._epoch_key(row.epoch), row.wrapped_key, _aad_person(subject))
        if not create:
            raise NotFoundError(f"There is no personal data of {subject}.")
        epoch, epoch_key = self._current_key(conn)
        key = new_key()
        conn.execute(
            person_keys.insert().values(
                subject_ref=subject,
                epoch=epoch,
                wrapped_key=seal_with(epoch_key, key, _aad_person(subject)),
                created_at=utcnow(),
            )
        )
        return key

    def subject_key(self, conn: Connection, subject: str, *, create: bool = False) -> bytes:
        """The key of ``subject`` (made under the current epoch if ``create`` and missing).

        For a feature that seals its own derived data under a key that every shred
        re-wraps, like the search index (`reckon.search.seal`).
        """
        return self._person_key(conn, subject, create)

    def put(self, conn: Connection, subject: str, name: str, value: str) -> None:
        """Keep one field of a person's data, sealed with that person's key."""
        if not subject or len(subject) > 80 or not name or len(name) > 60:
            raise InputError("A person's data needs a subject (≤80 chars) and a field name (≤60).")
        key = self._person_key(conn, subject, create=True)
        sealed = seal_with(key, value.encode("utf-8"), _aad_field(subject, name))
        where = (person_data.c.subject_ref == subject) & (person_data.c.field == name)
        if conn.execute(select(person_data.c.field).where(where)).first() is None:
            conn.execute(
                person_data.insert().values(subject_ref=subject, field=name, sealed=sealed)
            )
        else:
            conn.execute(update(person_data).where(where).values(sealed=sealed))

    def get(self, conn: Connection, subject: str, name: str) -> str | None:
        """One field of a person's data, or None if it was never kept."""
        sealed = conn.execute(
            select(person_data.c.sealed).where(
                person_data.c.subject_ref == subject, person_data.c.field == name
            )
        ).scalar()
        key = self._person_key(conn, subject, create=False)
        if sealed is None:
            return None
        return open_with(key, sealed, _aad_field(subject, name)).decode("utf-8")

    def fields(self, conn: Connection, subject: str) -> dict[str, str]:
        """Every field kept for a person."""
        rows = conn.execute(
            select(person_data.c.field, person_data.c.sealed).where(
                person_data.c.subject_ref == subject
            )
        ).all()
        if not rows:
            return {}
        key = self._person_key(conn, subject, create=False)
        return {
            str(r.field): open_with(key, r.sealed, _aad_field(subject, str(r.field))).decode()
            for r in rows
        }

    def put_many(self, conn: Connection, data: Mapping[str, Mapping[str, str]]) -> None:
        """Keep the fields of many new subjects at once (an imported list: one key per record).

        Every subject must be new (no key yet): this is the bulk path of an import.
        """
        if not data:
            return
        epoch, epoch_key = self._current_key(conn)
        now = utcnow()
        keys, fields = [], []
        for subject, values in data.items():
            key = new_key()
            keys.append(
                {
                    "subject_ref": subject,
                    "epoch": epoch,
                    "wrapped_key": seal_with(epoch_key, key, _aad_person(subject)),
                    "created_at": now,
                }
            )
            fields += [
                {
                    "subject_ref": subject,
                    "field": name,
                    "sealed": seal_with(key, value.encode("utf-8"), _aad_field(subject, name)),
                }
                for name, value in values.items()
            ]
        conn.execute(insert(person_keys), keys)
        if fields:
            conn.execute(insert(person_data), fields)

    def open_many(self, conn: Connection, subjects: Iterable[str]) -> dict[str, dict[str, str]]:
        """The fields of each of ``subjects`` that has data and a live key (shredded: absent)."""
        wanted = sorted(set(subjects))
        out: dict[str, dict[str, str]] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            keys = {}
            for row in conn.execute(
                select(person_keys.c.subject_ref, person_keys.c.epoch, person_keys.c.wrapped_key)
                .where(person_keys.c.subject_ref.in_(chunk))
                .where(person_keys.c.wrapped_key.is_not(None))
            ):
                subject = str(row.subject_ref)
                epoch_key = self._epoch_key(int(row.epoch))
                keys[subject] = open_with(epoch_key, row.wrapped_key, _aad_person(subject))
            if not keys:
                continue
            for row in conn.execute(
                select(person_data.c.subject_ref, person_data.c.field, person_data.c.sealed).where(
                    person_data.c.subject_ref.in_(list(keys))
                )
            ):
                subject, name = str(row.subject_ref), str(row.field)
                value = open_with(keys[subject], row.sealed, _aad_field(subject, name))
                out.setdefault(subject, {})[name] = value.decode("utf-8")
        return out

    def is_shredded(self, conn: Connection, subject: str) -> bool:
        value = conn.execute(
            select(person_keys.c.shredded_at).where(person_keys.c.subject_ref == subject)
        ).scalar()
        return value is not None

    # --- erasure -----------------------------------------------------------------------

    def _rotate(self, conn: Connection, drop: set[str]) -> tuple[int, int]:
        """Re-wrap every live key except ``drop`` under a new epoch; returns (old, new)."""
        old = self.epoch(conn)
        new = old + 1
        _destroy(self.key_file(new))  # left by an attempt that did not commit: never valid
        new_key_ = self._create_epoch_key(new)
        rows = conn.execute(
            select(person_keys.c.subject_ref, person_keys.c.epoch, person_keys.c.wrapped_key).where(
                person_keys.c.wrapped_key.is_not(None)
            )
        ).all()
        for row in rows:
            if row.subject_ref in drop:
                continue
            key = open_with(
                self._epoch_key(row.epoch), row.wrapped_key, _aad_person(row.subject_ref)
            )
            conn.execute(
                update(person_keys)
                .where(person_keys.c.subject_ref == row.subject_ref)
                .values(
                    epoch=new, wrapped_key=seal_with(new_key_, key, _aad_person(row.subject_ref))
                )
            )
        self._set_epoch(conn, new)
        return old, new

    def shred(self, workspace: Workspace, actor: User, person_ref: str, reason: str) -> ShredReport:
        """Destroy a person's key: their data becomes unreadable everywhere, backups included.

        Runs its own transaction; the old erasure key is destroyed only after it commits.
        """
        actor.require(Permission.ERASE)
        if not reason.strip():
            raise InputError("Shredding a person needs a reason.", hint="Give one with --reason.")
        from reckon.publish.withhold import withheld_exactly, withhold

        new = 0
        try:
            with workspace.engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    # Deleted rows are overwritten with zeros, not left in free space.
                    conn.exec_driver_sql("PRAGMA secure_delete=ON")
                subjects = subjects_of(conn, person_ref)
                if all(self.is_shredded(conn, s) for s in subjects):
                    raise ConflictError(f"Person {person_ref} was shredded already.")
                # While the names can still be read: where they stand in coded documents,
                # so that published quotes stay redacted once they cannot be.
                from reckon.evidence.locker import Locker
                from reckon.publish.redact import freeze_shredded

                # With the passphrase, a protected person's name is found too.
                freeze_shredded(conn, person_ref, Locker.open(workspace))
                _old, new = self._rotate(conn, set(subjects))
                erased = 0
                now = utcnow()
                for subject in subjects:
                    erased += conn.execute(
                        delete(person_data).where(person_data.c.subject_ref == subject)
                    ).rowcount
                    exists = conn.execute(
                        select(person_keys.c.subject_ref).where(
                            person_keys.c.subject_ref == subject
                        )
                    ).first()
                    values = {"wrapped_key": None, "shredded_by": actor.id, "shredded_at": now}
                    if exists:
                        conn.execute(
                            update(person_keys)
                            .where(person_keys.c.subject_ref == subject)
                            .values(epoch=new, **values)
                        )
                    else:  # never had data: record the erasure so nothing is kept later
                        conn.execute(
                            person_keys.insert().values(
                                subject_ref=subject, epoch=new, created_at=now, **values
                            )
                        )
                for scrub in SCRUBBERS:
                    scrub(conn, subjects)
                if not withheld_exactly(conn, [person_ref]):
                    withhold(conn, actor, person_ref, "shredded")
                audit.record(
                    conn,
                    actor,
                    "shredded",
                    "person",
                    person_ref,
                    {"reason": reason, "subjects": len(subjects), "epoch": new},
                )
        except BaseException:
            if new:
                self._epoch_keys.pop(new, None)
                _destroy(self.key_file(new))
            raise
        _purge(workspace.engine)
        self.destroy_stale_keys(new)
        return ShredReport(person_ref, subjects, erased, new)

    def destroy_stale_keys(self, current: int) -> list[int]:
        """Destroy the erasure key files of epochs before ``current``."""
        destroyed = []
        for path in sorted(self.keys_dir.glob("erasure-key-*.json")):
            try:
                epoch = int(path.stem.rsplit("-", 1)[1])
            except ValueError:
                continue
            if epoch < current:
                self._epoch_keys.pop(epoch, None)
                _destroy(path)
                destroyed.append(epoch)
        return destroyed

"""The key of the name search index: names sealed, matching keys hashed, erasable with a shred.

The index is a derived copy of personal data (every spelling of every name),
so it is kept the way `reckon.publish.erasure` keeps person data:

- one random *index key*, stored in ``person_keys`` under the subject
  ``search:index``, wrapped by the erasure key of the current epoch. A shred
  re-wraps it under the new epoch with every live person key, so a backup made
  before the shred holds it wrapped under an erasure key that no longer
  exists: nothing in that backup's index opens.
- the matching keys (``w:mhmd``…) are stored as a keyed hash of the key:
  BLAKE2b in its keyed (MAC) mode, under a key derived from the index key,
  `DIGEST_BYTES` long. 128 bits: 100,000 names have 536,985 distinct keys
  (1.49 million postings) and as many distinct digests; a million names have
  about 19 million postings, so at most n = 2·10⁷ distinct keys, and the
  chance of any collision is below n²/2¹²⁹ ≈ 6·10⁻²⁵; a collision would
  only add a wrong candidate, which the re-ranking drops. BLAKE2b rather
  than HMAC-SHA256 because it is a PRF made for keyed use and costs a
  quarter as much in Python (0.5 µs a key against 2 µs; a query hashes up to
  a few hundred). A query hashes its plan's keys the same way.
- each entry's name and phonetic key are sealed with AES-GCM under another key
  derived from the index key, the entry id as associated data (a sealed name
  moved to another entry fails to open). Only the ~200 candidates a query
  scores are opened.
- a stamp in ``workspace_settings`` (format and key id) says which key built
  the index; an index whose stamp, key or erasure epoch does not match is
  refused with `StaleIndex` ("run reckon search reindex"), never searched
  with the wrong key.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, delete, update

from reckon.errors import NotFoundError, WorkspaceError
from reckon.keys import NONCE_BYTES
from reckon.search.driver import raw
from reckon.store.schema import person_keys, workspace_settings

SUBJECT = "search:index"
STAMP_SETTING = "search_index"
FORMAT = 2  # 1: names and keys in clear (before migration 0012)
STALE = "stale"
DIGEST_BYTES = 16
_SEPARATOR = "\x1f"
REINDEX_HINT = "Rebuild it with 'reckon search reindex' (docs/commands.md)."


class StaleIndex(WorkspaceError):
    """The search index was built under a key this workspace cannot use: it must be rebuilt."""

    http_status = 503


def _derive(key: bytes, label: bytes) -> bytes:
    return hmac.new(key, b"reckon search index: " + label, hashlib.sha256).digest()


def _aad(entry_id: int) -> bytes:
    return b"search entry:%d" % entry_id


@dataclass(frozen=True)
class IndexKey:
    """The opened index key: hashes matching keys, seals and opens entries."""

    key_id: str
    _mac: bytes
    _aead: AESGCM

    @classmethod
    def of(cls, key: bytes) -> IndexKey:
        key_id = _derive(key, b"id")[:8].hex()
        return cls(key_id, _derive(key, b"keys"), AESGCM(_derive(key, b"entries")))

    def digest(self, key: str) -> bytes:
        """The stored form of one matching key."""
        return hashlib.blake2b(
            key.encode("utf-8"), key=self._mac, digest_size=DIGEST_BYTES
        ).digest()

    def seal(self, entry_id: int, name: str, phonetic: str) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        # Phonetic words are letters only, so the first separator ends them (cheaper than JSON).
        plain = f"{phonetic}{_SEPARATOR}{name}".encode()
        return nonce + self._aead.encrypt(nonce, plain, _aad(entry_id))

    def open(self, entry_id: int, sealed: bytes) -> tuple[str, str]:
        """The name and phonetic key of one entry."""
        try:
            plain = self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], _aad(entry_id))
        except InvalidTag:
            raise StaleIndex(
                f"Search entry {entry_id} does not open with the index key (sealed under "
                "another key, or moved).",
                hint=REINDEX_HINT,
            ) from None
        phonetic, name = plain.decode("utf-8").split(_SEPARATOR, 1)
        return name, phonetic


# Opened keys by (keys folder, epoch, wrapped key): a query does not read the erasure key
# file or unwrap again. An entry is used only while its epoch's key file still exists, so a
# shred (which destroys that file) ends it, in this process too.
_OPENED: dict[tuple[str, int, bytes], IndexKey] = {}


def _stamp(key: IndexKey) -> str:
    return f"{FORMAT}:{key.key_id}"


def _set_stamp(conn: Connection, value: str) -> None:
    where = workspace_settings.c.key == STAMP_SETTING
    if conn.execute(update(workspace_settings).where(where).values(value=value)).rowcount == 0:
        conn.execute(workspace_settings.insert().values(key=STAMP_SETTING, value=value))


def _state(conn: Connection) -> tuple[str | None, tuple[int, bytes | None] | None]:
    """The index's stamp, and the epoch and wrapped key of the index key (one round trip)."""
    sql = (
        "SELECT (SELECT value FROM workspace_settings WHERE key = ?), "
        "(SELECT epoch FROM person_keys WHERE subject_ref = ?), "
        "(SELECT wrapped_key FROM person_keys WHERE subject_ref = ?)"
    )
    [(stamp, epoch, wrapped)] = raw(conn, sql, [STAMP_SETTING, SUBJECT, SUBJECT])
    row = None if epoch is None else (int(epoch), None if wrapped is None else bytes(wrapped))
    return (None if stamp is None else str(stamp)), row


def writing_key(conn: Connection) -> IndexKey:
    """The index key, made (and the index stamped) if the workspace has no index yet."""
    from reckon.publish.erasure import vault_for

    key = index_key(conn)
    if key is None:
        key = IndexKey.of(vault_for(conn).subject_key(conn, SUBJECT, create=True))
        _set_stamp(conn, _stamp(key))
    return key


def index_key(conn: Connection) -> IndexKey | None:
    """The key of the workspace's search index, or None if no index was built.

    Raises `StaleIndex` when the index exists but was built in the old format, under
    another key, or under an erasure key that a shred destroyed (an old backup).
    """
    from reckon.publish.erasure import vault_for

    stamp, row = _state(conn)
    if stamp is None and row is None:
        return None
    if stamp is None or stamp == STALE or not stamp.startswith(f"{FORMAT}:"):
        raise StaleIndex(
            "The search index was built by an older reckon (names in clear) or emptied by an "
            "upgrade, and cannot be searched.",
            hint=REINDEX_HINT,
        )
    epoch, wrapped = row if row is not None else (0, None)
    if wrapped is None:
        raise StaleIndex("The key of the search index is missing or was erased.", hint=REINDEX_HINT)
    vault = vault_for(conn)
    cache_key = (str(vault.keys_dir), epoch, wrapped)
    key = _OPENED.get(cache_key)
    if key is None or not Path(vault.key_file(epoch)).exists():
        try:
            key = IndexKey.of(vault.subject_key(conn, SUBJECT))
        except NotFoundError as exc:
            raise StaleIndex(
                "The search index cannot be opened: " + exc.message, hint=REINDEX_HINT
            ) from None
        if len(_OPENED) > 64:  # rebuilds make new keys; old entries are never asked again
            _OPENED.clear()
        _OPENED[cache_key] = key
    if _stamp(key) != stamp:
        raise StaleIndex(
            "The search index was built under another index key than this workspace holds.",
            hint=REINDEX_HINT,
        )
    return key


def reset(conn: Connection) -> None:
    """Forget the index key and its stamp (the index is being emptied; the next add makes a new key)."""
    conn.execute(delete(person_keys).where(person_keys.c.subject_ref == SUBJECT))
    conn.execute(delete(workspace_settings).where(workspace_settings.c.key == STAMP_SETTING))

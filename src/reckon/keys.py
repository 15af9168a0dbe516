"""The workspace's keys: a signing key for the custody log and a data key for secrets.

Two keys live in the workspace's ``keys/`` folder, never in the database:

``signing-key.pem``
    An Ed25519 private key (PKCS#8). It signs every custody entry, so that a
    copy of the database alone cannot be rewritten unnoticed. It is not
    protected by the passphrase: adding sources must work without it.
    ``signing-key.pub`` holds its public half, which is also copied into every
    evidence package.
``data-key.json``
    A random 256-bit data key that encrypts confidential content (AES-GCM),
    wrapped by a key derived from the workspace passphrase with argon2id. The
    passphrase comes from ``RECKON_PASSPHRASE`` or a prompt and is never stored.

Usage::

    keyring = Keyring.for_settings(workspace.settings)
    token = keyring.seal(b"testimony", aad=b"source:12")    # needs the passphrase
    keyring.open(token, aad=b"source:12")                   # -> b"testimony"
    keyring.seal_field("Name of the witness", aad="person:3:name")   # -> "enc1:…"
    keyring.sign(b"…")                                       # never needs it

Other features (witness identities, per-person erasure keys) use `new_key`,
`seal_with` and `open_with` with keys of their own, and wrap those keys with
`Keyring.seal`. See docs/keys.md for how to back the keys up.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from reckon.errors import InputError, IntegrityError, LockedError, WorkspaceError

if TYPE_CHECKING:
    from reckon.workspace import Settings

SIGNING_KEY_NAME = "signing-key.pem"
PUBLIC_KEY_NAME = "signing-key.pub"
DATA_KEY_NAME = "data-key.json"
FIELD_PREFIX = "enc1:"
NONCE_BYTES = 12
KEY_BYTES = 32

# argon2id parameters for wrapping the data key: about 0.1 s on a small machine.
KDF_TIME_COST = 2
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 1


# --- raw AES-GCM helpers (any 32-byte key) -----------------------------------------


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return secrets.token_bytes(KEY_BYTES)


def seal_with(key: bytes, plaintext: bytes, aad: bytes = b"") -> bytes:
    """Encrypt and authenticate ``plaintext``: returns nonce ‖ ciphertext ‖ tag.

    ``aad`` binds the ciphertext to its place (for example the source's hash),
    so that a ciphertext moved to another record fails to open.
    """
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_with(key: bytes, sealed: bytes, aad: bytes = b"") -> bytes:
    """Decrypt what `seal_with` made; raises `IntegrityError` if it was altered."""
    if len(sealed) < NONCE_BYTES + 16:
        raise IntegrityError("An encrypted value is too short to be genuine.")
    try:
        return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
    except InvalidTag as exc:
        raise IntegrityError(
            "An encrypted value failed its integrity check (altered, moved, or the wrong key).",
            hint="Run 'reckon verify' and restore the workspace from a backup if needed.",
        ) from exc


# --- streaming AES-GCM (files of any size, a chunk in memory at a time) -------------
#
# Layout: STREAM_MAGIC ‖ chunk size (4 bytes, big-endian) ‖ salt (16 random bytes),
# then each chunk's ciphertext and tag. Each stream has its own key, derived from
# the data key and the salt with HKDF, so counters never repeat a nonce under one
# key. Chunk i is encrypted with nonce = i (11 bytes) ‖ final flag (1 byte), and
# its associated data is the header, i, the final flag and the caller's aad: a
# chunk moved elsewhere, a stream cut short (its last chunk is not marked final)
# or a stream with chunks added after its final one fails to open. This is the
# STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár (CRYPTO 2015).

STREAM_MAGIC = b"RECKSTR1"
STREAM_CHUNK = 1024 * 1024
_STREAM_HEADER = len(STREAM_MAGIC) + 4 + 16
_MAX_STREAM_CHUNK = 64 * 1024 * 1024
_TAG = 16


def _stream_key(key: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), KEY_BYTES, salt, b"reckon stream 1").derive(key)


def _chunk_nonce_aad(header: bytes, index: int, final: bool, aad: bytes) -> tuple[bytes, bytes]:
    flag = b"\x01" if final else b"\x00"
    nonce = index.to_bytes(NONCE_BYTES - 1, "big") + flag
    return nonce, header + index.to_bytes(8, "big") + flag + aad


def seal_stream_with(
    key: bytes, plaintext: Iterable[bytes], aad: bytes = b"", chunk_size: int | None = None
) -> Iterator[bytes]:
    """Encrypt pieces of plaintext (of any sizes) into the pieces of one stream."""
    size = chunk_size or STREAM_CHUNK
    header = STREAM_MAGIC + size.to_bytes(4, "big") + secrets.token_bytes(16)
    cipher = AESGCM(_stream_key(key, header[-16:]))
    yield header
    buffer = bytearray()
    index = 0
    pending: bytes | None = None  # a full chunk, held until we know whether it is the last
    for piece in plaintext:
        view = memoryview(piece)  # a large piece is cut up, not copied whole
        while view:
            take = size - len(buffer)
            buffer += view[:take]
            view = view[take:]
            if len(buffer) < size:
                break
            if pending is not None:
                nonce, chunk_aad = _chunk_nonce_aad(header, index, False, aad)
                yield cipher.encrypt(nonce, pending, chunk_aad)
                index += 1
            pending = bytes(buffer)
            buffer.clear()
    if pending is not None and buffer:
        nonce, chunk_aad = _chunk_nonce_aad(header, index, False, aad)
        yield cipher.encrypt(nonce, pending, chunk_aad)
        index += 1
        pending = None
    last = bytes(buffer) if pending is None else pending
    nonce, chunk_aad = _chunk_nonce_aad(header, index, True, aad)
    yield cipher.encrypt(nonce, last, chunk_aad)


def _stream_broken(what: str) -> IntegrityError:
    return IntegrityError(
        f"An encrypted file {what} (altered, cut short, reordered, or the wrong key).",
        hint="Run 'reckon verify' and restore the workspace from a backup if needed.",
    )


def open_stream_with(key: bytes, stream: BinaryIO, aad: bytes = b"") -> Iterator[bytes]:
    """Decrypt a stream made by `seal_stream_with`, a chunk at a time.

    Raises `IntegrityError` at the first chunk that fails, so a caller that
    hashes the plaintext as it goes learns of damage before trusting the hash.
    """
    header = stream.read(_STREAM_HEADER)
    if len(header) < _STREAM_HEADER or not header.startswith(STREAM_MAGIC):
        raise _stream_broken("has a damaged header")
    size = int.from_bytes(header[len(STREAM_MAGIC) : len(STREAM_MAGIC) + 4], "big")
    if not 0 < size <= _MAX_STREAM_CHUNK:
        raise _stream_broken("has a damaged header")
    cipher = AESGCM(_stream_key(key, header[-16:]))
    index = 0
    current = stream.read(size + _TAG)
    while True:
        following = stream.read(size + _TAG) if len(current) == size + _TAG else b""
        final = not following
        nonce, chunk_aad = _chunk_nonce_aad(header, index, final, aad)
        try:
            yield cipher.decrypt(nonce, current, chunk_aad)
        except InvalidTag as exc:
            where = "ends early" if final else f"fails its check at chunk {index}"
            raise _stream_broken(where) from exc
        if final:
            return
        current = following
        index += 1


def is_stream(head: bytes) -> bool:
    """Whether stored bytes begin like a stream made by `seal_stream_with`."""
    return head.startswith(STREAM_MAGIC)


def is_sealed_field(value: str | None) -> bool:
    """Whether a text column holds an encrypted field made by `Keyring.seal_field`."""
    return value is not None and value.startswith(FIELD_PREFIX)


# --- passphrase → wrapping key -------------------------------------------------------


def _derive(passphrase: str, salt: bytes, time_cost: int, memory_kib: int, lanes: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _write_private(path: Path, data: bytes) -> None:
    """Write a key file readable by its owner only, atomically."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def create_signing_key(keys_dir: Path) -> Ed25519PublicKey:
    """Create the workspace's Ed25519 signing key unless it exists; return its public key."""
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = keys_dir / SIGNING_KEY_NAME
    if path.exists():
        return load_signing_key(keys_dir).public_key()
    private = Ed25519PrivateKey.generate()
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_private(path, pem)
    (keys_dir / PUBLIC_KEY_NAME).write_text(public_key_text(private.public_key()) + "\n")
    return private.public_key()


def load_signing_key(keys_dir: Path) -> Ed25519PrivateKey:
    path = keys_dir / SIGNING_KEY_NAME
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError as exc:
        raise WorkspaceError(
            f"The workspace's signing key {path} is missing.",
            hint="Restore keys/ from your key backup (docs/keys.md).",
        ) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise WorkspaceError(
            f"{path} is not an Ed25519 private key.", hint="Restore it from a backup."
        )
    return key


def public_key_text(key: Ed25519PublicKey) -> str:
    """The public key as base64 of its 32 raw bytes (what packages and `custody head` show)."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _b64(raw)


def public_key_from_text(text: str) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(_unb64(text.strip()))
    except ValueError as exc:
        raise InputError(f"'{text[:20]}…' is not an Ed25519 public key.") from exc


def verify_signature(public_key: Ed25519PublicKey, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is ``public_key``'s signature of ``message``."""
    try:
        public_key.verify(signature, message)
    except InvalidSignature:
        return False
    return True


def create_data_key(keys_dir: Path, passphrase: str) -> None:
    """Create the data key wrapped by ``passphrase``, unless one exists."""
    path = keys_dir / DATA_KEY_NAME
    if path.exists():
        return
    if not passphrase:
        raise LockedError("An empty passphrase cannot protect the data key.")
    keys_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    salt = secrets.token_bytes(16)
    wrapping = _derive(passphrase, salt, KDF_TIME_COST, KDF_MEMORY_KIB, KDF_PARALLELISM)
    data_key = new_key()
    record = {
        "format": "reckon data key 1",
        "kdf": "argon2id",
        "time_cost": KDF_TIME_COST,
        "memory_kib": KDF_MEMORY_KIB,
        "parallelism": KDF_PARALLELISM,
        "salt": _b64(salt),
        "wrapped_key": _b64(seal_with(wrapping, data_key, b"reckon data key")),
    }
    _write_private(path, (json.dumps(record, indent=2) + "\n").encode("utf-8"))


def unwrap_data_key(keys_dir: Path, passphrase: str) -> bytes:
    path = keys_dir / DATA_KEY_NAME
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        salt = _unb64(record["salt"])
        wrapped = _unb64(record["wrapped_key"])
        params = (int(record["time_cost"]), int(record["memory_kib"]), int(record["parallelism"]))
    except FileNotFoundError as exc:
        raise LockedError(
            f"This workspace has no data key ({path}).",
            hint="Restore keys/ from your key backup, or set RECKON_PASSPHRASE and add a "
            "confidential source to create one.",
        ) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise WorkspaceError(
            f"{path} is damaged.", hint="Restore it from your key backup."
        ) from exc
    wrapping = _derive(passphrase, salt, *params)
    try:
        return open_with(wrapping, wrapped, b"reckon data key")
    except IntegrityError as exc:
        raise LockedError(
            "The passphrase does not unlock this workspace's data key.",
            hint="Check RECKON_PASSPHRASE.",
        ) from exc


# --- the keyring of one workspace --------------------------------------------------------


@dataclass
class Keyring:
    """The keys of one workspace; the data key is unwrapped on first use and cached."""

    keys_dir: Path
    passphrase: str | None = field(default=None, repr=False)
    _data_key: bytes | None = field(default=None, repr=False)
    _signing: Ed25519PrivateKey | None = field(default=None, repr=False)

    @classmethod
    def for_settings(cls, settings: Settings) -> Keyring:
        return cls(settings.keys_dir, settings.passphrase)

    # signing
    @property
    def signing_key(self) -> Ed25519PrivateKey:
        if self._signing is None:
            self._signing = load_signing_key(self.keys_dir)
        return self._signing

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.signing_key.public_key()

    def sign(self, message: bytes) -> bytes:
        return self.signing_key.sign(message)

    # data key
    @property
    def unlocked(self) -> bool:
        """Whether confidential content can be read (a passphrase is at hand)."""
        return self._data_key is not None or bool(self.passphrase)

    def data_key(self) -> bytes:
        """The data key; created on first use if the workspace has none yet."""
        if self._data_key is None:
            if not self.passphrase:
                raise LockedError(
                    "Confidential content needs the workspace passphrase.",
                    hint="Set RECKON_PASSPHRASE (or enter it when asked).",
                )
            create_data_key(self.keys_dir, self.passphrase)
            self._data_key = unwrap_data_key(self.keys_dir, self.passphrase)
        return self._data_key

    def seal(self, plaintext: bytes, aad: bytes = b"") -> bytes:
        """Encrypt bytes with the data key."""
        return seal_with(self.data_key(), plaintext, aad)

    def open(self, sealed: bytes, aad: bytes = b"") -> bytes:
        """Decrypt bytes sealed with the data key."""
        return open_with(self.data_key(), sealed, aad)

    def seal_stream(
        self, plaintext: Iterable[bytes], aad: bytes = b"", chunk_size: int | None = None
    ) -> Iterator[bytes]:
        """Encrypt a file of any size with the data key, a chunk at a time."""
        return seal_stream_with(self.data_key(), plaintext, aad, chunk_size)

    def open_stored(self, stored: BinaryIO, aad: bytes = b"") -> Iterator[bytes]:
        """Decrypt a stored file a chunk at a time: a stream, or an older single-shot blob."""
        key = self.data_key()
        head = stored.read(len(STREAM_MAGIC))
        stored.seek(0)
        if is_stream(head):
            yield from open_stream_with(key, stored, aad)
        else:
            yield open_with(key, stored.read(), aad)

    def seal_field(self, value: str, aad: str = "") -> str:
        """Encrypt a short text field into a ``enc1:`` token that fits a text column."""
        return FIELD_PREFIX + _b64(self.seal(value.encode("utf-8"), aad.encode("utf-8")))

    def open_field(self, token: str, aad: str = "") -> str:
        """Decrypt a token made by `seal_field`; plain values pass through unchanged."""
        if not is_sealed_field(token):
            return token
        return self.open(_unb64(token[len(FIELD_PREFIX) :]), aad.encode("utf-8")).decode("utf-8")


def init_workspace_keys(workspace: object) -> None:
    """`reckon init` hook: the signing key always, the data key when a passphrase is set."""
    settings: Settings = workspace.settings  # type: ignore[attr-defined]
    create_signing_key(settings.keys_dir)
    if settings.passphrase:
        create_data_key(settings.keys_dir, settings.passphrase)

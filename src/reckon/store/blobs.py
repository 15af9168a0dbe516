"""Content-addressed storage of bytes, behind a small interface.

`FolderBlobStore` keeps each blob at ``blobs/ab/cd/abcd…`` named by the SHA-256
of its bytes, written atomically (temporary file, fsync, rename) and made
read-only. A team can put blobs on shared storage by implementing `BlobStore`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

from reckon.errors import InputError, NotFoundError

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_READ_ONLY = stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH


def _fsync_path(path: str) -> None:
    """fsync a file or a folder (a folder's fsync makes its entries durable)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore(Protocol):
    """Where source bytes live; keys are lowercase hex SHA-256 digests."""

    def put_file(self, path: Path, max_bytes: int | None = None) -> tuple[str, int]:
        """Store a file's bytes; return (sha256, size). Storing existing bytes is a no-op."""
        ...

    def put_chunks(
        self, chunks: Iterable[bytes], max_bytes: int | None = None, label: str = "the data"
    ) -> tuple[str, int]:
        """Store bytes that arrive in pieces; return (sha256, size)."""
        ...

    def put_bytes(self, data: bytes, durable: bool = True) -> str:
        """Store bytes; return their sha256.

        With ``durable=False`` the caller must call `make_durable` before it
        relies on the blob (batching: one flush for many blobs).
        """
        ...

    def make_durable(self) -> None:
        """Flush every blob written with ``durable=False`` to stable storage."""
        ...

    def exists(self, sha256: str) -> bool: ...

    def open(self, sha256: str) -> BinaryIO: ...

    def read(self, sha256: str) -> bytes: ...

    def digest(self, sha256: str) -> str:
        """Recompute the SHA-256 of the stored bytes (for verification)."""
        ...

    def __iter__(self) -> Iterator[str]: ...


class FolderBlobStore:
    """Blobs as read-only files in a folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._folders: set[str] = set()  # folders known to exist (saves a syscall per blob)
        # Written with durable=False and not yet flushed: blob files, and the
        # folders whose entries (a renamed blob, a new fan-out folder) changed.
        self._unsynced_files: list[str] = []
        self._unsynced_folders: set[str] = set()

    def _folder(self, path: str) -> None:
        if path in self._folders:
            return
        parent = os.path.dirname(path)
        if parent != path and not os.path.isdir(path):
            self._folder(parent)
            with contextlib.suppress(FileExistsError):
                os.mkdir(path)
            self._unsynced_folders.add(parent)  # its new entry must reach the disk too
        self._folders.add(path)

    def path_for(self, sha256: str) -> Path:
        if not _SHA256.match(sha256):
            raise InputError(f"'{sha256}' is not a SHA-256 hex digest.")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put_file(self, path: Path, max_bytes: int | None = None) -> tuple[str, int]:
        with path.open("rb") as source:
            return self.put_chunks(iter(lambda: source.read(CHUNK), b""), max_bytes, str(path))

    def put_chunks(
        self, chunks: Iterable[bytes], max_bytes: int | None = None, label: str = "the data"
    ) -> tuple[str, int]:
        """Store bytes that arrive in pieces (a large file, an encrypting stream); (sha256, size)."""
        return self._put_stream(chunks, max_bytes, label)

    def put_bytes(self, data: bytes, durable: bool = True) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.exists(sha):
            self._write(sha, [data], durable)
        return sha

    def make_durable(self) -> None:
        # Each blob file is fsynced, but each folder only once for all the blobs
        # renamed into it (sync(2) would also wait for every other program's writes).
        files, folders = self._unsynced_files, self._unsynced_folders
        self._unsynced_files, self._unsynced_folders = [], set()
        for name in files:
            with contextlib.suppress(FileNotFoundError):  # removed again by a rollback
                _fsync_path(name)
        for name in sorted(folders, key=len, reverse=True):
            _fsync_path(name)

    def _put_stream(
        self, chunks: Iterable[bytes], max_bytes: int | None, label: str
    ) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise InputError(
                            f"{label} is larger than the limit of {max_bytes:,} bytes.",
                            hint="Raise limits.max_source_bytes in reckon.toml if it must be kept.",
                        )
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            if target.exists():
                tmp.unlink()
            else:
                self._install(tmp, target)
            return sha, size
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            raise

    def _write(self, sha: str, chunks: list[bytes], durable: bool = True) -> None:
        target = str(self.path_for(sha))
        folder = os.path.dirname(target)
        self._folder(folder)
        # The temporary file sits beside its target (one folder to sync) and is
        # created read-only; `__iter__` skips its name.
        tmp = f"{folder}/.incoming-{secrets.token_hex(8)}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _READ_ONLY)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                if durable:
                    os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        if durable:
            _fsync_path(folder)
        else:
            self._unsynced_files.append(target)
            self._unsynced_folders.add(folder)

    def _install(self, tmp: Path, target: Path) -> None:
        self._folder(str(target.parent))
        tmp.chmod(_READ_ONLY)
        os.replace(tmp, target)
        _fsync_path(str(target.parent))  # make the rename itself durable
        for folder in sorted(self._unsynced_folders, key=len, reverse=True):
            _fsync_path(folder)  # and any fan-out folder made for it

    def exists(self, sha256: str) -> bool:
        return os.path.isfile(self.path_for(sha256))

    def open(self, sha256: str) -> BinaryIO:
        try:
            return self.path_for(sha256).open("rb")
        except FileNotFoundError as exc:
            raise NotFoundError(f"Blob {sha256[:12]}… is missing from {self.root}.") from exc

    def read(self, sha256: str) -> bytes:
        with self.open(sha256) as handle:
            return handle.read()

    def digest(self, sha256: str) -> str:
        digest = hashlib.sha256()
        with self.open(sha256) as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def __iter__(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.glob("??/??/*")):
            if _SHA256.match(path.name):
                yield path.name

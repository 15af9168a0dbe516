from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.errors import InputError, NotFoundError
from reckon.store.blobs import FolderBlobStore


@settings(max_examples=50, deadline=None)
@given(data=st.binary(max_size=5000))
def test_bytes_round_trip_under_their_hash(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    store = FolderBlobStore(tmp_path_factory.mktemp("blobs"))
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.read(sha) == data
    assert store.digest(sha) == sha


def test_same_bytes_are_stored_once_and_read_only(tmp_path: Path) -> None:
    store = FolderBlobStore(tmp_path / "blobs")
    source = tmp_path / "a.txt"
    source.write_bytes(b"testimony")
    first = store.put_file(source)
    second = store.put_file(source)
    assert first == second == (hashlib.sha256(b"testimony").hexdigest(), 9)
    assert list(store) == [first[0]]
    mode = store.path_for(first[0]).stat().st_mode
    assert not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def test_file_over_the_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    store = FolderBlobStore(tmp_path / "blobs")
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(InputError, match="larger than the limit"):
        store.put_file(big, max_bytes=4096)
    assert [p for p in (tmp_path / "blobs").rglob("*") if p.is_file()] == []


def test_missing_blob_and_bad_key_are_clear_errors(tmp_path: Path) -> None:
    store = FolderBlobStore(tmp_path / "blobs")
    with pytest.raises(NotFoundError, match="missing"):
        store.read("0" * 64)
    with pytest.raises(InputError, match="not a SHA-256"):
        store.path_for("../../etc/passwd")


def test_tampering_is_visible_in_the_digest(tmp_path: Path) -> None:
    store = FolderBlobStore(tmp_path / "blobs")
    sha = store.put_bytes(b"original")
    path = store.path_for(sha)
    path.chmod(0o600)
    path.write_bytes(b"0riginal")
    assert store.digest(sha) != sha


def test_batched_blobs_are_fsynced_each_with_one_fsync_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    store = FolderBlobStore(tmp_path / "blobs")
    blobs = [b"one", b"two", b"three", b"four"]
    shas = [hashlib.sha256(b).hexdigest() for b in blobs]
    for data, sha in zip(blobs, shas, strict=True):
        store._write(sha, [data], durable=False)
    synced: list[str] = []
    real_fsync, real_open = os.fsync, os.open
    opened: dict[int, str] = {}

    def tracking_open(path: str, flags: int, *args: int) -> int:
        fd = real_open(path, flags, *args)
        opened[fd] = str(path)
        return fd

    def tracking_fsync(fd: int) -> None:
        synced.append(opened.get(fd, "?"))
        real_fsync(fd)

    def no_sync() -> None:
        raise AssertionError("sync(2) waits for every other program's writes")

    monkeypatch.setattr(os, "open", tracking_open)
    monkeypatch.setattr(os, "fsync", tracking_fsync)
    monkeypatch.setattr(os, "sync", no_sync)
    store.make_durable()
    files = {str(store.path_for(sha)) for sha in shas}
    folders = {os.path.dirname(f) for f in files}
    # each new folder's entry lives in its parent, which is synced too (up to the
    # store's own folder, made by this first write)
    parents = {os.path.dirname(f) for f in folders} | {str(store.root), str(tmp_path)}
    others = [s for s in synced if s not in files]
    assert files <= set(synced)
    assert len(others) == len(set(others))  # each folder once
    assert set(others) == folders | parents
    count = len(synced)
    store.make_durable()  # nothing left to flush
    assert len(synced) == count

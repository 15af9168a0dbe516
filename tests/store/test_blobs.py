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

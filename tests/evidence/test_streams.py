"""Confidential files of any size: encrypted as a stream of chunks, each bound to its place."""

from __future__ import annotations

import io
import stat
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from reckon import keys
from reckon.errors import IntegrityError
from reckon.evidence import Locker, SourceFacts, add_paths, verify
from reckon.evidence import sources as sources_module
from reckon.evidence.package import export_sources, verify_package
from reckon.store.schema import sources

KEY = bytes(range(32))
CHUNK = 64
HEADER = len(keys.STREAM_MAGIC) + 4 + 16


def _seal(data: bytes, aad: bytes = b"source:x", pieces: int = 7) -> bytes:
    parts = [data[i : i + pieces] for i in range(0, len(data), pieces)] or [b""]
    return b"".join(keys.seal_stream_with(KEY, parts, aad, chunk_size=CHUNK))


def _open(sealed: bytes, aad: bytes = b"source:x") -> bytes:
    return b"".join(keys.open_stream_with(KEY, io.BytesIO(sealed), aad))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 5 * CHUNK + 17])
def test_a_stream_round_trips_whatever_its_size(size: int) -> None:
    data = bytes(i % 251 for i in range(size))
    sealed = _seal(data)
    assert _open(sealed) == data
    assert _open(_seal(data, pieces=max(size, 1))) == data  # one piece of many chunks
    chunks = max(1, -(-size // CHUNK))
    assert len(sealed) == HEADER + size + 16 * chunks
    assert data[:16] not in sealed[HEADER:] or size < 16


def _chunks(sealed: bytes) -> tuple[bytes, list[bytes]]:
    body = sealed[HEADER:]
    step = CHUNK + 16
    return sealed[:HEADER], [body[i : i + step] for i in range(0, len(body), step)]


def test_cutting_a_stream_short_is_caught() -> None:
    sealed = _seal(bytes(5 * CHUNK + 17))
    header, chunks = _chunks(sealed)
    # Cut at a chunk boundary: the last chunk left was not sealed as the last.
    with pytest.raises(IntegrityError, match="ends early"):
        _open(header + b"".join(chunks[:3]))
    # Cut inside a chunk.
    with pytest.raises(IntegrityError):
        _open(sealed[:-5])
    with pytest.raises(IntegrityError):
        _open(header)


def test_reordered_dropped_or_added_chunks_are_caught() -> None:
    sealed = _seal(bytes(range(250)) * 2)
    header, chunks = _chunks(sealed)
    swapped = [chunks[1], chunks[0], *chunks[2:]]
    with pytest.raises(IntegrityError, match="chunk 0"):
        _open(header + b"".join(swapped))
    with pytest.raises(IntegrityError, match="chunk 1"):
        _open(header + chunks[0] + b"".join(chunks[2:]))
    with pytest.raises(IntegrityError):
        _open(sealed + chunks[0])
    with pytest.raises(IntegrityError):
        _open(sealed, aad=b"source:y")  # moved to another source


def test_chunks_of_another_stream_do_not_fit() -> None:
    one, other = _seal(bytes(3 * CHUNK)), _seal(bytes(3 * CHUNK))
    header, chunks = _chunks(one)
    _, foreign = _chunks(other)
    with pytest.raises(IntegrityError):
        _open(header + chunks[0] + foreign[1] + chunks[2])


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 64 bytes, and files over 300 bytes streamed from disk, not held in memory."""
    monkeypatch.setattr(keys, "STREAM_CHUNK", CHUNK)
    monkeypatch.setattr(sources_module, "IN_MEMORY_BYTES", 300)


def _blob_of(locker: Locker, source_id: int) -> Path:
    with locker.reading() as (conn, _):
        blob = conn.execute(
            select(sources.c.blob_sha256).where(sources.c.id == source_id)
        ).scalar_one()
    return locker.blobs.path_for(blob)


def _rewrite(path: Path, data: bytes) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    path.write_bytes(data)


SECRET = b"The witness Kian Rostami counted forty trucks at the gate. "


def _big_testimony(tmp_path: Path) -> Path:
    path = tmp_path / "testimony.txt"
    path.write_bytes(SECRET * 40)  # 2,360 bytes: 37 chunks, over the in-memory limit
    return path


def test_a_confidential_file_larger_than_a_chunk(
    locker: Locker, tmp_path: Path, small_chunks: None
) -> None:
    path = _big_testimony(tmp_path)
    result = add_paths(locker, [path], SourceFacts(confidential=True))[0]
    assert result.ok, result.error
    assert result.source_id is not None
    stored = _blob_of(locker, result.source_id).read_bytes()
    assert keys.is_stream(stored)
    assert len(stored) > len(SECRET * 40) + 30 * 16
    assert b"Rostami" not in stored
    assert verify(locker).ok
    out = tmp_path / "package.zip"
    export_sources(locker, [str(result.source_id)], out, include_confidential=True)
    with zipfile.ZipFile(out) as archive:
        assert archive.read(f"sources/{result.source_id}/original") == SECRET * 40
    assert verify_package(out).ok


def test_verify_names_a_truncated_or_reordered_confidential_file(
    locker: Locker, tmp_path: Path, small_chunks: None
) -> None:
    result = add_paths(locker, [_big_testimony(tmp_path)], SourceFacts(confidential=True))[0]
    assert result.source_id is not None
    blob = _blob_of(locker, result.source_id)
    original = blob.read_bytes()
    header, chunks = _chunks(original)
    # A forger cannot fix the blob's name (its hash) without the key, but even a
    # blob store that trusts names must not accept a shorter or reordered stream.
    for damaged in (
        header + b"".join(chunks[:-1]),
        header + chunks[1] + chunks[0] + b"".join(chunks[2:]),
    ):
        _rewrite(blob, damaged)
        problems = [(p.subject, p.kind) for p in verify(locker).problems]
        assert (f"source {result.source_id}", "altered") in problems
    _rewrite(blob, original)
    assert verify(locker).ok


def test_the_plaintext_check_catches_a_stream_whose_name_was_fixed(
    locker: Locker, tmp_path: Path, small_chunks: None
) -> None:
    """The decrypted check alone (not the blob's own hash) catches a cut stream."""
    from reckon.evidence.verify import _plain_problem

    result = add_paths(locker, [_big_testimony(tmp_path)], SourceFacts(confidential=True))[0]
    header, chunks = _chunks(_blob_of(locker, result.source_id or 0).read_bytes())
    sha = str(result.sha256)
    cut = io.BytesIO(header + b"".join(chunks[:10]))
    problem = _plain_problem(locker, "source 1", cut, sha, f"source:{sha}")
    assert problem is not None
    assert "ends early" in problem.message
    whole = io.BytesIO(header + b"".join(chunks))
    assert _plain_problem(locker, "source 1", whole, sha, f"source:{sha}") is None


def test_older_single_shot_blobs_are_still_read(
    locker: Locker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def single_shot(self: object, item: sources_module._Item) -> str:
        assert item.data is not None
        sealed = locker.keyring.seal(item.data, f"source:{item.sha}".encode())
        return sources_module._NewBlobs.put(self, sealed)  # type: ignore[arg-type]

    monkeypatch.setattr(sources_module._NewBlobs, "put_sealed", single_shot)
    path = tmp_path / "old.txt"
    path.write_bytes(SECRET)
    result = add_paths(locker, [path], SourceFacts(confidential=True))[0]
    monkeypatch.undo()
    assert result.source_id is not None
    assert not keys.is_stream(_blob_of(locker, result.source_id).read_bytes())
    assert verify(locker).ok
    out = tmp_path / "old.zip"
    export_sources(locker, [str(result.source_id)], out, include_confidential=True)
    with zipfile.ZipFile(out) as archive:
        assert archive.read(f"sources/{result.source_id}/original") == SECRET

"""verify catches every kind of tampering and names what was touched."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from reckon.evidence import Locker, SourceFacts, add_paths, verify
from reckon.store.schema import custody_entries, sources, text_artifacts
from reckon.store.users import acting_user


@pytest.fixture
def filled(locker: Locker, files: Path) -> Locker:
    add_paths(locker, [files], SourceFacts(reliability="C", reliability_reason="unknown site"))
    assert verify(locker).ok
    return locker


def _flip_byte(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _problems(locker: Locker) -> list[tuple[str, str]]:
    report = verify(locker)
    assert not report.ok
    return [(p.subject, p.kind) for p in report.problems]


def test_a_flipped_byte_in_a_source_blob(filled: Locker) -> None:
    with filled.reading() as (conn, _):
        row = (
            conn.execute(select(sources).where(sources.c.media_type == "text/html"))
            .mappings()
            .one()
        )
    _flip_byte(filled.blobs.path_for(row["blob_sha256"]))
    assert (f"source {row['id']}", "altered") in _problems(filled)


def test_a_flipped_byte_in_a_text_artifact(filled: Locker) -> None:
    with filled.reading() as (conn, _):
        row = (
            conn.execute(select(text_artifacts).where(text_artifacts.c.extractor == "trafilatura"))
            .mappings()
            .one()
        )
    content = bytearray(row["content"])
    content[len(content) // 2] ^= 0x01
    with filled.workspace.engine.begin() as conn:
        conn.execute(
            update(text_artifacts)
            .where(text_artifacts.c.id == row["id"])
            .values(content=bytes(content))
        )
    assert _problems(filled) == [(f"text {row['id']}", "altered")]


def test_a_deleted_blob(filled: Locker) -> None:
    with filled.reading() as (conn, _):
        row = (
            conn.execute(select(sources).where(sources.c.media_type == "text/csv")).mappings().one()
        )
    os.unlink(filled.blobs.path_for(row["blob_sha256"]))
    assert (f"source {row['id']}", "missing") in _problems(filled)


def test_an_edited_custody_row(filled: Locker) -> None:
    with filled.workspace.engine.begin() as conn:
        conn.execute(
            update(custody_entries).where(custody_entries.c.seq == 3).values(action="exported")
        )
    assert ("custody entry 3", "altered") in _problems(filled)


def test_a_deleted_custody_row(filled: Locker) -> None:
    with filled.workspace.engine.begin() as conn:
        conn.execute(delete(custody_entries).where(custody_entries.c.seq == 4))
    problems = _problems(filled)
    assert ("custody entry 5", "missing") in problems


def test_two_swapped_custody_rows(filled: Locker) -> None:
    columns = [c for c in custody_entries.columns if c.name != "seq"]
    with filled.workspace.engine.begin() as conn:
        two = {
            r["seq"]: dict(r)
            for r in conn.execute(
                select(custody_entries).where(custody_entries.c.seq.in_([2, 5]))
            ).mappings()
        }
        # Move one aside first: entry_hash is unique.
        conn.execute(
            update(custody_entries).where(custody_entries.c.seq == 2).values(entry_hash="x" * 64)
        )
        conn.execute(
            update(custody_entries)
            .where(custody_entries.c.seq == 5)
            .values(**{c.name: two[2][c.name] for c in columns})
        )
        conn.execute(
            update(custody_entries)
            .where(custody_entries.c.seq == 2)
            .values(**{c.name: two[5][c.name] for c in columns})
        )
    problems = _problems(filled)
    assert ("custody entry 2", "out-of-order") in problems
    assert ("custody entry 5", "out-of-order") in problems


def test_a_record_changed_behind_reckons_back(filled: Locker) -> None:
    with filled.workspace.engine.begin() as conn:
        conn.execute(update(sources).where(sources.c.id == 1).values(reliability="A"))
    assert _problems(filled) == [("source 1", "altered")]


def test_a_truncated_log_is_caught_against_a_published_head(filled: Locker) -> None:
    head = verify(filled).head
    assert head is not None
    assert verify(filled, expect_head=head.entry_hash).ok
    with filled.workspace.engine.begin() as conn:
        conn.execute(delete(custody_entries).where(custody_entries.c.seq == head.seq))
    problems = [(p.subject, p.kind) for p in verify(filled, expect_head=head.entry_hash).problems]
    assert ("custody log", "truncated") in problems


def test_a_replaced_signing_key(filled: Locker) -> None:
    from reckon import keys

    key_file = filled.workspace.settings.keys_dir / keys.SIGNING_KEY_NAME
    key_file.unlink()
    keys.create_signing_key(filled.workspace.settings.keys_dir)
    filled.keyring = keys.Keyring.for_settings(filled.workspace.settings)
    assert ("signing key", "replaced") in _problems(filled)


def _signed(locker: Locker) -> list[int]:
    with locker.reading() as (conn, _):
        rows = conn.execute(select(custody_entries.c.seq, custody_entries.c.signature)).all()
    return [int(r.seq) for r in rows if r.signature]


def test_one_add_is_sealed_by_one_signature_on_its_last_entry(filled: Locker) -> None:
    report = verify(filled)
    assert report.entries > 3
    assert _signed(filled) == [report.entries]


def _rewrite_from(locker: Locker, seq: int, **change: str) -> None:
    """Edit entry ``seq`` and recompute its hash and every later one, as a forger would."""
    from reckon.evidence import custody

    with locker.workspace.engine.begin() as conn:
        log = custody.entries(conn)
        prev = next((e.entry_hash for e in log if e.seq == seq - 1), custody.GENESIS)
        # entry_hash is unique: move the rows aside first.
        for entry in log:
            if entry.seq >= seq:
                conn.execute(
                    update(custody_entries)
                    .where(custody_entries.c.seq == entry.seq)
                    .values(entry_hash=f"{entry.seq:064d}")
                )
        for entry in log:
            if entry.seq < seq:
                continue
            fields = entry.as_dict()
            if entry.seq == seq:
                fields.update(change)
            forged = custody.CustodyEntry.from_dict({**fields, "prev_hash": prev})
            digest = custody.recompute(forged)
            conn.execute(
                update(custody_entries)
                .where(custody_entries.c.seq == entry.seq)
                .values(
                    **{**change, "prev_hash": prev, "entry_hash": digest}
                    if entry.seq == seq
                    else {"prev_hash": prev, "entry_hash": digest}
                )
            )
            prev = digest


def test_a_rewritten_entry_with_recomputed_hashes_breaks_its_seal(filled: Locker) -> None:
    last = verify(filled).entries
    _rewrite_from(filled, 3, action="exported")
    report = verify(filled)
    seals = [p for p in report.problems if p.kind == "bad-signature"]
    assert [p.subject for p in seals] == [f"custody entry {last}"]
    assert f"entries 1–{last}" in seals[0].message
    # Every hash and link was forged consistently: only the seal shows it.
    assert not [p for p in report.problems if p.subject.startswith("custody") and p not in seals]


def test_entries_appended_without_the_key_are_unsealed(filled: Locker) -> None:
    from reckon.evidence import custody
    from reckon.keys import Keyring

    # A forger with the database but not the key appends a well-formed entry.
    class NoKey(Keyring):
        def sign(self, message: bytes) -> bytes:
            return b""

    with filled.workspace.engine.begin() as conn:
        user = acting_user(conn, "tester")
        appender = custody.Appender(conn, NoKey(filled.keyring.keys_dir), user, buffered=True)
        appender.append("verified", "source", 1, None)
        conn.execute(custody_entries.insert(), appender.pending)
    last = verify(filled).entries
    assert _problems(filled) == [(f"custody entry {last}", "unsealed")]

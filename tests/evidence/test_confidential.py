"""A confidential source's content is nowhere in clear: not in the folder, not in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from reckon.errors import LockedError, PermissionDenied
from reckon.evidence import Locker, SourceFacts, add_paths, source_text, verify
from reckon.evidence.listing import HIDDEN, list_sources
from reckon.keys import Keyring
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import metadata

SECRET = "Witness Shirin Kazemlou saw the trucks leave the prison gate at dawn"
TITLE = "Testimony of Shirin Kazemlou"


def _database_text(locker: Locker) -> str:
    """Every value of every reckon table, as text (works the same on both backends)."""
    parts = []
    with locker.workspace.engine.connect() as conn:
        for table in metadata.sorted_tables:
            for row in conn.execute(sa.select(table)):
                parts.extend(str(value) for value in row)
    return "\n".join(parts)


def _folder_bytes(root: Path) -> bytes:
    return b"\n".join(p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file())


def test_confidential_content_is_encrypted_at_rest(locker: Locker, tmp_path: Path) -> None:
    testimony = tmp_path / "shirin-kazemlou.txt"
    testimony.write_text(SECRET + "\n", encoding="utf-8")
    result = add_paths(
        locker,
        [testimony],
        SourceFacts(
            title=TITLE, confidential=True, from_person="Shirin Kazemlou", note="met in Berlin"
        ),
    )[0]
    assert result.ok
    assert result.source_id is not None
    testimony.unlink()
    for needle in (SECRET, "Kazemlou", "Berlin"):
        assert needle.encode() not in _folder_bytes(locker.workspace.root)
        assert needle.encode("utf-16-le") not in _folder_bytes(locker.workspace.root)
        assert needle not in _database_text(locker)
    with locker.writing() as (conn, user):
        text = source_text(locker, conn, user, result.source_id)
        listed = list_sources(locker, conn, user)
    assert text is not None
    assert text.text.startswith(SECRET)
    assert listed[0].title == TITLE
    report = verify(locker)
    assert report.ok
    assert report.encrypted_checked


def test_without_passphrase_or_permission_the_content_stays_closed(
    locker: Locker, tmp_path: Path
) -> None:
    testimony = tmp_path / "t.txt"
    testimony.write_text(SECRET, encoding="utf-8")
    source_id = add_paths(locker, [testimony], SourceFacts(title=TITLE, confidential=True))[
        0
    ].source_id
    assert source_id is not None
    locked = Locker(locker.workspace, Keyring(locker.workspace.settings.keys_dir, None))
    with locked.writing() as (conn, user):
        assert list_sources(locked, conn, user)[0].title == HIDDEN
        with pytest.raises(LockedError):
            source_text(locked, conn, user, source_id)
    assert verify(locked).ok  # ciphertext hashes still checked
    with locker.workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "rev", Role.REVIEWER, actor=admin)
    locker.workspace.settings = locker.workspace.settings.with_overrides(user="rev")
    with locker.writing() as (conn, user):
        assert list_sources(locker, conn, user)[0].title == HIDDEN
        with pytest.raises(PermissionDenied):
            source_text(locker, conn, user, source_id)


def test_reading_confidential_text_is_recorded(locker: Locker, tmp_path: Path) -> None:
    from reckon.evidence import custody

    testimony = tmp_path / "t.txt"
    testimony.write_text(SECRET, encoding="utf-8")
    source_id = add_paths(locker, [testimony], SourceFacts(confidential=True))[0].source_id
    with locker.writing() as (conn, user):
        source_text(locker, conn, user, source_id or 0)
    with locker.reading() as (conn, _):
        actions = [e.action for e in custody.entries(conn)]
    assert actions[-1] == "revealed"
    assert verify(locker).ok

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from reckon.errors import PermissionDenied, WorkspaceError
from reckon.roles import Role
from reckon.store import audit, users
from reckon.store.engine import is_sqlite
from reckon.workspace import CONFIG_NAME, Workspace, find_root, init_workspace, load_settings


def test_init_creates_settings_store_blobs_and_admin(workspace: Workspace) -> None:
    root = workspace.root
    assert (root / CONFIG_NAME).is_file()
    assert (root / "blobs").is_dir()
    with workspace.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
        assert admin.role is Role.ADMIN
        assert [e.action for e in audit.entries(conn)] == ["user-added"]


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    ws = init_workspace(tmp_path / "w", "amir", {})
    with ws, ws.engine.connect() as conn:
        assert is_sqlite(ws.settings.database_url)
        assert (ws.root / "reckon.sqlite").is_file()
        assert conn.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sa.text("PRAGMA foreign_keys")).scalar() == 1


def test_workspace_is_found_from_option_then_env_then_cwd(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        init_workspace(tmp_path / name, "u", {}).close()
    a, b, c = (tmp_path / n for n in ("a", "b", "c"))
    env = {"RECKON_WORKSPACE": str(b)}
    assert find_root(a, env, c) == a.resolve()
    assert find_root(None, env, c) == b.resolve()
    assert find_root(None, {}, c) == c.resolve()
    with pytest.raises(WorkspaceError, match="not a reckon workspace"):
        find_root(None, {}, tmp_path)


def test_second_init_is_refused(workspace: Workspace, store_env: dict[str, str]) -> None:
    with pytest.raises(WorkspaceError, match="already a reckon workspace"):
        init_workspace(workspace.root, "other", store_env)


def test_open_runs_on_the_configured_database(
    workspace: Workspace, store_env: dict[str, str]
) -> None:
    reopened = Workspace.open(workspace.root, store_env)
    with reopened, reopened.engine.connect() as conn:
        assert users.acting_user(conn, "tester").name == "tester"
        assert reopened.engine.dialect.name == workspace.engine.dialect.name


def test_env_user_overrides_configured_user(tmp_path: Path) -> None:
    init_workspace(tmp_path / "w", "amir", {}).close()
    assert load_settings(tmp_path / "w", {"RECKON_USER": "leila"}).user == "leila"


def test_broken_config_is_a_clear_error(tmp_path: Path) -> None:
    init_workspace(tmp_path / "w", "amir", {}).close()
    (tmp_path / "w" / CONFIG_NAME).write_text("[workspace\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="not valid TOML"):
        load_settings(tmp_path / "w", {})


def test_only_an_admin_adds_users_and_each_add_is_audited(workspace: Workspace) -> None:
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        editor = users.add_user(conn, "leila", Role.EDITOR, actor=admin)
        with pytest.raises(PermissionDenied, match="may not manage users"):
            users.add_user(conn, "kian", Role.REVIEWER, actor=editor)
        entries = audit.entries(conn, object_type="user")
    assert [(e.user, e.action, e.detail) for e in entries][-1] == (
        "tester",
        "user-added",
        {"role": "editor"},
    )


def test_unknown_acting_user_says_how_to_fix_it(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn, pytest.raises(WorkspaceError, match="reckon user add"):
        users.acting_user(conn, "nobody")

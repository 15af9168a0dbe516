"""The publication commands: thin over the library, clear errors, audit kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.cli import app
from reckon.errors import WorkspaceError
from reckon.publish import visibility
from reckon.workspace import Workspace, load_settings

runner = CliRunner()


def _run(ws: Workspace, env: dict[str, str], *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["-w", str(ws.root), *args], env=env)
    return result.exit_code, result.output + result.stderr


def test_publish_withhold_and_list(workspace: Workspace, store_env: dict[str, str]) -> None:
    env = dict(store_env)
    assert _run(workspace, env, "user", "add", "ed", "--role", "editor")[0] == 0
    env["RECKON_USER"] = "ed"
    code, out = _run(workspace, env, "publish", "person", "P1", "P2", "P3")
    assert code == 0, out
    assert "Published 3" in out
    code, out = _run(workspace, env, "withhold", "P2", "--reason", "the family asked")
    assert code == 0, out
    code, out = _run(workspace, env, "withhold", "P3")
    assert code == 2
    assert "--reason" in out
    code, out = _run(workspace, env, "publish", "rumour", "x")
    assert code == 2
    assert "not something reckon publishes" in out
    code, out = _run(workspace, env, "publications")
    assert code == 0
    assert "Withheld from every public output: 1" in out
    with workspace.engine.connect() as conn:
        assert visibility.what_is_public(conn).ids("person") == {"P1", "P3"}


def test_a_reviewer_cannot_publish(workspace: Workspace, store_env: dict[str, str]) -> None:
    env = dict(store_env)
    _run(workspace, env, "user", "add", "rev", "--role", "reviewer")
    env["RECKON_USER"] = "rev"
    code, out = _run(workspace, env, "publish", "person", "P1")
    assert code == 2
    assert "may not publish" in out


def test_min_independent_sources_is_a_setting(tmp_path: Path, workspace: Workspace) -> None:
    config = workspace.settings.config_path
    assert workspace.settings.min_independent_sources == 2
    config.write_text(config.read_text() + "\n[publish]\nmin_independent_sources = 3\n")
    assert load_settings(workspace.root, {}).min_independent_sources == 3
    config.write_text(config.read_text().replace("= 3", "= 0"))
    with pytest.raises(WorkspaceError, match="min_independent_sources"):
        load_settings(workspace.root, {})


def test_export_public_and_dossier_commands(
    workspace: Workspace, store_env: dict[str, str], tmp_path: Path
) -> None:
    env = dict(store_env)
    assert _run(workspace, env, "publish", "person", "P1", "P2")[0] == 0
    code, out = _run(workspace, env, "export", "--public", "--out", str(tmp_path / "reg"))
    assert code == 0, out
    assert "2 persons" in out
    assert (tmp_path / "reg" / "data_dictionary.md").is_file()
    code, out = _run(workspace, env, "export", "--out", str(tmp_path / "x"))
    assert code == 2
    assert "--public or --ftm" in out
    code, out = _run(workspace, env, "export", "--ftm", "--out", str(tmp_path / "e.ftm.json"))
    assert code == 0, out
    code, out = _run(workspace, env, "dossier", "P1", "--out", str(tmp_path / "P1.txt"))
    assert code == 2
    assert ".pdf" in out

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import typer
from typer.main import get_command
from typer.testing import CliRunner

from reckon import __version__
from reckon.cli import app

runner = CliRunner()


def _walk(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], object]]:
    commands = getattr(command, "commands", None)
    if commands is None:
        yield path, command
        return
    for name, sub in commands.items():
        here = (*path, name)
        yield here, sub
        yield from (item for item in _walk(sub, here) if item[0] != here)


def test_every_command_has_a_one_line_description() -> None:
    root = get_command(app)
    found = list(_walk(root))
    assert len(found) >= 4
    for path, command in found:
        help_text = getattr(command, "help", None) or ""
        assert help_text.strip(), f"'reckon {' '.join(path)}' has no help text"
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, result.output


def test_help_lists_every_top_level_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in get_command(app).commands:  # type: ignore[attr-defined]
        assert name in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"reckon {__version__}"


def test_user_error_is_one_line_exit_2_without_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--workspace", str(tmp_path / "none"), "status"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith("error:")
    assert "reckon init" in lines[0]
    assert "Traceback" not in result.output + result.stderr


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--debug", "--workspace", str(tmp_path / "none"), "status"])
    assert result.exit_code != 0
    assert result.exception is not None
    assert type(result.exception).__name__ == "WorkspaceError"


def test_init_status_and_users_through_the_cli(tmp_path: Path, store_env: dict[str, str]) -> None:
    ws = str(tmp_path / "ws")
    result = runner.invoke(app, ["init", ws, "--user", "nasrin"], env=store_env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        app, ["-w", ws, "user", "add", "bahram", "--role", "reviewer"], env=store_env
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["-w", ws, "status"], env=store_env)
    assert result.exit_code == 0, result.output
    assert "users" in result.output
    assert "│ 2" in result.output  # two users
    # A reviewer acting on the workspace may not add users.
    result = runner.invoke(
        app,
        ["-w", ws, "user", "add", "x", "--role", "admin"],
        env={**store_env, "RECKON_USER": "bahram"},
    )
    assert result.exit_code == 2
    assert "may not manage users" in result.stderr


def test_bad_role_is_refused_by_the_parser(tmp_path: Path) -> None:
    result = runner.invoke(app, ["-w", str(tmp_path), "user", "add", "x", "--role", "king"])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit | typer.Exit)


def test_every_command_is_documented_in_docs_commands() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "commands.md").read_text(
        encoding="utf-8"
    )
    for path, command in _walk(get_command(app)):
        if getattr(command, "commands", None) is not None:
            continue  # a group; its commands are checked one by one
        heading = "## reckon " + " ".join(path)
        assert heading in docs, f"docs/commands.md has no section '{heading}'"

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import create_engine, update
from typer.testing import CliRunner

from reckon.cli import app
from reckon.store.schema import custody_entries
from reckon.workspace import sqlite_url

from .conftest import PAGE, PASSPHRASE

runner = CliRunner()


def test_add_list_show_verify_through_the_cli(tmp_path: Path, store_env: dict[str, str]) -> None:
    ws = str(tmp_path / "ws")
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    assert runner.invoke(app, ["init", ws, "--user", "nasrin"], env=env).exit_code == 0
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "-w",
            ws,
            "add",
            str(page),
            "--publisher",
            "Example Memorial",
            "--reliability",
            "B",
            "--why",
            "checked before",
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["-w", ws, "add", str(tmp_path / "empty.txt")], env=env)
    assert result.exit_code == 2
    assert "empty" in result.stderr
    result = runner.invoke(app, ["-w", ws, "sources", "--json"], env=env)
    listed = json.loads(result.output)
    assert listed[0]["title"] == "Night at Gohardasht"
    assert listed[0]["reliability"] == "B"
    result = runner.invoke(app, ["-w", ws, "show", "1", "--text"], env=env)
    assert result.exit_code == 0, result.output
    assert "visiting hall" in result.output
    assert "acquired" in result.output
    result = runner.invoke(app, ["-w", ws, "grade", "1", "C", "--why", "second look"], env=env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["-w", ws, "custody", "head", "--json"], env=env)
    head = json.loads(result.output)
    assert len(head["head"]) == 64
    assert head["signature"]
    result = runner.invoke(app, ["-w", ws, "verify", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["ok"] is True
    result = runner.invoke(app, ["-w", ws, "verify", "--expect-head", head["head"]], env=env)
    assert result.exit_code == 0
    assert "OK" in result.output
    if "RECKON_DATABASE_URL" not in store_env:
        engine = create_engine(sqlite_url(Path(ws)))
        with engine.begin() as conn:
            conn.execute(
                update(custody_entries).where(custody_entries.c.seq == 2).values(object_id="99")
            )
        engine.dispose()
        result = runner.invoke(app, ["-w", ws, "verify"], env=env)
        assert result.exit_code == 1
        assert "custody entry 2" in result.output

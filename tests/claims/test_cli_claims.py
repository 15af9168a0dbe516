"""The claims commands end to end: extract a source, list, accept, print a person."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from reckon.cli import app
from reckon.workspace import Workspace

from .conftest import PASSPHRASE, AddText

runner = CliRunner()


def test_extract_list_accept_person(
    ws: Workspace, add_text: AddText, store_env: dict[str, str]
) -> None:
    source = add_text("Iraj Farahani was executed at Gohardasht Prison on 12 August 1988.\n")
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    base = ["-w", str(ws.root)]
    result = runner.invoke(app, [*base, "extract", str(source), "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["claims"][0]["victim"] == "Iraj Farahani"
    listed = runner.invoke(app, [*base, "claims", "--status", "proposed", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    (claim,) = json.loads(listed.output)
    accepted = runner.invoke(
        app,
        [
            *base,
            "claims",
            "accept",
            str(claim["id"]),
            "--credibility",
            "3",
            "--reason",
            "one witness",
        ],
        env=env,
    )
    assert accepted.exit_code == 0, accepted.output
    shown = runner.invoke(app, [*base, "person", str(claim["victim_id"])], env=env)
    assert shown.exit_code == 0, shown.output
    assert "Iraj Farahani" in shown.output
    assert "F3" in shown.output
    rejected = runner.invoke(app, [*base, "claims", "reject", "999"], env=env)
    assert rejected.exit_code == 2

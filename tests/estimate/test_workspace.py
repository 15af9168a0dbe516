"""Estimating from the workspace's linked persons (capture histories of the linkage stage)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from reckon.cli import app
from reckon.demo.run import data_dir
from reckon.estimate import EstimateSettings
from reckon.estimate.workspace import linkage_sensitivity, workspace_tables
from reckon.link.engines import Engine
from reckon.link.imports import import_list
from reckon.link.workspace import link_workspace
from reckon.store.users import acting_user
from reckon.workspace import Workspace

LISTS = data_dir() / "lists"
MEHR = {
    "record_no": "record_id",
    "first_name": "given_name",
    "last_name": "surname",
    "father": "father_name",
    "born": "birth_year",
    "home_town": "city",
    "prison": "prison",
    "executed_on": "death_date",
}
FAMILIES = {
    "ردیف": "record_id",
    "نام": "given_name",
    "نام خانوادگی": "surname",
    "نام پدر": "father_name",
    "سال تولد": "birth_year",
    "شهر": "city",
    "زندان": "prison",
    "تاریخ اعدام": "death_date",
}
NFF = {
    "no": "record_id",
    "name": "full_name",
    "father_name": "father_name",
    "year_of_birth": "birth_year",
    "city": "city",
    "prison": "prison",
    "date": "death_date",
}
TRIBUNE = {
    "Name": "full_name",
    "Hometown": "city",
    "Prison": "prison",
    "Date of execution": "death_date",
}


def _linked(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        import_list(conn, actor, LISTS / "families_association.csv", "families", FAMILIES)
        import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)
        import_list(conn, actor, LISTS / "nff_opposition.csv", "nff", NFF)
        import_list(
            conn, actor, LISTS / "exile_tribune.csv", "tribune", TRIBUNE, derived_from="nff"
        )
        link_workspace(conn, actor, Engine("duckdb"))


def test_estimate_from_linked_lists(workspace: Workspace, store_env: dict[str, str]) -> None:
    _linked(workspace)
    with workspace.engine.connect() as conn:
        tables, warnings = workspace_tables(conn, "prison")
        assert all(t.lists == ("families", "mehr", "nff") for t in tables.values())
        assert any("derived" in w and "tribune (from nff)" in w for w in warnings)
        assert 110 <= sum(t.observed for t in tables.values()) <= 140
        insisted, notes = workspace_tables(conn, include_derived=True)
        assert insisted[None].lists == ("families", "mehr", "nff", "tribune")
        assert "biased" in notes[0]
        moves = linkage_sensitivity(
            conn, EstimateSettings(method="loglinear"), thresholds=(0.5, 0.99)
        )
        assert [m.threshold for m in moves] == [0.5, 0.99]
        assert all(m.lower <= m.estimate <= m.upper for m in moves)
    result = CliRunner().invoke(
        app,
        [
            "-w",
            str(workspace.root),
            "estimate",
            "--from-workspace",
            "--method",
            "loglinear",
            "--linkage-sensitivity",
            "--json",
        ],
        env=store_env,
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lists"] == ["families", "mehr", "nff"]
    assert [m["threshold"] for m in data["linkage_sensitivity"]] == [0.5, 0.8, 0.9, 0.95, 0.99]
    assert "tribune" in result.stderr

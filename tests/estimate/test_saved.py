"""Saved estimates: stored with their settings, listed, shown, and published by id."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from reckon.cli import app
from reckon.errors import ConflictError, InputError, NotFoundError, PermissionDenied
from reckon.estimate import CaptureTable, EstimateSettings, LcmcrSettings, estimate
from reckon.estimate.saved import get_estimate, list_estimates, save_estimate
from reckon.publish import records
from reckon.publish.visibility import what_is_public
from reckon.roles import Role
from reckon.store.schema import audit_entries, estimates
from reckon.store.users import acting_user, add_user
from reckon.workspace import Workspace

runner = CliRunner()
TABLE = CaptureTable(("A", "B", "C"), np.array([40, 35, 12, 45, 11, 14, 20]))
QUICK = LcmcrSettings(burnin=300, samples=200, thin=2, seed=5, chains=2)


def _team(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        admin = acting_user(conn, "tester")
        add_user(conn, "mina", Role.EDITOR, actor=admin)
        add_user(conn, "reza", Role.REVIEWER, actor=admin)


def test_a_saved_estimate_keeps_settings_result_and_histogram(workspace: Workspace) -> None:
    settings = EstimateSettings(method="all", lcmcr=QUICK)
    result = estimate(TABLE, settings)
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        new_id = save_estimate(
            conn, actor, result, settings, origin={"source": "test"}, label="Evin, quick"
        )
    with workspace.engine.connect() as conn:
        saved = get_estimate(conn, new_id)
        assert [s.id for s in list_estimates(conn)] == [new_id]
        audit = conn.execute(
            select(audit_entries.c.action).where(audit_entries.c.object_type == "estimate")
        ).scalars()
        assert list(audit) == ["saved"]
    head = result.estimates[0]
    assert saved.method == "all"
    assert saved.label == "Evin, quick"
    assert saved.lists == ("A", "B", "C")
    assert saved.estimate == pytest.approx(head.estimate)
    assert saved.lower == pytest.approx(head.lower)
    assert saved.level == 0.95
    assert saved.parameters["lcmcr"]["seed"] == 5
    assert saved.parameters["source"] == "test"
    assert saved.created_by == "tester"
    assert [r["method"] for r in saved.results] == [e.method for e in result.estimates]
    hist = saved.results[0]["histogram"]  # LCMCR's posterior, for pages to draw
    assert len(hist["edges"]) == len(hist["counts"]) + 1
    assert sum(hist["counts"]) == 2 * 200
    assert "histogram" not in saved.results[1]  # a log-linear MLE has no draws


def test_only_roles_that_estimate_may_save(workspace: Workspace) -> None:
    _team(workspace)
    settings = EstimateSettings(method="loglinear")
    with workspace.engine.begin() as conn, pytest.raises(PermissionDenied):
        save_estimate(conn, acting_user(conn, "reza"), estimate(TABLE, settings), settings)


def test_unknown_and_malformed_ids(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        with pytest.raises(NotFoundError, match="no saved estimate 7"):
            get_estimate(conn, 7)
        with pytest.raises(InputError, match="not an estimate id"):
            get_estimate(conn, "E01")


def _save(ws: Workspace, settings: EstimateSettings, table: CaptureTable = TABLE) -> int:
    with ws.engine.begin() as conn:
        return save_estimate(conn, acting_user(conn, "tester"), estimate(table, settings), settings)


def test_publishing_an_estimate_resolves_the_saved_run(workspace: Workspace) -> None:
    _team(workspace)
    new_id = _save(workspace, EstimateSettings(method="loglinear"))
    with workspace.engine.begin() as conn:
        editor = acting_user(conn, "mina")
        records.publish(conn, editor, "estimate", str(new_id))
        with pytest.raises(NotFoundError, match="no saved estimate 999"):
            records.publish(conn, editor, "estimate", "999")
        public = what_is_public(conn, ["estimate"])
        assert public.ids("estimate") == {str(new_id)}
        detail = conn.execute(
            select(audit_entries.c.detail).where(audit_entries.c.action == "published")
        ).scalar_one()
        assert detail  # the audit entry of the decision


def test_an_estimate_without_upper_bound_or_convergence_is_not_published(
    workspace: Workspace, mse_table: Callable[[str], CaptureTable]
) -> None:
    _team(workspace)
    stuck = _save(  # as in test_lcmcr: chains that do not agree
        workspace,
        EstimateSettings(lcmcr=LcmcrSettings(burnin=0, samples=200, thin=1, seed=1)),
        mse_table("uk_modern_slavery_2013_5lists"),
    )
    bounded = _save(workspace, EstimateSettings(method="loglinear"))
    with workspace.engine.begin() as conn:
        conn.execute(estimates.update().where(estimates.c.id == bounded).values(upper=None))
    with workspace.engine.begin() as conn:
        editor = acting_user(conn, "mina")
        assert not get_estimate(conn, stuck).converged
        with pytest.raises(ConflictError, match="did not converge"):
            records.publish(conn, editor, "estimate", str(stuck))
        with pytest.raises(ConflictError, match="no upper bound"):
            records.publish(conn, editor, "estimate", str(bounded))


def test_cli_saves_lists_and_shows(
    workspace: Workspace, store_env: dict[str, str], tmp_path: Path
) -> None:
    csv = tmp_path / "t.csv"
    csv.write_text(
        "A,B,C,count\n"
        + "\n".join(
            f"{a},{b},{c},{n}"
            for (a, b, c), n in zip(TABLE.patterns.tolist(), TABLE.counts.tolist(), strict=True)
        ),
        encoding="utf-8",
    )
    ws = ["-w", str(workspace.root)]
    out = runner.invoke(
        app,
        [
            *ws,
            "estimate",
            str(csv),
            "--method",
            "loglinear",
            "--save",
            "--label",
            "trial",
            "--json",
        ],
        env=store_env,
    )
    assert out.exit_code == 0, out.output
    saved_id = json.loads(out.stdout)["saved_id"]
    listed = runner.invoke(app, [*ws, "estimates", "list", "--json"], env=store_env)
    assert listed.exit_code == 0, listed.output
    (entry,) = json.loads(listed.stdout)
    assert entry["id"] == saved_id
    assert entry["label"] == "trial"
    assert entry["parameters"]["source"] == "file t.csv"
    shown = runner.invoke(app, [*ws, "estimates", "show", str(saved_id)], env=store_env)
    assert shown.exit_code == 0, shown.output
    assert "loglinear" in shown.stdout
    assert "trial" in shown.stdout
    plain = runner.invoke(app, [*ws, "estimates"], env=store_env)
    assert "trial" in plain.stdout
    bad = runner.invoke(app, [*ws, "estimate", str(csv), "--label", "x"], env=store_env)
    assert bad.exit_code != 0
    assert "--save" in bad.stderr


def test_the_public_export_carries_each_estimates_method_and_interval(
    workspace: Workspace, tmp_path: Path
) -> None:
    from reckon.evidence import Locker
    from reckon.publish.export.public import export_public
    from reckon.publish.readers import ReadContext

    new_id = _save(workspace, EstimateSettings(method="loglinear"))
    with workspace.engine.begin() as conn:
        records.publish(conn, acting_user(conn, "tester"), "estimate", str(new_id))
    with workspace.engine.connect() as conn:
        ctx = ReadContext(Locker.open(workspace), conn, acting_user(conn, "tester"))
        export_public(ctx, tmp_path / "register")
    (row,) = [
        json.loads(line)
        for line in (tmp_path / "register" / "estimates.jsonl").read_text("utf-8").splitlines()
    ]
    assert row["estimate_id"] == str(new_id)
    assert row["method"] == "loglinear"
    assert row["interval"] == 0.95
    assert row["lower"] < row["estimate"] < row["upper"]
    assert row["observed"] == TABLE.observed

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from reckon.demo.run import DEMO_ADMIN, STAGES, DemoContext, data_dir, stage_workspace
from reckon.demo.stage_estimate import independent_lists, stage_estimate
from reckon.estimate import Result
from reckon.estimate.saved import get_estimate
from reckon.publish.visibility import what_is_public
from reckon.workspace import init_workspace


def test_demo_stage_estimates_by_prison_with_the_derived_list_left_out() -> None:
    assert "estimate" in [name for name, _ in STAGES]
    ctx = DemoContext(workspace=cast(Any, None), data=data_dir())
    stage_estimate(ctx)
    result = ctx.results["estimate"]
    assert isinstance(result, Result)
    total = result.estimates[0]
    assert total.observed == 127  # the three independent lists name 127 people
    assert total.lower <= 150 <= total.upper  # the generator's truth
    assert list(result.strata) == ["Evin", "Gohardasht", "other prisons"]
    lines = " ".join(line for _, line in ctx.summary)
    assert "synthetic data" in lines
    assert "exile_tribune" in lines
    assert "[" in lines


def test_linked_capture_histories_replace_the_true_links() -> None:
    ctx = DemoContext(workspace=cast(Any, None), data=data_dir())
    lists, derived = independent_lists(
        {"sources": [{"kind": "list", "list": {"name": "a"}, "derived_from": ["x"]}]}
    )
    assert (lists, derived) == ([], ["a"])
    pattern = {
        ("families_association",): 15,
        ("mehr_ngo",): 13,
        ("nff_opposition",): 15,
        ("families_association", "mehr_ngo"): 17,
        ("families_association", "nff_opposition"): 19,
        ("mehr_ngo", "nff_opposition"): 19,
        ("families_association", "mehr_ngo", "nff_opposition"): 29,
    }
    ctx.results["capture_histories"] = [
        (set(names), "Evin") for names, n in pattern.items() for _ in range(n)
    ]
    stage_estimate(ctx)
    assert "linked clusters" in ctx.summary[-1][1]
    assert ctx.results["estimate"].estimates[0].observed == 127


def test_demo_stage_saves_its_estimate_and_an_editor_publishes_it(
    tmp_path: Path, store_env: dict[str, str]
) -> None:
    workspace = init_workspace(tmp_path / "demo", DEMO_ADMIN, store_env)
    try:
        ctx = DemoContext(workspace=workspace, data=data_dir())
        stage_workspace(ctx)
        stage_estimate(ctx)
        saved_id = ctx.results["saved_estimate"]
        with workspace.engine.connect() as conn:
            saved = get_estimate(conn, cast(int, saved_id))
            public = what_is_public(conn, ["estimate"]).ids("estimate")
        assert saved.created_by == "sara.investigator"
        assert saved.strata == "prison"
        assert saved.parameters["lcmcr"]["seed"] == 1988
        assert [s["stratum"] for s in saved.results[0]["strata"]] == [
            "Evin",
            "Gohardasht",
            "other prisons",
        ]
        assert saved.converged
        assert public == {str(saved_id)}
        assert f"estimate {saved_id}" in ctx.summary[-1][1]
    finally:
        workspace.close()

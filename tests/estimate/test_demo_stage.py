from __future__ import annotations

from typing import Any, cast

from reckon.demo.run import STAGES, DemoContext, data_dir
from reckon.demo.stage_estimate import independent_lists, stage_estimate
from reckon.estimate import Result


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

"""The demo's names stage finds people across a Persian and an English list by name."""

from __future__ import annotations

from typing import Any, cast

from reckon.demo.run import DemoContext, data_dir
from reckon.demo.stage_names import stage_names


def test_names_stage_matches_most_people_on_both_lists() -> None:
    # The stage reads only the bundled data; it needs no workspace.
    ctx = DemoContext(workspace=cast(Any, None), data=data_dir())
    stage_names(ctx)
    result = cast(dict[str, int], ctx.results["names"])
    # Two people share their name with another person (a linkage question, not a names one).
    assert result["found"] >= result["in_both"] - 3
    assert result["false"] <= 2
    assert ctx.summary[-1][0] == "names"

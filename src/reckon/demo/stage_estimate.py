"""Demo stage: estimate how many victims no list names, in total and by prison.

Capture histories come from the linkage stage when it has run (a
``ctx.results["capture_histories"]`` list of ``(lists naming the person,
stratum)`` pairs, one per linked cluster); until then, from the demo's
ground-truth links (``truth.csv``), which stand in for linkage and say so.
Lists recorded as derived from another list (the newspaper's copy of the
opposition list) are left out: they are not independent captures. Small
prisons are pooled, because a handful of people per stratum supports no
estimate.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Collection

from reckon.demo.run import DemoContext
from reckon.estimate import (
    EstimateSettings,
    LcmcrSettings,
    Result,
    estimate_strata,
    tables_from_histories,
)
from reckon.estimate.saved import save_estimate
from reckon.publish import records
from reckon.store.users import acting_user

MIN_STRATUM = 20  # named people a prison needs to be its own stratum
POOLED = "other prisons"
INVESTIGATOR = "sara.investigator"  # runs and saves the estimate (see run.DEMO_TEAM)
EDITOR = "maryam.editor"  # decides to publish it
LABEL = "Victims behind the demo's linked lists, by prison (synthetic data)"
UNKNOWN = "prison not recorded"
SETTINGS = EstimateSettings(
    method="lcmcr",
    lcmcr=LcmcrSettings(burnin=3_000, samples=1_000, thin=10, seed=1988),
)


def independent_lists(manifest: dict[str, object]) -> tuple[list[str], list[str]]:
    """List names that are independent captures, and those derived from another list."""
    keep: list[str] = []
    derived: list[str] = []
    sources = manifest["sources"]
    assert isinstance(sources, list)
    for entry in sources:
        if entry.get("kind") != "list":
            continue
        name = entry["list"]["name"]
        (derived if entry.get("derived_from") else keep).append(name)
    return keep, derived


History = tuple[Collection[str], str | None]


def _truth_histories(ctx: DemoContext, lists: list[str]) -> list[History]:
    with (ctx.data / "persons.csv").open(encoding="utf-8") as fh:
        prison = {row["person_id"]: row["prison"] for row in csv.DictReader(fh)}
    named: dict[str, set[str]] = defaultdict(set)
    with (ctx.data / "truth.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["list"] in lists:
                named[row["person_id"]].add(row["list"])
    return [(names, prison[pid]) for pid, names in sorted(named.items())]


def _pool_small(histories: list[History]) -> list[History]:
    sizes: dict[str | None, int] = defaultdict(int)
    for _, stratum in histories:
        sizes[stratum] += 1
    return [(h, s if sizes[s] >= MIN_STRATUM else POOLED) for h, s in histories]


def stage_estimate(ctx: DemoContext) -> None:
    manifest = json.loads((ctx.data / "sources.json").read_text(encoding="utf-8"))
    lists, derived = independent_lists(manifest)
    linked = ctx.results.get("capture_histories")
    histories: list[History]
    if isinstance(linked, list) and linked:
        kept = [(set(h) & set(lists), s or UNKNOWN) for h, s in linked]
        histories = [(h, s) for h, s in kept if h]
        origin = "linked clusters"
    else:
        histories = _truth_histories(ctx, lists)
        origin = "the demo's true links (linkage has not run)"
    tables = tables_from_histories(_pool_small(histories), lists=lists)
    result = estimate_strata({str(k): v for k, v in tables.items()}, SETTINGS)
    ctx.results["estimate"] = result
    total = result.estimates[0]
    status = "" if total.converged else " — chains NOT converged, do not use"
    ctx.report(
        "estimate",
        f"LCMCR total {total.estimate:,.0f} [{total.lower:,.0f}, {total.upper:,.0f}] (95%) "
        f"victims behind {total.observed} named on {len(lists)} lists{status}; "
        f"synthetic data: the generator's truth is {_truth_total(ctx)}",
    )
    for name, (e,) in result.strata.items():
        ctx.report(
            "estimate",
            f"  {name}: {e.estimate:,.0f} [{e.lower:,.0f}, {e.upper:,.0f}] ({e.observed} named)",
        )
    ctx.report(
        "estimate",
        f"capture histories from {origin}; left out as derived: {', '.join(derived) or 'none'}; "
        "an estimate is for investigators until an editor publishes it",
    )
    if ctx.workspace is not None:  # the stage's unit tests run it without a workspace
        _save_and_publish(ctx, result, origin)


def _save_and_publish(ctx: DemoContext, result: Result, origin: str) -> None:
    """Save the run (the investigator), publish it if it converged (an editor), add others' figures."""
    workspace = ctx.workspace
    with workspace.engine.begin() as conn:
        saved_id = save_estimate(
            conn,
            acting_user(conn, INVESTIGATOR),
            result,
            SETTINGS,
            strata="prison",
            origin={"source": f"demo: {origin}", "pooled_below": MIN_STRATUM},
            label=LABEL,
        )
        published = result.estimates[0].converged
        if published:
            records.publish(
                conn,
                acting_user(conn, EDITOR),
                "estimate",
                str(saved_id),
                note="demo: published with its method and interval, beside others' figures",
            )
    ctx.results["saved_estimate"] = saved_id
    ctx.report(
        "estimate",
        f"saved by {INVESTIGATOR} as estimate {saved_id}"
        + (
            f"; {EDITOR} published it (see /estimates beside others' published figures)"
            if published
            else "; not published: its chains did not converge"
        ),
    )


def _truth_total(ctx: DemoContext) -> int:
    with (ctx.data / "persons.csv").open(encoding="utf-8") as fh:
        return sum(1 for _ in csv.DictReader(fh))

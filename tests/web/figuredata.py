"""Others' published figures (the demo's table of real, attributed figures) recorded as claims."""

from __future__ import annotations

import csv

from reckon.claims.figures import record_figure
from reckon.demo.run import data_dir
from reckon.demo.stage_claims import published_figure
from reckon.publish.records import publish
from reckon.store import users
from reckon.workspace import Workspace

from .claimdata import add_source


def record_figures(workspace: Workspace, *, published: set[str]) -> dict[str, list[int]]:
    """Each organisation's figures as claims of one source; those of ``published`` published.

    Returns the claim ids by organisation.
    """
    path = data_dir() / "published_estimates.csv"
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    ids: dict[str, list[int]] = {}
    for who in dict.fromkeys(r["who"] for r in rows):
        mine = [r for r in rows if r["who"] == who]
        text = "\n".join(f"{r['figure_text']} ({r['kind']}), {r['where_reported']}" for r in mine)
        source = add_source(workspace, text, f"figures-{len(ids)}.txt", title=f"{who}: figures")
        with workspace.engine.begin() as conn:
            admin = users.acting_user(conn, "tester")
            for r in mine:
                claim = record_figure(conn, admin, source, published_figure(r))
                ids.setdefault(who, []).append(claim)
                if who in published:
                    publish(conn, admin, "claim", str(claim))
    return ids

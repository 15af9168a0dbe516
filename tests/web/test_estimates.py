"""Estimates on the web: published ones with method and interval beside others' figures; the investigators' list."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from fastapi.testclient import TestClient

from reckon.estimate import CaptureTable, EstimateSettings, LcmcrSettings, estimate_strata
from reckon.estimate.saved import save_estimate
from reckon.publish.records import publish, withdraw
from reckon.roles import Role
from reckon.store import users
from reckon.web.security import CSP
from reckon.workspace import Workspace

from .figuredata import record_figures

EVIN = CaptureTable(("A", "B", "C"), np.array([40, 35, 12, 45, 11, 14, 20]))
GOHARDASHT = CaptureTable(("A", "B", "C"), np.array([30, 28, 9, 33, 8, 10, 14]))
# Log-linear: deterministic and quick; the sum over prisons is bootstrapped, so it has draws to chart.
QUICK = EstimateSettings(method="loglinear", bootstrap=100, lcmcr=LcmcrSettings(seed=9))


def _saved(workspace: Workspace, label: str, *, published: bool) -> int:
    result = estimate_strata({"Evin": EVIN, "Gohardasht": GOHARDASHT}, QUICK)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        new_id = save_estimate(conn, admin, result, QUICK, strata="prison", label=label)
        if published:
            publish(conn, admin, "estimate", str(new_id))
    return new_id


def test_public_page_shows_published_estimates_with_method_and_interval(
    client: TestClient, workspace: Workspace
) -> None:
    shown = _saved(workspace, "Total by prison", published=True)
    _saved(workspace, "Draft, not for the public", published=False)
    record_figures(
        workspace, published={"Amnesty International", "PMOI/NCRI", "Human Rights Watch"}
    )
    page = client.get("/estimates")
    assert page.status_code == 200
    text = page.text
    assert "Total by prison" in text
    assert "Draft, not for the public" not in text
    section = text[text.index(f'id="estimate-{shown}"') :]
    assert "95% interval:" in section
    assert "Log-linear model (stepwise)" in section
    assert "Evin" in section  # by stratum
    assert re.search(r"<svg[^>]*class=\"chart\"", text)  # drawn by reckon, inline
    assert "<script" not in text
    # Others' figures, each attributed to whoever published it.
    assert 'according to <bdi class="who">Amnesty International</bdi>' in text
    assert 'according to <bdi class="who">PMOI/NCRI</bdi>' in text
    assert "“2,800–5,000”" in text
    assert '; graded <span class="grade">B6</span>' in text  # the grade goes with the figure
    # Recorded but not published: not shown, however the page is asked for.
    assert "Montazeri" not in text
    assert "Rafsanjani" not in text
    assert "set-cookie" not in page.headers
    assert page.headers["content-security-policy"] == CSP
    api = client.get("/api/estimates").json()
    assert [e["id"] for e in api] == [shown]
    assert api[0]["method"] == "loglinear"
    assert api[0]["interval"] == 0.95
    assert api[0]["lower"] < api[0]["estimate"] < api[0]["upper"]


def test_persian_page(client: TestClient, workspace: Workspace) -> None:
    _saved(workspace, "کل بر حسب زندان", published=True)
    record_figures(workspace, published={"Amnesty International", "PMOI/NCRI"})
    page = client.get("/estimates", params={"lang": "fa"})
    assert page.status_code == 200
    assert 'dir="rtl"' in page.text
    assert "بازهٔ ۹۵%" in page.text
    assert "مدل لگ‌خطی" in page.text
    assert 'به گفتهٔ <bdi class="who">Amnesty International</bdi>' in page.text
    assert "مقیاس لگاریتمی" in page.text  # 300 to 30,000: a log axis, labelled


def test_nothing_published_yet_and_withdrawn_estimates_disappear(
    client: TestClient, workspace: Workspace
) -> None:
    assert "No estimate has been published yet." in client.get("/estimates").text
    shown = _saved(workspace, "Soon withdrawn", published=True)
    assert "Soon withdrawn" in client.get("/estimates").text
    with workspace.engine.begin() as conn:
        withdraw(conn, users.acting_user(conn, "tester"), "estimate", str(shown), "re-run due")
    assert "Soon withdrawn" not in client.get("/estimates").text
    assert client.get("/api/estimates").json() == []


def test_investigators_see_every_saved_estimate_with_diagnostics_and_charts(
    client: TestClient, workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    public = _saved(workspace, "Public one", published=True)
    draft = _saved(workspace, "Draft one", published=False)
    assert client.get("/work/estimates", follow_redirects=False).status_code == 303  # to login
    assert login_as(Role.REVIEWER).get("/work/estimates").status_code == 403
    investigator = login_as(Role.INVESTIGATOR)
    listing = investigator.get("/work/estimates")
    assert listing.status_code == 200
    assert "Public one" in listing.text
    assert "Draft one" in listing.text
    assert "not published" in listing.text
    assert "bootstrap_reselect = True" in listing.text  # diagnostics of each method
    assert "<svg" in listing.text
    detail = investigator.get(f"/work/estimates/{draft}")
    assert detail.status_code == 200
    assert "percentile bootstrap" in detail.text
    assert '"seed": 9' in detail.text  # the settings, seed included
    assert "Gohardasht" in detail.text
    assert investigator.get("/work/estimates/999").status_code == 404
    assert f"/work/estimates/{public}" in listing.text
    assert "/work/estimates" in investigator.get("/work").text


def test_figures_are_shown_only_while_published(client: TestClient, workspace: Workspace) -> None:
    ids = record_figures(workspace, published={"Human Rights Watch"})
    assert "“2,800–5,000”" in client.get("/estimates").text
    api = client.get("/api/figures").json()
    assert [(f["who"], f["low"], f["high"], f["grade"]) for f in api] == [
        ("Human Rights Watch", 2800, 5000, "B6")
    ]
    assert "graded_by" not in api[0]  # who coded it is the investigators' business
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        withdraw(conn, admin, "claim", str(ids["Human Rights Watch"][0]), "original not found")
    assert "“2,800–5,000”" not in client.get("/estimates").text
    assert client.get("/api/figures").json() == []

"""The public estimates page in a real browser (Debian's chromium): Persian, no JavaScript, nothing from elsewhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest

from reckon.estimate import CaptureTable, EstimateSettings, LcmcrSettings, estimate_strata
from reckon.estimate.saved import save_estimate
from reckon.publish.records import publish
from reckon.store import users

from .conftest import LocalBrowsing, browser_workspace, live_server, screenshot
from .figuredata import record_figures

SETTINGS = EstimateSettings(method="loglinear", bootstrap=100, lcmcr=LcmcrSettings(seed=4))


@pytest.fixture(scope="module")
def estimates_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workspace = browser_workspace(tmp_path_factory, "estimates", "browser test passphrase")
    tables = {
        "Evin": CaptureTable(("A", "B", "C"), np.array([40, 35, 12, 45, 11, 14, 20])),
        "Gohardasht": CaptureTable(("A", "B", "C"), np.array([30, 28, 9, 33, 8, 10, 14])),
    }
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        new_id = save_estimate(
            conn, admin, estimate_strata(tables, SETTINGS), SETTINGS, strata="prison"
        )
        publish(conn, admin, "estimate", str(new_id))
    record_figures(
        workspace, published={"Human Rights Watch", "Amnesty International", "PMOI/NCRI"}
    )
    with closing(workspace), live_server(workspace) as base:
        yield base


def test_persian_estimates_page_without_javascript(
    browse: Callable[[str], LocalBrowsing], estimates_server: str, tmp_path: Path
) -> None:
    page = browse(estimates_server).page(
        "/estimates?lang=fa", java_script_enabled=False, locale="fa-IR"
    )
    assert page.locator("html").get_attribute("dir") == "rtl"
    figure = page.inner_text("section.estimate p.figure")
    assert "نفر" in figure
    assert any(ch in figure for ch in "۰۱۲۳۴۵۶۷۸۹")
    assert "بازهٔ" in figure
    assert "مدل لگ‌خطی" in page.inner_text("section.estimate p.method")
    assert "به گفتهٔ Human Rights Watch" in page.inner_text("#theirs")
    chart = page.locator("figure.chart svg").first.bounding_box()
    assert chart["width"] > 300
    assert chart["height"] > 100
    screenshot(page, tmp_path, "estimates-fa.png", docs=True)

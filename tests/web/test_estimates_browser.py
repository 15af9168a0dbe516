"""The public estimates page in a real browser (Debian's chromium): Persian, no JavaScript, nothing from elsewhere."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import uvicorn

from reckon.estimate import CaptureTable, EstimateSettings, LcmcrSettings, estimate_strata
from reckon.estimate.saved import save_estimate
from reckon.publish.records import publish
from reckon.store import users
from reckon.web import create_app
from reckon.web.server import uvicorn_config
from reckon.workspace import init_workspace

from .figuredata import record_figures
from .test_browser import _free_port, browser  # noqa: F401  (the shared chromium fixture)

DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "images" / "estimates-fa.png"
SETTINGS = EstimateSettings(method="loglinear", bootstrap=100, lcmcr=LcmcrSettings(seed=4))


@pytest.fixture(scope="module")
def estimates_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    env["RECKON_PASSPHRASE"] = "browser test passphrase"
    workspace = init_workspace(tmp_path_factory.mktemp("estimates") / "ws", "tester", env)
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
    port = _free_port()
    server = uvicorn.Server(uvicorn_config(create_app(workspace), "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        workspace.close()


def test_persian_estimates_page_without_javascript(
    browser: Any,  # noqa: F811
    estimates_server: str,
    tmp_path: Path,
) -> None:
    requests: list[str] = []
    context = browser.new_context(java_script_enabled=False, locale="fa-IR")
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(estimates_server + "/estimates?lang=fa")
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
        shot = tmp_path / "estimates-fa.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        if os.environ.get("RECKON_UPDATE_SCREENSHOTS") == "1":
            DOCS_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, DOCS_SCREENSHOT)
    finally:
        context.close()
    elsewhere = [url for url in requests if not url.startswith(estimates_server + "/")]
    assert requests
    assert elsewhere == [], f"requests left the local server: {elsewhere}"

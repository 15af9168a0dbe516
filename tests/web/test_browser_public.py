"""Browser test of the public person and place pages: Debian's chromium, Playwright, a live server.

The server holds the register of `register_data` (published and unpublished
claims, a confidential source, a withheld-to-be person). The browser runs
without JavaScript, as a family on a cautious setup would, and every request
it makes must go to the local server.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from reckon.web import create_app
from reckon.web.server import uvicorn_config
from reckon.workspace import init_workspace

from ..conftest import need_service
from .register_data import CONFIDENTIAL_TITLE, HIDDEN_PERPETRATOR, UNPUBLISHED_BURIAL, build

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    env["RECKON_PASSPHRASE"] = "public pages browser test"
    workspace = init_workspace(tmp_path_factory.mktemp("public") / "ws", "tester", env)
    build(workspace)
    port = _free_port()
    live = uvicorn.Server(uvicorn_config(create_app(workspace), "127.0.0.1", port))
    thread = threading.Thread(target=live.run, daemon=True)
    thread.start()
    for _ in range(200):
        if live.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        live.should_exit = True
        thread.join(timeout=10)
        workspace.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    need_service("chromium", CHROMIUM.is_file(), "apt-get install chromium (Debian's package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need_service("playwright", False, 'pip install "reckon[dev]" (the playwright package)')
        raise
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def test_persian_person_page_renders_right_to_left_from_the_local_server_only(
    chromium: Any, server: str, tmp_path: Path
) -> None:
    requests: list[str] = []
    context = chromium.new_context(java_script_enabled=False, locale="fa-IR")
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(server + "/person/N1?lang=fa")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
        text = page.inner_text("main")
        assert "بهروز خلیلی" in text or "Behrouz Khalili" in text
        assert "۱۹ مرداد ۱۳۶۷" in text
        assert "عامل ادعایی" in text
        assert "منابع با هم اختلاف دارند" in text  # the conflict box
        for secret in (UNPUBLISHED_BURIAL, CONFIDENTIAL_TITLE, HIDDEN_PERPETRATOR):
            assert secret not in page.content()
        # Right to left: the heading sits against the right edge of the page.
        box = page.locator("main h1").bounding_box()
        assert box["x"] + box["width"] > page.viewport_size["width"] / 2
        shot = tmp_path / "person-fa.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        # From the person to the prison's page, by the link a family would follow.
        page.click("a.place >> nth=0")
        assert "/places/evin-prison" in page.url
        assert "زندان اوین" in page.inner_text("h1")
    finally:
        context.close()
    assert requests
    elsewhere = [url for url in requests if not url.startswith(server + "/")]
    assert elsewhere == [], f"requests left the local server: {elsewhere}"

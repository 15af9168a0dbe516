"""Browser tests: Debian's chromium, driven by Playwright, against a live reckon server.

Each test records every request the browser makes and checks that all of them
went to the local server: no fonts, scripts or anything else from elsewhere.
Chromium comes from Debian (``apt-get install chromium``); Playwright's own
browser download is never used.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from argon2 import PasswordHasher

from reckon.publish.records import publish_many
from reckon.roles import Role
from reckon.search import IndexEntry, add
from reckon.store import users
from reckon.web import create_app
from reckon.web.server import uvicorn_config
from reckon.workspace import init_workspace

from ..conftest import need_service

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "browser test password"
DOCS_SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "images" / "search-fa.png"
# Fictional people (common given names and surnames combined); P1 is written in both scripts.
PEOPLE = [
    ("P1", "L1-1", "محمدرضا کریمی"),
    ("P1", "L2-7", "Mohammad-Reza Karimi"),
    ("P2", "L2-2", "Mohammad Karimi"),
    ("P3", "L1-3", "فاطمه رضایی"),
    ("P4", "L2-4", "Ali Hosseini"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A reckon server on a free localhost port, over a workspace with a few published persons."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    env["RECKON_PASSPHRASE"] = "browser test passphrase"
    workspace = init_workspace(tmp_path_factory.mktemp("browser") / "ws", "tester", env)
    hashed = PasswordHasher().hash(PASSWORD)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "sara", Role.INVESTIGATOR, actor=admin, password_hash=hashed)
        add(conn, [IndexEntry(*row) for row in PEOPLE])
        publish_many(conn, admin, "person", sorted({p for p, _, _ in PEOPLE}))
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    need_service("chromium", CHROMIUM.is_file(), "apt-get install chromium (Debian's package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need_service("playwright", False, 'pip install "reckon[dev]" (the playwright package)')
        raise
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser: Any, live_server: str) -> Iterator[Callable[..., Any]]:
    """Open a page in a fresh browser context; afterwards, check where every request went."""
    requests: list[str] = []
    contexts: list[Any] = []

    def _open(path: str, javascript: bool = True) -> Any:
        context = browser.new_context(java_script_enabled=javascript, locale="fa-IR")
        context.on("request", lambda request: requests.append(request.url))
        contexts.append(context)
        page = context.new_page()
        page.goto(live_server + path)
        return page

    yield _open
    for context in contexts:
        context.close()
    assert requests, "the browser made no request at all"
    elsewhere = [url for url in requests if not url.startswith(live_server + "/")]
    assert elsewhere == [], f"requests left the local server: {elsewhere}"


def _first_hit(page: Any, query: str) -> str:
    page.fill("#q", query)
    page.click("form.search button")
    page.wait_for_selector("section.results")
    href: str = page.locator("li.hit a").first.get_attribute("href")
    return href


def test_persian_and_latin_searches_find_the_same_person(open_page: Callable[..., Any]) -> None:
    page = open_page("/search", javascript=False)
    persian = _first_hit(page, "محمد رضا کریمی")
    latin = _first_hit(page, "Mohammadreza Karimi")
    typo = _first_hit(page, "Mohamad Reza Karimy")
    assert persian == latin == typo
    assert persian.startswith("/person/P1")
    page.click("li.hit a >> nth=0")
    assert "Mohammad-Reza Karimi" in page.inner_text("ul.names")
    assert "محمدرضا کریمی" in page.inner_text("ul.names")


def test_a_submission_without_javascript_reaches_the_moderation_queue(
    open_page: Callable[..., Any],
) -> None:
    page = open_page("/submit?lang=fa", javascript=False)
    marker = "Brother taken from Ward 2, fictional test 4471"
    page.fill("#person", "علی حسینی")
    page.fill("#text", marker)
    page.click("form.submit button")
    receipt = page.inner_text("#receipt")
    assert len(receipt) == 14
    assert page.context.cookies() == []  # the public side set no cookie
    work = open_page("/work/login", javascript=False)
    work.fill("#name", "sara")
    work.fill("#password", PASSWORD)
    work.click("form.login button")
    work.goto(work.url.split("/work")[0] + "/work/submissions")
    assert marker in work.inner_text("table.submissions")


def test_a_persian_page_renders_right_to_left(
    open_page: Callable[..., Any], tmp_path: Path
) -> None:
    page = open_page("/search?lang=fa&q=" + "کریمی")
    assert page.locator("html").get_attribute("dir") == "rtl"
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"
    heading = page.inner_text("section.results h2")
    assert "نتیجه" in heading
    assert any(ch in heading for ch in "۰۱۲۳۴۵۶۷۸۹")  # Persian digits
    # The results column starts on the right: the first hit's right edge is near the page's.
    box = page.locator("li.hit a").first.bounding_box()
    width = page.viewport_size["width"]
    assert box["x"] + box["width"] > width / 2
    shot = tmp_path / "search-fa.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if os.environ.get("RECKON_UPDATE_SCREENSHOTS") == "1":
        DOCS_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_SCREENSHOT)

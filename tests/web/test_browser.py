"""Browser tests: Debian's chromium, driven by Playwright, against a live reckon server.

Each test records every request the browser makes and checks that all of them
went to the local server: no fonts, scripts or anything else from elsewhere.
Chromium comes from Debian (``apt-get install chromium``); Playwright's own
browser download is never used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher

from reckon.publish.records import publish_many
from reckon.roles import Role
from reckon.search import IndexEntry, add
from reckon.store import users

from .conftest import LocalBrowsing, browser_workspace, live_server, screenshot

PASSWORD = "browser test password"
# Fictional people (common given names and surnames combined); P1 is written in both scripts.
PEOPLE = [
    ("P1", "L1-1", "محمدرضا کریمی"),
    ("P1", "L2-7", "Mohammad-Reza Karimi"),
    ("P2", "L2-2", "Mohammad Karimi"),
    ("P3", "L1-3", "فاطمه رضایی"),
    ("P4", "L2-4", "Ali Hosseini"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A reckon server on a free localhost port, over a workspace with a few published persons."""
    workspace = browser_workspace(tmp_path_factory, "browser", "browser test passphrase")
    hashed = PasswordHasher().hash(PASSWORD)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "sara", Role.INVESTIGATOR, actor=admin, password_hash=hashed)
        add(conn, [IndexEntry(*row) for row in PEOPLE])
        publish_many(conn, admin, "person", sorted({p for p, _, _ in PEOPLE}))
    with closing(workspace), live_server(workspace) as base:
        yield base


@pytest.fixture
def open_page(browse: Callable[[str], LocalBrowsing], server: str) -> Callable[..., Any]:
    """Open a page in a fresh Persian-locale context (every request is checked afterwards)."""
    browsing = browse(server)

    def _open(path: str, javascript: bool = True) -> Any:
        return browsing.page(path, java_script_enabled=javascript, locale="fa-IR")

    return _open


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
    screenshot(page, tmp_path, "search-fa.png", docs=True)

"""Browser test of the public person and place pages: Debian's chromium, Playwright, a live server.

The server holds the register of `register_data` (published and unpublished
claims, a confidential source, a withheld-to-be person). The browser runs
without JavaScript, as a family on a cautious setup would, and every request
it makes must go to the local server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from .conftest import LocalBrowsing, browser_workspace, live_server, screenshot
from .register_data import CONFIDENTIAL_TITLE, HIDDEN_PERPETRATOR, UNPUBLISHED_BURIAL, build


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    workspace = browser_workspace(tmp_path_factory, "public", "public pages browser test")
    build(workspace)
    with closing(workspace), live_server(workspace) as base:
        yield base


def test_persian_person_page_renders_right_to_left_from_the_local_server_only(
    browse: Callable[[str], LocalBrowsing], server: str, tmp_path: Path
) -> None:
    page = browse(server).page("/person/N1?lang=fa", java_script_enabled=False, locale="fa-IR")
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
    screenshot(page, tmp_path, "person-fa.png")
    # From the person to the prison's page, by the link a family would follow.
    page.click("a.place >> nth=0")
    assert "/places/evin-prison" in page.url
    assert "زندان اوین" in page.inner_text("h1")

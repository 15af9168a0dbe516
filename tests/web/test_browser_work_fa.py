"""Browser tests: the investigators' claims review and person pages in Persian, right to left.

Set up through the library (a source and its proposed claims; two lists linked
into persons), then in Debian's chromium with ``?lang=fa``: the pages are laid
out right to left, speak Persian (headings, labels, buttons, kinds, statuses,
Persian digits), keep the language through a decision, and leave no English
label behind. Person references (P…) keep their Latin digits: they are
identifiers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import closing
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from reckon.claims.coding import propose_from_source
from reckon.link.engines import Engine
from reckon.link.imports import import_list
from reckon.link.workspace import link_workspace
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import person_members

from ..link.test_workspace_link import FAMILIES, LISTS, MEHR
from .claimdata import REPORT, add_source, claims_of
from .conftest import LocalBrowsing, browser_workspace, live_server

PASSWORD = "browser persian test password"
# English words of the two pages' labels that must not be left on the Persian pages.
ENGLISH_CLAIMS = ("Claims", "status", "victim", "alleged perpetrator", "Filter", "proposed")
ENGLISH_CLAIM = ("Accept", "Reject", "Save the edit", "credibility", "The quote", "Decide")
ENGLISH_PERSON = ("Person", "record(s)", "split off", "Unmerge", "Reviews", "probability")


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, str]]:
    """A live server: one source's proposed claims, and two lists linked into persons."""
    pytest.importorskip("duckdb", reason="linkage runs on DuckDB")
    workspace = browser_workspace(tmp_path_factory, "work-fa", "browser persian passphrase")
    hashed = PasswordHasher().hash(PASSWORD)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "sara", Role.INVESTIGATOR, actor=admin, password_hash=hashed)
        import_list(conn, admin, LISTS / "mehr_ngo.csv", "mehr", MEHR)
        import_list(conn, admin, LISTS / "families_association.csv", "families", FAMILIES)
        link_workspace(conn, admin, Engine("duckdb"))
        size = func.count(person_members.c.record_id)
        person = conn.execute(
            select(person_members.c.person_id)
            .group_by(person_members.c.person_id)
            .having(size > 1)
            .order_by(person_members.c.person_id)
            .limit(1)
        ).scalar_one()
    source = add_source(workspace, REPORT, "interviews.txt", title="Fictional interviews")
    propose_from_source(workspace, source)
    (claim,) = [c for c in claims_of(workspace) if c.kind == "execution"]
    with closing(workspace), live_server(workspace) as base:
        yield base, claim.id, str(person)


def _signed_in(browsing: LocalBrowsing) -> Any:
    page = browsing.context(java_script_enabled=False, locale="fa-IR").new_page()
    page.goto(f"{browsing.base}/work/login?lang=fa")
    page.fill("#name", "sara")
    page.fill("#password", PASSWORD)
    page.click("form.login button")
    return page


def _right_to_left(page: Any) -> None:
    assert page.get_attribute("html", "lang") == "fa"
    assert page.get_attribute("html", "dir") == "rtl"
    # The layout itself, not just the attribute: the browser lays the main text out RTL.
    assert page.eval_on_selector("main", "e => getComputedStyle(e).direction") == "rtl"


def _no_english(page: Any, words: tuple[str, ...]) -> None:
    text = page.inner_text("main")
    left = [w for w in words if re.search(rf"\b{re.escape(w)}\b", text)]
    assert left == [], left


def test_the_claims_review_in_persian(
    browse: Callable[[str], LocalBrowsing], setup: tuple[str, int, str]
) -> None:
    base, claim_id, _person = setup
    page = _signed_in(browse(base))
    page.goto(f"{base}/work/claims?lang=fa")
    _right_to_left(page)
    assert page.inner_text("h1") == "ادعاها"
    headers = page.locator("table.claims th").all_inner_texts()
    assert headers[1:] == [
        "منبع", "نوع", "قربانی", "عامل ادعایی", "مکان", "تاریخ", "درجه", "وضعیت",
    ]  # fmt: skip
    assert page.inner_text("p.count") == "۳ ادعا."
    row = page.locator(f"#claim-{claim_id}")
    cells = row.locator("td").all_inner_texts()
    assert cells[2] == "اعدام"
    assert cells[8] == "پیشنهادی"
    assert "Mehrdad Ansari" in cells[3]  # names stay as the source wrote them
    assert page.locator("#status option[selected]").inner_text() == "پیشنهادی"
    _no_english(page, ENGLISH_CLAIMS)

    row.locator("a").first.click()
    assert page.url.endswith(f"/work/claims/{claim_id}?lang=fa")
    _right_to_left(page)
    assert page.inner_text("h1") == f"ادعای {str(claim_id).translate(_FA)}: اعدام"
    assert page.inner_text("#status") == "پیشنهادی"
    assert (
        page.inner_text("#quote")
        == "Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988."
    )
    _no_english(page, ENGLISH_CLAIM)
    page.click("form.accept button")
    # The decision keeps the language: the answer is the claim's page, in Persian.
    assert page.url.endswith(f"/work/claims/{claim_id}?done=accept&lang=fa")
    _right_to_left(page)
    assert page.inner_text("p.notice").startswith("پذیرفته شد: ادعا درست از منبعش خوانده شده است")
    assert page.inner_text("#status").startswith("پذیرفته (sara")


_FA = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def test_the_person_page_in_persian(
    browse: Callable[[str], LocalBrowsing], setup: tuple[str, int, str]
) -> None:
    base, _claim_id, person = setup
    page = _signed_in(browse(base))
    page.goto(f"{base}/work/persons/{person}?lang=fa")
    _right_to_left(page)
    records = page.locator("table.records tbody tr").count()
    assert records > 1
    assert page.inner_text("h1") == f"شخص {person}: {str(records).translate(_FA)} سابقه"
    headers = page.locator("table.records th").all_inner_texts()
    assert headers[:5] == ["جدا کردن", "سابقه", "فهرست", "ردیف", "نام کامل"]
    assert "نام پدر" in headers
    assert page.inner_text("form.unmerge button") == "جدا کردن سوابق علامت‌خورده"
    assert page.locator("h2").all_inner_texts()[1] == "بازبینی‌ها"
    _no_english(page, ENGLISH_PERSON)
    # Unmerge one record in Persian: the notice is Persian, the person references Latin.
    page.locator("table.records tbody input[type=checkbox]").last.check()
    page.fill("#unmerge-reason", "آزمایش")
    page.click("form.unmerge button")
    _right_to_left(page)
    notice = page.inner_text("#notice")
    assert re.fullmatch(r"جدا شد: سوابق اکنون اشخاص P\d+(, P\d+)* هستند\.", notice), notice

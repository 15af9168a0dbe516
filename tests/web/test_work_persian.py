"""The claims review and person pages of the investigators' side in Persian (``?lang=fa``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from reckon.roles import Role
from reckon.store.schema import person_members
from reckon.web.i18n import MESSAGES
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from .claimdata import REPORT, add_source, claims_of, propose
from .test_linkage_review import _link

RTL = '<html lang="fa" dir="rtl">'


def test_the_claims_pages_speak_persian_and_keep_it_through_a_decision(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    propose(workspace, add_source(workspace, REPORT, "report.txt", title="Interviews"))
    (claim,) = [c for c in claims_of(workspace) if c.kind == "execution"]
    client = login_as(Role.INVESTIGATOR)
    listing = client.get("/work/claims?lang=fa")
    assert listing.status_code == 200
    assert RTL in listing.text
    for words in ("<h1>ادعاها</h1>", "<th>قربانی</th>", "<th>عامل ادعایی</th>", "۳ ادعا."):
        assert words in listing.text, words
    row = listing.text[listing.text.index(f'id="claim-{claim.id}"') :]
    row = row[: row.index("</tr>")]
    assert "<td>اعدام</td>" in row
    assert "<td>پیشنهادی</td>" in row
    english = client.get("/work/claims")
    assert "<h1>Claims</h1>" in english.text
    assert "<td>execution</td>" in english.text

    page = client.get(f"/work/claims/{claim.id}?lang=fa")
    assert RTL in page.text
    digits = str(claim.id).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert f"<h1>ادعای {digits}: اعدام</h1>" in page.text
    assert '<button type="submit">پذیرفتن</button>' in page.text
    assert "۶: قابل داوری نیست" in page.text
    assert f'action="/work/claims/{claim.id}/accept?lang=fa"' in page.text
    done = client.post(
        f"/work/claims/{claim.id}/accept?lang=fa",
        data={"csrf": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"/work/claims/{claim.id}?done=accept&lang=fa"
    after = client.get(done.headers["location"])
    assert RTL in after.text
    assert "پذیرفته شد: ادعا درست از منبعش خوانده شده است" in after.text
    assert re.search(r'<dd id="status">پذیرفته \(investigator-user', after.text)


def test_the_person_page_speaks_persian(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    _link(workspace)
    with workspace.engine.connect() as conn:
        size = func.count(person_members.c.record_id)
        person = conn.execute(
            select(person_members.c.person_id)
            .group_by(person_members.c.person_id)
            .having(size > 1)
            .order_by(person_members.c.person_id)
            .limit(1)
        ).scalar_one()
    client = login_as(Role.REVIEWER)
    page = client.get(f"/work/persons/{person}?lang=fa")
    assert page.status_code == 200
    assert RTL in page.text
    assert re.search(rf"<h1>شخص {person}: [۰-۹]+ سابقه</h1>", page.text)
    for words in ("<th>نام پدر</th>", "جدا کردن سوابق علامت‌خورده", "<h2>بازبینی‌ها</h2>"):
        assert words in page.text, words
    english = client.get(f"/work/persons/{person}")
    assert re.search(rf"<h1>Person {person}: \d+ record\(s\)</h1>", english.text)
    assert "<th>father name</th>" in english.text


def test_every_message_of_the_persian_work_pages_is_persian() -> None:
    prefixes = ("claims.", "claim.", "status.", "credibility.", "cluster.", "decision.", "field.")
    keys = [k for k in MESSAGES if k.startswith(prefixes)]
    assert len(keys) > 60
    for key in keys:
        english, persian = MESSAGES[key]
        assert persian != english, key
        assert re.search("[\u0600-\u06ff]", persian), key

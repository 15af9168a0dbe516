"""The public register through HTTP: search pages and API, person pages, only what is published."""

from __future__ import annotations

from fastapi.testclient import TestClient

from reckon.publish.records import publish_many, withdraw
from reckon.publish.withhold import withhold
from reckon.search import IndexEntry, add
from reckon.store import users
from reckon.workspace import Workspace

PEOPLE = [
    ("P1", "L1-1", "محمدرضا کریمی"),
    ("P1", "L2-1", "Mohammad-Reza Karimi"),
    ("P2", "L2-2", "Fatemeh Rezaei"),
    ("P9", "L2-9", "Hossein Ahmadi"),  # never published
]


def _fill(workspace: Workspace) -> None:
    with workspace.engine.begin() as conn:
        add(conn, [IndexEntry(*row) for row in PEOPLE])
        publish_many(conn, users.acting_user(conn, "tester"), "person", ["P1", "P2"])


def test_search_page_and_api_agree(client: TestClient, workspace: Workspace) -> None:
    _fill(workspace)
    api = client.get("/api/search", params={"q": "محمد رضا کریمی"}).json()
    assert api["results"][0]["person_id"] == "P1"
    assert 0 < api["results"][0]["score"] <= 1
    page = client.get("/search", params={"q": "Mohammadreza Karimi", "lang": "fa"})
    assert page.status_code == 200
    assert 'href="/person/P1?lang=fa"' in page.text
    assert "۱" in page.text  # the count in Persian digits


def test_person_page_shows_every_spelling(client: TestClient, workspace: Workspace) -> None:
    _fill(workspace)
    page = client.get("/person/P1")
    assert page.status_code == 200
    assert "محمدرضا کریمی" in page.text
    assert "Mohammad-Reza Karimi" in page.text
    assert client.get("/api/persons/P1").json() == {
        "person_id": "P1",
        "names": ["محمدرضا کریمی", "Mohammad-Reza Karimi"],
        "facts": [],
        "conflicts": [],
        "fields": {},
    }


def test_unpublished_withdrawn_and_withheld_persons_are_404(
    client: TestClient, workspace: Workspace
) -> None:
    _fill(workspace)
    missing = client.get("/person/P404")
    assert client.get("/person/P9").status_code == missing.status_code == 404
    assert client.get("/api/persons/P9").json()["error"]["status"] == 404
    assert client.get("/api/search", params={"q": "Hossein Ahmadi"}).json()["results"] == []
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        withdraw(conn, admin, "person", "P2", "a correction is due")
        withhold(conn, admin, "P1", "the family asked")
    for path in ("/person/P1", "/person/P2", "/api/persons/P1"):
        assert client.get(path).status_code == 404, path
    assert client.get("/api/search", params={"q": "Karimi"}).json()["results"] == []


def test_a_bad_person_id_is_refused(client: TestClient) -> None:
    assert client.get("/api/persons/" + "x" * 81).status_code in (400, 404)
    assert client.get("/api/persons/a b").status_code in (400, 404)

"""The public person and place pages and their API: only what is published, sources and conflicts shown.

The register (tests/web/register_data.py) holds published and unpublished
claims, a confidential source, a published and an unpublished alleged
perpetrator, and private fields in the lists; every test checks both what
must appear and what must never appear, on both databases.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from reckon.link.identity import cleared, seal
from reckon.publish.public import JOINERS
from reckon.publish.withhold import withhold
from reckon.store import users
from reckon.store.schema import person_records
from reckon.workspace import Workspace

from .register_data import (
    CONFIDENTIAL_TITLE,
    HIDDEN_PERPETRATOR,
    UNPUBLISHED_BURIAL,
    Register,
    build,
)

# Never on a public page or in a public API answer, whatever the URL.
SECRETS = (
    UNPUBLISHED_BURIAL,
    CONFIDENTIAL_TITLE,
    HIDDEN_PERPETRATOR,
    "Khavaran",  # only the unpublished burial names it
    "Rasht",  # the lists' home town (a private field) and the confidential claim's place
    "Fictional Father",
    "Fictional Party",  # the lists' affiliation claims
    "He was arrested",
)
# Parameters a visitor might try to see more with; every answer must ignore them.
PROBES = "?status=proposed&include=all&fields=father_name&user=tester&confidential=1"


@pytest.fixture
def register(app: FastAPI, workspace: Workspace) -> Register:
    return build(workspace)


def _clean(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def test_person_page_shows_what_happened_with_sources_and_conflicts(
    client: TestClient, register: Register
) -> None:
    page = client.get("/person/N1")
    assert page.status_code == 200
    html = page.text
    assert "Behrouz Khalili" in html
    assert "Execution" in html
    assert '<a class="place" href="/places/evin-prison"' in html
    assert "A sister&#39;s account" in html
    assert "NGO list of the executed" in html
    assert "Alleged perpetrator: <span" in html
    assert "Jalal Sharifi" in html
    assert "(took part)" in html
    # The two execution dates are shown side by side as a conflict, not as one fact.
    conflict = html.split('<section class="conflict">', 1)[1].split("</section>", 1)[0]
    assert "10 August 1988" in conflict
    assert "5 September 1988" in conflict
    assert "The sources disagree" in conflict
    _clean(html)
    _clean(client.get("/person/N1" + PROBES).text)


def test_person_api_is_the_same_whatever_the_parameters(
    client: TestClient, register: Register
) -> None:
    answer = client.get("/api/persons/N1").json()
    assert client.get("/api/persons/N1" + PROBES).json() == answer
    kinds = {(f["kind"], f["role"]) for f in answer["facts"]}
    assert kinds == {("execution", "victim")}
    event = next(f for f in answer["facts"] if f["key"].startswith("event:"))
    assert event["place"] == {
        "place_id": "evin-prison",
        "name": "Evin Prison",
        "name_fa": "زندان اوین",
        "kind": "prison",
    }
    assert event["independent_sources"] == 2
    assert [a["alleged_perpetrator"] for a in event["alleged_perpetrators"]] == ["Jalal Sharifi"]
    assert answer["conflicts"] == [[event["key"], f"claim:{register.conflicting_claim}"]]
    text = json.dumps(answer, ensure_ascii=False)
    _clean(text)
    assert f"claim:{register.unpublished_claim}" not in text
    assert f"claim:{register.confidential_claim}" not in text


def test_a_list_person_shows_every_spelling_and_only_public_fields(
    client: TestClient, register: Register
) -> None:
    answer = client.get("/api/persons/P1").json()
    assert answer["names"] == ["بهروز خلیلی", "Behrouz Khalili"]
    execution = next(f for f in answer["facts"] if f["kind"] == "execution")
    assert execution["supporting_sources"] == execution["independent_sources"] == 2
    assert execution["place"]["place_id"] == "evin-prison"  # زندان اوین and Evin are one place
    assert {f["kind"] for f in answer["facts"]} == {"execution", "detention"}
    assert answer["fields"] == {}
    _clean(json.dumps(answer, ensure_ascii=False))
    _clean(client.get("/person/P1").text)


def test_joined_references_bring_the_claims_person_onto_the_list_person_page(
    client: TestClient, register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    joined = [lambda _conn, ref: ["N1"] if ref == "P1" else []]
    monkeypatch.setattr("reckon.publish.public.person.JOINERS", joined)
    answer = client.get("/api/persons/P1").json()
    assert any(f["key"].startswith("event:") for f in answer["facts"])
    assert "Jalal Sharifi" in json.dumps(answer)
    assert JOINERS == []  # the shipped list is untouched


def test_persian_person_page_is_right_to_left_with_solar_hijri_dates(
    client: TestClient, register: Register
) -> None:
    html = client.get("/person/N1", params={"lang": "fa"}).text
    assert '<html lang="fa" dir="rtl">' in html
    assert "۱۹ مرداد ۱۳۶۷" in html  # 10 August 1988
    assert "عامل ادعایی" in html
    assert "زندان اوین" in html
    _clean(html)


def test_place_pages_show_published_persons_and_events(
    client: TestClient, register: Register
) -> None:
    listing = client.get("/api/places").json()
    assert [p["place_id"] for p in listing] == ["evin-prison"]  # Khavaran: nothing published
    assert listing[0]["name_fa"] == "زندان اوین"
    assert listing[0]["events"] == 2
    assert listing[0]["persons"] == 1
    html = client.get("/places/evin-prison").text
    assert 'href="/person/P1"' in html
    assert "Nasrin Tavakoli" in html
    assert "Jalal Sharifi" in html
    _clean(html)
    _clean(client.get("/places" + PROBES).text)
    _clean(json.dumps(client.get("/api/places/evin-prison" + PROBES).json(), ensure_ascii=False))
    assert "زندان اوین" in client.get("/places", params={"lang": "fa"}).text
    assert client.get("/places/khavaran-cemetery").status_code == 404
    assert client.get("/api/places/nowhere").status_code == 404


def test_place_pages_name_list_persons_whose_names_are_sealed(
    client: TestClient, register: Register, workspace: Workspace
) -> None:
    # Lists imported through reckon keep names sealed under each record's key, never in clear.
    with workspace.engine.begin() as conn:
        rows = conn.execute(select(person_records)).all()
        seal(conn, {int(r.id): dict(r._mapping) for r in rows})
        conn.execute(update(person_records).values(**cleared()))
    html = client.get("/places/evin-prison").text
    assert 'href="/person/P1"' in html
    entry = html.split('href="/person/P1"', 1)[1].split("</a>", 1)[0]
    assert "Khalili" in entry or "خلیلی" in entry, entry


def test_withheld_persons_vanish_from_every_public_answer(
    client: TestClient, register: Register, workspace: Workspace
) -> None:
    assert client.get("/api/search", params={"q": "Nasrin Tavakoli"}).json()["results"]
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        withhold(conn, admin, "N3", "the family asked")
        withhold(conn, admin, "P1", "the family asked")
    for path in ("/person/N3", "/api/persons/N3", "/person/P1", "/api/persons/P1"):
        assert client.get(path).status_code == 404, path
    assert client.get("/api/search", params={"q": "Nasrin Tavakoli"}).json()["results"] == []
    found = client.get("/api/search", params={"q": "بهروز خلیلی"}).json()["results"]
    assert [r["person_id"] for r in found] == ["N1"]  # another reference, not withheld
    for path in ("/places/evin-prison", "/api/places/evin-prison", "/places", "/api/places"):
        text = client.get(path).text
        assert "Nasrin Tavakoli" not in text, path
        assert "/person/P1" not in text, path
        assert '"P1"' not in text, path
    event = client.get("/api/persons/N1").json()["facts"]
    assert all(f["key"] != f"event:{register.event_n3}:victim" for f in event)


@pytest.fixture
def empty_client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as c:
        yield c


def test_nothing_published_means_no_places(empty_client: TestClient) -> None:
    assert empty_client.get("/api/places").json() == []
    assert "No place has been published yet." in empty_client.get("/places").text


def test_person_and_place_answers_set_no_cookie_and_forbid_other_origins(
    client: TestClient, register: Register
) -> None:
    from reckon.web.security import CSP

    for path in ("/person/N1", "/person/N1?lang=fa", "/places", "/places/evin-prison",
                 "/api/persons/N1", "/api/places", "/api/places/evin-prison"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 200, path
        assert "set-cookie" not in response.headers, path
        assert response.headers["content-security-policy"] == CSP, path

"""A list person (``P…``) and a person named in claims (``N…``) tied by a coder are one person.

Search gives them as one hit, under the list person, with the spellings of
both; untied namesakes stay apart; a withhold of either hides both; the named
person's page leads to the list person's (303) when both are public.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from reckon.claims.identity import link_person, tied_groups
from reckon.claims.persons import ensure_person
from reckon.evidence import Locker
from reckon.publish import records
from reckon.publish.visibility import public_persons
from reckon.publish.withhold import lift_withhold, withhold
from reckon.roles import Role
from reckon.search import search
from reckon.search.sync import reindex
from reckon.store import users
from reckon.web import create_app
from reckon.workspace import Workspace, init_workspace

from ..publish.linked import same_person_in_two_lists

NAME = "Shahrzad Varjavand"
SPELLING = "Shahrzad Varjavandi"
PERSIAN = "شهرزاد ورجاوند"
OTHER = "Kourosh Tahmasbi"


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    workspace = init_workspace(tmp_path / "ws", "tester", store_env)
    try:
        yield workspace
    finally:
        workspace.close()


def _register(ws: Workspace, folder: Path, named: list[str]) -> list[str]:
    """Records 1 and 3 (two lists) are one woman, P1; record 2 is P2; ``named`` become N….

    Everyone is published; returns the named persons' references.
    """
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        same_person_in_two_lists(
            conn,
            admin,
            folder,
            [
                ("1", NAME, "", "1961", "Evin", "1988-08-10"),
                ("2", OTHER, "", "1958", "Evin", "1988-08-12"),
            ],
            ("7", SPELLING, "", "1961", "Evin", ""),
        )
        refs = [
            f"N{ensure_person(conn, Locker.open(ws), admin, n, source_id=1, protected=False)}"
            for n in named
        ]
        reindex(conn)
        records.publish_many(conn, admin, "person", ["P1", "P2", *refs])
    return refs


def _decide(ws: Workspace, action: Any, ref: str, *args: str) -> None:
    with ws.engine.begin() as conn:
        action(conn, users.acting_user(conn, "tester"), ref, *args)


def _hits(client: TestClient, query: str) -> dict[str, set[str]]:
    """Each hit's reference -> every spelling it shows."""
    answer = client.get("/api/search", params={"q": query})
    assert answer.status_code == 200
    return {h["person_id"]: {h["name"], *h["other_names"]} for h in answer.json()["results"]}


def _web(ws: Workspace) -> TestClient:
    return TestClient(create_app(ws), base_url="https://testserver")


def test_a_tied_pair_is_one_hit_with_both_spellings(ws: Workspace, tmp_path: Path) -> None:
    [named] = _register(ws, tmp_path, [PERSIAN])
    with _web(ws) as client:
        # Filed twice (her records under P1, the document's spelling under N…): two hits.
        assert set(_hits(client, NAME)) == {"P1", named}
        _decide(ws, link_person, named, "P1", "same woman: name, prison and date agree")
        for query in (NAME, PERSIAN):
            assert _hits(client, query) == {"P1": {NAME, SPELLING, PERSIAN}}
        html = client.get("/search", params={"q": PERSIAN}).text
        assert "/person/P1" in html
        assert f"/person/{named}" not in html
    with ws.engine.connect() as conn:
        # The library merges only when asked (the web routes ask): one query for the ties.
        plain = search(conn, NAME, visible=public_persons)
        assert {h.person_ref for h in plain} == {"P1", named}
        [hit] = search(conn, NAME, visible=public_persons, tied=tied_groups)
        assert hit.person_ref == "P1"
        assert hit.score == max(h.score for h in plain)


def test_untied_namesakes_stay_two_hits(ws: Workspace, tmp_path: Path) -> None:
    # A document names a woman spelled exactly as the list does, and nobody tied them;
    # another document's spelling in Persian is tied to the list person.
    namesake, tied = _register(ws, tmp_path, [NAME, PERSIAN])
    _decide(ws, link_person, tied, "P1", "same woman")
    with _web(ws) as client:
        hits = _hits(client, NAME)
    assert set(hits) == {"P1", namesake}
    assert PERSIAN in hits["P1"]
    assert hits[namesake] == {NAME}


def test_a_withhold_of_either_hides_both_from_search(ws: Workspace, tmp_path: Path) -> None:
    [named] = _register(ws, tmp_path, [PERSIAN])
    _decide(ws, link_person, named, "P1", "same woman")
    with _web(ws) as client:
        _decide(ws, withhold, "P1", "the family asked")
        for query in (NAME, PERSIAN):
            assert _hits(client, query) == {}
        _decide(ws, lift_withhold, "P1", "the family agreed")
        _decide(ws, withhold, named, "the family asked")
        for query in (NAME, PERSIAN):
            assert _hits(client, query) == {}
        _decide(ws, lift_withhold, named, "the family agreed")
        assert set(_hits(client, PERSIAN)) == {"P1"}


def test_an_unpublished_list_person_gives_no_spelling_to_the_named_persons_hit(
    ws: Workspace, tmp_path: Path
) -> None:
    [named] = _register(ws, tmp_path, [PERSIAN])
    _decide(ws, link_person, named, "P1", "same woman")
    with ws.engine.begin() as conn:
        records.withdraw(conn, users.acting_user(conn, "tester"), "person", "P1", "not yet")
    with _web(ws) as client:
        assert _hits(client, NAME) == {named: {PERSIAN}}
        page = client.get(f"/person/{named}", follow_redirects=False)
        assert page.status_code == 200
        assert SPELLING not in page.text
        assert "Evin" not in page.text  # nor what her list records say
        assert client.get("/person/P1").status_code == 404


def test_the_named_persons_page_leads_to_the_list_persons(ws: Workspace, tmp_path: Path) -> None:
    [named] = _register(ws, tmp_path, [PERSIAN])
    with _web(ws) as client:
        assert client.get(f"/person/{named}", follow_redirects=False).status_code == 200
        _decide(ws, link_person, named, "P1", "same woman")
        page = client.get(f"/person/{named}", params={"lang": "fa"}, follow_redirects=False)
        assert page.status_code == 303
        assert page.headers["location"] == "/person/P1?lang=fa"
        api = client.get(f"/api/persons/{named}", follow_redirects=False)
        assert (api.status_code, api.headers["location"]) == (303, "/api/persons/P1")
        # The list person's page has every spelling, the document's too.
        person = client.get(f"/api/persons/{named}").json()
        assert person["person_id"] == "P1"
        assert {NAME, SPELLING, PERSIAN} <= set(person["names"])
        # A withheld list person hides the named person too: no redirect reveals the tie.
        _decide(ws, withhold, "P1", "the family asked")
        assert client.get(f"/person/{named}", follow_redirects=False).status_code == 404
        assert client.get(f"/api/persons/{named}", follow_redirects=False).status_code == 404


def test_an_unpublished_named_person_gives_no_spelling_to_the_list_person(
    ws: Workspace, tmp_path: Path
) -> None:
    [named] = _register(ws, tmp_path, [PERSIAN])
    _decide(ws, link_person, named, "P1", "same woman")
    with ws.engine.begin() as conn:
        records.withdraw(conn, users.acting_user(conn, "tester"), "person", named, "not yet")
    with _web(ws) as client:
        assert _hits(client, PERSIAN) == {"P1": {NAME, SPELLING}}
        assert set(client.get("/api/persons/P1").json()["names"]) == {NAME, SPELLING}
        assert PERSIAN not in client.get("/person/P1").text
        assert client.get(f"/person/{named}", follow_redirects=False).status_code == 404


def test_the_list_persons_page_shows_the_named_persons_published_account(
    tmp_path: Path, store_env: dict[str, str]
) -> None:
    from ..publish.test_public_outputs import _lists, _publish_persons, _published_account

    workspace = init_workspace(tmp_path / "ws", "tester", store_env)
    try:
        with workspace.engine.begin() as conn:
            users.add_user(conn, "coder", Role.EDITOR, actor=users.acting_user(conn, "tester"))
        _lists(workspace, tmp_path)
        named = _published_account(workspace)  # a report's account, its claim and event published
        _publish_persons(workspace, ["P1", "P2", named])
        _decide(workspace, link_person, named, "P1", "same woman")
        with _web(workspace) as client:
            # Where the named person's address leads, her report's account is shown.
            page = client.get(f"/person/{named}")
            assert page.url.path == "/person/P1"
            assert "Rights group report" in page.text
            facts = client.get(f"/api/persons/{named}").json()["facts"]
            cited = {c["title"] for f in facts for c in f["according_to"]}
            assert {"Rights group report", "list a", "list b"} <= cited
    finally:
        workspace.close()

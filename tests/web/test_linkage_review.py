"""Linkage review in the browser's terms: pairs side by side with reasons, decisions, unmerge."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from reckon.link.engines import Engine
from reckon.link.imports import import_list
from reckon.link.review import members
from reckon.link.workspace import link_workspace
from reckon.roles import Role
from reckon.store.schema import link_decisions, users
from reckon.store.users import acting_user
from reckon.web.routes.linkage import reasons
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from ..link.test_workspace_link import FAMILIES, LISTS, MEHR


def _link(workspace: Workspace) -> None:
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)
        import_list(conn, actor, LISTS / "families_association.csv", "families", FAMILIES)
        link_workspace(conn, actor, Engine("duckdb"))


def test_reasons_for_and_against_are_split_and_ordered() -> None:
    pro, con = reasons({"name": 7.6, "father": -4.9, "sex": 0.01, "tf_adj_name": -2.7})
    assert [r.name for r in pro] == ["name"]
    assert [r.name for r in con] == ["father", "name (how rare the value is)"]


def test_before_any_link_run_the_queue_is_empty_and_says_why(
    login_as: Callable[[Role], TestClient],
) -> None:
    client = login_as(Role.REVIEWER)
    page = client.get("/work/links")
    assert page.status_code == 200
    assert "have not been linked yet" in page.text
    assert client.get("/api/work/links").json() == []


def test_a_reviewer_decides_a_pair_and_unmerges_a_person(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    _link(workspace)
    client = login_as(Role.REVIEWER)
    page = client.get("/work/links")
    assert page.status_code == 200
    first = re.search(r'id="pair-(\d+)-(\d+)"', page.text)
    assert first is not None
    left, right = first.groups()
    section = page.text[first.start() : page.text.index("</section>", first.start())]
    assert "For the same person" in section
    assert "Against" in section
    assert "father name" in section  # the fields, side by side
    token = csrf_of(page.text)
    bad = client.post(
        "/work/links/decide",
        data={"csrf": token, "left": left, "right": right, "decision": "maybe"},
    )
    assert bad.status_code == 400
    assert "is not a decision" in bad.text
    done = client.post(
        "/work/links/decide",
        data={
            "csrf": token,
            "left": left,
            "right": right,
            "decision": "different",
            "reason": "fathers differ",
        },
    )
    assert done.status_code == 200
    assert "Recorded: the two records are different." in done.text
    assert f'id="pair-{left}-{right}"' not in done.text
    with workspace.engine.connect() as conn:
        reviewer = conn.execute(select(users.c.id).where(users.c.name == "reviewer-user")).scalar()
        row = conn.execute(select(link_decisions)).one()
        assert (row.decision, row.decided_by, row.reason) == (
            "different",
            reviewer,
            "fathers differ",
        )
    # A person of several records: the cluster page and the unmerge form.
    cluster = re.search(r'href="/work/persons/(P\d+)"', done.text)
    assert cluster is not None
    person = cluster.group(1)
    opened = client.get(f"/work/links?person={person}", follow_redirects=False)
    assert opened.headers["location"] == f"/work/persons/{person}"
    page = client.get(f"/work/persons/{person}")
    assert page.status_code == 200
    with workspace.engine.connect() as conn:
        records = members(conn, person)
    assert f'id="record-{records[0]}"' in page.text
    token = csrf_of(page.text)
    none = client.post(f"/work/persons/{person}/unmerge", data={"csrf": token})
    assert none.status_code == 400
    assert "Name some, but not all" in none.text
    split = client.post(
        f"/work/persons/{person}/unmerge",
        data={"csrf": token, "records": [str(records[-1])], "reason": "checked with the family"},
    )
    assert split.status_code == 200
    assert "Unmerged: the records are now persons" in split.text
    with workspace.engine.connect() as conn:
        assert records[-1] not in members(conn, person) or len(members(conn, person)) == 1
    assert client.get("/work/persons/P999999").status_code == 404
    api = client.get(f"/api/work/persons/{person}").json()
    assert api["person"] == person

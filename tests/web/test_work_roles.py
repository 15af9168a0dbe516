"""Every investigators' route refuses the roles that may not use it, whatever the method;
and no page shows a confidential source's text, or that a person testified, to anyone
who may not see it (the public least of all)."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.testclient import TestClient

from reckon.claims.witnesses import add_witness
from reckon.evidence import Locker
from reckon.publish.records import publish, publish_many
from reckon.roles import Permission, Role, allows
from reckon.store import users
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from .claimdata import REPORT, SECRET, accept, add_source, claims_of, propose
from .test_roles import _private_routes

# Path parameters filled with values of the right shape (the role check comes first).
SAMPLES = {"claim_id": "1", "source_id": "1", "person": "P1", "estimate_id": "1"}
WITNESS = "Parvaneh Golzari"  # fictional: the name of someone who testified


def _fill(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: SAMPLES[m.group(1)], path)


def test_every_private_route_refuses_roles_without_its_permission(
    app: FastAPI, login_as: Callable[[Role], TestClient]
) -> None:
    routes = [r for r in _private_routes(app) if r[2] is not None]
    assert {("POST", "/work/publication/publish"), ("POST", "/work/links/decide")} <= {
        (m, p) for m, p, _ in routes
    }
    checked = 0
    for role in Role:
        client = login_as(role)
        token = csrf_of(client.get("/work").text)
        for method, path, permission in routes:
            if allows(role, permission):
                continue
            answer = client.request(
                method, _fill(path), data={"csrf": token} if method == "POST" else None
            )
            assert answer.status_code == 403, (role, method, path, answer.status_code)
            # Refused for the role, not for a bad form: the message names what the role may not do.
            assert "may not" in answer.text, (role, method, path)
            checked += 1
    assert checked >= 20


def test_anonymous_callers_are_sent_to_log_in_from_every_private_route(
    app: FastAPI, client: TestClient
) -> None:
    for method, path, _ in _private_routes(app):
        answer = client.request(method, _fill(path), follow_redirects=False)
        if path.startswith("/api/"):
            assert answer.status_code == 401, (method, path)
        else:
            assert answer.status_code == 303, (method, path)
            assert answer.headers["location"] == "/work/login"


def test_no_page_reveals_confidential_text_or_who_testified(
    app: FastAPI, workspace: Workspace, client: TestClient, login_as: Callable[[Role], TestClient]
) -> None:
    secret = add_source(workspace, SECRET, "secret.txt", title="Testimony 7", confidential=True)
    propose(workspace, secret)
    report = add_source(workspace, REPORT, "report.txt", title="Interviews")
    propose(workspace, report)
    (claim,) = [c for c in claims_of(workspace, source=report) if c.kind == "execution"]
    accept(workspace, claim.id, "investigator-user")
    person = f"N{claim.victim_id}"
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        publish_many(conn, admin, "person", [person])
        publish(conn, admin, "claim", str(claim.id))
        # The person also testified (in the confidential source): that fact is sealed.
        add_witness(
            conn, Locker.open(workspace), admin, source_id=secret, name=WITNESS,
            person_id=claim.victim_id,
        )  # fmt: skip
    hidden = ("Kourosh Valizadeh", "secret witness", "Testimony 7", WITNESS)
    client.cookies.clear()
    for path in (
        "/", "/search?q=Valizadeh", "/api/search?q=Valizadeh", "/search?q=Mehrdad",
        f"/person/{person}", f"/api/persons/{person}", "/work/login",
    ):  # fmt: skip
        text = client.get(path).text
        for word in (*hidden, "testif", "witness"):
            assert word not in text, (path, word)
    # Investigators' pages: the confidential text only for roles that may read it,
    # and the witness's name for none of them (only `reckon witness reveal` shows it).
    for role in Role:
        staff = login_as(role)
        pages = [
            "/work",
            "/work/claims?status=all",
            "/work/publication",
            "/work/publication?type=person",
            "/work/publication?type=involvement",
            "/work/links",
            "/api/work/claims?status=all",
        ]
        pages += [f"/work/claims/{c.id}" for c in claims_of(workspace, status=None)]
        for path in pages:
            answer = staff.get(path)
            if answer.status_code == 403:
                continue
            assert WITNESS not in answer.text, (role, path)
            if not allows(role, Permission.READ_CONFIDENTIAL):
                for word in hidden:
                    assert word not in answer.text, (role, path, word)

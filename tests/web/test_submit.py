"""The submission form: no JavaScript, nothing identifying required, a receipt, a confidential source."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import select

from reckon.roles import Role
from reckon.store.schema import sources, submissions
from reckon.web import create_app
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

MARKER = "Behrouz-Fictional-7731 was taken from Ward 3 at night"


def _send(client: TestClient, **fields: str) -> str:
    form = client.get("/submit")
    assert "<script" not in form.text
    data = {"token": csrf_of(form.text), **fields}
    response = client.post("/submit", data=data)
    assert response.status_code == 200, response.text
    assert "set-cookie" not in response.headers
    found = re.search(r'<code id="receipt"[^>]*>([A-Z0-9-]+)</code>', response.text)
    assert found, response.text
    return found.group(1)


def test_a_submission_with_nothing_identifying_gets_a_receipt(
    client: TestClient, workspace: Workspace
) -> None:
    receipt = _send(client, text=MARKER)
    assert re.fullmatch(r"[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}", receipt)
    with workspace.engine.connect() as conn:
        row = conn.execute(select(submissions)).one()
        source = conn.execute(select(sources).where(sources.c.id == row.source_id)).one()
    assert source.confidential
    assert row.status == "new"
    assert row.contact is None
    assert receipt not in str(tuple(row))  # only its hash is kept


def test_the_text_and_contact_are_nowhere_in_clear(
    client: TestClient, workspace: Workspace
) -> None:
    _send(client, text=MARKER, person="Behrouz Fictional", contact="signal-handle-5521")
    for path in Path(workspace.root).rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert MARKER.encode() not in data, path
            assert b"signal-handle-5521" not in data, path


def test_a_form_without_its_token_is_refused(client: TestClient, workspace: Workspace) -> None:
    for token in ("", "forged.token.value"):
        response = client.post("/submit", data={"token": token, "text": MARKER})
        assert response.status_code == 403
    with workspace.engine.connect() as conn:
        assert conn.execute(select(submissions)).all() == []


def test_empty_text_is_a_400(client: TestClient) -> None:
    token = csrf_of(client.get("/submit").text)
    assert client.post("/submit", data={"token": token, "text": "   "}).status_code == 400


def test_a_locked_register_says_so_and_stores_nothing(workspace: Workspace) -> None:
    workspace.settings = workspace.settings.with_overrides(passphrase=None)
    with TestClient(create_app(workspace), base_url="https://testserver") as client:
        token = csrf_of(client.get("/submit").text)
        response = client.post("/submit", data={"token": token, "text": MARKER})
    assert response.status_code == 503
    assert "cannot accept submissions" in response.text
    with workspace.engine.connect() as conn:
        assert conn.execute(select(sources)).all() == []


def test_moderators_see_the_text_and_only_some_see_the_contact(
    client: TestClient, login_as: Callable[[Role], TestClient]
) -> None:
    _send(client, text=MARKER, contact="signal-handle-5521", person="Behrouz Fictional")
    investigator = login_as(Role.INVESTIGATOR).get("/api/work/submissions").json()
    assert MARKER in investigator[0]["text"]
    assert investigator[0]["contact"] == "signal-handle-5521"
    editor = login_as(Role.EDITOR).get("/api/work/submissions").json()
    assert MARKER in editor[0]["text"]
    assert "signal-handle-5521" not in str(editor)
    page = login_as(Role.INVESTIGATOR).get("/work/submissions")
    assert MARKER in page.text
    assert login_as(Role.REVIEWER).get("/api/work/submissions").status_code == 403


def test_public_answers_never_reveal_a_submission(client: TestClient) -> None:
    _send(client, text=MARKER, person="Behrouz Fictional", contact="signal-handle-5521")
    for path in (
        "/",
        "/search?q=Behrouz+Fictional",
        "/api/search?q=Behrouz%20Fictional",
        "/api/openapi.json",
        "/submit",
    ):
        body = client.get(path).text
        assert "Fictional-7731" not in body
        assert "Ward 3" not in body
        assert "signal-handle" not in body
    assert client.get("/api/search?q=Behrouz%20Fictional").json()["results"] == []
    assert "No published record" in client.get("/search?q=Behrouz+Fictional").text

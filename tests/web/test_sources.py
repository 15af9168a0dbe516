"""Investigators see sources with their custody history and can verify the locker."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from reckon.evidence import Locker, SourceFacts, add_bytes
from reckon.evidence.custody import entries
from reckon.roles import Role
from reckon.store import users
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace


def _add(workspace: Workspace) -> int:
    locker = Locker.open(workspace)
    result = add_bytes(
        locker,
        b"A fictional report about Evin prison, summer 1988.\n",
        "report.txt",
        SourceFacts(title="Fictional NGO report", publisher="Mehr NGO", reliability="B"),
    )
    assert result.source_id is not None
    return result.source_id


def test_sources_and_their_custody_history(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    source_id = _add(workspace)
    client = login_as(Role.INVESTIGATOR)
    listing = client.get("/work/sources")
    assert listing.status_code == 200
    assert "Fictional NGO report" in listing.text
    page = client.get(f"/work/sources/{source_id}")
    assert "acquired" in page.text
    assert "Mehr NGO" in page.text
    api = client.get(f"/api/work/sources/{source_id}").json()
    assert api["reliability"] == "B"
    assert api["custody"][0]["action"] == "acquired"
    assert client.get("/api/work/sources/999").status_code == 404


def test_verify_button_checks_and_records_who_verified(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    _add(workspace)
    client = login_as(Role.EDITOR)
    form = client.get("/work/sources")
    assert client.post("/work/verify", data={"csrf": "forged"}).status_code == 403
    result = client.post("/work/verify", data={"csrf": csrf_of(form.text)})
    assert result.status_code == 200
    assert "Verified:" in result.text
    with workspace.engine.connect() as conn:
        last = entries(conn)[-1]
        editor = users.get_user(conn, "editor-user")
    assert last.action == "verified"
    assert last.actor_id == editor.id  # recorded under the signed-in user, not the server's


def test_a_reviewer_may_not_see_sources(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    _add(workspace)
    client = login_as(Role.REVIEWER)
    assert client.get("/work/sources").status_code == 403
    assert client.get("/api/work/sources").status_code == 403
    assert client.get("/api/work/sources/1").status_code == 403

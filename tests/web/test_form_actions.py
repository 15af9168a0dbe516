"""The work pages' form actions (claims: accept, reject, edit; publication: publish, withdraw,
correct) share one handler each: every one checks the CSRF token and changes nothing without it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.store.schema import claim_decisions, publications
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from .claimdata import REPORT, accept, add_source, claims_of, propose


def _count(workspace: Workspace, table: sa.Table) -> int:
    with workspace.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


@pytest.fixture
def claim_id(app: FastAPI, workspace: Workspace) -> int:
    """An accepted claim (an execution) of a report (after `app` has added the users)."""
    propose(workspace, add_source(workspace, REPORT, "report.txt", title="Interviews"))
    (found,) = [c.id for c in claims_of(workspace) if c.kind == "execution"]
    accept(workspace, found, "investigator-user")
    return int(found)


def test_every_form_action_refuses_a_wrong_csrf_token_and_changes_nothing(
    workspace: Workspace, claim_id: int, login_as: Callable[[Role], TestClient]
) -> None:
    decisions = _count(workspace, claim_decisions)
    client = login_as(Role.EDITOR)  # may code claims and publish
    item = {"type": "claim", "item_id": str(claim_id), "reason": "r", "credibility": "2"}
    for action in ("accept", "reject", "edit"):
        answer = client.post(f"/work/claims/{claim_id}/{action}", data={"csrf": "x", **item})
        assert answer.status_code == 403, action
    for action in ("publish", "withdraw", "correct"):
        answer = client.post(f"/work/publication/{action}", data={"csrf": "x", **item})
        assert answer.status_code == 403, action
    assert _count(workspace, claim_decisions) == decisions
    assert _count(workspace, publications) == 0
    # Fields keep their length limits (a bad form is a 400 here).
    long = {"csrf": "x", "type": "claim", "item_id": "1", "reason": "r" * 2001}
    assert client.post(f"/work/claims/{claim_id}/reject", data=long).status_code == 400
    assert client.post("/work/publication/withdraw", data=long).status_code == 400
    # No such action: no route.
    token = csrf_of(client.get("/work/publication").text)
    assert client.post("/work/publication/erase", data={"csrf": token, **item}).status_code == 404
    assert client.post(f"/work/claims/{claim_id}/publish", data={"csrf": token}).status_code in (
        404,
        405,
    )


def test_an_edit_with_only_a_grade_grades_and_keeps_the_status(
    workspace: Workspace, claim_id: int, login_as: Callable[[Role], TestClient]
) -> None:
    client = login_as(Role.EDITOR)
    token = csrf_of(client.get(f"/work/claims/{claim_id}").text)
    graded = client.post(
        f"/work/claims/{claim_id}/edit",
        data={"csrf": token, "credibility": "3", "reason": "one witness"},
    )
    assert graded.status_code == 200
    assert "Graded." in graded.text
    (claim,) = claims_of(workspace, claim_ids=[claim_id])
    assert claim.status == "accepted"
    assert claim.grade.endswith("3")

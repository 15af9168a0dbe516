"""The work pages' form actions (claims: accept, reject, edit; publication: publish, withdraw,
correct) share one handler each: every one checks the CSRF token and changes nothing without it."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.store.schema import claim_decisions, publications
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from .claimdata import REPORT, accept, add_source, claims_of, propose


def _count(workspace: Workspace, table: sa.Table) -> int:
    with workspace.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_every_form_action_refuses_a_wrong_csrf_token_and_changes_nothing(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    propose(workspace, add_source(workspace, REPORT, "report.txt", title="Interviews"))
    (claim_id,) = [c.id for c in claims_of(workspace) if c.kind == "execution"]
    accept(workspace, claim_id, "investigator-user")
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
    # No such action: no route.
    token = csrf_of(client.get("/work/publication").text)
    assert client.post("/work/publication/erase", data={"csrf": token, **item}).status_code == 404
    assert client.post(f"/work/claims/{claim_id}/publish", data={"csrf": token}).status_code in (
        404,
        405,
    )


def test_an_edit_with_only_a_grade_grades_and_keeps_the_status(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    propose(workspace, add_source(workspace, REPORT, "report.txt", title="Interviews"))
    (claim_id,) = [c.id for c in claims_of(workspace) if c.kind == "execution"]
    accept(workspace, claim_id, "investigator-user")
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

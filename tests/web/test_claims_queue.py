"""The claims queue: filters, the quote highlighted in its source, accept / reject / edit."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from reckon.roles import Role
from reckon.store.schema import audit_entries, claim_decisions, users
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from .claimdata import REPORT, SECRET, add_source, claims_of, propose


def test_the_queue_filters_and_the_claim_page_marks_the_quote(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    source = add_source(workspace, REPORT, "report.txt", title="Fictional interviews")
    propose(workspace, source)
    (claim_id,) = [c.id for c in claims_of(workspace) if c.kind == "execution"]
    client = login_as(Role.INVESTIGATOR)
    queue = client.get("/work/claims")
    assert queue.status_code == 200
    assert f'id="claim-{claim_id}"' in queue.text
    assert "Mehrdad Ansari" in queue.text
    assert f'id="claim-{claim_id}"' not in client.get("/work/claims?status=accepted").text
    assert f'id="claim-{claim_id}"' not in client.get("/work/claims?kind=arrest").text
    assert client.get("/work/claims?status=nonsense").status_code == 400
    page = client.get(f"/work/claims/{claim_id}")
    assert page.status_code == 200
    marked = re.search(r'<mark id="quote">(.*?)</mark>', page.text, re.S)
    assert marked is not None
    assert marked.group(1).startswith("Mehrdad Ansari was executed")
    assert "Interviews with former prisoners" in page.text  # the text around the quote
    api = client.get(f"/api/work/claims/{claim_id}").json()
    assert api["status"] == "proposed"
    assert api["quote"][0] == REPORT.index("Mehrdad")
    assert client.get("/work/claims/99999").status_code == 404


def test_accept_reject_and_edit_go_through_the_library_with_the_signed_in_user(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    source = add_source(workspace, REPORT, "report.txt", title="Fictional interviews")
    propose(workspace, source)
    (claim_id,) = [c.id for c in claims_of(workspace) if c.kind == "execution"]
    client = login_as(Role.EDITOR)
    form = client.get(f"/work/claims/{claim_id}")
    token = csrf_of(form.text)
    assert client.post(f"/work/claims/{claim_id}/accept", data={"csrf": "x"}).status_code == 403
    accepted = client.post(
        f"/work/claims/{claim_id}/accept",
        data={"csrf": token, "credibility": "2", "reason": "two cellmates agree"},
    )
    assert accepted.status_code == 200
    assert "Accepted:" in accepted.text
    (claim,) = claims_of(workspace, claim_ids=[claim_id])
    assert (claim.status, claim.decided_by, claim.grade) == ("accepted", "editor-user", "B2")
    # A bad edit is refused on the claim's own page, with the library's message.
    refused = client.post(f"/work/claims/{claim_id}/edit", data={"csrf": token, "kind": "fishing"})
    assert refused.status_code == 400
    assert "is not a claim kind" in refused.text
    edited = client.post(
        f"/work/claims/{claim_id}/edit",
        data={"csrf": token, "date": "26 Mordad 1367", "reason": "the list gives the Hijri date"},
    )
    assert "proposed again" in edited.text
    (claim,) = claims_of(workspace, claim_ids=[claim_id])
    assert (claim.status, claim.date_calendar) == ("proposed", "solar_hijri")
    client.post(f"/work/claims/{claim_id}/reject", data={"csrf": token, "reason": "misread"})
    with workspace.engine.connect() as conn:
        editor = conn.execute(select(users.c.id).where(users.c.name == "editor-user")).scalar()
        decided = conn.execute(
            select(claim_decisions.c.action, claim_decisions.c.by_user).where(
                claim_decisions.c.claim_id == claim_id
            )
        ).all()
        audited = conn.execute(
            select(audit_entries.c.action).where(audit_entries.c.user_id == editor)
        ).scalars()
        assert [tuple(d) for d in decided] == [
            ("accept", editor), ("edit", editor), ("reject", editor),
        ]  # fmt: skip
        assert {"claim-accept", "claim-edit", "claim-reject"} <= set(audited)


def test_a_confidential_quote_is_shown_only_to_roles_that_may_read_it(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    source = add_source(workspace, SECRET, "secret.txt", title="Testimony 7", confidential=True)
    claim_id = propose(workspace, source)[0]
    client = login_as(Role.INVESTIGATOR)
    page = client.get(f"/work/claims/{claim_id}")
    assert "Kourosh Valizadeh was executed" in page.text
    for role in (Role.REVIEWER,):
        other = login_as(role)
        for path in (f"/work/claims/{claim_id}", "/work/claims", f"/api/work/claims/{claim_id}"):
            answer = other.get(path)
            assert answer.status_code == 403, (role, path)
            assert "Valizadeh" not in answer.text

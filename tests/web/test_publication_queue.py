"""The publication queue: publish, withdraw, correct; the library's rules and their refusals."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from reckon.publish.visibility import is_public
from reckon.roles import Role
from reckon.store.schema import audit_entries, publications
from reckon.web.testing import csrf_of
from reckon.workspace import Workspace

from .claimdata import ALLEGATION, REPORT, accept, add_source, claims_of, propose


def _claim(workspace: Workspace, kind: str) -> int:
    (found,) = [c.id for c in claims_of(workspace) if c.kind == kind]
    return int(found)


def test_an_editor_publishes_withdraws_and_corrects_an_accepted_claim(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    propose(workspace, add_source(workspace, REPORT, "report.txt", title="Interviews"))
    claim_id = _claim(workspace, "execution")
    client = login_as(Role.EDITOR)
    # Only accepted claims wait for publication.
    assert f'id="waiting-claim-{claim_id}"' not in client.get("/work/publication").text
    accept(workspace, claim_id, "investigator-user")
    queue = client.get("/work/publication")
    assert f'id="publish-claim-{claim_id}"' in queue.text
    token = csrf_of(queue.text)
    done = client.post(
        "/work/publication/publish",
        data={"csrf": token, "type": "claim", "item_id": str(claim_id), "note": "first"},
    )
    assert done.status_code == 200
    assert "Published:" in done.text
    assert f'id="public-claim-{claim_id}"' in done.text
    with workspace.engine.connect() as conn:
        assert is_public(conn, "claim", str(claim_id))
    again = client.post(
        "/work/publication/publish",
        data={"csrf": token, "type": "claim", "item_id": str(claim_id)},
    )
    assert again.status_code == 409
    assert "already published" in again.text
    no_reason = client.post(
        "/work/publication/correct",
        data={"csrf": token, "type": "claim", "item_id": str(claim_id), "reason": " "},
    )
    assert no_reason.status_code == 400
    corrected = client.post(
        "/work/publication/correct",
        data={"csrf": token, "type": "claim", "item_id": str(claim_id), "reason": "date fixed"},
    )
    assert "corrected: date fixed" in corrected.text
    client.post(
        "/work/publication/withdraw",
        data={"csrf": token, "type": "claim", "item_id": str(claim_id), "reason": "family asked"},
    )
    with workspace.engine.connect() as conn:
        assert not is_public(conn, "claim", str(claim_id))
    api = client.get("/api/work/publication?type=claim").json()
    assert [w["id"] for w in api["waiting"]] == [str(claim_id)]
    assert client.get("/work/publication?type=estimate").status_code == 400


def test_the_two_editor_and_sources_rules_are_the_librarys_and_their_refusals_are_shown(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    propose(workspace, add_source(workspace, ALLEGATION, "allegation.txt", title="One report"))
    ordered = _claim(workspace, "ordered")
    accept(workspace, ordered, "editor-user")
    item = {"type": "claim", "item_id": str(ordered)}
    # The editor who accepted the claim may not publish it: a second editor must.
    editor = login_as(Role.EDITOR)
    queue = editor.get("/work/publication")
    assert "needs a second editor" in queue.text
    assert f'id="publish-claim-{ordered}"' not in queue.text
    refused = editor.post("/work/publication/publish", data={"csrf": csrf_of(queue.text), **item})
    assert refused.status_code == 403
    assert 'id="refusal"' in refused.text
    assert "needs a second editor" in refused.text
    # Another editor (here an admin) meets the sources rule, and may override it.
    admin = login_as(Role.ADMIN)
    queue = admin.get("/work/publication")
    assert "the rule asks for 2" in queue.text
    assert "Publish with override" in queue.text
    token = csrf_of(queue.text)
    plain = admin.post("/work/publication/publish", data={"csrf": token, **item})
    assert plain.status_code == 409
    assert "independent source(s); the rule asks for 2" in plain.text
    unflagged = admin.post(
        "/work/publication/publish",
        data={"csrf": token, **item, "override_reason": "a court judgment names him"},
    )
    assert unflagged.status_code == 400
    assert "must be flagged for legal review" in unflagged.text
    done = admin.post(
        "/work/publication/publish",
        data={
            "csrf": token,
            **item,
            "override_reason": "a court judgment names him",
            "legal_review": "yes",
        },
    )
    assert done.status_code == 200
    assert "(legal review)" in done.text
    with workspace.engine.connect() as conn:
        row = conn.execute(select(publications)).one()
        assert (row.override_reason, row.legal_review) == ("a court judgment names him", True)
        actions = conn.execute(select(audit_entries.c.action)).scalars().all()
        assert "published" in actions


def test_only_roles_that_publish_see_the_queue(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    for role in (Role.INVESTIGATOR, Role.REVIEWER):
        client = login_as(role)
        assert client.get("/work/publication").status_code == 403
        assert client.get("/api/work/publication").status_code == 403
        form = client.get("/work")
        posted = client.post(
            "/work/publication/publish",
            data={"csrf": csrf_of(form.text), "type": "person", "item_id": "P1"},
        )
        assert posted.status_code == 403

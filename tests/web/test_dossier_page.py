"""A person's case file as a PDF download, for roles that may export investigators' data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.workspace import Workspace

from .claimdata import REPORT, add_source, claims_of, propose


def test_an_investigator_downloads_a_case_file_and_a_reviewer_may_not(
    workspace: Workspace, login_as: Callable[[Role], TestClient]
) -> None:
    pytest.importorskip("weasyprint", reason='the case-file PDF needs pip install "reckon[pdf]"')
    propose(workspace, add_source(workspace, REPORT, "report.txt", title="Interviews"))
    (claim,) = [c for c in claims_of(workspace) if c.kind == "execution"]
    person = f"N{claim.victim_id}"
    client = login_as(Role.INVESTIGATOR)
    form = client.get("/work/dossiers")
    assert form.status_code == 200
    asked = client.get(f"/work/dossiers?person={person}&language=fa", follow_redirects=False)
    assert asked.status_code == 303
    assert asked.headers["location"] == f"/work/dossiers/{person}.pdf?language=fa"
    pdf = client.get(f"/work/dossiers/{person}.pdf")
    assert pdf.status_code == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert f"reckon-case-file-{person}-en.pdf" in pdf.headers["content-disposition"]
    assert pdf.headers["cache-control"] == "no-store"
    assert client.get("/work/dossiers/N99999.pdf").status_code == 404
    assert client.get(f"/work/dossiers/{person}.pdf?language=de").status_code == 400
    reviewer = login_as(Role.REVIEWER)
    assert reviewer.get(f"/work/dossiers/{person}.pdf").status_code == 403
    assert reviewer.get("/work/dossiers").status_code == 403

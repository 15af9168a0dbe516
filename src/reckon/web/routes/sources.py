"""Investigators' pages for the evidence locker: sources, their custody history, verification.

Confidential fields are shown only to a role that may read them (the evidence
module decides, and records each reading); everything else about a source is
shown to anyone who may add sources.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path
from starlette.responses import HTMLResponse, Response

from reckon.evidence import Locker, resolve_source, verify
from reckon.evidence.listing import SourceSummary, list_sources, source_details
from reckon.evidence.metadata import record_verified
from reckon.roles import Permission
from reckon.store.users import User
from reckon.web.deps import LocaleDep, LockerDep, SessionDep, SignerDep, need
from reckon.web.templating import Chrome, render

router = APIRouter()
CanSeeSources = Annotated[User, Depends(need(Permission.ADD_SOURCES))]
SourceId = Annotated[int, Path(ge=1, le=2**31)]


def locker_for(locker: Locker, user: User) -> Locker:
    """The app's locker acting as ``user``: what they do is recorded under their name."""
    workspace = copy.copy(locker.workspace)  # shares the engine and blob store
    workspace.settings = workspace.settings.with_overrides(user=user.name)
    return Locker(workspace, locker.keyring)


@dataclass(frozen=True)
class SourcesPage:
    chrome: Chrome
    sources: tuple[SourceSummary, ...]
    report: dict[str, Any] | None = None


@dataclass(frozen=True)
class SourcePage:
    chrome: Chrome
    source: dict[str, Any]


def _chrome(loc: Any, path: str, user: User, session: Any, signer: Any) -> Chrome:
    return Chrome(loc=loc, path=path, user=user, csrf=signer.csrf_token(session))


def _sources(locker: Locker, user: User) -> list[SourceSummary]:
    with locker.workspace.engine.connect() as conn:
        return list_sources(locker, conn, user)


def _details(locker: Locker, user: User, ref: int) -> dict[str, Any]:
    with locker.workspace.engine.begin() as conn:
        return source_details(locker, conn, user, resolve_source(conn, ref))


@router.get("/work/sources", response_class=HTMLResponse, include_in_schema=False)
def sources_page(
    loc: LocaleDep, user: CanSeeSources, session: SessionDep, signer: SignerDep, locker: LockerDep
) -> Response:
    page = SourcesPage(
        _chrome(loc, "/work/sources", user, session, signer), tuple(_sources(locker, user))
    )
    return render("work/sources.html", page)


@router.get("/work/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
def source_page(
    loc: LocaleDep,
    user: CanSeeSources,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    source_id: SourceId,
) -> Response:
    chrome = _chrome(loc, f"/work/sources/{source_id}", user, session, signer)
    return render("work/source.html", SourcePage(chrome, _details(locker, user, source_id)))


@router.post("/work/verify", response_class=HTMLResponse, include_in_schema=False)
def verify_page(
    loc: LocaleDep,
    user: CanSeeSources,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    signer.check_csrf(session, csrf)
    acting = locker_for(locker, user)
    report = verify(acting)
    if report.ok:
        record_verified(acting, report)
    page = SourcesPage(
        _chrome(loc, "/work/sources", user, session, signer),
        tuple(_sources(locker, user)),
        report=report.as_dict(),
    )
    return render("work/sources.html", page, status_code=200 if report.ok else 409)


@router.get("/api/work/sources")
def sources_api(user: CanSeeSources, locker: LockerDep) -> list[dict[str, Any]]:
    """Every source: id, title, media type, grade, affiliation, confidential, hash, text status."""
    return [vars(s) for s in _sources(locker, user)]


@router.get("/api/work/sources/{source_id}")
def source_api(user: CanSeeSources, locker: LockerDep, source_id: SourceId) -> dict[str, Any]:
    """One source: metadata, grades, derivations, acquisitions, texts and custody history."""
    return _details(locker, user, source_id)

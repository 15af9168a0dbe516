"""The investigators' side: login, logout and the workspace's home page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form
from pydantic import BaseModel
from starlette.responses import HTMLResponse, RedirectResponse, Response

from reckon.errors import PermissionDenied
from reckon.evidence import Locker
from reckon.roles import Permission, allows
from reckon.store.users import User
from reckon.submissions import QueueItem, pending
from reckon.web.deps import (
    LimiterDep,
    LocaleDep,
    LockerDep,
    SessionDep,
    SignerDep,
    UserDep,
    WorkspaceDep,
    need,
    signed_in,
)
from reckon.web.sessions import COOKIE_NAME, SESSION_SECONDS, Session, Signer, authenticate
from reckon.web.templating import Chrome, render

router = APIRouter()


@dataclass(frozen=True)
class LoginPage:
    chrome: Chrome
    error: str | None = None


@dataclass(frozen=True)
class WorkLink:
    path: str
    label: str
    count: int | None = None


@dataclass(frozen=True)
class WorkHome:
    chrome: Chrome
    links: tuple[WorkLink, ...]


def set_session(response: Response, signer: Signer, session: Session) -> None:
    response.set_cookie(
        COOKIE_NAME,
        signer.dump_session(session),
        max_age=SESSION_SECONDS,
        path="/",
        secure=True,
        httponly=True,
        samesite="strict",
    )


@router.get("/work/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(loc: LocaleDep, session: SessionDep, signer: SignerDep) -> Response:
    # Login is the one private page open to anyone: it starts the session its form is tied to.
    session = session or Session.anonymous()
    page = LoginPage(Chrome(loc=loc, path="/work/login", csrf=signer.csrf_token(session)))
    response = render("work/login.html", page)
    set_session(response, signer, session)
    return response


@router.post("/work/login", include_in_schema=False)
def login(
    loc: LocaleDep,
    session: SessionDep,
    signer: SignerDep,
    workspace: WorkspaceDep,
    limiter: LimiterDep,
    name: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    signer.check_csrf(session, csrf)
    try:
        # A paused name is refused before its password is looked at.
        limiter.check(name)
        with workspace.engine.connect() as conn:
            try:
                user = authenticate(conn, name, password)
            except PermissionDenied:
                limiter.failed(name)
                raise
    except PermissionDenied as exc:
        assert session is not None
        message = exc.message if exc.hint is None else f"{exc.message} {exc.hint}"
        page = LoginPage(
            Chrome(loc=loc, path="/work/login", csrf=signer.csrf_token(session)), error=message
        )
        return render("work/login.html", page, status_code=exc.http_status)
    limiter.succeeded(name)
    response = RedirectResponse(loc.url("/work"), status_code=303)
    # A fresh session id at login, so that a session planted before login is worthless.
    set_session(response, signer, Session(sid=Session.anonymous().sid, user=user.name))
    return response


@router.post("/work/logout", include_in_schema=False, dependencies=[Depends(signed_in)])
def logout(
    loc: LocaleDep,
    session: SessionDep,
    signer: SignerDep,
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    signer.check_csrf(session, csrf)
    response = RedirectResponse(loc.url("/"), status_code=303)
    response.delete_cookie(COOKIE_NAME, path="/", secure=True, httponly=True, samesite="strict")
    return response


def work_links(user: User) -> tuple[WorkLink, ...]:
    """The queues this user's role lets them open (features add theirs here as they land)."""
    links: list[WorkLink] = []
    if allows(user.role, Permission.ADD_SOURCES):
        links.append(WorkLink("/work/sources", "Sources, custody and verification"))
    if allows(user.role, Permission.READ_CONFIDENTIAL):
        links.append(WorkLink("/work/submissions", "Submissions"))
    if allows(user.role, Permission.CODE_CLAIMS):
        links.append(WorkLink("/work/claims", "Claims queue: accept, reject, edit"))
    if allows(user.role, Permission.PUBLISH):
        links.append(WorkLink("/work/publication", "Publication queue: publish, withdraw, correct"))
    if allows(user.role, Permission.REVIEW_LINKS):
        links.append(WorkLink("/work/links", "Linkage review: pairs, persons, unmerge"))
    if allows(user.role, Permission.EXPORT_INVESTIGATION):
        links.append(WorkLink("/work/dossiers", "Case files (PDF and evidence package)"))
    if allows(user.role, Permission.ESTIMATE):
        links.append(WorkLink("/work/estimates", "Estimates, their diagnostics and charts"))
    return tuple(links)


@router.get("/work", response_class=HTMLResponse, include_in_schema=False)
def work_home(loc: LocaleDep, user: UserDep, session: SessionDep, signer: SignerDep) -> Response:
    assert session is not None
    chrome = Chrome(loc=loc, path="/work", user=user, csrf=signer.csrf_token(session))
    return render("work/home.html", WorkHome(chrome, work_links(user)))


class Me(BaseModel):
    name: str
    role: str
    permissions: list[str]


@router.get("/api/work/me", response_model=Me)
def me(user: UserDep) -> Me:
    """The signed-in user and what their role allows."""
    return Me(
        name=user.name,
        role=user.role.value,
        permissions=sorted(p.value for p in Permission if allows(user.role, p)),
    )


@dataclass(frozen=True)
class SubmissionsPage:
    chrome: Chrome
    items: tuple[QueueItem, ...]


def _queue(locker: Locker, user: User) -> list[QueueItem]:
    # Reading confidential text writes "revealed" to the custody log: a write transaction.
    with locker.workspace.engine.begin() as conn:
        return pending(locker, conn, user)


@router.get("/work/submissions", response_class=HTMLResponse, include_in_schema=False)
def submissions_page(
    loc: LocaleDep,
    user: Annotated[User, Depends(need(Permission.READ_CONFIDENTIAL))],
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
) -> Response:
    assert session is not None
    chrome = Chrome(loc=loc, path="/work/submissions", user=user, csrf=signer.csrf_token(session))
    return render("work/submissions.html", SubmissionsPage(chrome, tuple(_queue(locker, user))))


class SubmissionOut(BaseModel):
    id: int
    source_id: int
    status: str
    language: str
    received_on: str
    text: str
    contact: str | None


@router.get("/api/work/submissions", response_model=list[SubmissionOut])
def submissions_api(
    user: Annotated[User, Depends(need(Permission.READ_CONFIDENTIAL))], locker: LockerDep
) -> list[SubmissionOut]:
    """Submissions awaiting moderation (confidential; each reading is custody-logged)."""
    return [SubmissionOut(**vars(item)) for item in _queue(locker, user)]

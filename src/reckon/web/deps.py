"""FastAPI dependencies: the open workspace, the language, sessions, and role checks.

Every route on the investigators' side depends on `signed_in` or on
``need(Permission.X)``; a test walks the app's routes and fails if one does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy import Connection

from reckon.errors import NotFoundError, PermissionDenied
from reckon.evidence import Locker
from reckon.roles import Permission
from reckon.store import users
from reckon.store.users import User
from reckon.web.i18n import Locale
from reckon.web.ratelimit import LoginLimiter
from reckon.web.sessions import COOKIE_NAME, Session, Signer
from reckon.workspace import Workspace


class LoginRequired(PermissionDenied):
    """The route is for signed-in investigators and the request has no valid session."""

    http_status = 401


def get_workspace(request: Request) -> Workspace:
    workspace: Workspace = request.app.state.workspace
    return workspace


def get_signer(request: Request) -> Signer:
    signer: Signer = request.app.state.signer
    return signer


def get_locale(lang: Annotated[str | None, Query(include_in_schema=False)] = None) -> Locale:
    return Locale.pick(lang)


def get_locker(request: Request) -> Locker:
    locker: Locker = request.app.state.locker
    return locker


def get_limiter(request: Request) -> LoginLimiter:
    limiter: LoginLimiter = request.app.state.login_limiter
    return limiter


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]
LimiterDep = Annotated[LoginLimiter, Depends(get_limiter)]
LockerDep = Annotated[Locker, Depends(get_locker)]
SignerDep = Annotated[Signer, Depends(get_signer)]
LocaleDep = Annotated[Locale, Depends(get_locale)]


def get_conn(workspace: WorkspaceDep) -> Iterator[Connection]:
    """A read connection for one request (writes open their own transaction)."""
    with workspace.engine.connect() as conn:
        yield conn


ConnDep = Annotated[Connection, Depends(get_conn)]


def get_session(request: Request, signer: SignerDep) -> Session | None:
    """The request's signed session, or None when it has none or a forged or expired one."""
    return signer.load_session(request.cookies.get(COOKIE_NAME))


SessionDep = Annotated[Session | None, Depends(get_session)]


def signed_in(session: SessionDep, conn: ConnDep) -> User:
    """The signed-in user, read afresh from the store (a deactivated account stops at once)."""
    if session is None or session.user is None:
        raise LoginRequired("Please log in to see this page.", hint="Log in at /work/login.")
    try:
        return users.get_user(conn, session.user)
    except NotFoundError as exc:
        raise LoginRequired(
            "Your account is no longer active.", hint="Ask an admin about your account."
        ) from exc


UserDep = Annotated[User, Depends(signed_in)]


def need(permission: Permission) -> Callable[[User], User]:
    """A dependency that lets through only a signed-in user whose role grants ``permission``."""

    def check(user: UserDep) -> User:
        user.require(permission)
        return user

    check.__name__ = f"need_{permission.name.lower()}"
    check.required_permission = permission  # type: ignore[attr-defined]
    return check

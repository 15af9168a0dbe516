"""Build the web app for one workspace: routers, static files, security headers, errors."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from reckon import __version__
from reckon.evidence import Locker
from reckon.web import errors
from reckon.web.ratelimit import LoginLimiter
from reckon.web.routes import (
    claims,
    dossiers,
    estimates,
    linkage,
    persons,
    places,
    public,
    publication,
    search,
    sources,
    submit,
    work,
)
from reckon.web.security import SecurityHeaders
from reckon.web.sessions import Signer, load_secret
from reckon.workspace import Workspace

STATIC = Path(__file__).parent / "static"
ROUTERS = (
    public.router,
    search.router,
    persons.router,
    places.router,
    submit.router,
    work.router,
    sources.router,
    claims.router,
    publication.router,
    linkage.router,
    dossiers.router,
    estimates.router,
)


def create_app(workspace: Workspace) -> FastAPI:
    """The FastAPI app serving ``workspace``: public register, API and investigators' side."""
    app = FastAPI(
        title="reckon",
        version=__version__,
        summary="The public memorial register and the investigators' API of a reckon workspace.",
        openapi_url="/api/openapi.json",
        # The interactive docs load scripts from a CDN; the OpenAPI document is enough.
        docs_url=None,
        redoc_url=None,
    )
    app.state.workspace = workspace
    # One locker per app: it caches the unwrapped data key between requests.
    app.state.locker = Locker.open(workspace)
    app.state.signer = Signer(load_secret(workspace.settings.web_secret_path))
    # In memory, per account name: no address is ever kept (see reckon.web.ratelimit).
    app.state.login_limiter = LoginLimiter()
    for router in ROUTERS:
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.install(app)
    app.add_middleware(SecurityHeaders)
    return app

"""One handler for every error: a clean HTML page, or JSON under ``/api/``, with the right status.

A `ReckonError` carries its own status (`reckon.errors`); HTTP errors from
routing (404, 405) and request validation (400) are mapped here; anything else
is a 500 whose details stay out of the response.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from reckon.errors import ReckonError
from reckon.web.deps import LoginRequired
from reckon.web.i18n import Locale
from reckon.web.templating import Chrome, render

log = logging.getLogger("reckon.web")

_HTTP_MESSAGES = {
    404: ("There is no page at this address.", "Check the address, or search from the home page."),
    405: ("This address does not accept that kind of request.", None),
}


@dataclass(frozen=True)
class ErrorPage:
    chrome: Chrome
    status: int
    message: str
    hint: str | None


def describe(exc: Exception) -> tuple[int, str, str | None]:
    """The status, message and hint a user is shown for ``exc``."""
    if isinstance(exc, ReckonError):
        return exc.http_status, exc.message, exc.hint
    if isinstance(exc, RequestValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg', '')}"
            for err in exc.errors()
        )
        return 400, f"The request is not valid ({problems}).", "Fix the named fields and retry."
    if isinstance(exc, StarletteHTTPException):
        message, hint = _HTTP_MESSAGES.get(exc.status_code, (str(exc.detail), None))
        return exc.status_code, message, hint
    return 500, "reckon failed on this request.", "The error was logged; try again later."


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def handle(request: Request, exc: Exception) -> Response:
    """Turn ``exc`` into the response for this request (HTML page or JSON body)."""
    status, message, hint = describe(exc)
    if status >= 500:
        # Logged without the request's client address: reckon keeps no record of who asked.
        log.error("error on %s %s", request.method, request.url.path, exc_info=exc)
    if isinstance(exc, LoginRequired) and not wants_json(request):
        return RedirectResponse("/work/login", status_code=303)
    if wants_json(request):
        return JSONResponse(
            {"error": {"status": status, "message": message, "hint": hint}}, status_code=status
        )
    loc = Locale.pick(request.query_params.get("lang"))
    page = ErrorPage(Chrome(loc=loc, path="/"), status, message, hint)
    return render("error.html", page, status_code=status)


def install(app: FastAPI) -> None:
    """Register `handle` for every kind of error the app can raise."""
    for kind in (ReckonError, RequestValidationError, StarletteHTTPException, Exception):
        app.add_exception_handler(kind, handle)

"""The public home page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter
from starlette.responses import HTMLResponse

from reckon.web.deps import LocaleDep
from reckon.web.templating import Chrome, render

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class HomePage:
    chrome: Chrome
    query: str = ""


@router.get("/", response_class=HTMLResponse)
def home(loc: LocaleDep) -> HTMLResponse:
    return render("home.html", HomePage(Chrome(loc=loc, path="/")))

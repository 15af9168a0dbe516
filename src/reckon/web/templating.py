"""Render pages from typed contexts: each page is a frozen dataclass, never a loose dict."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.responses import HTMLResponse

from reckon.store.users import User
from reckon.web.i18n import Locale

TEMPLATES = Path(__file__).parent / "templates"

_env = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,  # a misspelt field is an error in tests, not a blank on a page
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Chrome:
    """What the layout of every page needs: language, current path, and who is signed in."""

    loc: Locale
    path: str
    user: User | None = None
    csrf: str | None = None

    @property
    def lang_switch_url(self) -> str:
        return self.loc.url(self.path, lang=self.loc.other)


class PageContext(Protocol):
    @property
    def chrome(self) -> Chrome: ...


def render(template: str, page: PageContext, status_code: int = 200) -> HTMLResponse:
    """The HTML response of ``template`` filled from ``page`` (available as ``page``)."""
    html = _env.get_template(template).render(page=page, loc=page.chrome.loc)
    return HTMLResponse(html, status_code=status_code)

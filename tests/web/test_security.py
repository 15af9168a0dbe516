"""The public side's safety: no cookies, no other origins, security headers on every answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reckon.web.security import CSP

PUBLIC_PAGES = [
    "/",
    "/?lang=fa",
    "/search",
    "/search?q=Karimi",
    "/submit",
    "/submit?lang=fa",
    "/no-such-page",
    "/api/search?q=Karimi",
    "/api/openapi.json",
    "/static/reckon.css",
]
WEB = Path(__file__).resolve().parents[2] / "src" / "reckon" / "web"


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_answers_set_no_cookie_and_forbid_other_origins(
    client: TestClient, path: str
) -> None:
    response = client.get(path)
    assert "set-cookie" not in response.headers
    csp = response.headers["content-security-policy"]
    assert csp == CSP
    assert "default-src 'self'" in csp
    assert "http" not in csp
    assert "*" not in csp
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_a_public_route_cannot_set_a_cookie_even_by_mistake(client: TestClient) -> None:
    # The login page sets the session cookie; the same code on a public path would be stripped.
    from starlette.responses import PlainTextResponse

    app = client.app

    @app.get("/oops")  # type: ignore[attr-defined, untyped-decorator]
    def oops() -> PlainTextResponse:
        response = PlainTextResponse("x")
        response.set_cookie("tracker", "1")
        return response

    assert "set-cookie" not in client.get("/oops").headers
    assert "set-cookie" in client.get("/work/login").headers


def test_templates_and_assets_name_no_other_origin() -> None:
    for path in [*WEB.glob("templates/**/*.html"), *WEB.glob("static/**/*")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), path
        assert "<script" not in text, f"{path}: pages must work without JavaScript"


def test_openapi_is_served_but_not_the_cdn_backed_docs(client: TestClient) -> None:
    assert client.get("/api/openapi.json").json()["info"]["title"] == "reckon"
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_private_pages_are_never_cached(client: TestClient) -> None:
    assert client.get("/work/login").headers["cache-control"] == "no-store"

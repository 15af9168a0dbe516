"""Errors render from one handler: HTML for pages, JSON under /api/, with the right status."""

from __future__ import annotations

from fastapi.testclient import TestClient

from reckon.errors import ConflictError


def test_unknown_page_is_a_404_page(client: TestClient) -> None:
    response = client.get("/no-such-page?lang=fa")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert 'dir="rtl"' in response.text
    assert "۴۰۴" in response.text  # the status in Persian digits


def test_unknown_api_route_is_json_404(client: TestClient) -> None:
    response = client.get("/api/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


def test_reckon_errors_keep_their_status_and_message(client: TestClient) -> None:
    app = client.app

    @app.get("/api/conflict")  # type: ignore[attr-defined, untyped-decorator]
    def conflict() -> None:
        raise ConflictError("Already there.", hint="Do something else.")

    @app.get("/boom")  # type: ignore[attr-defined, untyped-decorator]
    def boom() -> None:
        raise RuntimeError("secret internal detail")

    body = client.get("/api/conflict")
    assert body.status_code == 409
    assert body.json() == {
        "error": {"status": 409, "message": "Already there.", "hint": "Do something else."}
    }
    page = client.get("/boom")
    assert page.status_code == 500
    assert "secret internal detail" not in page.text
    assert "Traceback" not in page.text


def test_bad_parameters_are_a_400(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "x" * 1000})
    assert response.status_code == 400
    assert "q" in response.json()["error"]["message"]


def test_method_not_allowed(client: TestClient) -> None:
    assert client.delete("/").status_code == 405

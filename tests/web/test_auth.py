"""Login with argon2 passwords, signed session cookies, CSRF on every form, roles on every route."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.web.sessions import COOKIE_NAME
from reckon.web.testing import csrf_of, login

ROLE_USERS = {role: f"{role.value}-user" for role in Role}
PASSWORD = "correct horse battery staple"


def test_login_sets_a_secure_strict_host_only_cookie(client: TestClient) -> None:
    form = client.get("/work/login")
    cookie = form.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=")
    for flag in ("Secure", "HttpOnly", "SameSite=strict", "Path=/"):
        assert flag.lower() in cookie.lower()
    assert "domain" not in cookie.lower()
    login(client, ROLE_USERS[Role.EDITOR], PASSWORD)
    me = client.get("/api/work/me").json()
    assert me["name"] == ROLE_USERS[Role.EDITOR]
    assert me["role"] == "editor"
    assert "publish" in me["permissions"]


def test_wrong_password_and_unknown_user_get_the_same_answer(client: TestClient) -> None:
    answers = []
    for name, password in ((ROLE_USERS[Role.ADMIN], "wrong"), ("nobody", "wrong")):
        token = csrf_of(client.get("/work/login").text)
        response = client.post(
            "/work/login", data={"name": name, "password": password, "csrf": token}
        )
        assert response.status_code == 403
        answers.append(response.text.split("<main>")[1])
    assert answers[0] == answers[1]
    assert client.get("/api/work/me").status_code == 401


def test_user_without_a_password_cannot_log_in(client: TestClient) -> None:
    token = csrf_of(client.get("/work/login").text)
    response = client.post("/work/login", data={"name": "tester", "password": "x", "csrf": token})
    assert response.status_code == 403


def test_forms_without_a_valid_csrf_token_are_refused(client: TestClient) -> None:
    client.get("/work/login")
    for token in ("", "0" * 64):
        response = client.post(
            "/work/login",
            data={"name": ROLE_USERS[Role.ADMIN], "password": "x", "csrf": token},
        )
        assert response.status_code == 403
        assert "expired or did not come from this site" in response.text
    # A token from one session is worthless in another.
    token = csrf_of(client.get("/work/login").text)
    client.cookies.clear()
    client.get("/work/login")
    response = client.post(
        "/work/login", data={"name": ROLE_USERS[Role.ADMIN], "password": "x", "csrf": token}
    )
    assert response.status_code == 403


def test_forged_or_tampered_session_is_ignored(client: TestClient) -> None:
    login(client, ROLE_USERS[Role.ADMIN], PASSWORD)
    value = client.cookies[COOKIE_NAME]
    client.cookies.clear()
    client.cookies.set(COOKIE_NAME, value[:-2] + ("AA" if value[-2:] != "AA" else "BB"))
    assert client.get("/api/work/me").status_code == 401
    page = client.get("/work", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/work/login"


def test_logout_needs_csrf_and_ends_the_session(
    login_as: Callable[[Role], TestClient],
) -> None:
    client = login_as(Role.INVESTIGATOR)
    home = client.get("/work")
    assert home.status_code == 200
    assert client.post("/work/logout", data={"csrf": "forged"}).status_code == 403
    assert client.get("/api/work/me").status_code == 200
    out = client.post("/work/logout", data={"csrf": csrf_of(home.text)}, follow_redirects=False)
    assert out.status_code == 303
    assert client.get("/api/work/me").status_code == 401


def test_a_deactivated_account_loses_access_at_once(
    login_as: Callable[[Role], TestClient],
) -> None:
    client = login_as(Role.EDITOR)
    workspace = client.app.state.workspace  # type: ignore[attr-defined]
    from reckon.store.schema import users

    with workspace.engine.begin() as conn:
        conn.execute(
            users.update().where(users.c.name == ROLE_USERS[Role.EDITOR]).values(active=False)
        )
    assert client.get("/api/work/me").status_code == 401

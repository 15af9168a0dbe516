"""Login is rate-limited per account name, in memory, and no address is kept."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.web.ratelimit import LoginLimiter, TooManyAttempts
from reckon.web.testing import csrf_of

from .conftest import PASSWORD, ROLE_USERS


def _try(client: TestClient, name: str, password: str) -> int:
    token = csrf_of(client.get("/work/login").text)
    response = client.post(
        "/work/login",
        data={"name": name, "password": password, "csrf": token},
        follow_redirects=False,
    )
    return int(response.status_code)


def test_an_account_is_paused_after_repeated_wrong_passwords(
    app: FastAPI, client: TestClient
) -> None:
    now = [1000.0]
    app.state.login_limiter = LoginLimiter(max_failures=3, window=600, clock=lambda: now[0])
    editor, admin = ROLE_USERS[Role.EDITOR], ROLE_USERS[Role.ADMIN]
    assert [_try(client, editor, "wrong") for _ in range(3)] == [403, 403, 403]
    # The right password no longer helps: the name is paused, not the password checked.
    assert _try(client, editor, PASSWORD) == 429
    refused = client.post(
        "/work/login",
        data={
            "name": editor,
            "password": PASSWORD,
            "csrf": csrf_of(client.get("/work/login").text),
        },
    )
    assert "Try again in 10 minute(s)" in refused.text
    # Other accounts are not affected, and spelling the name differently does not get round it.
    assert _try(client, admin, PASSWORD) == 303
    assert _try(client, f"  {editor.upper()} ", PASSWORD) == 429
    now[0] += 601
    assert _try(client, editor, PASSWORD) == 303


def test_success_clears_the_count_and_unknown_names_are_limited_alike() -> None:
    now = [0.0]
    limiter = LoginLimiter(max_failures=2, window=60, clock=lambda: now[0])
    limiter.failed("sara")
    limiter.succeeded("sara")
    limiter.failed("sara")
    limiter.check("sara")  # one failure since the success: not paused
    for _ in range(2):
        limiter.failed("nobody-such")
    with pytest.raises(TooManyAttempts):
        limiter.check("nobody-such")


def test_the_limiter_keeps_neither_names_nor_addresses_and_is_bounded() -> None:
    limiter = LoginLimiter(max_names=3)
    for name in ("a-user", "b-user", "c-user", "d-user"):
        limiter.failed(name)
    assert len(limiter) == 3
    kept = repr(vars(limiter))
    for secret in ("a-user", "d-user", "127.0.0.1", "testclient"):
        assert secret not in kept

"""Fixtures for the web app: an app over a fresh workspace, users with passwords, a client."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.store import users
from reckon.web import create_app
from reckon.web.testing import login
from reckon.workspace import Workspace

PASSWORD = "correct horse battery staple"
PASSPHRASE = "web test passphrase"
# One user per role, named after it.
ROLE_USERS = {role: f"{role.value}-user" for role in Role}


@pytest.fixture
def app(workspace: Workspace) -> FastAPI:
    hashed = PasswordHasher().hash(PASSWORD)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        for role, name in ROLE_USERS.items():
            users.add_user(conn, name, role, actor=admin, password_hash=hashed)
    # Submissions are confidential sources: the app needs the passphrase that unlocks them.
    workspace.settings = workspace.settings.with_overrides(passphrase=PASSPHRASE)
    return create_app(workspace)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    # https: the session cookie is Secure, and a client must not send it over plain http.
    with TestClient(app, base_url="https://testserver", raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def login_as(client: TestClient) -> Callable[[Role], TestClient]:
    def _login(role: Role) -> TestClient:
        client.cookies.clear()
        login(client, ROLE_USERS[role], PASSWORD)
        return client

    return _login

"""Fixtures for the web app: an app over a fresh workspace, users with passwords, a client;
and for browser tests, a live server in a thread and one Chromium for the whole run.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from argon2 import PasswordHasher
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reckon.roles import Role
from reckon.store import users
from reckon.web import create_app
from reckon.web.server import uvicorn_config
from reckon.web.testing import login
from reckon.workspace import Workspace, init_workspace

from ..conftest import need_service

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


# Debian's chromium, never Playwright's own download (flags: /work/shared/VERIFIED.md).
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Generous: on a loaded 2-core machine a server may take seconds to start; a healthy one
# is waited on only as long as it needs.
SERVER_START_TIMEOUT = 60.0
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"


def free_port() -> int:
    """A localhost port nothing listens on (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(ready: Callable[[], bool], what: str, timeout: float = SERVER_START_TIMEOUT) -> None:
    """Poll ``ready`` until it is true; fail with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} not ready after {timeout:.0f} s")
        time.sleep(0.02)


def browser_workspace(factory: pytest.TempPathFactory, name: str, passphrase: str) -> Workspace:
    """A fresh SQLite workspace (admin 'tester') for a browser test's server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    env["RECKON_PASSPHRASE"] = passphrase
    return init_workspace(factory.mktemp(name) / "ws", "tester", env)


@contextmanager
def live_server(workspace: Workspace) -> Iterator[str]:
    """Serve ``workspace`` with reckon's uvicorn settings on a free localhost port, in a
    thread, until the block ends; yields the base URL. The workspace stays open."""
    port = free_port()
    server = uvicorn.Server(uvicorn_config(create_app(workspace), "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_until(lambda: server.started or not thread.is_alive(), "the reckon server")
        assert server.started, "the reckon server stopped before it started (see its log)"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One Chromium browser for every browser test of the run (each test opens its own contexts)."""
    need_service("chromium", CHROMIUM.is_file(), "apt-get install chromium (Debian's package)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        need_service("playwright", False, 'pip install "reckon[dev]" (the playwright package)')
        raise
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class LocalBrowsing:
    """Browser contexts on one server that record every request the browser makes, so that a
    test can check that none left the local server (no fonts, scripts or anything from elsewhere)."""

    def __init__(self, browser: Any, base: str) -> None:
        self.browser = browser
        self.base = base
        self.requests: list[str] = []
        self.contexts: list[Any] = []

    def context(self, **options: Any) -> Any:
        """A fresh context (no cookies); ``options`` as Playwright's ``new_context``."""
        context = self.browser.new_context(**options)
        context.on("request", lambda request: self.requests.append(request.url))
        self.contexts.append(context)
        return context

    def page(self, path: str, **options: Any) -> Any:
        """A page at ``path`` of the server, in a fresh context."""
        page = self.context(**options).new_page()
        page.goto(self.base + path)
        return page

    def close(self) -> None:
        for context in self.contexts:
            context.close()
        self.contexts.clear()

    def assert_local(self) -> None:
        assert self.requests, "the browser made no request at all"
        elsewhere = [url for url in self.requests if not url.startswith(self.base + "/")]
        assert elsewhere == [], f"requests left the local server: {elsewhere}"


@pytest.fixture
def browse(chromium: Any) -> Iterator[Callable[[str], LocalBrowsing]]:
    """``browse(base_url)``: contexts on that server; afterwards, every request must have gone there."""
    opened: list[LocalBrowsing] = []

    def _browse(base: str) -> LocalBrowsing:
        opened.append(LocalBrowsing(chromium, base))
        return opened[-1]

    yield _browse
    for browsing in opened:
        browsing.close()
    for browsing in opened:
        browsing.assert_local()


def screenshot(page: Any, folder: Path, name: str, *, docs: bool = False) -> Path:
    """Take a full-page screenshot and check it holds a rendered page; with ``docs``, copy it
    into docs/images when RECKON_UPDATE_SCREENSHOTS=1."""
    shot = folder / name
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    if docs and os.environ.get("RECKON_UPDATE_SCREENSHOTS") == "1":
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, DOCS_IMAGES / name)
    return shot

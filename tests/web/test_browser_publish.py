"""Browser test: an editor publishes an accepted claim, which then appears on the public page.

Set up through the library (a source, a claim accepted by an investigator, the
victim's record published), then in Debian's chromium: the editor logs in,
opens the publication queue and publishes the claim; a fresh browser without
a session opens the public person page and finds the claim with its source.
Every request the browser makes must go to the local server.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from argon2 import PasswordHasher

from reckon.claims.coding import decide, propose_from_source
from reckon.publish.records import publish_many
from reckon.roles import Role
from reckon.store import users
from reckon.web import create_app
from reckon.web.server import uvicorn_config
from reckon.workspace import Workspace, init_workspace

from ..conftest import need_service
from .claimdata import REPORT, add_source, as_user, claims_of
from .test_browser import CHROMIUM, LAUNCH_ARGS, _free_port

PASSWORD = "browser publish test password"
SOURCE_TITLE = "Fictional interviews with former prisoners"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, str]]:
    """A live server over a workspace with one accepted, unpublished claim about a published person."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECKON_")}
    env["RECKON_PASSPHRASE"] = "browser publish passphrase"
    workspace: Workspace = init_workspace(tmp_path_factory.mktemp("publish") / "ws", "tester", env)
    hashed = PasswordHasher().hash(PASSWORD)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "nasrin", Role.EDITOR, actor=admin, password_hash=hashed)
        users.add_user(conn, "sara", Role.INVESTIGATOR, actor=admin, password_hash=hashed)
    source = add_source(workspace, REPORT, "interviews.txt", title=SOURCE_TITLE)
    propose_from_source(workspace, source)
    (claim,) = [c for c in claims_of(workspace) if c.kind == "execution"]
    # Accepted by an investigator: the editor who publishes is a second pair of eyes.
    decide(as_user(workspace, "sara"), claim.id, "accept")
    person = f"N{claim.victim_id}"
    with workspace.engine.begin() as conn:
        publish_many(conn, users.acting_user(conn, "tester"), "person", [person])
    port = _free_port()
    server = uvicorn.Server(uvicorn_config(create_app(workspace), "127.0.0.1", port))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", claim.id, person
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        workspace.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
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


def test_an_editor_publishes_an_accepted_claim_and_the_public_sees_it(
    chromium: Any, setup: tuple[str, int, str]
) -> None:
    base, claim_id, person = setup
    requests: list[str] = []
    editor = chromium.new_context(java_script_enabled=False)
    editor.on("request", lambda request: requests.append(request.url))
    page = editor.new_page()
    # Before: the public page does not show the claim.
    public_before = chromium.new_context(java_script_enabled=False)
    public_before.on("request", lambda request: requests.append(request.url))
    before = public_before.new_page()
    answer = before.goto(f"{base}/person/{person}")
    assert answer.status == 200
    assert SOURCE_TITLE not in before.inner_text("main")
    public_before.close()

    page.goto(f"{base}/work/login")
    page.fill("#name", "nasrin")
    page.fill("#password", PASSWORD)
    page.click("form.login button")
    page.goto(f"{base}/work/publication")
    form = page.locator(f"#publish-claim-{claim_id}")
    form.locator("input[name=note]").fill("checked against the interview notes")
    form.locator("button").click()
    page.wait_for_selector("#notice")
    assert "Published" in page.inner_text("#notice")
    assert page.locator(f"#public-claim-{claim_id}").count() == 1
    editor.close()

    # A visitor without a session: the claim is on the person page, attributed to its source.
    visitor = chromium.new_context(java_script_enabled=False)
    visitor.on("request", lambda request: requests.append(request.url))
    public = visitor.new_page()
    public.goto(f"{base}/person/{person}")
    text = public.inner_text("main")
    assert SOURCE_TITLE in text
    assert "Vakilabad" in text
    assert visitor.cookies() == []
    visitor.close()

    elsewhere = [url for url in requests if not url.startswith(base + "/")]
    assert requests
    assert elsewhere == [], f"requests left the local server: {elsewhere}"

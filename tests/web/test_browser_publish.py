"""Browser test: an editor publishes an accepted claim, which then appears on the public page.

Set up through the library (a source, a claim accepted by an investigator, the
victim's record published), then in Debian's chromium: the editor logs in,
opens the publication queue and publishes the claim; a fresh browser without
a session opens the public person page and finds the claim with its source.
Every request the browser makes must go to the local server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing

import pytest
from argon2 import PasswordHasher

from reckon.claims.coding import decide, propose_from_source
from reckon.publish.records import publish_many
from reckon.roles import Role
from reckon.store import users

from .claimdata import REPORT, add_source, as_user, claims_of
from .conftest import LocalBrowsing, browser_workspace, live_server

PASSWORD = "browser publish test password"
SOURCE_TITLE = "Fictional interviews with former prisoners"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, str]]:
    """A live server over a workspace with one accepted, unpublished claim about a published person."""
    workspace = browser_workspace(tmp_path_factory, "publish", "browser publish passphrase")
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
    with closing(workspace), live_server(workspace) as base:
        yield base, claim.id, person


def test_an_editor_publishes_an_accepted_claim_and_the_public_sees_it(
    browse: Callable[[str], LocalBrowsing], setup: tuple[str, int, str]
) -> None:
    base, claim_id, person = setup
    browsing = browse(base)
    # Before: the public page does not show the claim.
    public_before = browsing.context(java_script_enabled=False)
    before = public_before.new_page()
    answer = before.goto(f"{base}/person/{person}")
    assert answer.status == 200
    assert SOURCE_TITLE not in before.inner_text("main")
    public_before.close()

    editor = browsing.context(java_script_enabled=False)
    page = editor.new_page()
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
    visitor = browsing.context(java_script_enabled=False)
    public = visitor.new_page()
    public.goto(f"{base}/person/{person}")
    text = public.inner_text("main")
    assert SOURCE_TITLE in text
    assert "Vakilabad" in text
    assert visitor.cookies() == []
    visitor.close()

"""Browser test: an investigator downloads a case file's evidence package from the dossier page.

Set up through the library (a source, its claims, the victim's record
published), then in Debian's chromium: the investigator logs in, opens the case
files page, types the person and clicks the package button; the browser saves
a ZIP that `verify_package` finds intact. A browser with no session gets the
login page, not the file.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from reckon.claims.coding import propose_from_source
from reckon.evidence.package import verify_package
from reckon.publish.records import publish_many
from reckon.roles import Role
from reckon.store import users

from .claimdata import REPORT, add_source, claims_of
from .conftest import LocalBrowsing, browser_workspace, live_server

PASSWORD = "browser dossier test password"


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A live server over a workspace with one published person cited by one source."""
    workspace = browser_workspace(tmp_path_factory, "dossier", "browser dossier passphrase")
    hashed = PasswordHasher().hash(PASSWORD)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "sara", Role.INVESTIGATOR, actor=admin, password_hash=hashed)
    source = add_source(workspace, REPORT, "interviews.txt", title="Fictional interviews")
    propose_from_source(workspace, source)
    (claim,) = [c for c in claims_of(workspace) if c.kind == "execution"]
    person = f"N{claim.victim_id}"
    with workspace.engine.begin() as conn:
        publish_many(conn, users.acting_user(conn, "tester"), "person", [person])
    with closing(workspace), live_server(workspace) as base:
        yield base, person


def test_the_package_button_downloads_a_package_that_verifies(
    browse: Callable[[str], LocalBrowsing], setup: tuple[str, str], tmp_path: Path
) -> None:
    base, person = setup
    browsing = browse(base)
    page = browsing.context(java_script_enabled=False, accept_downloads=True).new_page()
    page.goto(f"{base}/work/login")
    page.fill("#name", "sara")
    page.fill("#password", PASSWORD)
    page.click("form.login button")
    page.goto(f"{base}/work/dossiers")
    pdf_button = page.locator("#get-pdf")
    package_button = page.locator("#get-package")
    assert pdf_button.inner_text() == "Download the PDF"
    assert "evidence package" in package_button.inner_text()
    page.fill("#person", person)
    with page.expect_download() as info:
        package_button.click()
    download = info.value
    assert download.suggested_filename == f"reckon-case-file-{person}.evidence.zip"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    report = verify_package(saved)
    assert report.ok, report.problems
    assert len(report.sources) == 1
    with zipfile.ZipFile(saved) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        readme = archive.read("README.txt").decode()
    # A public subject: the banner says so, and still that the file is for investigators.
    about = manifest["case_file"]
    assert (about["kind"], about["subject"], about["published"]) == ("person", person, True)
    assert about["notice"].startswith("The subject is public under reckon's publication rules")
    assert about["confidential_sources_left_out"] == []
    assert readme.count("The subject is public under reckon's publication rules") == 1
    assert "sha256sum -c SHA256SUMS" in readme

    # The public, with no session, is sent to the login page and gets no file.
    stranger = browsing.context(java_script_enabled=False).new_page()
    answer = stranger.goto(f"{base}/work/dossiers/{person}.evidence.zip")
    assert answer is not None
    assert answer.status == 200
    assert stranger.url == f"{base}/work/login"
    assert answer.headers["content-type"].startswith("text/html")

"""A case file's evidence package as a download: verifiable, protected, audited, and cleaned up.

The checks of a downloaded package are made twice: with reckon's own
`verify_package`, and the way its README.txt tells a court to make them without
reckon (``sha256sum -c``, hashes of the originals, the custody chain by hand).
"""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from reckon.claims.coding import decide
from reckon.claims.witnesses import add_witness
from reckon.evidence import Locker, custody
from reckon.evidence.package import verify_package
from reckon.publish.dossier.build import AUDIT_ACTION
from reckon.roles import Permission, Role, allows
from reckon.store import audit, users
from reckon.workspace import Workspace

from .claimdata import REPORT, add_source, claims_of, propose
from .conftest import ROLE_USERS

# Fictional: a cellmate's confidential testimony about the person of REPORT.
TESTIMONY = (
    "Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988, "
    "said the cellmate Golnar Farahani who saw him taken.\n"
)
WITNESS = "Golnar Farahani"
SECRET_WORDS = ("Golnar", "Farahani", "saw him taken", "Testimony 9")


def _person_with_a_confidential_source(workspace: Workspace) -> tuple[str, int, int]:
    """N… cited by a public report and by a confidential testimony; (person, report, testimony)."""
    report = add_source(workspace, REPORT, "report.txt", title="Interviews")
    secret = add_source(workspace, TESTIMONY, "t9.txt", title="Testimony 9", confidential=True)
    propose(workspace, report)
    propose(workspace, secret)
    (told,) = [c for c in claims_of(workspace, source=report) if c.kind == "execution"]
    victim = told.victim_id
    # The coder reads the testimony's claim as being about the same person (whether or not
    # the extractor already joined the two names): the case file then cites both sources.
    for claim in claims_of(workspace, source=secret):
        if claim.kind == "execution" and claim.victim_id != victim:
            decide(workspace, claim.id, "edit", changes={"victim": victim}, reason="same man")
    cited = {c.source_id for c in claims_of(workspace, status=None) if c.victim_id == victim}
    assert cited == {report, secret}
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        add_witness(
            conn, Locker.open(workspace), admin, source_id=secret, name=WITNESS, person_id=victim
        )
    return f"N{victim}", report, secret


def _unpack(data: bytes, into: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(into)
        return {name: archive.read(name) for name in archive.namelist()}


def _chain_by_hand(log: list[dict[str, object]]) -> None:
    """The custody chain checked as README.txt describes it, with hashlib only."""
    prev = "0" * 64
    for entry in log:
        lines = [
            "reckon custody 1",
            str(entry["seq"]),
            str(entry["at"]),
            str(entry["action"]),
            str(entry["actor_id"]),
            str(entry["object_type"]),
            str(entry["object_id"]),
            str(entry["object_sha256"] or ""),
            str(entry["detail_sha256"] or ""),
            str(entry["prev_hash"]),
        ]
        assert entry["prev_hash"] == prev, entry["seq"]
        assert hashlib.sha256("\n".join(lines).encode()).hexdigest() == entry["entry_hash"]
        prev = str(entry["entry_hash"])


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the app makes its temporary folders during the test (to see that none stay)."""
    root = tmp_path / "server-tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    return root


def test_an_investigator_downloads_a_package_a_court_can_check_without_reckon(
    workspace: Workspace,
    login_as: Callable[[Role], TestClient],
    tmp_path: Path,
    temp_root: Path,
) -> None:
    person, report, secret = _person_with_a_confidential_source(workspace)
    client = login_as(Role.INVESTIGATOR)
    asked = client.get(f"/work/dossiers?person={person}&get=package", follow_redirects=False)
    assert asked.status_code == 303
    assert asked.headers["location"] == f"/work/dossiers/{person}.evidence.zip"
    answer = client.get(f"/work/dossiers/{person}.evidence.zip")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/zip"
    assert (
        f'filename="reckon-case-file-{person}.evidence.zip"'
        in (answer.headers["content-disposition"])
    )
    assert answer.headers["content-disposition"].startswith("attachment")
    assert answer.headers["cache-control"] == "no-store"
    assert list(temp_root.iterdir()) == [], "the temporary package stayed on the server"

    saved = tmp_path / "downloaded.zip"
    saved.write_bytes(answer.content)
    checked = verify_package(saved)
    assert checked.ok, checked.problems
    assert checked.sources == [report]

    folder = tmp_path / "unpacked"
    files = _unpack(answer.content, folder)
    manifest = json.loads(files["manifest.json"])
    # The case file's subject, and its banner: the person is not public.
    assert manifest["case_file"]["subject"] == person
    assert manifest["case_file"]["published"] is False
    assert manifest["case_file"]["confidential_sources_left_out"] == [str(secret)]
    readme = files["README.txt"].decode()
    assert "For investigators and lawyers only" in readme
    assert manifest["case_file"]["notice"].startswith("For investigators and lawyers only")

    # README step 1: sha256sum -c over every file.
    sums = subprocess.run(
        ["sha256sum", "--strict", "-c", "SHA256SUMS"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert sums.returncode == 0, sums.stdout + sums.stderr
    assert len(sums.stdout.splitlines()) == len(manifest["files"]) - 1  # all but SHA256SUMS
    assert hashlib.sha256(files["SHA256SUMS"]).hexdigest() == manifest["files"]["SHA256SUMS"]
    # README step 2: each original against the manifest, its record and its custody entry.
    log = json.loads(files["custody-log.json"])
    for source_id in manifest["sources"]:
        original = files[f"sources/{source_id}/original"]
        sha = hashlib.sha256(original).hexdigest()
        assert manifest["files"][f"sources/{source_id}/original"] == sha
        records = json.loads(files[f"sources/{source_id}/records.json"])
        assert records[f"source {source_id}"]["sha256"] == sha
        acquired = [
            e
            for e in log
            if (e["object_type"], e["object_id"], e["action"])
            == ("source", str(source_id), "acquired")
        ]
        assert [e["object_sha256"] for e in acquired] == [sha]
    assert files[f"sources/{report}/original"] == REPORT.encode()
    # README step 3: the chain by hand.
    _chain_by_hand(log)

    # Nothing of the confidential testimony or of who testified is in the package.
    assert not [n for n in files if n.startswith(f"sources/{secret}/")]
    for name, data in files.items():
        for word in SECRET_WORDS:
            assert word.encode() not in data, (name, word)

    # The download is in the audit log (who, which subject, when, which package) and the
    # custody log records the export under the investigator's name, as the CLI's does.
    manifest_sha = hashlib.sha256(files["manifest.json"]).hexdigest()
    with workspace.engine.connect() as conn:
        (entry,) = [e for e in audit.entries(conn, "person", person) if e.action == AUDIT_ACTION]
        investigator = users.get_user(conn, ROLE_USERS[Role.INVESTIGATOR])
        exported = [e for e in custody.entries(conn) if e.action == "exported"]
    assert entry.user == ROLE_USERS[Role.INVESTIGATOR]
    assert entry.at is not None
    assert entry.detail["files"] == ["package"]
    assert entry.detail["sources"] == [str(report)]
    assert entry.detail["confidential_left_out"] == [str(secret)]
    assert entry.detail["include_confidential"] is False
    assert entry.detail["package_manifest_sha256"] == manifest_sha
    assert [(e.object_id, e.actor_id) for e in exported] == [(str(report), investigator.id)]


def test_refusals_leave_no_file_and_no_audit_entry(
    workspace: Workspace,
    client: TestClient,
    login_as: Callable[[Role], TestClient],
    temp_root: Path,
) -> None:
    person, _report, _secret = _person_with_a_confidential_source(workspace)
    only_secret = add_source(
        workspace,
        "Parisa Amini was executed at Evin Prison on 5 September 1988, said a guard.\n",
        "guard.txt",
        title="Testimony 11",
        confidential=True,
    )
    propose(workspace, only_secret)
    (claim,) = [c for c in claims_of(workspace, source=only_secret) if c.kind == "execution"]
    path = f"/work/dossiers/{person}.evidence.zip"
    # The public: sent to the login page; the API side of the app would answer 401.
    client.cookies.clear()
    public = client.get(path, follow_redirects=False)
    assert public.status_code == 303
    assert public.headers["location"] == "/work/login"
    for role in Role:
        staff = login_as(role)
        answer = staff.get(path)
        if allows(role, Permission.EXPORT_INVESTIGATION):
            assert answer.status_code == 200, role
        else:
            assert answer.status_code == 403, role
            assert answer.headers["content-type"].startswith("text/html")
    staff = login_as(Role.INVESTIGATOR)
    # Nobody of that reference, and a case file whose every source is confidential.
    assert staff.get("/work/dossiers/N99999.evidence.zip").status_code == 404
    refused = staff.get(f"/work/dossiers/N{claim.victim_id}.evidence.zip")
    assert refused.status_code == 404
    assert "cites no source that may go into a package" in refused.text
    assert "Parisa" not in refused.text
    assert staff.get("/work/dossiers/X1.evidence.zip").status_code == 400
    assert list(temp_root.iterdir()) == [], "a refused download left files on the server"
    with workspace.engine.connect() as conn:
        exports = [e for e in audit.entries(conn) if e.action == AUDIT_ACTION]
    allowed = [r for r in Role if allows(r, Permission.EXPORT_INVESTIGATION)]
    assert sorted(e.user for e in exports) == sorted(ROLE_USERS[r] for r in allowed)


def test_the_pdf_download_exports_no_package_but_is_audited(
    workspace: Workspace, login_as: Callable[[Role], TestClient], temp_root: Path
) -> None:
    pytest.importorskip("weasyprint", reason='the case-file PDF needs pip install "reckon[pdf]"')
    person, _report, _secret = _person_with_a_confidential_source(workspace)
    client = login_as(Role.EDITOR)
    assert client.get(f"/work/dossiers/{person}.pdf").status_code == 200
    assert list(temp_root.iterdir()) == []
    with workspace.engine.connect() as conn:
        (entry,) = [e for e in audit.entries(conn, "person", person) if e.action == AUDIT_ACTION]
        exported = [e for e in custody.entries(conn) if e.action == "exported"]
    assert entry.user == ROLE_USERS[Role.EDITOR]
    assert entry.detail["files"] == ["pdf"]
    assert entry.detail["package_manifest_sha256"] is None
    # No package left the server, so the custody log says of none that it was exported.
    assert exported == []

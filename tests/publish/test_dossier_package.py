"""The CLI's case file (`write_dossier`): its package carries the banner and the export is audited.

The web's package download is tested in tests/web/test_dossier_package.py; this
is the same package made beside the PDF, as `reckon dossier` writes it.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from reckon.claims.coding import propose_from_source
from reckon.errors import InputError, NotFoundError
from reckon.evidence import Locker, SourceFacts, add_bytes
from reckon.evidence.package import verify_package
from reckon.publish.dossier.build import AUDIT_ACTION, write_dossier, write_package
from reckon.publish.items import ItemType
from reckon.publish.readers import ReadContext
from reckon.store import audit
from reckon.store.users import acting_user
from reckon.workspace import Workspace

# Fictional.
TEXT = "Shirin Bahrami was executed at Gohardasht Prison on 30 July 1988.\n"


def _as_coder(ws: Workspace) -> Locker:
    """A locker acting as the editor 'coder', as `reckon dossier` run by them would."""
    acting = copy.copy(ws)
    acting.settings = ws.settings.with_overrides(user="coder")
    return Locker.open(acting)


def _person(ws: Workspace) -> str:
    added = add_bytes(
        Locker.open(ws), TEXT.encode(), "note.txt", SourceFacts(title="Note", reliability="C")
    )
    assert added.source_id is not None
    propose_from_source(ws, added.source_id)
    return "N1"


def test_the_cli_case_file_package_says_for_whom_and_is_audited(
    ws: Workspace, tmp_path: Path
) -> None:
    if importlib.util.find_spec("weasyprint") is None:
        pytest.skip('the case-file PDF needs pip install "reckon[pdf]"')
    person = _person(ws)
    with ws.engine.connect() as conn:
        ctx = ReadContext(_as_coder(ws), conn, acting_user(conn, "coder"))
        files = write_dossier(ctx, ItemType.PERSON, person, tmp_path / "case.pdf")
    assert files.package == tmp_path / "case.evidence.zip"
    assert verify_package(files.package).ok
    with zipfile.ZipFile(files.package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        readme = archive.read("README.txt").decode()
    assert manifest["case_file"]["published"] is False
    assert f"Case file: person {person}. For investigators and lawyers only" in readme
    with ws.engine.connect() as conn:
        (entry,) = audit.entries(conn, "person", person)
    assert (entry.action, entry.user) == (AUDIT_ACTION, "coder")
    assert entry.detail["files"] == ["pdf", "package"]
    assert entry.detail["package_manifest_sha256"] is not None


def test_the_package_alone_refuses_bad_names_and_unknown_subjects(
    ws: Workspace, tmp_path: Path
) -> None:
    person = _person(ws)
    with ws.engine.connect() as conn:
        ctx = ReadContext(_as_coder(ws), conn, acting_user(conn, "coder"))
        with pytest.raises(InputError, match=r"does not end in \.zip"):
            write_package(ctx, ItemType.PERSON, person, tmp_path / "case.pdf")
        with pytest.raises(NotFoundError, match="There is no person N77"):
            write_package(ctx, ItemType.PERSON, "N77", tmp_path / "case.zip")
        done = write_package(ctx, ItemType.PERSON, person, tmp_path / "case.zip")
        with pytest.raises(InputError, match="exists already"):
            write_package(ctx, ItemType.PERSON, person, tmp_path / "case.zip")
    assert verify_package(done.package).ok
    assert done.withheld == ()
    assert not list(tmp_path.glob(".*.tmp"))
    with ws.engine.connect() as conn:
        assert [e.detail["files"] for e in audit.entries(conn, "person", person)] == [["package"]]

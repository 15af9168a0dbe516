"""Case files: a person's dossier as a PDF and its evidence package, for roles that may export.

Both are written by `reckon.publish.dossier` (the PDF needs the ``pdf`` extra)
into a temporary folder and sent as a download; nothing stays on the server,
also when writing fails. A case file shows private fields and unpublished
allegations, so the library itself refuses any role that may not export, and
records each download in the audit log. The web never asks for confidential
sources' content in a package: that takes ``reckon dossier
--include-confidential`` with the passphrase in hand, as on the command line.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.types import Receive, Scope, Send

from reckon.publish.dossier.build import write_dossier, write_package
from reckon.publish.dossier.labels import LANGUAGES
from reckon.publish.items import ItemType
from reckon.publish.readers import ReadContext
from reckon.roles import Permission
from reckon.store.users import User
from reckon.web.acting import acting_locker, work_chrome
from reckon.web.deps import LocaleDep, LockerDep, SessionDep, SignerDep, need
from reckon.web.templating import Chrome, render

router = APIRouter()
Exporter = Annotated[User, Depends(need(Permission.EXPORT_INVESTIGATION))]
PersonRef = Annotated[str, Path(max_length=40, pattern=r"^[NP][0-9]+$")]


@dataclass(frozen=True)
class DossiersPage:
    chrome: Chrome
    languages: tuple[str, ...] = tuple(LANGUAGES)


@router.get("/work/dossiers", response_class=HTMLResponse, include_in_schema=False)
def dossiers_page(
    loc: LocaleDep,
    user: Exporter,
    session: SessionDep,
    signer: SignerDep,
    person: Annotated[str | None, Query(max_length=40, pattern=r"^\s*[NP][0-9]+\s*$")] = None,
    language: Annotated[str, Query(max_length=5)] = "en",
    get: Literal["pdf", "package"] = "pdf",
) -> Response:
    if person:
        # The form asks by GET (no JavaScript); each file has an address of its own.
        if get == "package":
            target = f"/work/dossiers/{person.strip()}.evidence.zip"
        else:
            target = f"/work/dossiers/{person.strip()}.pdf?" + urlencode({"language": language})
        return RedirectResponse(target, status_code=303)
    chrome = work_chrome(loc, "/work/dossiers", user, session, signer)
    return render("work/dossiers.html", DossiersPage(chrome))


@router.get("/work/dossiers/{person}.pdf", include_in_schema=False)
def dossier_pdf(
    user: Exporter,
    locker: LockerDep,
    person: PersonRef,
    language: Annotated[str, Query(max_length=5)] = "en",
) -> Response:
    acting = acting_locker(locker, user)
    with tempfile.TemporaryDirectory(prefix="reckon-dossier-") as folder:
        out = FilePath(folder) / f"{person}.pdf"
        with acting.workspace.engine.connect() as conn:
            files = write_dossier(
                ReadContext(acting, conn, user),
                ItemType.PERSON,
                person,
                out,
                language,
                package=False,
            )
        data = files.pdf.read_bytes()
    name = f"reckon-case-file-{person}-{language}.pdf"
    return Response(
        data,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


class _TemporaryFileResponse(FileResponse):
    """A file sent in pieces whose temporary folder goes when the answer ends, however it ends."""

    def __init__(self, folder: FilePath, path: FilePath, filename: str, media_type: str) -> None:
        super().__init__(path, filename=filename, media_type=media_type)
        self.folder = folder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            # Also when the client goes away mid-download: Starlette then skips background tasks.
            shutil.rmtree(self.folder, ignore_errors=True)


@router.get("/work/dossiers/{person}.evidence.zip", include_in_schema=False)
def dossier_package(user: Exporter, locker: LockerDep, person: PersonRef) -> Response:
    acting = acting_locker(locker, user)
    folder = FilePath(tempfile.mkdtemp(prefix="reckon-package-"))
    try:
        out = folder / f"{person}.evidence.zip"
        with acting.workspace.engine.connect() as conn:
            files = write_package(ReadContext(acting, conn, user), ItemType.PERSON, person, out)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    name = f"reckon-case-file-{person}.evidence.zip"
    return _TemporaryFileResponse(folder, files.package, name, "application/zip")

"""Case files: a person's dossier as a PDF, for roles that may export investigators' data.

The PDF is written by `reckon.publish.dossier` (the ``pdf`` extra) into a
temporary folder and sent as a download; nothing stays on the server. A case
file shows private fields and unpublished allegations, so the library itself
refuses any role that may not export; its evidence package (every source's
bytes) is made with ``reckon dossier`` on the command line, not here.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query
from starlette.responses import HTMLResponse, RedirectResponse, Response

from reckon.publish.dossier.build import write_dossier
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
) -> Response:
    if person:
        # The form asks by GET (no JavaScript); the file has an address of its own.
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
                ReadContext(acting, conn, user), ItemType.PERSON, person, out, language
            )
        data = files.pdf.read_bytes()
    name = f"reckon-case-file-{person}-{language}.pdf"
    return Response(
        data,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )

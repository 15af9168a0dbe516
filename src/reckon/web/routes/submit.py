"""The family and witness submission form: plain HTML, nothing identifying required."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form
from starlette.responses import HTMLResponse

from reckon.submissions import MAX_FIELD, MAX_TEXT, receive
from reckon.web.deps import LocaleDep, LockerDep, SignerDep
from reckon.web.templating import Chrome, render

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class SubmitPage:
    chrome: Chrome
    token: str = ""
    receipt: str | None = None


@router.get("/submit", response_class=HTMLResponse)
def submit_form(loc: LocaleDep, signer: SignerDep) -> HTMLResponse:
    page = SubmitPage(Chrome(loc=loc, path="/submit"), signer.public_form_token())
    return render("submit.html", page)


@router.post("/submit", response_class=HTMLResponse)
def submit(
    loc: LocaleDep,
    signer: SignerDep,
    locker: LockerDep,
    text: Annotated[str, Form(max_length=MAX_TEXT)],
    token: Annotated[str, Form(max_length=200)] = "",
    person: Annotated[str, Form(max_length=MAX_FIELD)] = "",
    contact: Annotated[str, Form(max_length=MAX_FIELD)] = "",
) -> HTMLResponse:
    signer.check_public_form_token(token)
    receipt = receive(locker, text, person=person, contact=contact, language=loc.lang)
    return render("submit.html", SubmitPage(Chrome(loc=loc, path="/submit"), receipt=receipt))

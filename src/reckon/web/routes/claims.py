"""The claims queue: proposed claims with filters, one claim with its quote in the source's text,
and the coder's decisions (accept, reject, edit), all through `reckon.claims`.

Only roles that may code claims see these pages. A confidential source's text
is shown only to a role that may read it, and each reading is custody-logged by
the evidence module (hence the write transaction around it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Query
from pydantic import BaseModel, Field
from sqlalchemy import Connection, select
from starlette.responses import HTMLResponse, RedirectResponse, Response

from reckon.claims.coding import CREDIBILITY, decide
from reckon.claims.protect import may_read_confidential
from reckon.claims.records import ClaimRecord, load_claim, load_claims
from reckon.errors import InputError, ReckonError
from reckon.evidence import Locker
from reckon.evidence.sources import reveal_field
from reckon.evidence.text import source_text
from reckon.extract.claims import ClaimKind
from reckon.keys import is_sealed_field
from reckon.roles import Permission
from reckon.store.schema import sources
from reckon.store.users import User
from reckon.web.acting import acting_locker, work_chrome
from reckon.web.deps import LocaleDep, LockerDep, SessionDep, SignerDep, need
from reckon.web.i18n import Locale
from reckon.web.sessions import Session, Signer
from reckon.web.templating import Chrome, render

router = APIRouter()
Coder = Annotated[User, Depends(need(Permission.CODE_CLAIMS))]
ClaimId = Annotated[int, Path(ge=1, le=2**31)]
STATUSES = ("proposed", "accepted", "rejected", "all")
KINDS = tuple(k.value for k in ClaimKind)
# The text shown around a quote: enough to judge the reading, not a whole book.
CONTEXT_CHARS = 1500
LIST_LIMIT = 500
# What a finished decision says (the messages ``claim.done.*`` of reckon.web.i18n).
DONE = ("accept", "reject", "edit", "grade")


@dataclass(frozen=True)
class Filters:
    status: str = "proposed"
    kind: str | None = None
    source: int | None = None


@dataclass(frozen=True)
class ClaimsPage:
    chrome: Chrome
    filters: Filters
    claims: tuple[ClaimRecord, ...]
    total: int
    statuses: tuple[str, ...] = STATUSES
    kinds: tuple[str, ...] = KINDS


@dataclass(frozen=True)
class Quote:
    """A claim's quote in its source's text: the text before, the quote, the text after."""

    before: str
    quote: str
    after: str
    clipped_start: bool
    clipped_end: bool


@dataclass(frozen=True)
class ClaimPage:
    chrome: Chrome
    claim: ClaimRecord
    source_title: str
    quote: Quote | None
    text_note: str | None
    error: str | None = None
    notice: str | None = None
    kinds: tuple[str, ...] = KINDS
    credibility: tuple[tuple[int, str], ...] = tuple(CREDIBILITY.items())


def _filters(status: str, kind: str | None, source: int | None) -> Filters:
    if status not in STATUSES:
        raise InputError(f"'{status}' is not a claim status.", hint=f"Use {', '.join(STATUSES)}.")
    if kind is not None and kind not in KINDS:
        raise InputError(f"'{kind}' is not a claim kind.", hint=f"Use one of: {', '.join(KINDS)}.")
    return Filters(status, kind, source)


def _claims(locker: Locker, user: User, filters: Filters) -> list[ClaimRecord]:
    with locker.workspace.engine.connect() as conn:
        return load_claims(
            conn,
            locker,
            user,
            source=filters.source,
            kind=filters.kind,
            status=None if filters.status == "all" else filters.status,
        )


def _quote(text: str, start: int | None, end: int | None) -> Quote | None:
    if start is None or end is None or not 0 <= start <= end <= len(text):
        return None
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return Quote(text[lo:start], text[start:end], text[end:hi], lo > 0, hi < len(text))


def _title(conn: Connection, locker: Locker, source_id: int, readable: bool) -> str:
    """The source's title; a confidential source's is sealed and opened only for its readers."""
    row = conn.execute(
        select(sources.c.title, sources.c.sha256).where(sources.c.id == source_id)
    ).first()
    if row is None or not row.title:
        return f"source {source_id}"
    if not is_sealed_field(row.title):
        return str(row.title)
    if not readable:
        return f"confidential source {source_id}"
    return str(reveal_field(locker, row.title, "title", row.sha256))


def _claim_page(
    chrome: Chrome,
    locker: Locker,
    user: User,
    claim_id: int,
    error: str | None = None,
    notice: str | None = None,
) -> ClaimPage:
    # A write transaction: reading a confidential text appends "revealed" to the custody log.
    with locker.workspace.engine.begin() as conn:
        claim = load_claim(conn, locker, user, claim_id)
        readable = may_read_confidential(locker, user)
        title = _title(conn, locker, claim.source_id, readable)
        quote = None
        note = None
        if claim.confidential and not readable:
            note = chrome.loc.t("claim.note_confidential")
        else:
            text = source_text(locker, conn, user, claim.source_id, claim.artifact_id)
            if text is None:
                note = chrome.loc.t("claim.note_no_text")
            else:
                quote = _quote(text.text, claim.quote_start, claim.quote_end)
                if quote is None:
                    note = chrome.loc.t("claim.note_no_quote")
    return ClaimPage(chrome, claim, title, quote, note, error, notice)


@router.get("/work/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_page(
    loc: LocaleDep,
    user: Coder,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    status: Annotated[str, Query(max_length=20)] = "proposed",
    kind: Annotated[str | None, Query(max_length=40)] = None,
    source: Annotated[int | None, Query(ge=1, le=2**31)] = None,
) -> Response:
    filters = _filters(status, kind or None, source)
    found = _claims(locker, user, filters)
    chrome = work_chrome(loc, "/work/claims", user, session, signer)
    page = ClaimsPage(chrome, filters, tuple(found[:LIST_LIMIT]), len(found))
    return render("work/claims.html", page)


def _show(
    loc: Locale,
    user: User,
    session: Session | None,
    signer: Signer,
    locker: Locker,
    claim_id: int,
    error: ReckonError | None = None,
    notice: str | None = None,
) -> Response:
    chrome = work_chrome(loc, f"/work/claims/{claim_id}", user, session, signer)
    message = None if error is None else str(error)
    page = _claim_page(chrome, locker, user, claim_id, error=message, notice=notice)
    return render("work/claim.html", page, status_code=200 if error is None else error.http_status)


@router.get("/work/claims/{claim_id}", response_class=HTMLResponse, include_in_schema=False)
def claim_page(
    loc: LocaleDep,
    user: Coder,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    claim_id: ClaimId,
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    notice = loc.t(f"claim.done.{done}") if done in DONE else None
    return _show(loc, user, session, signer, locker, claim_id, notice=notice)


def _credibility(value: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit():
        raise InputError(f"'{value}' is not a credibility grade.", hint="Use 1 to 6.")
    return int(value)


def _person(value: str, role: str) -> int | None:
    if not value.strip():
        return None
    if not value.strip().isdigit():
        raise InputError(f"'{value}' is not a person id.", hint=f"Give the {role}'s number.")
    return int(value)


Short = Annotated[str, Field(max_length=200)]
Text = Annotated[str, Field(max_length=2000)]


class DecisionForm(BaseModel):
    """What the claim's forms post; each action reads the fields its form has."""

    csrf: Short = ""
    kind: Short = ""
    victim: Short = ""
    perpetrator: Short = ""
    place: Short = ""
    date: Short = ""
    credibility: Short = ""
    reason: Text = ""

    @property
    def why(self) -> str | None:
        return self.reason.strip() or None


def _accept(form: DecisionForm) -> tuple[str, dict[str, Any]]:
    return "accept", {"reason": form.why, "credibility": _credibility(form.credibility)}


def _reject(form: DecisionForm) -> tuple[str, dict[str, Any]]:
    return "reject", {"reason": form.why}


def _edit(form: DecisionForm) -> tuple[str, dict[str, Any]]:
    changes = {
        "kind": form.kind.strip() or None,
        "victim": _person(form.victim, "victim"),
        "perpetrator": _person(form.perpetrator, "alleged perpetrator"),
        "place": form.place.strip() or None,
        "date": form.date.strip() or None,
    }
    # Only a new grade: the claim keeps its reading and its status.
    action = "edit" if any(v is not None for v in changes.values()) else "grade"
    credibility = _credibility(form.credibility)
    return action, {"reason": form.why, "credibility": credibility, "changes": changes}


# Each form posts to /work/claims/<id>/<form>; it reads the decision for `decide` from the form.
FORMS: dict[str, Callable[[DecisionForm], tuple[str, dict[str, Any]]]] = {
    "accept": _accept,
    "reject": _reject,
    "edit": _edit,
}


def _decision_route(name: str) -> Callable[..., Response]:
    """The one form handler, for the form ``name``: the form read, the CSRF check, the
    decision; a refusal is shown on the claim's own page, beside the forms to try again."""
    read = FORMS[name]

    def decide_claim(
        loc: LocaleDep,
        user: Coder,
        session: SessionDep,
        signer: SignerDep,
        locker: LockerDep,
        claim_id: ClaimId,
        form: Annotated[DecisionForm, Form()],
    ) -> Response:
        action, details = read(form)
        signer.check_csrf(session, form.csrf)
        try:
            decide(acting_locker(locker, user).workspace, claim_id, action, **details)
        except ReckonError as exc:
            return _show(loc, user, session, signer, locker, claim_id, error=exc)
        return RedirectResponse(loc.url(f"/work/claims/{claim_id}", done=action), status_code=303)

    decide_claim.__name__ = name
    return decide_claim


for _name in FORMS:
    router.add_api_route(
        f"/work/claims/{{claim_id}}/{_name}",
        _decision_route(_name),
        methods=["POST"],
        include_in_schema=False,
    )


@router.get("/api/work/claims")
def claims_api(
    user: Coder,
    locker: LockerDep,
    status: Annotated[str, Query(max_length=20)] = "proposed",
    kind: Annotated[str | None, Query(max_length=40)] = None,
    source: Annotated[int | None, Query(ge=1, le=2**31)] = None,
) -> list[dict[str, Any]]:
    """Claims by status (proposed, accepted, rejected, all), kind and source, with grades."""
    return [c.as_json() for c in _claims(locker, user, _filters(status, kind or None, source))]


@router.get("/api/work/claims/{claim_id}")
def claim_api(user: Coder, locker: LockerDep, claim_id: ClaimId) -> dict[str, Any]:
    """One claim, with its grades and who decided; the quote's offsets into its source's text."""
    with locker.workspace.engine.connect() as conn:
        return load_claim(conn, locker, user, claim_id).as_json()

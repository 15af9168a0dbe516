"""The publication queue: publish, withdraw and correct items through `reckon.publish`.

The rules (two editors and independent sources for anything naming an alleged
perpetrator, accepted claims only, never a witness) are the library's; this
page shows the library's answer before and after a click, and passes an
override (a written reason and the legal-review flag) only when the editor
gives one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query
from pydantic import BaseModel, Field
from sqlalchemy import Connection
from starlette.responses import HTMLResponse, RedirectResponse, Response

from reckon.errors import InputError, ReckonError
from reckon.evidence import Locker
from reckon.publish.items import ItemType, item_type
from reckon.publish.queue import QUEUE_TYPES, PublicationQueue, publication_queue
from reckon.publish.readers import ReadContext, readers
from reckon.publish.records import correct, publish, withdraw
from reckon.publish.rules import Override, Rules
from reckon.roles import Permission
from reckon.store.users import User
from reckon.web.acting import work_chrome
from reckon.web.deps import LocaleDep, LockerDep, SessionDep, SignerDep, need
from reckon.web.i18n import Locale
from reckon.web.sessions import Session, Signer
from reckon.web.templating import Chrome, render

router = APIRouter()
Editor = Annotated[User, Depends(need(Permission.PUBLISH))]
Short = Annotated[str, Field(max_length=200)]
Text = Annotated[str, Field(max_length=2000)]
DONE = {
    "published": "Published: it is on the public pages now.",
    "withdrawn": "Withdrawn: it is off every public page; the decision and its reason are kept.",
    "corrected": "Marked as corrected: the reason is shown beside it on the public pages.",
}


@dataclass(frozen=True)
class PublicationPage:
    chrome: Chrome
    queue: PublicationQueue
    min_sources: int
    names: Mapping[str, str] = field(default_factory=dict)
    types: tuple[ItemType, ...] = QUEUE_TYPES
    error: str | None = None
    notice: str | None = None


def _kind(value: str) -> ItemType:
    kind = item_type(value)
    if kind not in QUEUE_TYPES:
        raise InputError(
            f"{kind.value}s are not published from this queue.",
            hint="Use one of: " + ", ".join(t.value for t in QUEUE_TYPES) + ".",
        )
    return kind


def _names(ctx: ReadContext, queue: PublicationQueue) -> dict[str, str]:
    """The names of the persons the queue's items name, as the editor may read them."""
    refs = {ref for e in queue.waiting for ref in e.facts.persons}
    refs |= {ref for p in queue.public for ref in p.persons}
    read = readers().persons
    if not refs or read is None:
        return {}
    return {ref: view.display_name for ref, view in read(ctx, sorted(refs)).items()}


def _page(
    loc: Locale,
    user: User,
    session: Session | None,
    signer: Signer,
    locker: Locker,
    kind: ItemType,
    *,
    error: ReckonError | None = None,
    notice: str | None = None,
) -> Response:
    rules = Rules.from_settings(locker.workspace.settings)
    with locker.workspace.engine.connect() as conn:
        queue = publication_queue(conn, user, kind, rules)
        names = _names(ReadContext(locker, conn, user), queue)
    chrome = work_chrome(loc, "/work/publication", user, session, signer)
    page = PublicationPage(
        chrome,
        queue,
        rules.min_independent_sources,
        names,
        error=None if error is None else str(error),
        notice=notice,
    )
    return render("work/publication.html", page, 200 if error is None else error.http_status)


@router.get("/work/publication", response_class=HTMLResponse, include_in_schema=False)
def publication_page(
    loc: LocaleDep,
    user: Editor,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    type: Annotated[str, Query(max_length=20)] = "claim",
    done: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    notice = DONE.get(done or "")
    return _page(loc, user, session, signer, locker, _kind(type), notice=notice)


class ActionForm(BaseModel):
    """What the publication forms post; each action reads the fields its form has."""

    item_id: Short
    type: Short = "claim"
    csrf: Short = ""
    note: Text = ""
    reason: Text = ""
    override_reason: Text = ""
    legal_review: Short = ""


Action = Callable[[Connection, User, ItemType, ActionForm, Rules], object]


def _publish(conn: Connection, user: User, kind: ItemType, form: ActionForm, rules: Rules) -> None:
    # An override exists only when the editor wrote a reason; Override checks the flag.
    why = form.override_reason.strip()
    override = Override(why, form.legal_review == "yes") if why else None
    note = form.note.strip() or None
    publish(conn, user, kind, form.item_id, rules=rules, override=override, note=note)


def _withdraw(conn: Connection, user: User, kind: ItemType, form: ActionForm, _: Rules) -> None:
    withdraw(conn, user, kind, form.item_id, form.reason)


def _correct(conn: Connection, user: User, kind: ItemType, form: ActionForm, _: Rules) -> None:
    correct(conn, user, kind, form.item_id, form.reason)


# Each form posts to /work/publication/<action>; the queue then says what was done (DONE).
ACTIONS: dict[str, tuple[Action, str]] = {
    "publish": (_publish, "published"),
    "withdraw": (_withdraw, "withdrawn"),
    "correct": (_correct, "corrected"),
}


def _action_route(action: str) -> Callable[..., Response]:
    """The one form handler, for ``action``: CSRF check, the library's call in one
    transaction, its refusal shown on the queue, a redirect to the queue when done."""
    run, done = ACTIONS[action]

    def act(
        loc: LocaleDep,
        user: Editor,
        session: SessionDep,
        signer: SignerDep,
        locker: LockerDep,
        form: Annotated[ActionForm, Form()],
    ) -> Response:
        signer.check_csrf(session, form.csrf)
        kind = _kind(form.type)
        rules = Rules.from_settings(locker.workspace.settings)
        try:
            with locker.workspace.engine.begin() as conn:
                run(conn, user, kind, form, rules)
        except ReckonError as exc:
            # The library's refusal, word for word, at the top of the queue it came from.
            return _page(loc, user, session, signer, locker, kind, error=exc)
        return RedirectResponse(
            loc.url("/work/publication", type=kind.value, done=done), status_code=303
        )

    act.__name__ = f"{action}_item"
    return act


for _action in ACTIONS:
    router.add_api_route(
        f"/work/publication/{_action}",
        _action_route(_action),
        methods=["POST"],
        include_in_schema=False,
    )


@router.get("/api/work/publication")
def publication_api(
    user: Editor,
    locker: LockerDep,
    type: Annotated[str, Query(max_length=20)] = "claim",
) -> dict[str, Any]:
    """Items of one type waiting for publication (with the rules' answer now) and those public."""
    rules = Rules.from_settings(locker.workspace.settings)
    with locker.workspace.engine.connect() as conn:
        queue = publication_queue(conn, user, _kind(type), rules)
    return {
        "type": queue.item_type.value,
        "waiting_total": queue.waiting_total,
        "waiting": [
            {
                "id": e.facts.item_id,
                "label": e.facts.label,
                "names_alleged_perpetrator": e.facts.names_alleged_perpetrator,
                "independent_sources": e.facts.independent_sources,
                "refusal": e.refusal,
            }
            for e in queue.waiting
        ],
        "public": [
            {
                "id": p.item_id,
                "status": p.status,
                "published_by": p.published_by,
                "published_at": p.published_at.isoformat(),
                "override_reason": p.override_reason,
                "legal_review": p.legal_review,
                "change_reason": p.change_reason,
            }
            for p in queue.public
        ],
    }

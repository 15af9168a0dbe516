"""Linkage review: uncertain pairs side by side with the reasons for and against, decisions,
and a person's cluster with the records behind it and a form to unmerge them.

Everything goes through `reckon.link.review`; a decision re-clusters at once
(as the command does) and is kept, with its reviewer and reason, forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Path, Query
from sqlalchemy import func, select
from starlette.responses import HTMLResponse, RedirectResponse, Response

from reckon.errors import InputError, NotFoundError, ReckonError
from reckon.evidence import Locker
from reckon.link.review import DECISIONS, ReviewPair, decide, review_queue, trace, unmerge
from reckon.link.schema_views import SHOWN
from reckon.roles import Permission
from reckon.store.schema import person_members
from reckon.store.users import User
from reckon.web.acting import work_chrome
from reckon.web.deps import LocaleDep, LockerDep, SessionDep, SignerDep, need
from reckon.web.i18n import Locale
from reckon.web.sessions import Session, Signer
from reckon.web.templating import Chrome, render

router = APIRouter()
Reviewer = Annotated[User, Depends(need(Permission.REVIEW_LINKS))]
PersonRef = Annotated[str, Path(max_length=20, pattern=r"^P[0-9]+$")]
Short = Annotated[str, Form(max_length=200)]
Text = Annotated[str, Form(max_length=2000)]
QUEUE_LIMIT = 20
CLUSTER_LIMIT = 50
# Evidence smaller than this (in match weight, log2 of a Bayes factor) says nothing either way.
NEGLIGIBLE = 0.05


@dataclass(frozen=True)
class Reason:
    """One comparison's evidence: its name and match weight (+ for same, - for different)."""

    name: str
    weight: float

    @property
    def bar(self) -> int:
        return min(20, max(1, round(abs(self.weight))))


def reasons(evidence: dict[str, float]) -> tuple[tuple[Reason, ...], tuple[Reason, ...]]:
    """The reasons for (positive weight) and against (negative), strongest first.

    Term-frequency adjustments (``tf_adj_…``) are named after their comparison,
    so that "a rare surname agrees" reads as a reason of its own.
    """
    found = []
    for key, weight in evidence.items():
        if abs(weight) < NEGLIGIBLE:
            continue
        name = f"{key[7:]} (how rare the value is)" if key.startswith("tf_adj_") else key
        found.append(Reason(name.replace("_", " "), float(weight)))
    found.sort(key=lambda r: -abs(r.weight))
    return (
        tuple(r for r in found if r.weight > 0),
        tuple(r for r in found if r.weight < 0),
    )


@dataclass(frozen=True)
class PairView:
    pair: ReviewPair
    fields: tuple[tuple[str, str, str], ...]
    reasons_for: tuple[Reason, ...]
    reasons_against: tuple[Reason, ...]


@dataclass(frozen=True)
class Cluster:
    person: str
    records: int
    held: bool


@dataclass(frozen=True)
class LinksPage:
    chrome: Chrome
    pairs: tuple[PairView, ...]
    clusters: tuple[Cluster, ...]
    not_linked: str | None = None
    error: str | None = None
    notice: str | None = None
    decisions: tuple[str, ...] = DECISIONS


@dataclass(frozen=True)
class PersonPage:
    chrome: Chrome
    trace: dict[str, Any]
    fields: tuple[str, ...]
    error: str | None = None
    notice: str | None = None


def _pair_view(pair: ReviewPair) -> PairView:
    fields = tuple(
        (name.replace("_", " "), pair.left_record.get(name, ""), pair.right_record.get(name, ""))
        for name in ("list", "row", *SHOWN)
    )
    pro, con = reasons(pair.evidence)
    return PairView(pair, fields, pro, con)


def _clusters(conn: Any) -> list[Cluster]:
    """The persons with more than one record: held ones first, then the largest."""
    size = func.count(person_members.c.record_id)
    rows = conn.execute(
        select(person_members.c.person_id, size.label("n"), func.max(person_members.c.held))
        .group_by(person_members.c.person_id)
        .having(size > 1)
        .order_by(func.max(person_members.c.held).desc(), size.desc(), person_members.c.person_id)
        .limit(CLUSTER_LIMIT)
    ).all()
    return [Cluster(str(r[0]), int(r[1]), bool(r[2])) for r in rows]


def _links_page(
    loc: Locale,
    user: User,
    session: Session | None,
    signer: Signer,
    locker: Locker,
    error: ReckonError | None = None,
    notice: str | None = None,
) -> Response:
    not_linked = None
    with locker.workspace.engine.connect() as conn:
        try:
            pairs = review_queue(conn, QUEUE_LIMIT)
        except NotFoundError as exc:  # no link run yet: an empty queue, and why
            pairs, not_linked = [], str(exc)
        clusters = _clusters(conn)
    page = LinksPage(
        work_chrome(loc, "/work/links", user, session, signer),
        tuple(_pair_view(p) for p in pairs),
        tuple(clusters),
        not_linked=not_linked,
        error=None if error is None else str(error),
        notice=notice,
    )
    return render("work/links.html", page, 200 if error is None else error.http_status)


@router.get("/work/links", response_class=HTMLResponse, include_in_schema=False)
def links_page(
    loc: LocaleDep,
    user: Reviewer,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    done: Annotated[str | None, Query(max_length=20)] = None,
    person: Annotated[str | None, Query(max_length=20, pattern=r"^\s*P[0-9]+\s*$")] = None,
) -> Response:
    if person:
        # The "open a person" form asks by GET (no JavaScript); the person has an address.
        return RedirectResponse(loc.url(f"/work/persons/{person.strip()}"), status_code=303)
    notice = f"Recorded: the two records are {done}." if done in DECISIONS else None
    return _links_page(loc, user, session, signer, locker, notice=notice)


def _record_id(value: str) -> int:
    if not value.strip().isdigit():
        raise InputError(f"'{value}' is not a record number.")
    return int(value)


@router.post("/work/links/decide", include_in_schema=False)
def decide_pair(
    loc: LocaleDep,
    user: Reviewer,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    left: Short,
    right: Short,
    decision: Short = "",
    reason: Text = "",
    csrf: Short = "",
) -> Response:
    signer.check_csrf(session, csrf)
    try:
        with locker.workspace.engine.begin() as conn:
            decide(
                conn, user, _record_id(left), _record_id(right), decision, reason.strip() or None
            )
    except ReckonError as exc:
        return _links_page(loc, user, session, signer, locker, error=exc)
    return RedirectResponse(loc.url("/work/links", done=decision), status_code=303)


def _person_page(
    loc: Locale,
    user: User,
    session: Session | None,
    signer: Signer,
    locker: Locker,
    person: str,
    error: ReckonError | None = None,
    notice: str | None = None,
) -> Response:
    with locker.workspace.engine.connect() as conn:
        found = trace(conn, person)
    chrome = work_chrome(loc, f"/work/persons/{person}", user, session, signer)
    page = PersonPage(
        chrome, found, ("list", "row", *SHOWN), None if error is None else str(error), notice
    )
    return render("work/cluster.html", page, 200 if error is None else error.http_status)


@router.get("/work/persons/{person}", response_class=HTMLResponse, include_in_schema=False)
def person_page(
    loc: LocaleDep,
    user: Reviewer,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    person: PersonRef,
    after: Annotated[str | None, Query(max_length=400, pattern=r"^[P0-9,]*$")] = None,
) -> Response:
    shown = after.replace(",", ", ") if after else None
    # Person references keep their Latin digits (they are identifiers, not numbers).
    notice = loc.t("cluster.unmerged").format(persons=shown) if shown else None
    return _person_page(loc, user, session, signer, locker, person, notice=notice)


@router.post("/work/persons/{person}/unmerge", include_in_schema=False)
def unmerge_person(
    loc: LocaleDep,
    user: Reviewer,
    session: SessionDep,
    signer: SignerDep,
    locker: LockerDep,
    person: PersonRef,
    records: Annotated[list[str] | None, Form(max_length=500)] = None,
    reason: Text = "",
    csrf: Short = "",
) -> Response:
    signer.check_csrf(session, csrf)
    try:
        split = [_record_id(r) for r in records or []]
        with locker.workspace.engine.begin() as conn:
            after = unmerge(conn, user, person, split, reason.strip() or None)
    except ReckonError as exc:
        return _person_page(loc, user, session, signer, locker, person, error=exc)
    # The person keeps its id only if a record of it stayed; show where the others went.
    target = person if person in after else after[0]
    return RedirectResponse(
        loc.url(f"/work/persons/{target}", after=",".join(after)), status_code=303
    )


@router.get("/api/work/links")
def links_api(user: Reviewer, locker: LockerDep) -> list[dict[str, Any]]:
    """Record pairs waiting for review: both records, the match probability and the evidence."""
    with locker.workspace.engine.connect() as conn:
        try:
            pairs = review_queue(conn, QUEUE_LIMIT)
        except NotFoundError:
            return []
    return [
        {
            "left": p.left,
            "right": p.right,
            "probability": p.probability,
            "evidence": p.evidence,
            "left_record": p.left_record,
            "right_record": p.right_record,
        }
        for p in pairs
    ]


@router.get("/api/work/persons/{person}")
def person_api(user: Reviewer, locker: LockerDep, person: PersonRef) -> dict[str, Any]:
    """Why a person's records are together: the records, their pairs and the reviews."""
    with locker.workspace.engine.connect() as conn:
        return trace(conn, person)

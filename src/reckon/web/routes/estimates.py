"""Estimates on the web: the public page of published estimates, and the investigators' list.

``/estimates`` shows reckon's published estimates, each with its method and
interval, beside the figures others have published, each attributed to whoever
gave it; ``/api/estimates`` is its JSON twin. ``/work/estimates`` lists every
saved estimate with its diagnostics and the chart of its draws, for roles that
run estimates. Charts are inline SVG drawn by reckon (`reckon.estimate.svg`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel
from sqlalchemy import Connection
from starlette.responses import HTMLResponse, Response

from reckon.claims.figures import FigureClaim
from reckon.estimate.saved import SavedEstimate, get_estimate, list_estimates
from reckon.estimate.svg import IntervalRow, histogram_chart, interval_chart
from reckon.evidence.locker import Locker
from reckon.publish.items import ItemType
from reckon.publish.public.figures import public_figures
from reckon.publish.redact import redactor
from reckon.publish.visibility import PublicItem, what_is_public
from reckon.roles import Permission
from reckon.store.users import User
from reckon.web.deps import ConnDep, LocaleDep, LockerDep, SessionDep, SignerDep, need
from reckon.web.i18n import MESSAGES, Locale
from reckon.web.templating import Chrome, render

router = APIRouter()
CanEstimate = Annotated[User, Depends(need(Permission.ESTIMATE))]
EstimateId = Annotated[int, Path(ge=1, le=2**31)]


def _fmt(loc: Locale) -> Any:
    return lambda v: loc.num(f"{v:,.0f}")


@dataclass(frozen=True)
class Shown:
    """A saved estimate as a page shows it: figures in the page's digits, the chart inline."""

    saved: SavedEstimate
    published: PublicItem | None
    estimate: str
    lower: str
    upper: str | None
    level: str
    chart: str
    methods: tuple[str, ...]

    @property
    def results(self) -> list[Any]:
        return self.saved.results


def _shown(saved: SavedEstimate, loc: Locale, published: PublicItem | None = None) -> Shown:
    fmt = _fmt(loc)
    head = saved.results[0]
    hist = head.get("histogram")
    chart = (
        histogram_chart(
            hist["edges"],
            hist["counts"],
            estimate=saved.estimate,
            lower=saved.lower,
            upper=saved.upper,
            title=loc.t("estimates.chart.draws"),
            fmt=fmt,
        )
        if hist
        else ""
    )
    return Shown(
        saved=saved,
        published=published,
        estimate=fmt(saved.estimate),
        lower=fmt(saved.lower),
        upper=None if saved.upper is None else fmt(saved.upper),
        level=loc.num(f"{saved.level:.0%}"),
        chart=chart,
        methods=tuple(_method(r, loc) for r in saved.results),
    )


def _method(entry: Mapping[str, Any], loc: Locale) -> str:
    key = f"method.{entry.get('method')}"
    name = loc.t(key) if key in MESSAGES else str(entry.get("method"))
    selection = entry.get("diagnostics", {}).get("selection")
    return f"{name} ({selection})" if selection else name


def _published(
    conn: Connection, locker: Locker | None = None
) -> list[tuple[SavedEstimate, PublicItem]]:
    items = what_is_public(conn, [ItemType.ESTIMATE]).items.get(ItemType.ESTIMATE, {})
    ids = [int(i) for i in items if i.isdigit()]
    found = list_estimates(conn, ids) if ids else []
    # A label and a correction's reason are typed by editors: they may name a withheld person.
    names = redactor(conn, locker)
    return [
        (
            replace(s, label=names.text(s.label)),
            replace(items[str(s.id)], correction=names.text(items[str(s.id)].correction)),
        )
        for s in found
    ]


def _comparison(
    ours: list[tuple[SavedEstimate, PublicItem]], theirs: list[FigureClaim], loc: Locale
) -> str:
    rows = [
        IntervalRow(
            label=loc.t("estimates.chart.ours", id=s.id) if not s.label else s.label,
            low=s.lower,
            high=s.upper,
            point=s.estimate,
            ours=True,
        )
        for s, _ in ours
    ]
    rows += [
        IntervalRow(label=f.figure.who, low=f.figure.low, high=f.figure.high, point=None)
        for f in theirs
        if f.figure.measure == "deaths" and (f.figure.low is not None or f.figure.high is not None)
    ]
    return interval_chart(
        rows,
        title=loc.t("estimates.chart.title"),
        fmt=_fmt(loc),
        log_note=loc.t("estimates.chart.log"),
    )


@dataclass(frozen=True)
class EstimatesPage:
    chrome: Chrome
    ours: tuple[Shown, ...]
    theirs: tuple[FigureClaim, ...]
    chart: str


@router.get("/estimates", response_class=HTMLResponse, include_in_schema=False)
def estimates_page(loc: LocaleDep, conn: ConnDep, locker: LockerDep) -> HTMLResponse:
    ours = _published(conn, locker)
    theirs = public_figures(conn, locker)
    page = EstimatesPage(
        chrome=Chrome(loc=loc, path="/estimates"),
        ours=tuple(_shown(s, loc, item) for s, item in ours),
        theirs=tuple(theirs),
        chart=_comparison(ours, theirs, loc),
    )
    return render("estimates.html", page)


class EstimateOut(BaseModel):
    id: int
    label: str | None
    method: str
    estimate: float
    lower: float
    upper: float | None
    interval: float
    observed: int
    lists: int
    strata: str | None
    published_at: datetime
    correction: str | None


@router.get("/api/estimates", response_model=list[EstimateOut])
def estimates_api(conn: ConnDep, locker: LockerDep) -> list[EstimateOut]:
    """Published estimates, each with its method and interval (``upper`` null: no upper bound)."""
    return [
        EstimateOut(
            id=s.id,
            label=s.label,
            method=s.method,
            estimate=round(s.estimate, 1),
            lower=round(s.lower, 1),
            upper=None if s.upper is None else round(s.upper, 1),
            interval=s.level,
            observed=s.observed,
            lists=len(s.lists),
            strata=s.strata,
            published_at=item.published_at,
            correction=item.correction,
        )
        for s, item in _published(conn, locker)
    ]


class FigureOut(BaseModel):
    claim: int
    who: str
    measure: str
    text: str
    low: int | None
    high: int | None
    year: str | None
    where_reported: str | None
    grade: str


@router.get("/api/figures", response_model=list[FigureOut])
def figures_api(conn: ConnDep, locker: LockerDep) -> list[FigureOut]:
    """Figures others have published, as published here: each attributed, with its grade."""
    return [
        FigureOut(
            claim=f.claim_id,
            who=f.figure.who,
            measure=f.figure.measure,
            text=f.figure.text,
            low=f.figure.low,
            high=f.figure.high,
            year=f.figure.year,
            where_reported=f.figure.where_reported,
            grade=f.grade,
        )
        for f in public_figures(conn, locker)
    ]


@dataclass(frozen=True)
class WorkEstimatesPage:
    chrome: Chrome
    estimates: tuple[Shown, ...]


@dataclass(frozen=True)
class WorkEstimatePage:
    chrome: Chrome
    shown: Shown
    charts: tuple[str, ...]


def _chrome(loc: Locale, path: str, user: User, session: Any, signer: Any) -> Chrome:
    return Chrome(loc=loc, path=path, user=user, csrf=signer.csrf_token(session))


@router.get("/work/estimates", response_class=HTMLResponse, include_in_schema=False)
def work_estimates(
    loc: LocaleDep, user: CanEstimate, session: SessionDep, signer: SignerDep, conn: ConnDep
) -> Response:
    public = what_is_public(conn, [ItemType.ESTIMATE]).items.get(ItemType.ESTIMATE, {})
    shown = tuple(_shown(s, loc, public.get(str(s.id))) for s in list_estimates(conn))
    page = WorkEstimatesPage(_chrome(loc, "/work/estimates", user, session, signer), shown)
    return render("work/estimates.html", page)


@router.get("/work/estimates/{estimate_id}", response_class=HTMLResponse, include_in_schema=False)
def work_estimate(
    loc: LocaleDep,
    user: CanEstimate,
    session: SessionDep,
    signer: SignerDep,
    conn: ConnDep,
    estimate_id: EstimateId,
) -> Response:
    saved = get_estimate(conn, estimate_id)
    public = what_is_public(conn, [ItemType.ESTIMATE]).items.get(ItemType.ESTIMATE, {})
    fmt = _fmt(loc)
    charts = tuple(
        histogram_chart(
            r["histogram"]["edges"],
            r["histogram"]["counts"],
            estimate=float(r["estimate"]),
            lower=float(r["lower"]),
            upper=None if r.get("upper") is None else float(r["upper"]),
            title=f"{r['method']}: {loc.t('estimates.chart.draws')}",
            fmt=fmt,
        )
        if r.get("histogram")
        else ""
        for r in saved.results
    )
    path = f"/work/estimates/{estimate_id}"
    page = WorkEstimatePage(
        _chrome(loc, path, user, session, signer),
        _shown(saved, loc, public.get(str(saved.id))),
        charts,
    )
    return render("work/estimate.html", page)

"""Published figures (death tolls, names recorded) as claims of whoever published them.

A figure such as "2,800–3,800 executed" is never a fact in reckon: it is a
claim of kind ``figure`` of the source that publishes it (an organisation's
report, a memoir), attributed ("according to …"), with its interval (``low``
and ``high``; either may be open: "at least 300" has no upper bound) and the
year it was published. Its credibility is 6 (cannot be judged) unless someone
records another grade, and either way the grade says who gave it and why.

The figure's parts are kept as JSON in the claim's ``detail``; the claim's date
is the year of publication, not a date of the events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from reckon.errors import InputError, NotFoundError
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import claim_decisions, claims, sources, users
from reckon.store.types import utcnow
from reckon.store.users import User

KIND = "figure"
MEASURES = ("deaths", "names_recorded", "characterisation")
DEFAULT_REASON = "a published figure recorded as its author's claim; not assessed"


@dataclass(frozen=True)
class PublishedFigure:
    """One figure as its author published it."""

    who: str  # the organisation or person whose figure it is
    measure: str  # deaths, names_recorded, characterisation
    text: str  # as published: "2,800–3,800", "less than 1,000", "thousands"
    low: int | None = None  # None: no lower bound stated
    high: int | None = None  # None: no upper bound stated
    year: str | None = None  # year of publication
    where_reported: str | None = None  # where the figure was read ("quoted by …")

    def checked(self) -> PublishedFigure:
        if not self.who.strip() or not self.text.strip():
            raise InputError("A published figure needs who published it and its text.")
        if self.measure not in MEASURES:
            raise InputError(
                f"'{self.measure}' is not a measure.", hint="Use " + ", ".join(MEASURES) + "."
            )
        if self.low is not None and self.high is not None and self.low > self.high:
            raise InputError(f"The figure's low end {self.low} is above its high end {self.high}.")
        if self.year is not None and not (self.year.isdigit() and len(self.year) == 4):
            raise InputError(f"'{self.year}' is not a year.", hint="Give it as 1990.")
        return self

    @property
    def interval(self) -> str:
        """The interval as text: "2800–3800", "≥ 300", "≤ 999", or "no number"."""
        if self.low is None and self.high is None:
            return "no number"
        if self.low is None:
            return f"≤ {self.high}"
        if self.high is None:
            return f"≥ {self.low}"
        return f"{self.low}–{self.high}" if self.low != self.high else str(self.low)

    def statement(self) -> str:
        """The figure, attributed: "According to X (reported in Y, 1990): …"."""
        where = ", ".join(x for x in (self.where_reported, self.year) if x)
        return (
            f"According to {self.who}{f' ({where})' if where else ''}: {self.text} "
            f"[{self.measure.replace('_', ' ')}; interval {self.interval}]"
        )


def record_figure(
    conn: Connection,
    user: User,
    source_id: int,
    figure: PublishedFigure,
    *,
    credibility: int = 6,
    reason: str = DEFAULT_REASON,
) -> int:
    """Record ``figure`` as an accepted claim of ``source_id`` (read correctly, not true)."""
    user.require(Permission.CODE_CLAIMS)
    figure = figure.checked()
    if not 1 <= credibility <= 6:
        raise InputError(f"Credibility {credibility} is not 1–6.")
    if not reason.strip():
        raise InputError("Grading a figure needs a reason.", hint="Give one with --reason.")
    if conn.execute(select(sources.c.id).where(sources.c.id == source_id)).first() is None:
        raise NotFoundError(f"There is no source {source_id}.", hint="See 'reckon sources'.")
    now = utcnow()
    detail = json.dumps(
        {
            "who": figure.who,
            "measure": figure.measure,
            "text": figure.text,
            "low": figure.low,
            "high": figure.high,
            "where_reported": figure.where_reported,
        },
        ensure_ascii=False,
    )
    result = conn.execute(
        claims.insert().values(
            source_id=source_id,
            kind=KIND,
            detail=detail,
            date_text=figure.year,
            date_calendar="gregorian" if figure.year else None,
            date_precision="year" if figure.year else None,
            date_start=f"{figure.year}-01-01" if figure.year else None,
            date_end=f"{figure.year}-12-31" if figure.year else None,
            credibility=credibility,
            credibility_by=user.id,
            credibility_reason=reason.strip(),
            status="accepted",
            decided_by=user.id,
            decided_at=now,
            origin="manual",
            created_by=user.id,
            created_at=now,
        )
    )
    claim_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    conn.execute(
        claim_decisions.insert().values(
            claim_id=claim_id,
            action="accept",
            by_user=user.id,
            at=now,
            reason=f"published figure recorded; credibility {credibility}: {reason.strip()}",
            changes={"figure": json.loads(detail), "credibility": credibility},
        )
    )
    audit.record(
        conn,
        user,
        "figure-recorded",
        "claim",
        str(claim_id),
        {"source": source_id, "who": figure.who, "text": figure.text, "credibility": credibility},
    )
    return claim_id


@dataclass(frozen=True)
class FigureClaim:
    """A recorded figure with its source and grades."""

    claim_id: int
    source_id: int
    source_title: str
    figure: PublishedFigure
    reliability: str
    credibility: int
    graded_by: str | None
    reason: str | None

    @property
    def grade(self) -> str:
        return f"{self.reliability}{self.credibility}"

    def as_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim_id,
            "source": self.source_id,
            "source_title": self.source_title,
            "who": self.figure.who,
            "measure": self.figure.measure,
            "text": self.figure.text,
            "low": self.figure.low,
            "high": self.figure.high,
            "year": self.figure.year,
            "where_reported": self.figure.where_reported,
            "statement": self.figure.statement(),
            "grade": self.grade,
            "graded_by": self.graded_by,
            "reason": self.reason,
        }


def figure_of(detail: str | None, year: str | None) -> PublishedFigure:
    """The figure a ``figure`` claim records, from its ``detail`` and its date (the year)."""
    data = json.loads(detail or "{}")
    return PublishedFigure(
        who=str(data.get("who", "")),
        measure=str(data.get("measure", "deaths")),
        text=str(data.get("text", "")),
        low=data.get("low"),
        high=data.get("high"),
        year=year,
        where_reported=data.get("where_reported"),
    )


def read_figures(conn: Connection) -> list[FigureClaim]:
    """Every recorded figure, attributed, oldest first (confidential sources are left out)."""
    names = {int(r.id): str(r.name) for r in conn.execute(select(users.c.id, users.c.name))}
    rows = conn.execute(
        select(claims, sources.c.title, sources.c.confidential, sources.c.reliability)
        .join(sources, sources.c.id == claims.c.source_id)
        .where(claims.c.kind == KIND, claims.c.status != "rejected")
        .order_by(claims.c.id)
    ).all()
    out = []
    for row in rows:
        if row.confidential:
            continue
        figure = figure_of(row.detail, row.date_text)
        out.append(
            FigureClaim(
                claim_id=int(row.id),
                source_id=int(row.source_id),
                source_title=str(row.title or f"source {row.source_id}"),
                figure=figure,
                reliability=str(row.reliability or "F"),
                credibility=int(row.credibility),
                graded_by=None
                if row.credibility_by is None
                else names.get(int(row.credibility_by)),
                reason=row.credibility_reason,
            )
        )
    return out

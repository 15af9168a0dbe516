"""Search by name in either script: the page (/search) and the API (/api/search)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlalchemy import Connection
from starlette.responses import HTMLResponse

from reckon.publish.visibility import public_persons
from reckon.search import SearchHit, search
from reckon.web.deps import ConnDep, LocaleDep
from reckon.web.templating import Chrome, render

router = APIRouter()


def tied(conn: Connection, refs: list[str]) -> list[set[str]]:
    """The accepted ties between list persons and named persons among ``refs`` (one query)."""
    # Imported here: the claims module is heavy, and the web app should start quickly.
    from reckon.claims.identity import tied_groups

    return tied_groups(conn, refs)


QueryText = Annotated[str, Query(max_length=200, description="A name, in Persian or Latin script.")]


@dataclass(frozen=True)
class SearchPage:
    chrome: Chrome
    query: str
    hits: tuple[SearchHit, ...]


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(loc: LocaleDep, conn: ConnDep, q: QueryText = "") -> HTMLResponse:
    hits = tuple(search(conn, q, visible=public_persons, tied=tied)) if q.strip() else ()
    return render("search.html", SearchPage(Chrome(loc=loc, path="/search"), q, hits))


class PersonHit(BaseModel):
    person_id: str
    name: str
    other_names: list[str]
    score: float


class SearchResults(BaseModel):
    query: str
    results: list[PersonHit]


@router.get("/api/search", response_model=SearchResults)
def search_api(
    conn: ConnDep,
    q: QueryText,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> SearchResults:
    """Published persons whose names match ``q``, best first, with a score in [0, 1]."""
    hits = search(conn, q, visible=public_persons, tied=tied, limit=limit) if q.strip() else []
    return SearchResults(
        query=q,
        results=[
            PersonHit(
                person_id=h.person_ref, name=h.name, other_names=list(h.other_names), score=h.score
            )
            for h in hits
        ],
    )

"""A person's public page (/person/ID) and its API twin (/api/persons/ID).

Only a person the visibility rule lets through is shown; any other id is a
404, the same answer as for an id that names nobody, so that the page does not
reveal that an unpublished or withheld record exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel
from sqlalchemy import Connection, select
from starlette.responses import HTMLResponse

from reckon.errors import NotFoundError
from reckon.publish.views import ClaimView
from reckon.publish.visibility import public_persons
from reckon.store.schema import search_entries
from reckon.web.deps import ConnDep, LocaleDep, LockerDep
from reckon.web.published_claims import published_claims
from reckon.web.templating import Chrome, render

router = APIRouter()
PersonId = Annotated[str, Path(max_length=80, pattern=r"^[A-Za-z0-9._:-]+$")]


@dataclass(frozen=True)
class PublicPerson:
    """What the public may see of one person (grows as claims and events are published)."""

    person_id: str
    names: tuple[str, ...]


def public_person(conn: Connection, person_id: str) -> PublicPerson:
    """The public view of a person, or `NotFoundError` if they are not public."""
    if person_id not in public_persons(conn, [person_id]):
        raise NotFoundError(
            "There is no published record at this address.",
            hint="Search for the name from the search page.",
        )
    names = conn.execute(
        select(search_entries.c.name)
        .where(search_entries.c.person_ref == person_id)
        .order_by(search_entries.c.id)
    ).scalars()
    return PublicPerson(person_id, tuple(dict.fromkeys(names)))


@dataclass(frozen=True)
class PersonPage:
    chrome: Chrome
    person: PublicPerson
    claims: tuple[ClaimView, ...] = ()


@router.get("/person/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(
    loc: LocaleDep, conn: ConnDep, locker: LockerDep, person_id: PersonId
) -> HTMLResponse:
    person = public_person(conn, person_id)
    chrome = Chrome(loc=loc, path=f"/person/{person_id}")
    claims = published_claims(conn, locker, person_id)
    return render("person.html", PersonPage(chrome, person, claims))


class PersonOut(BaseModel):
    person_id: str
    names: list[str]


@router.get("/api/persons/{person_id}", response_model=PersonOut)
def person_api(conn: ConnDep, person_id: PersonId) -> PersonOut:
    """A published person: every spelling of their name seen in the sources."""
    person = public_person(conn, person_id)
    return PersonOut(person_id=person.person_id, names=list(person.names))

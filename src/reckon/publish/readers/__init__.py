"""Readers: fill the view records of `reckon.publish.views` from the features' stores.

``evidence``  sources, their grades, hashes and custody records (the evidence issue)

Persons (the linkage issue) and claims, events and involvements (the claims
issue) are read through the functions registered in `READERS`; exports and
case files ask `readers()` and say plainly what a workspace cannot provide yet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from reckon.evidence.locker import Locker
from reckon.publish.views import ClaimView, EventView, InvolvementView, PersonView
from reckon.store.users import User


@dataclass(frozen=True)
class ReadContext:
    """What a reader needs: the locker (for sources), a connection and the reading user."""

    locker: Locker
    conn: Connection
    user: User


PersonReader = Callable[[ReadContext, Sequence[str]], Mapping[str, PersonView]]
ClaimReader = Callable[[ReadContext, Sequence[str]], Mapping[str, ClaimView]]
EventReader = Callable[[ReadContext, Sequence[str]], Mapping[str, EventView]]
InvolvementReader = Callable[[ReadContext, Sequence[str]], Mapping[str, InvolvementView]]
RefLister = Callable[[ReadContext], list[str]]


@dataclass
class Readers:
    """The readers a workspace has; None where the feature that owns the data is missing."""

    persons: PersonReader | None = None
    claims: ClaimReader | None = None
    events: EventReader | None = None
    involvements: InvolvementReader | None = None
    all_persons: RefLister | None = None
    all_claims: RefLister | None = None
    all_events: RefLister | None = None
    all_involvements: RefLister | None = None


# Features register their readers here when they are installed (see readers/*.py).
READERS = Readers()
_PERSON_READERS: list[PersonReader] = []
_PERSON_LISTERS: list[RefLister] = []


def add_person_reader(reader: PersonReader, lister: RefLister) -> None:
    """Add a source of persons (linkage clusters, persons named in claims); each answers for its own."""
    _PERSON_READERS.append(reader)
    _PERSON_LISTERS.append(lister)

    def persons(ctx: ReadContext, refs: Sequence[str]) -> Mapping[str, PersonView]:
        found: dict[str, PersonView] = {}
        for read in _PERSON_READERS:
            found.update(read(ctx, [r for r in refs if r not in found]))
        return found

    def all_persons(ctx: ReadContext) -> list[str]:
        return [ref for lister in _PERSON_LISTERS for ref in lister(ctx)]

    READERS.persons = persons
    READERS.all_persons = all_persons


def readers() -> Readers:
    """The readers of this installation (the shipped ones are imported on first use)."""
    import importlib

    from reckon.store import schema

    # A reader is imported only where its feature's tables are part of this installation.
    for name, table in (
        ("link", "person_members"),
        ("claims", "involvements"),
        ("estimates", "estimates"),
    ):
        if hasattr(schema, table):
            importlib.import_module(f"reckon.publish.readers.{name}")
    return READERS

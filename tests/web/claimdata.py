"""Fictional sources and claims for the investigators' pages (built through the library)."""

from __future__ import annotations

import copy

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.records import load_claims
from reckon.evidence import Locker, SourceFacts, add_bytes
from reckon.store import users
from reckon.workspace import Workspace

REPORT = (
    "Interviews with former prisoners, summer 1989.\n"
    "Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988.\n"
    "His cellmate was released in 1991.\n"
)
SECRET = (
    "Kourosh Valizadeh was executed at Evin Prison on 2 August 1988, said the secret witness.\n"
)


def add_source(
    workspace: Workspace, text: str, name: str, *, title: str, confidential: bool = False
) -> int:
    facts = SourceFacts(
        title=title, publisher="Mehr NGO", reliability="B", confidential=confidential
    )
    result = add_bytes(Locker.open(workspace), text.encode("utf-8"), name, facts)
    assert result.source_id is not None, result.error
    return result.source_id


def propose(workspace: Workspace, source_id: int) -> list[int]:
    """Propose claims from a source's text; the claim ids, as the acting user sees them."""
    return propose_from_source(workspace, source_id).new_claims


def claims_of(workspace: Workspace, **filters: object) -> list:  # type: ignore[type-arg]
    with workspace.engine.connect() as conn:
        user = users.acting_user(conn, workspace.settings.user)
        return load_claims(conn, Locker.open(workspace), user, **filters)  # type: ignore[arg-type]


ALLEGATION = (
    "Mansour Zarrinkamar ordered the execution of Firouz Hashemi on 2 August 1988. "
    "Firouz Hashemi was executed at Evin Prison on 2 August 1988.\n"
)


def as_user(workspace: Workspace, name: str) -> Workspace:
    """The workspace acting as ``name`` (a copy: the app's own workspace is left alone)."""
    acting = copy.copy(workspace)
    acting.settings = workspace.settings.with_overrides(user=name)
    return acting


def accept(workspace: Workspace, claim_id: int, by: str) -> None:
    decide(as_user(workspace, by), claim_id, "accept")

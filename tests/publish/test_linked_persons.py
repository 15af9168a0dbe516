"""Withholding or shredding a list person hides the claims about the named person tied to them.

The claims module ties a person named in documents (``N<id>``) to a list
person (``P<n>``) by a coder's decision (`reckon.claims.identity.link_person`);
`person_refs_for` gives every reference of that person, and the publication
rules use it through `reckon.publish.equivalence`.
"""

from __future__ import annotations

from pathlib import Path

from reckon.claims.identity import link_person, unlink_person
from reckon.publish import visibility
from reckon.publish.erasure import PersonVault
from reckon.publish.withhold import lift_withhold, withhold
from reckon.store import users
from reckon.workspace import Workspace

from .test_public_outputs import (
    NAME,
    _export,
    _lists,
    _publish_persons,
    _published_account,
    _web,
    _web_shows,
)


def _claims_public(ws: Workspace) -> dict[str, set[str]]:
    with ws.engine.connect() as conn:
        register = visibility.what_is_public(conn)
        return {k: set(register.ids(k)) for k in ("claim", "event", "involvement")}


def test_withholding_the_list_person_hides_claims_about_the_linked_named_person(
    ws: Workspace, tmp_path: Path
) -> None:
    _lists(ws, tmp_path)
    named = _published_account(ws)
    _publish_persons(ws, ["P1", "P2"])
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        link_person(conn, admin, named, "P1", "same woman: name, prison and date agree")
        withhold(conn, admin, "P1", "the family asked")
    assert _claims_public(ws) == {"claim": set(), "event": set(), "involvement": set()}
    assert "Varjavand" not in "\n".join(_export(ws, tmp_path / "withheld").values())
    with _web(ws) as client:
        assert not _web_shows(client, "P1", NAME)
    # Untying them (a coder's later decision) brings the document's account back.
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        unlink_person(conn, admin, named, "P1", "a different woman of the same name")
    assert all(len(ids) == 1 for ids in _claims_public(ws).values())
    # And withholding the named person hides the list person tied to them.
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        link_person(conn, admin, named, "P1", "same woman after all")
        lift_withhold(conn, admin, "P1", "the family agreed")
        assert visibility.public_persons(conn, ["P1"]) == {"P1"}
        withhold(conn, admin, named, "the family asked")
        assert visibility.public_persons(conn, ["P1", "P2"]) == {"P2"}


def test_shredding_the_list_person_hides_claims_about_the_linked_named_person(
    ws: Workspace, tmp_path: Path
) -> None:
    _lists(ws, tmp_path)
    named = _published_account(ws)
    _publish_persons(ws, ["P1"])
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        link_person(conn, admin, named, "P1", "same woman")
    PersonVault.for_workspace(ws).shred(ws, admin, "P1", "erasure asked by the family")
    assert _claims_public(ws) == {"claim": set(), "event": set(), "involvement": set()}
    assert "Varjavand" not in "\n".join(_export(ws, tmp_path / "shredded").values())

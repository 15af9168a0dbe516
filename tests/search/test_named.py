"""Persons named in claims (``N<id>``) have public pages once published: search finds them too."""

from __future__ import annotations

from sqlalchemy import Connection, select

from reckon.claims.persons import ensure_person
from reckon.evidence import Locker
from reckon.publish.erasure import PersonVault
from reckon.publish.records import publish
from reckon.publish.visibility import public_persons
from reckon.search import search
from reckon.search.index import names_of
from reckon.search.sync import reindex
from reckon.store import users
from reckon.store.schema import search_entries
from reckon.workspace import Workspace

NAMED = "Parviz Golshiri-Fictional"
OTHER = "Homa Zargarian-Fictional"


def _found(conn: Connection, query: str) -> list[str]:
    return [hit.person_ref for hit in search(conn, query, visible=public_persons)]


def test_published_named_persons_are_found_and_a_shred_removes_them(
    workspace: Workspace,
) -> None:
    locker = Locker.open(workspace)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        first = ensure_person(conn, locker, admin, NAMED, source_id=1, protected=False)
        second = ensure_person(conn, locker, admin, OTHER, source_id=1, protected=False)
        assert reindex(conn) == 2
        publish(conn, admin, "person", f"N{first}")
        assert _found(conn, "Parviz Golshiri") == [f"N{first}"]
        # Not published yet: filed, but never shown.
        assert _found(conn, "Homa Zargarian") == []
        publish(conn, admin, "person", f"N{second}")
        assert _found(conn, "Homa Zargarian") == [f"N{second}"]
        # Filed sealed, like the records' names.
        assert NAMED.encode() not in b"".join(
            bytes(s) for s in conn.execute(select(search_entries.c.sealed)).scalars()
        )
    PersonVault.for_workspace(workspace).shred(workspace, admin, f"N{first}", "the family asked")
    with workspace.engine.connect() as conn:
        assert names_of(conn, f"N{first}") == []
        assert _found(conn, "Parviz Golshiri") == []
        assert _found(conn, "Homa Zargarian") == [f"N{second}"]

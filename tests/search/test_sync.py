"""The name index keeps step with the store: imports, linkage runs, unmerges and new named
persons are searchable at once, without `reckon search reindex`."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, select, update

from reckon.claims.persons import ensure_person
from reckon.demo.run import data_dir
from reckon.evidence import Locker
from reckon.link.capture import capture_histories
from reckon.link.engines import Engine
from reckon.link.imports import import_list
from reckon.link.review import unmerge
from reckon.link.workspace import link_workspace
from reckon.search import search
from reckon.search.seal import STALE, STAMP_SETTING, StaleIndex
from reckon.search.sync import _entries, reindex
from reckon.store import users
from reckon.store.schema import search_entries, workspace_settings
from reckon.workspace import Workspace

LISTS = data_dir() / "lists"
NFF = {
    "no": "record_id",
    "name": "full_name",
    "father_name": "father_name",
    "year_of_birth": "birth_year",
    "city": "city",
    "prison": "prison",
    "date": "death_date",
}
MEHR = {
    "record_no": "record_id",
    "first_name": "given_name",
    "last_name": "surname",
    "father": "father_name",
    "born": "birth_year",
    "prison": "prison",
    "executed_on": "death_date",
}


def _filed(conn: Connection) -> set[tuple[str, str]]:
    rows = conn.execute(select(search_entries.c.person_ref, search_entries.c.record_ref))
    return {(str(a), str(b)) for a, b in rows}


def _rebuilt(conn: Connection) -> set[tuple[str, str]]:
    """What a whole rebuild would file now (rolled back: the index is left as it was)."""
    with conn.begin_nested() as nested:
        reindex(conn)
        filed = _filed(conn)
        nested.rollback()
    return filed


def _everyone(conn: Connection, _refs: list[str]) -> set[str]:
    return set(_refs)


def _first_hit(conn: Connection, name: str) -> str:
    hits = search(conn, name, visible=_everyone)
    assert hits, name
    return hits[0].person_ref


def test_imports_links_unmerges_and_new_names_are_filed_as_they_happen(
    workspace: Workspace,
) -> None:
    with workspace.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        import_list(conn, actor, LISTS / "nff_opposition.csv", "nff", NFF)
        filed = _filed(conn)
        assert len(filed) > 50
        assert filed == _rebuilt(conn)
        assert all(person == record for person, record in filed)  # no person yet: R<id>
        import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)  # a second list: added
        assert len(_filed(conn)) > len(filed)
        assert _filed(conn) == _rebuilt(conn)

        link_workspace(conn, actor, Engine("duckdb"))
        linked = _filed(conn)
        assert linked == _rebuilt(conn)
        assert {person[0] for person, _ in linked} == {"P"}

        # Split one record off the biggest multi-record person: only its entry moves.
        biggest = max(capture_histories(conn).persons, key=lambda p: len(p.records))
        split = biggest.records[-1]
        (entry,) = _entries(conn, [split])
        assert _first_hit(conn, entry.name) in {biggest.person_id}
        after = unmerge(conn, actor, biggest.person_id, [split], "checked with the family")
        assert _filed(conn) == _rebuilt(conn)
        moved = {r: p for p, r in _filed(conn)}[f"R{split}"]
        assert moved != biggest.person_id
        assert moved in after

        # A person first named in a claim is searchable as soon as they are named.
        person = ensure_person(
            conn, Locker.open(workspace), actor, "Farangis Tavakkoli-Fictional", source_id=1,
            protected=False,
        )  # fmt: skip
        assert _first_hit(conn, "Farangis Tavakkoli") == f"N{person}"
        assert _filed(conn) == _rebuilt(conn)


def test_an_index_that_must_be_rebuilt_is_left_alone(workspace: Workspace) -> None:
    with workspace.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        import_list(conn, actor, LISTS / "nff_opposition.csv", "nff", NFF)
        before = _filed(conn)
        # As after an upgrade from names in clear, or a restore from before a shred.
        conn.execute(
            update(workspace_settings)
            .where(workspace_settings.c.key == STAMP_SETTING)
            .values(value=STALE)
        )
        import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)
        assert _filed(conn) == before  # nothing filed under a key the rebuild would drop
        with pytest.raises(StaleIndex):
            search(conn, "Ali", visible=_everyone)

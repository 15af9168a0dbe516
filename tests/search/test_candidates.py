"""The database ranks the candidates as the plain definition says (on both databases).

`reckon.search.query.candidates` groups and ranks postings in SQL; this test
recomputes the ranking in Python from the same postings (words matched by any
key, then by exact keys, then entry id) on names chosen to tie and differ.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from reckon.search import IndexEntry, add
from reckon.search.keys import QueryPlan
from reckon.search.query import (
    CANDIDATES,
    MAX_POSTINGS,
    _choose,
    _counts,
    candidates,
    lookup_plan,
)
from reckon.store.schema import search_keys
from reckon.workspace import Workspace

# Fictional names sharing words in different ways (both scripts, compounds, typos' neighbours).
NAMES = [
    "Mohammad Saeid Kamali", "Saeid Mohammad Karami", "محمد کمالی", "Mohammad Kamali",
    "Mohammad Saeed Kamali", "Saeed Kamal", "محمدسعید کمالی", "Mohammadreza Karimi",
    "Mohammad Reza Karimi", "Reza Karimi", "Ali Kamali", "Mohammad Saeid", "Karim Kamali",
]  # fmt: skip
QUERIES = ["Mohamad Saeid Kamai", "محمد سعید کمالی", "Reza Karimi", "Kamali", "Mohammad Karim"]


def _plan(conn: object, query: str) -> QueryPlan[bytes]:
    found = lookup_plan(conn, query)  # type: ignore[arg-type]
    assert found is not None
    return found


def _reference(conn: object, query: str) -> list[int]:
    query_plan = _plan(conn, query)
    counts = _counts(conn, query_plan.all_keys)  # type: ignore[arg-type]
    chosen = _choose(query_plan, counts, MAX_POSTINGS, CANDIDATES)
    exact: dict[int, set[int]] = defaultdict(set)
    anything: dict[int, set[int]] = defaultdict(set)
    rows = conn.execute(  # type: ignore[attr-defined]
        select(search_keys.c.key, search_keys.c.entry_id).where(search_keys.c.key.in_(chosen))
    )
    for key, entry_id in rows:
        anything[entry_id] |= query_plan.all_keys[key]
        if key in query_plan.exact:
            exact[entry_id] |= query_plan.exact[key]
    ranked = sorted(anything, key=lambda e: (-len(anything[e]), -len(exact[e]), e))
    return ranked[:CANDIDATES]


def test_sql_ranking_matches_the_definition(workspace: Workspace) -> None:
    with workspace.engine.begin() as conn:
        add(conn, [IndexEntry(f"P{n}", f"R{n}", name) for n, name in enumerate(NAMES)])
    with workspace.engine.connect() as conn:
        for query in QUERIES:
            found = candidates(conn, _plan(conn, query))
            assert found, query
            assert found == _reference(conn, query), query

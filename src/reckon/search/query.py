"""Answer a name query from the index: rarest keys first, then re-rank by name similarity.

1. `reckon.search.keys.plan` turns the query into exact keys (words, joined
   words, word pairs) and fuzzy keys (one consonant wrong).
2. The keys' entry counts are read from ``search_key_counts``; keys are read
   rarest first until ``max_postings`` entry ids have been read, so that a
   query for a common name costs the same as one for a rare name: its word
   pairs are rare even when its words are not.
3. Candidates are ordered by how many query words they matched (exact before
   fuzzy) and the best ``candidates`` are kept.
4. Only persons the visibility rule lets through are kept
   (`reckon.publish.visibility`); the rest are never scored.
5. The remaining names are ordered by a quick phonetic comparison, and the
   best ``FINAL`` are scored against the query with `reckon.names`
   similarity; a person's score is that of their best-matching spelling.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, select

from reckon.names.script import detect_script
from reckon.search.keys import QueryPlan, plan
from reckon.search.similarity import quick_scores, scores
from reckon.store.schema import search_entries, search_key_counts, search_keys

MAX_POSTINGS = 8_000
CANDIDATES = 200
MIN_SCORE = 0.5
# How many of the best candidates (by the quick score) get the full name similarity.
FINAL = 20
# The weight of the quick phonetic score against the names model (see `search`).
TYPO_WEIGHT = 0.85
MAX_QUERY_CHARS = 200

Visible = Callable[[Connection, list[str]], set[str]]


@dataclass(frozen=True)
class SearchHit:
    """One person found: the best-matching spelling, the others seen, and the score."""

    person_ref: str
    name: str
    other_names: tuple[str, ...]
    score: float


def _counts(conn: Connection, keys: Iterable[str]) -> dict[str, int]:
    rows = conn.execute(
        select(search_key_counts.c.key, search_key_counts.c.n).where(
            search_key_counts.c.key.in_(list(keys))
        )
    )
    return {key: int(n) for key, n in rows}


def _postings(conn: Connection, keys: list[str]) -> list[tuple[str, int]]:
    """(key, entry id) rows of ``keys``, read through the driver's cursor.

    This is the hot loop of a search (thousands of rows); the driver's own
    fetchall is several times faster than building a SQLAlchemy row per result.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"SELECT key, entry_id FROM {search_keys.name} "  # noqa: S608 - placeholders only
        f"WHERE key IN ({', '.join([mark] * len(keys))})"
    )
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql, keys)
        rows = cast("list[tuple[str, int]]", cursor.fetchall())
    finally:
        cursor.close()
    return rows


def candidates(
    conn: Connection,
    query_plan: QueryPlan,
    max_postings: int = MAX_POSTINGS,
    limit: int = CANDIDATES,
) -> list[int]:
    """Entry ids worth scoring, best first.

    Keys are read in tiers: first the exact keys that cover every word of the
    query (a full pair or a joined name), which are few and precise; only if
    they give fewer than ``limit`` entries, every other key, rarest first,
    until ``max_postings`` entry ids have been read.
    """
    counts = _counts(conn, query_plan.all_keys)
    everything = frozenset(range(len(query_plan.words)))
    keys = query_plan.all_keys
    full = sorted(
        (k for k in query_plan.exact if counts.get(k, 0) and query_plan.exact[k] == everything),
        key=lambda k: counts[k],
    )
    rest = sorted(
        (k for k in keys if counts.get(k, 0) and k not in full),
        key=lambda k: (k not in query_plan.exact, counts[k]),
    )
    exact: dict[int, set[int]] = defaultdict(set)
    fuzzy: dict[int, set[int]] = defaultdict(set)
    budget = max_postings
    for tier in (full, rest):
        if tier is rest and exact:
            # Whole-name matches exist; read only rare keys to recover misspelt ones.
            budget = min(budget, max_postings // 4)  # 2,000 ids
        chosen = []
        for key in tier:
            if counts[key] <= budget:
                chosen.append(key)
                budget -= counts[key]
        for key, entry_id in _postings(conn, chosen) if chosen else []:
            if key in query_plan.exact:
                exact[entry_id].update(query_plan.exact[key])
            else:
                fuzzy[entry_id].update(query_plan.fuzzy[key])
        if len(exact) >= limit:
            break
    entry_ids = set(exact) | set(fuzzy)

    def rank(entry_id: int) -> tuple[int, int, int]:
        hit_exact = exact.get(entry_id, set())
        covered = hit_exact | fuzzy.get(entry_id, set())
        return (-len(covered), -len(hit_exact), entry_id)

    return heapq.nsmallest(limit, entry_ids, key=rank)


def search(
    conn: Connection, query: str, *, visible: Visible, limit: int = 20, min_score: float = MIN_SCORE
) -> list[SearchHit]:
    """The persons whose names best match ``query``, best first, among those ``visible`` allows."""
    query = query.strip()[:MAX_QUERY_CHARS]
    query_plan = plan(query)
    if not query_plan.words:
        return []
    ids = candidates(conn, query_plan)
    if not ids:
        return []
    rows = conn.execute(
        select(search_entries.c.person_ref, search_entries.c.name, search_entries.c.phonetic).where(
            search_entries.c.id.in_(ids)
        )
    ).all()
    quick = quick_scores(query, [row.phonetic for row in rows])
    order = sorted(range(len(rows)), key=lambda i: (-quick[i], i))
    # Ask the visibility rule about the most promising persons only; the rest are never shown.
    promising = list(dict.fromkeys(rows[i].person_ref for i in order))[: 3 * FINAL]
    allowed = visible(conn, promising)
    chosen = [i for i in order if rows[i].person_ref in allowed][:FINAL]
    model = scores(query, [rows[i].name for i in chosen])
    by_person: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for i, full in zip(chosen, model, strict=True):
        # The names model is fitted to tell two records apart and is strict about typos;
        # a family's misspelt query should still find the name, a little lower.
        by_person[rows[i].person_ref].append((max(full, TYPO_WEIGHT * quick[i]), rows[i].name))
    spellings: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.person_ref in by_person:
            spellings[row.person_ref].append(row.name)
    script = detect_script(query)
    hits = []
    for person_ref, scored in by_person.items():
        # Among equally good spellings, show the one in the script the visitor typed.
        scored.sort(key=lambda item: (-item[0], detect_script(item[1]) != script, item[1]))
        best_score, best_name = scored[0]
        if best_score < min_score:
            continue
        others = tuple(dict.fromkeys(n for n in spellings[person_ref] if n != best_name))
        hits.append(SearchHit(person_ref, best_name, others, round(best_score, 4)))
    hits.sort(key=lambda h: (-h.score, h.name, h.person_ref))
    return hits[:limit]

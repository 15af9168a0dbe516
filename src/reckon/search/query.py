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

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection

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


def _raw(conn: Connection, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` through the driver's own cursor.

    Search is latency-bound and its statements carry long, variable parameter
    lists: SQLAlchemy would compile and cache a new statement for every length
    and build a Row per result, which cost more than the lookups themselves.
    """
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql.replace("?", mark), params)
        rows = cast("list[tuple[Any, ...]]", cursor.fetchall())
    finally:
        cursor.close()
    return rows


def _marks(n: int) -> str:
    return ", ".join(["?"] * n)


def _counts(conn: Connection, keys: Iterable[str]) -> dict[str, int]:
    wanted = list(keys)
    sql = (
        f"SELECT key, n FROM {search_key_counts.name} "  # noqa: S608 - placeholders only
        f"WHERE key IN ({_marks(len(wanted))})"
    )
    return {str(key): int(n) for key, n in _raw(conn, sql, wanted)}


def _choose(
    query_plan: QueryPlan, counts: dict[str, int], max_postings: int, limit: int
) -> list[str]:
    """The keys to read, rarest first, within the budget of ``max_postings`` entry ids.

    First the exact keys that cover every word of the query (a full pair or a
    joined name), which are few and precise. If one of them alone gives
    ``limit`` entries there is no need for more; otherwise every other key,
    rarest first, and only the rare ones (a quarter of the budget) when whole-name
    matches exist, to recover misspelt names.
    """
    everything = frozenset(range(len(query_plan.words)))
    full = sorted(
        (k for k in query_plan.exact if counts.get(k, 0) and query_plan.exact[k] == everything),
        key=lambda k: counts[k],
    )
    rest = sorted(
        (k for k in query_plan.all_keys if counts.get(k, 0) and k not in full),
        key=lambda k: (k not in query_plan.exact, counts[k]),
    )
    budget = max_postings
    chosen: list[str] = []
    for key in full:
        if counts[key] <= budget:
            chosen.append(key)
            budget -= counts[key]
    if chosen and max(counts[k] for k in chosen) >= limit:
        return chosen
    if chosen:
        budget = min(budget, max_postings // 4)
    for key in rest:
        if counts[key] <= budget:
            chosen.append(key)
            budget -= counts[key]
    return chosen


def candidates(
    conn: Connection,
    query_plan: QueryPlan,
    max_postings: int = MAX_POSTINGS,
    limit: int = CANDIDATES,
) -> list[int]:
    """Entry ids worth scoring, best first: most query words matched, then most matched exactly.

    The database reads the chosen keys' postings, groups them by entry and
    ranks the entries, so that only the best ``limit`` ids come back (a common
    name's thousands of postings never reach Python).
    """
    counts = _counts(conn, query_plan.all_keys)
    chosen = _choose(query_plan, counts, max_postings, limit)
    if not chosen:
        return []
    keys = query_plan.all_keys
    # One column per query word: whether any chosen key (or any exact key) covering it matched.
    columns: list[list[str]] = [[], []]
    column_params: list[list[str]] = [[], []]
    for word in range(len(query_plan.words)):
        covering = [k for k in chosen if word in keys[k]]
        exactly = [k for k in covering if k in query_plan.exact]
        for n, group in enumerate((covering, exactly)):
            if group:
                columns[n].append(f"MAX(CASE WHEN key IN ({_marks(len(group))}) THEN 1 ELSE 0 END)")
                column_params[n].extend(group)
    any_word, exact_word = columns
    # Parameters in the order of the statement's text: the WHERE list, then ORDER BY's.
    params: list[Any] = [*chosen, *column_params[0], *column_params[1]]
    # (A bare number in ORDER BY would name a column: only expressions go there.)
    order = [f"({' + '.join(terms)}) DESC" for terms in (any_word, exact_word) if terms]
    sql = (
        f"SELECT entry_id FROM {search_keys.name} "  # noqa: S608 - placeholders only
        f"WHERE key IN ({_marks(len(chosen))}) GROUP BY entry_id "
        f"ORDER BY {', '.join([*order, 'entry_id'])} LIMIT {int(limit)}"
    )
    return [int(row[0]) for row in _raw(conn, sql, params)]


def _entries(conn: Connection, ids: list[int]) -> list[tuple[str, str, str]]:
    sql = (
        f"SELECT person_ref, name, phonetic FROM {search_entries.name} "  # noqa: S608
        f"WHERE id IN ({_marks(len(ids))}) ORDER BY id"
    )
    return [(str(a), str(b), str(c)) for a, b, c in _raw(conn, sql, list(ids))]


def _visible_best(
    conn: Connection, visible: Visible, rows: list[tuple[str, str, str]], order: list[int]
) -> list[int]:
    """The best ``FINAL`` rows (in ``order``) whose persons ``visible`` lets through.

    The visibility rule is asked about the most promising persons only, a few
    more than needed first, and about the next ones only if too many of those
    are hidden; the rest are never shown.
    """
    persons = list(dict.fromkeys(rows[i][0] for i in order))
    allowed: set[str] = set()
    asked = 0
    for size in (FINAL + 5, 3 * FINAL):
        if asked >= len(persons):
            break
        allowed |= visible(conn, persons[asked:size])
        asked = size
        chosen = [i for i in order if rows[i][0] in allowed][:FINAL]
        if len(chosen) >= FINAL:
            return chosen
    return [i for i in order if rows[i][0] in allowed][:FINAL]


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
    rows = _entries(conn, ids)
    quick = quick_scores(query, [phonetic for _, _, phonetic in rows])
    order = sorted(range(len(rows)), key=lambda i: (-quick[i], i))
    chosen = _visible_best(conn, visible, rows, order)
    # The names model costs most for names it has not seen: score each distinct name once.
    names = list(dict.fromkeys(rows[i][1] for i in chosen))
    model = dict(zip(names, scores(query, names), strict=True))
    by_person: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for i in chosen:
        ref, name, _ = rows[i]
        # The names model is fitted to tell two records apart and is strict about typos;
        # a family's misspelt query should still find the name, a little lower.
        by_person[ref].append((max(model[name], TYPO_WEIGHT * quick[i]), name))
    spellings: dict[str, list[str]] = defaultdict(list)
    for ref, name, _ in rows:
        if ref in by_person:
            spellings[ref].append(name)
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

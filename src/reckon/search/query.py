"""Answer a name query from the index: rarest keys first, then re-rank by name similarity.

1. `reckon.search.keys.plan` turns the query into exact keys (words, joined
   words, word pairs) and fuzzy keys (one consonant wrong), hashed under the
   index key as the index stores them (`reckon.search.seal`).
2. The keys' entry counts are read from ``search_key_counts``; keys are read
   rarest first until ``max_postings`` entry ids have been read, so that a
   query for a common name costs the same as one for a rare name: its word
   pairs are rare even when its words are not.
3. Candidates are ordered by how many query words they matched (exact before
   fuzzy) and the best ``candidates`` are kept.
4. Only persons the visibility rule lets through are kept
   (`reckon.publish.visibility`); the rest are never scored.
5. The candidates' names are opened (only these ~200 are decrypted), the
   remaining names are ordered by a quick phonetic comparison, and the
   best ``FINAL`` are scored against the query with `reckon.names`
   similarity; a person's score is that of their best-matching spelling.
6. References that name one person (a list person ``P<n>`` and the named
   person ``N<id>`` a coder tied to it) are one hit: ``tied`` is asked once
   about the references left, and each group of tied hits becomes one, under
   its list person when there is one, with every spelling of the group and
   the best score of its spellings. Only references that ``visible`` let
   through are merged, so a hidden reference never surfaces through its tie.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from reckon.names.script import detect_script
from reckon.search.driver import marks, raw
from reckon.search.keys import K, QueryPlan, plan
from reckon.search.seal import IndexKey, index_key
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
# The accepted ties among some references, one set per tie (`reckon.claims.identity.tied_groups`).
Tied = Callable[[Connection, list[str]], list[set[str]]]


@dataclass(frozen=True)
class SearchHit:
    """One person found: the best-matching spelling, the others seen, and the score."""

    person_ref: str
    name: str
    other_names: tuple[str, ...]
    score: float


def _counts(conn: Connection, keys: Iterable[bytes]) -> dict[bytes, int]:
    wanted = list(keys)
    sql = (
        f"SELECT key, n FROM {search_key_counts.name} "  # noqa: S608 - placeholders only
        f"WHERE key IN ({marks(len(wanted))})"
    )
    return {bytes(key): int(n) for key, n in raw(conn, sql, wanted)}


def _choose(
    query_plan: QueryPlan[K], counts: dict[K, int], max_postings: int, limit: int
) -> list[K]:
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
    chosen: list[K] = []
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
    query_plan: QueryPlan[bytes],
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
    column_params: list[list[bytes]] = [[], []]
    for word in range(len(query_plan.words)):
        covering = [k for k in chosen if word in keys[k]]
        exactly = [k for k in covering if k in query_plan.exact]
        for n, group in enumerate((covering, exactly)):
            if group:
                columns[n].append(f"MAX(CASE WHEN key IN ({marks(len(group))}) THEN 1 ELSE 0 END)")
                column_params[n].extend(group)
    any_word, exact_word = columns
    # Parameters in the order of the statement's text: the WHERE list, then ORDER BY's.
    params: list[Any] = [*chosen, *column_params[0], *column_params[1]]
    # (A bare number in ORDER BY would name a column: only expressions go there.)
    order = [f"({' + '.join(terms)}) DESC" for terms in (any_word, exact_word) if terms]
    sql = (
        f"SELECT entry_id FROM {search_keys.name} "  # noqa: S608 - placeholders only
        f"WHERE key IN ({marks(len(chosen))}) GROUP BY entry_id "
        f"ORDER BY {', '.join([*order, 'entry_id'])} LIMIT {int(limit)}"
    )
    return [int(row[0]) for row in raw(conn, sql, params)]


def _entries(conn: Connection, key: IndexKey, ids: list[int]) -> list[tuple[str, str, str]]:
    """Person, name and phonetic key of each entry, opened with the index key, by id."""
    sql = (
        f"SELECT id, person_ref, sealed FROM {search_entries.name} "  # noqa: S608
        f"WHERE id IN ({marks(len(ids))}) ORDER BY id"
    )
    out = []
    for entry_id, ref, sealed in raw(conn, sql, list(ids)):
        name, phonetic = key.open(int(entry_id), bytes(sealed))
        out.append((str(ref), name, phonetic))
    return out


def lookup_plan(conn: Connection, query: str) -> QueryPlan[bytes] | None:
    """The keys to read for ``query``, as the index stores them; None if there is no index."""
    key = index_key(conn)
    return None if key is None else plan(query).mapped(key.digest)


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


def _ref_order(ref: str) -> tuple[int, int, str]:
    """List persons first, then unlinked records, then named persons; the oldest first."""
    rank = {"P": 0, "R": 1, "N": 2}.get(ref[:1], 3)
    return (rank, int(ref[1:]) if ref[1:].isdigit() else 0, ref)


def canonical_refs(conn: Connection, refs: list[str], tied: Tied | None) -> dict[str, str]:
    """Each of ``refs`` -> the reference its hit is shown under (itself unless tied to another).

    One query (``tied``) for all of them, and none when fewer than two could be merged.
    """
    parent = {ref: ref for ref in refs}
    if tied is None or len(refs) < 2:
        return parent

    def root(ref: str) -> str:
        while parent[ref] != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    for group in tied(conn, refs):
        members = sorted((r for r in group if r in parent), key=_ref_order)
        for other in members[1:]:
            a, b = sorted((root(members[0]), root(other)), key=_ref_order)
            parent[b] = a
    return {ref: root(ref) for ref in refs}


def search(
    conn: Connection,
    query: str,
    *,
    visible: Visible,
    tied: Tied | None = None,
    limit: int = 20,
    min_score: float = MIN_SCORE,
) -> list[SearchHit]:
    """The persons whose names best match ``query``, best first, among those ``visible`` allows.

    With ``tied``, the references it ties are one person and one hit (see the module's step 6).
    """
    query = query.strip()[:MAX_QUERY_CHARS]
    query_plan = plan(query)
    if not query_plan.words:
        return []
    key = index_key(conn)
    if key is None:  # no index built yet
        return []
    ids = candidates(conn, query_plan.mapped(key.digest))
    if not ids:
        return []
    rows = _entries(conn, key, ids)
    quick = quick_scores(query, [phonetic for _, _, phonetic in rows])
    order = sorted(range(len(rows)), key=lambda i: (-quick[i], i))
    chosen = _visible_best(conn, visible, rows, order)
    # The names model costs most for names it has not seen: score each distinct name once.
    names = list(dict.fromkeys(rows[i][1] for i in chosen))
    model = dict(zip(names, scores(query, names), strict=True))
    canonical = canonical_refs(conn, list(dict.fromkeys(rows[i][0] for i in chosen)), tied)
    by_person: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for i in chosen:
        name = rows[i][1]
        ref = canonical[rows[i][0]]
        # The names model is fitted to tell two records apart and is strict about typos;
        # a family's misspelt query should still find the name, a little lower.
        by_person[ref].append((max(model[name], TYPO_WEIGHT * quick[i]), name))
    spellings: dict[str, list[str]] = defaultdict(list)
    for ref, name, _ in rows:
        if ref in canonical:
            spellings[canonical[ref]].append(name)
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

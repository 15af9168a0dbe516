"""Which person references name the same person now, so that a withhold follows the person.

A person has several references: the linkage cluster ``P<n>`` (named after its
smallest record, so the name drifts when clusters merge and split), each of its
records ``R<id>``, the ids its cluster had before (``P<r>`` of a record r in
it), and the persons named in claims (``N<id>``) that a coder tied to its
records. A withhold or a shred of any of them must hide every one of them.

Features register an `Expander` in `EXPANDERS` (linkage: clusters and records;
claims: named persons linked to records). `same_person` applies them until
nothing new is found. The direction is the safe one: merging a withheld
record into another cluster withholds that whole cluster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Connection

Expander = Callable[[Connection, str], set[str]]
EXPANDERS: list[Expander] = []
_MAX_ROUNDS = 20  # references of one person form a small connected set


def same_person(conn: Connection, refs: Iterable[str]) -> set[str]:
    """``refs`` and every reference that names the same person as one of them now."""
    from reckon.publish.readers import readers

    readers()  # installed features register their expanders with their readers
    found = {r.strip() for r in refs if r.strip()}
    todo = set(found)
    for _ in range(_MAX_ROUNDS):
        if not todo:
            break
        new: set[str] = set()
        for ref in todo:
            for expand in EXPANDERS:
                new |= expand(conn, ref)
        todo = new - found
        found |= new
    return found

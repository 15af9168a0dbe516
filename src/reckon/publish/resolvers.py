"""The resolvers reckon ships: the facts the rules need about each kind of item.

Persons: a reference of the feature that owns them, by prefix (``P…`` a
linkage cluster, ``N…`` a person named in claims). A feature registers a
resolver for its prefix in `PERSON_RESOLVERS`; a reference no feature claims
is taken as given (a victim's record with nothing more known about it).
Claims, events and involvements are resolved by the claims module's reader
(`reckon.publish.readers.claims`) when it is installed, saved estimates by
`reckon.publish.readers.estimates`.
"""

from __future__ import annotations

from sqlalchemy import Connection

from reckon.errors import InputError
from reckon.publish.items import RESOLVERS, ItemFacts, ItemType, Resolver

PERSON_RESOLVERS: dict[str, Resolver] = {}


def _person(conn: Connection, person_ref: str) -> ItemFacts:
    ref = person_ref.strip()
    if not ref or len(ref) > 80:
        raise InputError(f"'{person_ref}' is not a person reference.")
    for prefix, resolver in PERSON_RESOLVERS.items():
        if ref.startswith(prefix) and ref[len(prefix) :].isdigit():
            return resolver(conn, ref)
    return ItemFacts(ItemType.PERSON, ref, label=f"person {ref}", persons=frozenset({ref}))


RESOLVERS.setdefault(ItemType.PERSON, _person)

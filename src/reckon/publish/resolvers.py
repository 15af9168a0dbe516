"""The resolvers reckon ships: the facts the rules need about each kind of item.

Persons: a person reference of the linkage issue (a person record or a
cluster). Until the linkage tables are in this workspace any reference is
accepted as given; the claims a person is named in decide whether the record
is that of an alleged perpetrator once claims exist.
"""

from __future__ import annotations

from sqlalchemy import Connection

from reckon.errors import InputError
from reckon.publish.items import RESOLVERS, ItemFacts, ItemType


def _person(conn: Connection, person_ref: str) -> ItemFacts:
    ref = person_ref.strip()
    if not ref or len(ref) > 80:
        raise InputError(f"'{person_ref}' is not a person reference.")
    return ItemFacts(ItemType.PERSON, ref, label=f"person {ref}", persons=frozenset({ref}))


RESOLVERS.setdefault(ItemType.PERSON, _person)

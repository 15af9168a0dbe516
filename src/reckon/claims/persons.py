"""Named persons and places: created when first named, found again by their key."""

from __future__ import annotations

from sqlalchemy import Connection, select

from reckon.claims.protect import hashed_key, may_read_confidential
from reckon.claims.sealed import blind, names, seal_name
from reckon.errors import NotFoundError
from reckon.evidence.locker import Locker
from reckon.extract.gazetteer import name_key, place_kind
from reckon.keys import is_sealed_field
from reckon.store.schema import named_persons, places
from reckon.store.types import utcnow
from reckon.store.users import User

PROTECTED_NAME = "(protected name)"


def ensure_person(
    conn: Connection,
    locker: Locker,
    user: User,
    name: str,
    *,
    protected: bool,
    latin: str | None = None,
) -> int:
    """The id of the person this written name stands for, creating them when new.

    A name read from a confidential source first looks for a public person of
    the same name (the link then stays sealed in the claim); only if there is
    none is a protected person created, whose name and key are sealed. The key is
    made from the name's Latin form (``latin``, the transliteration of a Persian
    name), so that مجتبی نظریان and Mojtaba Nazarian are found as one person.
    """
    key = name_key(latin or name)
    found = find_person(conn, key)
    if found is not None:
        return found
    if protected:
        hashed = hashed_key(locker, key)
        row = conn.execute(
            select(named_persons.c.id).where(named_persons.c.name_key == hashed).limit(1)
        ).first()
        if row is not None:
            return int(row.id)
    result = conn.execute(
        named_persons.insert().values(
            # The name is sealed with the person's own key (reckon.claims.sealed), never in clear.
            name="",
            name_key=blind(conn, key) if not protected else hashed_key(locker, key),
            protected=protected,
            created_at=utcnow(),
            created_by=user.id,
        )
    )
    person_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    if protected:
        # Sealed twice: with the data key (reading needs the passphrase and the role), and
        # that token with the person's own key, so that a shred reaches backups too.
        seal_name(conn, person_id, locker.keyring.seal_field(name, _aad(person_id)))
    else:
        seal_name(conn, person_id, name)
        # Once published, a named person has a public page: search must find the name.
        from reckon.search.sync import file_named

        file_named(conn, person_id, name)
    return person_id


def _aad(person_id: int) -> str:
    return f"named_person:{person_id}:name"


def find_person(conn: Connection, key: str) -> int | None:
    """The unprotected named person whose written name has the key ``key`` (`name_key`)."""
    row = conn.execute(
        select(named_persons.c.id)
        .where(named_persons.c.name_key.in_([blind(conn, key), key]))  # key: rows before 0013
        .order_by(named_persons.c.id)
        .limit(1)
    ).first()
    return None if row is None else int(row.id)


def person_name(conn: Connection, locker: Locker, user: User, person_id: int | None) -> str | None:
    """A person's name as the reader may see it (None once shredded)."""
    if person_id is None:
        return None
    row = conn.execute(select(named_persons).where(named_persons.c.id == person_id)).first()
    if row is None:
        raise NotFoundError(
            f"There is no person {person_id}.", hint="List people with 'reckon claims'."
        )
    value = names(conn, [person_id]).get(person_id)
    if value is None or not (row.protected and is_sealed_field(value)):
        return value
    if not may_read_confidential(locker, user):
        return PROTECTED_NAME
    return locker.keyring.open_field(value, _aad(person_id))


def public_people(conn: Connection) -> list[tuple[int, str]]:
    """Every person whose name is not protected (for gazetteers)."""
    ids = conn.execute(
        select(named_persons.c.id).where(named_persons.c.protected.is_(False))
    ).scalars()
    return [(i, name) for i, name in sorted(names(conn, ids).items()) if name]


def ensure_place(conn: Connection, name: str, kind: str | None = None) -> int:
    """The id of a place by its normalised name, creating it when new."""
    row = conn.execute(select(places.c.id).where(places.c.name == name)).first()
    if row is not None:
        return int(row.id)
    result = conn.execute(
        places.insert().values(name=name, kind=kind or place_kind(name), created_at=utcnow())
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def place_name(conn: Connection, place_id: int | None) -> str | None:
    if place_id is None:
        return None
    value = conn.execute(select(places.c.name).where(places.c.id == place_id)).scalar()
    return None if value is None else str(value)

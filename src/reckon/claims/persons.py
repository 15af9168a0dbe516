"""Named persons and places: created when first named, found again by their key.

A named person is found again by name only within the source that names them
(see `ensure_person`); across sources, identity is a decision (`reckon.claims.ties`).
"""

from __future__ import annotations

from sqlalchemy import Connection, select, union

from reckon.claims.protect import hashed_key, may_read_confidential
from reckon.claims.sealed import blind, names, seal_name
from reckon.errors import NotFoundError
from reckon.evidence.locker import Locker
from reckon.extract.gazetteer import name_key, place_kind
from reckon.keys import is_sealed_field
from reckon.store.schema import claims, mentions, named_persons, places
from reckon.store.types import utcnow
from reckon.store.users import User

PROTECTED_NAME = "(protected name)"


def ensure_person(
    conn: Connection,
    locker: Locker,
    user: User,
    name: str,
    *,
    source_id: int,
    protected: bool,
    latin: str | None = None,
) -> int:
    """The id of the person this written name stands for in source ``source_id``.

    Within one source, mentions of one name are one person. A name read in
    another source makes a new person, even when the names are alike: common
    names recur, and two sources' namesakes are one person only when someone
    decides so (`reckon.claims.ties`), never silently by name. The key is made
    from the name's Latin form (``latin``, the transliteration of a Persian
    name), so that مجتبی نظریان and Mojtaba Nazarian in one source are one
    person. A name read from a confidential source makes a protected person,
    whose name is sealed and whose key is a keyed hash of the key and the source
    (nothing readable ties the person to that source).
    """
    key = name_key(latin or name)
    if protected:
        hashed = hashed_key(locker, f"{key}\x00source:{source_id}")
        row = conn.execute(
            select(named_persons.c.id).where(named_persons.c.name_key == hashed).limit(1)
        ).first()
        if row is not None:
            return int(row.id)
    else:
        found = find_person(conn, key, source_id=source_id)
        if found is not None:
            return found
    result = conn.execute(
        named_persons.insert().values(
            # The name is sealed with the person's own key (reckon.claims.sealed), never in clear.
            name="",
            name_key=blind(conn, key) if not protected else hashed,
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


def name_aad(person_id: int) -> str:
    """What a protected person's name token is bound to (to open it with the data key)."""
    return _aad(person_id)


def find_person(conn: Connection, key: str, *, source_id: int | None = None) -> int | None:
    """The first unprotected named person whose written name has the key ``key`` (`name_key`).

    With ``source_id``, only a person that source names (a mention or a claim of
    it): another source's person of the same name may be someone else.
    """
    query = select(named_persons.c.id).where(
        named_persons.c.name_key.in_([blind(conn, key), key])  # key: rows before 0013
    )
    if source_id is not None:
        named_here = union(
            select(mentions.c.person_id).where(
                mentions.c.source_id == source_id, mentions.c.person_id.is_not(None)
            ),
            select(claims.c.victim_id).where(
                claims.c.source_id == source_id, claims.c.victim_id.is_not(None)
            ),
            select(claims.c.perpetrator_id).where(
                claims.c.source_id == source_id, claims.c.perpetrator_id.is_not(None)
            ),
        )
        query = query.where(named_persons.c.id.in_(select(named_here.subquery().c[0])))
    row = conn.execute(query.order_by(named_persons.c.id).limit(1)).first()
    return None if row is None else int(row.id)


def persons_named(conn: Connection, key: str) -> list[int]:
    """Every unprotected named person whose written name has the key ``key``, oldest first.

    Namesakes of different sources stay distinct persons until someone ties them.
    """
    return [
        int(i)
        for i in conn.execute(
            select(named_persons.c.id)
            .where(named_persons.c.name_key.in_([blind(conn, key), key]))
            .order_by(named_persons.c.id)
        ).scalars()
    ]


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

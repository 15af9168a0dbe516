"""A family's requests: withhold a person from every public output, or show a private field.

Withholding is checked at read time by `reckon.publish.visibility`, so a
withheld person vanishes at once from pages, API answers and exports, with
every publication decision kept; lifting the withhold brings them back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from reckon.errors import ConflictError, InputError, NotFoundError
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import field_disclosures, person_withholds, users
from reckon.store.types import utcnow
from reckon.store.users import User

_CHUNK = 500


@dataclass(frozen=True)
class Withhold:
    person_ref: str
    reason: str
    recorded_by: str
    recorded_at: datetime


def _need_reason(reason: str, what: str) -> str:
    if not reason.strip():
        raise InputError(f"{what} needs a reason.", hint="Give one with --reason TEXT.")
    return reason.strip()


def _need_ref(person_ref: str) -> str:
    ref = person_ref.strip()
    if not ref or len(ref) > 80:
        raise InputError(f"'{person_ref}' is not a person reference.")
    return ref


def withhold(conn: Connection, actor: User, person_ref: str, reason: str) -> int:
    """Withhold a person from every public output (for example at the family's request)."""
    actor.require(Permission.PUBLISH)
    ref = _need_ref(person_ref)
    reason = _need_reason(reason, "Withholding a person")
    if withheld_exactly(conn, [ref]):
        raise ConflictError(f"Person {ref} is already withheld.")
    now = utcnow()
    result = conn.execute(
        person_withholds.insert().values(
            person_ref=ref, reason=reason, recorded_by=actor.id, recorded_at=now
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    # The list records the person is made of now stay withheld when a reviewer later
    # splits them off (unmerge): the safe direction, as for withdrawals. They are
    # withheld with the same reason and moment, and lifted with the person.
    records = _records_now(conn, ref) - withheld_exactly(conn, _records_now(conn, ref))
    if records:
        conn.execute(
            person_withholds.insert(),
            [
                {"person_ref": r, "reason": reason, "recorded_by": actor.id, "recorded_at": now}
                for r in sorted(records)
            ],
        )
    audit.record(
        conn, actor, "withheld", "person", ref, {"reason": reason, "records": sorted(records)}
    )
    return int(key[0])


def _records_now(conn: Connection, ref: str) -> set[str]:
    """The list records (``R<id>``) of the person ``ref`` names now, ``ref`` itself left out."""
    from reckon.publish.equivalence import same_person

    return {r for r in same_person(conn, [ref]) if r[:1] == "R" and r[1:].isdigit()} - {ref}


def lift_withhold(conn: Connection, actor: User, person_ref: str, reason: str) -> None:
    """End a withhold (the family agreed); the person's published items show again."""
    actor.require(Permission.PUBLISH)
    ref = _need_ref(person_ref)
    reason = _need_reason(reason, "Lifting a withhold")
    if _shredded(conn, ref):
        # Their claims, events and quotes would come back with their words: a shred is
        # not undone by lifting the withhold it made.
        raise ConflictError(
            f"Person {ref} was shredded: they stay withheld from every public output.",
            hint="A shred cannot be undone.",
        )
    live = person_withholds.c.lifted_at.is_(None)
    lifted = conn.execute(
        select(person_withholds.c.recorded_at, person_withholds.c.recorded_by).where(
            person_withholds.c.person_ref == ref, live
        )
    ).all()
    if not lifted:
        raise NotFoundError(f"Person {ref} is not withheld.")
    now = utcnow()
    conn.execute(
        person_withholds.update()
        .where(person_withholds.c.person_ref == ref, live)
        .values(lifted_by=actor.id, lifted_at=now, lift_reason=reason)
    )
    # The records withheld with the person (same moment and user, see `withhold`).
    for row in lifted:
        conn.execute(
            person_withholds.update()
            .where(
                person_withholds.c.person_ref.like("R%"),
                person_withholds.c.recorded_at == row.recorded_at,
                person_withholds.c.recorded_by == row.recorded_by,
                live,
            )
            .values(lifted_by=actor.id, lifted_at=now, lift_reason=reason)
        )
    audit.record(conn, actor, "withhold-lifted", "person", ref, {"reason": reason})


def _shredded(conn: Connection, ref: str) -> bool:
    """Whether a shred erased the person ``ref`` names (any of their subjects)."""
    from reckon.publish.erasure import subjects_of
    from reckon.store.schema import person_keys

    subjects = subjects_of(conn, ref)
    return (
        conn.execute(
            select(person_keys.c.subject_ref).where(
                person_keys.c.subject_ref.in_(subjects), person_keys.c.shredded_at.is_not(None)
            )
        ).first()
        is not None
    )


def withheld_among(conn: Connection, person_refs: Iterable[str]) -> set[str]:
    """Those of ``person_refs`` that are withheld now, directly or as the same person as a
    withheld reference (`reckon.publish.equivalence`: a merged cluster, a linked named person)."""
    return set(person_refs) & withheld_refs(conn)


def withheld_refs(conn: Connection) -> set[str]:
    """Every person reference that a withhold in force covers now."""
    from reckon.publish.equivalence import same_person

    direct = conn.execute(
        select(person_withholds.c.person_ref).where(person_withholds.c.lifted_at.is_(None))
    ).scalars()
    return same_person(conn, [str(r) for r in direct])


def withheld_exactly(conn: Connection, person_refs: Iterable[str]) -> set[str]:
    wanted = sorted(set(person_refs))
    found: set[str] = set()
    for start in range(0, len(wanted), _CHUNK):
        found.update(
            conn.execute(
                select(person_withholds.c.person_ref).where(
                    person_withholds.c.person_ref.in_(wanted[start : start + _CHUNK]),
                    person_withholds.c.lifted_at.is_(None),
                )
            ).scalars()
        )
    return found


def withholds(conn: Connection) -> list[Withhold]:
    """Every withhold in force, oldest first."""
    rows = conn.execute(
        select(person_withholds, users.c.name.label("user_name"))
        .join(users, users.c.id == person_withholds.c.recorded_by)
        .where(person_withholds.c.lifted_at.is_(None))
        .order_by(person_withholds.c.id)
    ).all()
    # The records withheld with a person (see `withhold`) are listed under that person.
    moments = {(r.recorded_at, r.recorded_by) for r in rows if not _is_record(r.person_ref)}
    return [
        Withhold(r.person_ref, r.reason, r.user_name, r.recorded_at)
        for r in rows
        if not (_is_record(r.person_ref) and (r.recorded_at, r.recorded_by) in moments)
    ]


def _is_record(ref: str) -> bool:
    return ref[:1] == "R" and ref[1:].isdigit()


def disclose(conn: Connection, actor: User, person_ref: str, field: str, reason: str) -> int:
    """Show one private field of one person publicly, because the family asked for it."""
    from reckon.publish.visibility import DISCLOSABLE_FIELDS

    actor.require(Permission.PUBLISH)
    ref = _need_ref(person_ref)
    reason = _need_reason(reason, "Showing a private field")
    if field not in DISCLOSABLE_FIELDS:
        known = ", ".join(sorted(DISCLOSABLE_FIELDS))
        raise InputError(
            f"'{field}' is not a private field a family can choose to show.",
            hint=f"Use one of: {known}. Witnesses and submitters are never shown.",
        )
    result = conn.execute(
        field_disclosures.insert().values(
            person_ref=ref, field=field, reason=reason, recorded_by=actor.id, recorded_at=utcnow()
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    audit.record(conn, actor, "field-disclosed", "person", ref, {"field": field, "reason": reason})
    return int(key[0])


def revoke_disclosure(conn: Connection, actor: User, person_ref: str, field: str) -> None:
    """Make a disclosed field private again."""
    actor.require(Permission.PUBLISH)
    ref = _need_ref(person_ref)
    result = conn.execute(
        field_disclosures.update()
        .where(
            field_disclosures.c.person_ref == ref,
            field_disclosures.c.field == field,
            field_disclosures.c.revoked_at.is_(None),
        )
        .values(revoked_by=actor.id, revoked_at=utcnow())
    )
    if result.rowcount == 0:
        raise NotFoundError(f"Field {field} of person {ref} is not disclosed.")
    audit.record(conn, actor, "disclosure-revoked", "person", ref, {"field": field})

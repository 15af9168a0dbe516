"""Publish, correct and withdraw items: one transaction each, recorded in the audit log."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from reckon.errors import ConflictError, InputError, NotFoundError
from reckon.publish.items import ItemFacts, ItemType, item_type, resolve
from reckon.publish.rules import Override, Rules, check
from reckon.publish.visibility import not_edited_since
from reckon.publish.withhold import withheld_among
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import publication_persons, publications, users
from reckon.store.types import utcnow
from reckon.store.users import User

LIVE = ("published", "corrected")


@dataclass(frozen=True)
class Publication:
    """One act of publishing an item, and what happened to it since."""

    id: int
    item_type: ItemType
    item_id: str
    status: str
    published_by: str
    published_at: datetime
    note: str | None
    override_reason: str | None
    legal_review: bool
    changed_by: str | None
    changed_at: datetime | None
    change_reason: str | None
    persons: tuple[str, ...]

    @property
    def live(self) -> bool:
        return self.status in LIVE


def _live_ids(conn: Connection, kind: ItemType, item_id: str) -> list[int]:
    return [
        int(v)
        for v in conn.execute(
            select(publications.c.id).where(
                publications.c.item_type == kind.value,
                publications.c.item_id == item_id,
                publications.c.status.in_(LIVE),
                not_edited_since(),
            )
        ).scalars()
    ]


def _current_id(conn: Connection, kind: ItemType, item_id: str) -> int | None:
    found = _live_ids(conn, kind, item_id)
    return max(found) if found else None


def _published(conn: Connection, facts: ItemFacts) -> bool:
    """Whether the item is published already. A linked person is when every record it is
    made of now is covered by a live publication: a cluster that grew by a merge may be
    published again, to cover the records it gained."""
    if facts.item_type is ItemType.PERSON and facts.records:
        from reckon.publish.visibility import covering

        return set(facts.records) <= set(covering(conn, facts.records))
    return _current_id(conn, facts.item_type, facts.item_id) is not None


def _insert(
    conn: Connection,
    actor: User,
    facts: ItemFacts,
    override: Override | None,
    note: str | None,
) -> int:
    result = conn.execute(
        publications.insert().values(
            item_type=facts.item_type.value,
            item_id=facts.item_id,
            status="published",
            published_by=actor.id,
            published_at=utcnow(),
            note=note,
            override_reason=None if override is None else override.reason,
            legal_review=override is not None and override.legal_review,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    pub_id = int(key[0])
    if facts.refs:
        conn.execute(
            publication_persons.insert(),
            [{"publication_id": pub_id, "person_ref": ref} for ref in sorted(facts.refs)],
        )
    detail: dict[str, object] = {
        "publication": pub_id,
        "independent_sources": facts.independent_sources,
    }
    if override is not None:
        detail.update(override_reason=override.reason, legal_review=True)
    if note:
        detail["note"] = note
    audit.record(conn, actor, "published", facts.item_type.value, facts.item_id, detail)
    return pub_id


def publish(
    conn: Connection,
    actor: User,
    kind: ItemType | str,
    item_id: str,
    *,
    rules: Rules | None = None,
    override: Override | None = None,
    note: str | None = None,
) -> int:
    """Publish one item under the rules; returns the publication's id."""
    actor.require(Permission.PUBLISH)
    kind = item_type(kind) if isinstance(kind, str) else kind
    facts = resolve(conn, kind, item_id)
    if _published(conn, facts):
        raise ConflictError(
            f"{kind.value} {facts.item_id} is already published.",
            hint="Use 'reckon publication correct' to change what is shown.",
        )
    check(facts, actor, rules or Rules(), override)
    withheld = withheld_among(conn, facts.refs)
    if withheld:
        raise ConflictError(
            f"{kind.value} {facts.item_id} names a withheld person ({', '.join(sorted(withheld))}).",
            hint="A withheld person stays out of every public output until the withhold is lifted.",
        )
    return _insert(conn, actor, facts, override, note)


def publish_many(
    conn: Connection,
    actor: User,
    kind: ItemType | str,
    item_ids: Iterable[str],
    *,
    note: str | None = None,
) -> list[int]:
    """Publish victims' records (or events, estimates) in bulk; returns the new publications.

    Items already public and persons who are withheld are skipped.

    The whole batch is refused if any item names an alleged perpetrator: those
    are published one at a time with `publish`.
    """
    actor.require(Permission.PUBLISH)
    kind = item_type(kind) if isinstance(kind, str) else kind
    rules = Rules()
    batch = []
    for item_id in dict.fromkeys(item_ids):
        facts = resolve(conn, kind, item_id)
        check(facts, actor, rules, bulk=True)
        if withheld_among(conn, facts.refs):
            continue  # a family asked: never published, not even hidden
        if not _published(conn, facts):
            batch.append(facts)
    return [_insert(conn, actor, facts, None, note) for facts in batch]


def _change(
    conn: Connection, actor: User, kind: ItemType | str, item_id: str, status: str, reason: str
) -> int:
    actor.require(Permission.PUBLISH)
    kind = item_type(kind) if isinstance(kind, str) else kind
    if not reason.strip():
        raise InputError(
            "A correction or withdrawal needs a reason.", hint="Give one with --reason TEXT."
        )
    live = _live_ids(conn, kind, item_id)
    if not live:
        raise NotFoundError(f"{kind.value} {item_id} is not published.")
    pub_id = max(live)
    # Every live publication of the item changes (a grown cluster may have two).
    conn.execute(
        publications.update()
        .where(publications.c.id.in_(live))
        .values(status=status, changed_by=actor.id, changed_at=utcnow(), change_reason=reason)
    )
    action = "withdrawn" if status == "withdrawn" else "corrected"
    audit.record(
        conn, actor, action, kind.value, item_id, {"publication": pub_id, "reason": reason}
    )
    return pub_id


def withdraw(conn: Connection, actor: User, kind: ItemType | str, item_id: str, reason: str) -> int:
    """Take an item off every public output; the decision and its reason stay in the audit log."""
    return _change(conn, actor, kind, item_id, "withdrawn", reason)


def correct(conn: Connection, actor: User, kind: ItemType | str, item_id: str, reason: str) -> int:
    """Mark a published item as corrected (it stays public, with the reason shown beside it)."""
    return _change(conn, actor, kind, item_id, "corrected", reason)


def history(
    conn: Connection, kind: ItemType | str | None = None, item_id: str | None = None
) -> list[Publication]:
    """Every publication (live or withdrawn), oldest first, optionally for one item."""
    publisher = users.alias("publisher")
    changer = users.alias("changer")
    query = (
        select(
            publications,
            publisher.c.name.label("publisher_name"),
            changer.c.name.label("changer_name"),
        )
        .join(publisher, publisher.c.id == publications.c.published_by)
        .outerjoin(changer, changer.c.id == publications.c.changed_by)
        .order_by(publications.c.id)
    )
    if kind is not None:
        kind = item_type(kind) if isinstance(kind, str) else kind
        query = query.where(publications.c.item_type == kind.value)
    if item_id is not None:
        query = query.where(publications.c.item_id == item_id)
    rows = conn.execute(query).all()
    persons: dict[int, list[str]] = {}
    if rows:
        for pid, ref in conn.execute(
            select(publication_persons.c.publication_id, publication_persons.c.person_ref).where(
                publication_persons.c.publication_id.in_([r.id for r in rows])
            )
        ):
            persons.setdefault(int(pid), []).append(str(ref))
    return [
        Publication(
            id=row.id,
            item_type=ItemType(row.item_type),
            item_id=row.item_id,
            status=row.status,
            published_by=row.publisher_name,
            published_at=row.published_at,
            note=row.note,
            override_reason=row.override_reason,
            legal_review=bool(row.legal_review),
            changed_by=row.changer_name,
            changed_at=row.changed_at,
            change_reason=row.change_reason,
            persons=tuple(sorted(persons.get(row.id, []))),
        )
        for row in rows
    ]

"""The publication queue: what an editor could publish now, and what is public already.

For each kind of item (accepted claims, events, involvements, person records)
the queue lists the items that are not public, each with the answer the
publication rules would give *this* editor now (`refusal`: None when it may be
published), and the items that are public, with their publication. The rules
themselves stay in `reckon.publish.rules`; this module only asks them ahead of
time, so that a page can say why before anyone clicks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from reckon.errors import ReckonError
from reckon.publish.items import PROTECTED_ROLES, ItemFacts, ItemType, resolve
from reckon.publish.records import Publication, history
from reckon.publish.rules import Override, Rules, check
from reckon.publish.visibility import LIVE, not_edited_since
from reckon.publish.withhold import withheld_among
from reckon.roles import Permission
from reckon.store.schema import (
    claims,
    events,
    involvements,
    named_persons,
    person_members,
    publications,
)
from reckon.store.users import User

QUEUE_TYPES = (ItemType.CLAIM, ItemType.EVENT, ItemType.INVOLVEMENT, ItemType.PERSON)


@dataclass(frozen=True)
class QueueEntry:
    """One item not yet public, and what the rules would say if ``actor`` published it now."""

    facts: ItemFacts
    refusal: str | None
    # True when only an override (a written reason and legal review) would let it through.
    needs_override: bool = False


@dataclass(frozen=True)
class PublicationQueue:
    item_type: ItemType
    waiting: tuple[QueueEntry, ...]
    waiting_total: int
    public: tuple[Publication, ...]


def candidates(conn: Connection, kind: ItemType) -> list[str]:
    """Ids of every item of ``kind`` that could ever be published (in id order)."""
    if kind is ItemType.CLAIM:
        rows = conn.execute(
            select(claims.c.id).where(claims.c.status == "accepted").order_by(claims.c.id)
        )
        return [str(i) for i in rows.scalars()]
    if kind is ItemType.EVENT:
        return [str(i) for i in conn.execute(select(events.c.id).order_by(events.c.id)).scalars()]
    if kind is ItemType.INVOLVEMENT:
        rows = conn.execute(
            select(involvements.c.id)
            .where(involvements.c.role.not_in(sorted(PROTECTED_ROLES)))
            .order_by(involvements.c.id)
        )
        return [str(i) for i in rows.scalars()]
    if kind is ItemType.PERSON:
        named = conn.execute(
            select(named_persons.c.id)
            .where(named_persons.c.protected.is_(False))
            .order_by(named_persons.c.id)
        ).scalars()
        clusters = conn.execute(select(person_members.c.person_id).distinct()).scalars()
        linked = sorted((str(p) for p in clusters), key=lambda p: (len(p), p))
        return [f"N{i}" for i in named] + linked
    return []


def _refusal(facts: ItemFacts, actor: User, rules: Rules, override: Override | None) -> str | None:
    try:
        check(facts, actor, rules, override)
    except ReckonError as exc:
        return str(exc)
    return None


def entry(conn: Connection, facts: ItemFacts, actor: User, rules: Rules) -> QueueEntry:
    """What the rules would say if ``actor`` published the item now, in their own words."""
    if withheld_among(conn, facts.persons):
        return QueueEntry(
            facts, f"{facts.label} names a person withheld at their family's request."
        )
    refused = _refusal(facts, actor, rules, None)
    if refused is None:
        return QueueEntry(facts, None)
    # Would an override pass? Asked of the rules with a stand-in, never stored.
    probe = Override("(asking whether an override would pass)", legal_review=True)
    return QueueEntry(facts, refused, needs_override=_refusal(facts, actor, rules, probe) is None)


def publication_queue(
    conn: Connection, actor: User, kind: ItemType, rules: Rules | None = None, limit: int = 100
) -> PublicationQueue:
    """The items of ``kind`` waiting for publication (at most ``limit``) and those public now."""
    actor.require(Permission.PUBLISH)
    rules = rules or Rules()
    # A live publication counts only while it holds for its row: one of an event deleted
    # when its claims were rejected, or of a claim edited since, is public nowhere
    # (`visibility.not_edited_since`), and the item, if it exists, waits again.
    holding = set(
        conn.execute(
            select(publications.c.id).where(
                publications.c.item_type == kind.value,
                publications.c.status.in_(LIVE),
                not_edited_since(),
            )
        ).scalars()
    )
    published = [p for p in history(conn, kind) if p.live and p.id in holding]
    live = {p.item_id for p in published}
    waiting_ids = [i for i in candidates(conn, kind) if i not in live]
    entries = []
    for item_id in waiting_ids[:limit]:
        facts = resolve(conn, kind, item_id)
        if facts.protected:
            continue  # never published: not offered, not even as refused
        entries.append(entry(conn, facts, actor, rules))
    return PublicationQueue(kind, tuple(entries), len(waiting_ids), tuple(published))

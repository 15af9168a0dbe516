"""Seal what earlier versions kept in clear of a person, so that `reckon shred` reaches it.

Data only, no change of tables. Each value moves into ``person_data`` under the
key of its subject (`reckon.publish.erasure`), and its column is emptied:

- what a list says of a person's affiliation (``list_claims.value``), under the
  record's key ``R<id>`` (`reckon.link.identity`);
- a named person's name (``named_persons.name``, its ``name_key`` becoming a
  keyed hash; a protected person's data-key token as it is), the words of the
  mentions naming them, under ``N<id>``;
  event titles name their victim by reference; a document's word on a
  person's affiliation (``claims.detail``) under ``C<claim id>``; link proposals'
  evidence loses the names it compared (`reckon.claims.sealed`).

A value whose subject was shredded already is only emptied. The migration needs
the workspace's ``keys/`` when there is something to seal (it runs when the
workspace is opened).

Revision ID: 0013_sealed_personal_data
Revises: 0012_search_sealed
"""

from __future__ import annotations

import json
import re
from typing import Any

from alembic import op
from sqlalchemy import Connection, select, update

revision = "0013_sealed_personal_data"
down_revision = "0012_search_sealed"
branch_labels = None
depends_on = None

_TITLE_REF = re.compile(r"^[a-z_]+:(\d+)$")


def _vault(conn: Connection) -> Any:
    from reckon.publish.erasure import vault_for

    return vault_for(conn)


def _shredded(conn: Connection, subject: str) -> bool:
    from reckon.store.schema import person_keys

    value = conn.execute(
        select(person_keys.c.shredded_at).where(person_keys.c.subject_ref == subject)
    ).first()
    return value is not None and value.shredded_at is not None


def _put(conn: Connection, subject: str, field: str, value: str) -> None:
    if not _shredded(conn, subject):
        _vault(conn).put(conn, subject, field, value)


def upgrade() -> None:
    from reckon.claims import sealed
    from reckon.link import identity
    from reckon.store.schema import (
        claims,
        events,
        list_claims,
        mentions,
        named_persons,
        person_links,
        sources,
    )

    conn = op.get_bind()
    for row in conn.execute(
        select(list_claims.c.id, list_claims.c.record_id, list_claims.c.value).where(
            list_claims.c.kind.in_(identity.SEALED_CLAIM_KINDS), list_claims.c.value.is_not(None)
        )
    ).all():
        _put(conn, identity.subject(row.record_id), identity.claim_field(row.id), row.value)
        conn.execute(update(list_claims).where(list_claims.c.id == row.id).values(value=None))
    for row in conn.execute(select(named_persons)).all():
        values: dict[str, Any] = {}
        if row.name:  # a protected person's: the data key's token, sealed again
            _put(conn, sealed.subject(row.id), sealed.NAME, str(row.name))
            values["name"] = ""
        if not row.protected and not str(row.name_key).startswith(
            (sealed.BLIND_PREFIX, sealed.SHREDDED_KEY)
        ):
            values["name_key"] = sealed.blind(conn, str(row.name_key))
        if values:
            conn.execute(update(named_persons).where(named_persons.c.id == row.id).values(**values))
    for mention in conn.execute(
        select(mentions.c.id, mentions.c.person_id, mentions.c.text, mentions.c.normalized).where(
            mentions.c.person_id.is_not(None), mentions.c.sealed.is_(None), mentions.c.text != ""
        )
    ).all():
        value = json.dumps(
            {"text": mention.text, "normalized": mention.normalized}, ensure_ascii=False
        )
        _put(conn, sealed.subject(mention.person_id), f"{sealed.MENTION}{mention.id}", value)
        conn.execute(
            update(mentions).where(mentions.c.id == mention.id).values(text="", normalized=None)
        )
    for event in conn.execute(select(events.c.id, events.c.kind, events.c.key)).all():
        found = _TITLE_REF.match(str(event.key))
        if event.kind != "commission" and found:
            title = sealed.title_template(str(event.kind), int(found.group(1)))
            conn.execute(update(events).where(events.c.id == event.id).values(title=title))
    for claim in conn.execute(
        select(claims.c.id, claims.c.detail)
        .join(sources, sources.c.id == claims.c.source_id)
        .where(
            claims.c.kind.in_(sealed.PRIVATE_DETAIL_KINDS),
            claims.c.detail.is_not(None),
            sources.c.confidential.is_(False),
        )
    ).all():
        _put(conn, sealed.claim_subject(claim.id), sealed.DETAIL, str(claim.detail))
        conn.execute(update(claims).where(claims.c.id == claim.id).values(detail=None))
    for link in conn.execute(
        select(person_links.c.id, person_links.c.evidence).where(
            person_links.c.evidence.is_not(None)
        )
    ).all():
        conn.execute(
            update(person_links)
            .where(person_links.c.id == link.id)
            .values(evidence=sealed.strip_evidence(link.evidence))
        )


def downgrade() -> None:
    """Put the sealed values back in clear (what a shred erased stays erased)."""
    from reckon.claims import sealed
    from reckon.link import identity
    from reckon.store.schema import claims, events, list_claims, mentions, named_persons

    conn = op.get_bind()
    rows = conn.execute(
        select(list_claims).where(
            list_claims.c.kind.in_(identity.SEALED_CLAIM_KINDS), list_claims.c.value.is_(None)
        )
    ).all()
    for row in identity.open_claims(conn, rows):
        if row.value is not None:
            conn.execute(
                update(list_claims).where(list_claims.c.id == row.id).values(value=row.value)
            )
    people = conn.execute(
        select(named_persons.c.id, named_persons.c.protected).where(named_persons.c.name == "")
    ).all()
    protected = {int(p.id) for p in people if p.protected}
    from reckon.extract.gazetteer import name_key
    from reckon.extract.mentions import normalize_person

    for person_id, name in sealed.names(conn, [int(p.id) for p in people]).items():
        if name and person_id in protected:
            conn.execute(
                update(named_persons).where(named_persons.c.id == person_id).values(name=name)
            )
        elif name:
            # The key as reckon.claims.persons.ensure_person made it before 0013.
            key = name_key(normalize_person(name) or name)
            conn.execute(
                update(named_persons)
                .where(named_persons.c.id == person_id)
                .values(name=name, name_key=key)
            )
    persons = conn.execute(
        select(mentions.c.person_id)
        .where(mentions.c.person_id.is_not(None), mentions.c.text == "")
        .distinct()
    ).scalars()
    for person_id in list(persons):
        for mention_id, text in sealed.mention_texts(conn, int(person_id)).items():
            conn.execute(update(mentions).where(mentions.c.id == mention_id).values(text=text))
    for row in conn.execute(select(events.c.id, events.c.title)).all():
        title = sealed.event_title(conn, str(row.title))
        if title != row.title:
            conn.execute(update(events).where(events.c.id == row.id).values(title=title))
    rows = conn.execute(
        select(claims.c.id, claims.c.kind, claims.c.detail).where(
            claims.c.kind.in_(sealed.PRIVATE_DETAIL_KINDS), claims.c.detail.is_(None)
        )
    ).all()
    for claim_id, detail in sealed.open_details(conn, rows).items():
        if detail is not None:
            conn.execute(update(claims).where(claims.c.id == claim_id).values(detail=detail))

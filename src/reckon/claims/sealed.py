"""What the claims module keeps of a named person, sealed with that person's key so `shred` erases it.

A person named in documents (``N<id>``) is an erasure subject like a list's
record (`reckon.publish.erasure`): every copy the claims module keeps of
their name, or of other personal data, is sealed in ``person_data`` under a
key of that person alone, and the plaintext columns hold nothing readable:

- ``named_persons.name`` is empty; the name is the field ``name`` of ``N<id>``.
  ``named_persons.name_key`` (to find the same written name again) is a keyed
  hash (`blind`): HMAC-SHA256 under a key derived from the workspace's signing
  key, which lives in ``keys/``, never in the database.
- ``mentions.text`` and ``mentions.normalized`` of a mention naming the person
  are empty; they are the field ``mention:<id>`` (JSON) of ``N<id>``.
- ``events.title`` names its victim by reference (``Execution of {N5}``), and
  `event_title` fills the name in when it is read.
- ``claims.detail`` of an affiliation claim (the organisation a document ties
  the person to, a private field) is the field ``detail`` of the claim's own
  subject ``C<claim id>``, so that a later edit of the claim's victim keeps it;
  a shred of the victim reaches it (`subjects`).

A person first named by a confidential source (protected) has their name
sealed twice: an ``enc1:`` token of the passphrase's data key (reading needs
the passphrase and a role allowed to), kept as the field ``name`` of ``N<id>``.
Mentions and claim parties in confidential sources, and witness records, stay
sealed with the data key only: tying them to the person's subject in clear
would show that the person is named in a confidential source.

Rows written before this sealing hold the plaintext and read as stored;
migration 0013 seals them, and a shred overwrites them in the live store.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from weakref import WeakKeyDictionary

from cryptography.hazmat.primitives import serialization
from sqlalchemy import Connection, Engine, select, update

from reckon.store.schema import claims, events, mentions, named_persons, person_links, witnesses

PREFIX = "N"
CLAIM_PREFIX = "C"
NAME = "name"
MENTION = "mention:"
DETAIL = "detail"
BLIND_PREFIX = "b:"
SHREDDED_KEY = "shredded:"
#: Claim kinds whose ``detail`` is personal data of the victim (sealed).
PRIVATE_DETAIL_KINDS = ("affiliation",)
ERASED = "(erased)"
_REF = re.compile(r"\{N(\d+)\}")
_CHUNK = 500
_BLIND_KEYS: WeakKeyDictionary[Engine, bytes] = WeakKeyDictionary()


def subject(person_id: int | str) -> str:
    """The erasure subject of a named person."""
    return f"{PREFIX}{int(person_id)}"


def claim_subject(claim_id: int | str) -> str:
    """The erasure subject of one claim's private detail."""
    return f"{CLAIM_PREFIX}{int(claim_id)}"


def person_ids(subjects: Iterable[str]) -> list[int]:
    return [int(s[1:]) for s in subjects if s.startswith(PREFIX) and s[1:].isdigit()]


def _vault(conn: Connection) -> Any:
    from reckon.publish.erasure import vault_for

    return vault_for(conn)


def blind(conn: Connection, key: str) -> str:
    """A keyed hash of a name key: equal names give equal hashes, and only with ``keys/``.

    The HMAC key is derived from the workspace's signing key (in ``keys/``, not in
    the database, needing no passphrase, the same in every folder of a team), so a
    copy of the database alone cannot test guessed names.
    """
    secret = _BLIND_KEYS.get(conn.engine)
    if secret is None:
        raw = _vault(conn).keyring.signing_key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        secret = hmac.new(raw, b"reckon named-person name keys", hashlib.sha256).digest()
        _BLIND_KEYS[conn.engine] = secret
    return BLIND_PREFIX + hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()


def seal_name(conn: Connection, person_id: int, name: str) -> None:
    _vault(conn).put(conn, subject(person_id), NAME, name)


def names(conn: Connection, ids: Iterable[int]) -> dict[int, str | None]:
    """The names of named persons: as stored when in clear, else opened with their key.

    A shredded person's name is None; a protected person's name is its ``enc1:``
    token, for `reckon.claims.persons.person_name` to open as the reader may.
    """
    wanted = sorted(set(ids))
    out: dict[int, str | None] = {}
    sealed: list[int] = []
    for start in range(0, len(wanted), _CHUNK):
        for row in conn.execute(
            select(named_persons.c.id, named_persons.c.name).where(
                named_persons.c.id.in_(wanted[start : start + _CHUNK])
            )
        ):
            if row.name:
                out[int(row.id)] = str(row.name)
            else:
                sealed.append(int(row.id))
    if sealed:
        opened = _vault(conn).open_many(conn, [subject(i) for i in sealed])
        for person_id in sealed:
            out[person_id] = opened.get(subject(person_id), {}).get(NAME)
    return out


def seal_mention(
    conn: Connection, mention_id: int, person_id: int, text: str, normalized: str | None
) -> None:
    value = json.dumps({"text": text, "normalized": normalized}, ensure_ascii=False)
    _vault(conn).put(conn, subject(person_id), f"{MENTION}{mention_id}", value)


def mention_texts(conn: Connection, person_id: int) -> dict[int, str]:
    """mention id -> the text of every unsealed-by-data-key mention of the person."""
    out: dict[int, str] = {}
    sealed = False
    for row in conn.execute(
        select(mentions.c.id, mentions.c.text)
        .where(mentions.c.person_id == person_id, mentions.c.sealed.is_(None))
        .order_by(mentions.c.id)
    ):
        if row.text:
            out[int(row.id)] = str(row.text)
        else:
            sealed = True
            out[int(row.id)] = ""
    if sealed:
        fields = _vault(conn).open_many(conn, [subject(person_id)]).get(subject(person_id), {})
        for mention_id, text in out.items():
            if not text and (found := fields.get(f"{MENTION}{mention_id}")) is not None:
                out[mention_id] = str(json.loads(found).get("text") or "")
    return {k: v for k, v in out.items() if v}


def seal_detail(conn: Connection, claim_id: int, detail: str) -> None:
    _vault(conn).put(conn, claim_subject(claim_id), DETAIL, detail)


def open_details(conn: Connection, rows: Iterable[Any]) -> dict[int, str | None]:
    """claim id -> the claim's detail, opened where sealed (``rows`` of claims)."""
    out: dict[int, str | None] = {}
    sealed = []
    for row in rows:
        if row.detail is None and row.kind in PRIVATE_DETAIL_KINDS:
            sealed.append(int(row.id))
        out[int(row.id)] = row.detail
    if sealed:
        opened = _vault(conn).open_many(conn, [claim_subject(i) for i in sealed])
        for claim_id in sealed:
            out[claim_id] = opened.get(claim_subject(claim_id), {}).get(DETAIL)
    return out


def title_template(kind: str, person_id: int) -> str:
    """An event's title naming its victim by reference, never by name."""
    return f"{kind.replace('_', ' ').capitalize()} of {{{PREFIX}{person_id}}}"


def event_title(conn: Connection, title: str) -> str:
    """An event's title with its victim's name filled in (``person N5`` if erased)."""
    found = [int(m) for m in _REF.findall(title)]
    if not found:
        return title
    known = names(conn, found)

    def name(match: re.Match[str]) -> str:
        value = known.get(int(match.group(1)))
        return value if value and not value.startswith("enc1:") else f"person N{match.group(1)}"

    return _REF.sub(name, title)


def claim_subjects(conn: Connection, ids: Iterable[int]) -> list[str]:
    """Subjects of the private details of claims about persons ``ids`` (as victim)."""
    wanted = sorted(set(ids))
    if not wanted:
        return []
    found = conn.execute(
        select(claims.c.id).where(
            claims.c.victim_id.in_(wanted), claims.c.kind.in_(PRIVATE_DETAIL_KINDS)
        )
    ).scalars()
    return [claim_subject(i) for i in found]


def subjects(conn: Connection, ref: str) -> list[str]:
    """The erasure subjects of a named person ``N<id>``: the person and their claims' details."""
    if not (ref.startswith(PREFIX) and ref[1:].isdigit()):
        return []
    return [ref, *claim_subjects(conn, [int(ref[1:])])]


def strip_evidence(evidence: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A link proposal's evidence without the names it compared (kept by reference)."""
    if evidence is None:
        return None
    return {k: v for k, v in evidence.items() if k not in ("name", "record_name")}


def scrub(conn: Connection, erased: list[str]) -> int:
    """Overwrite what a store kept in clear of the shredded named persons (older rows)."""
    ids = person_ids(erased)
    changed = 0
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for person_id in chunk:
            changed += conn.execute(
                update(named_persons)
                .where(named_persons.c.id == person_id)
                .values(name="", name_key=f"{SHREDDED_KEY}{PREFIX}{person_id}")
            ).rowcount
            for row in conn.execute(
                select(events.c.id, events.c.kind).where(
                    events.c.key.like(f"%:{person_id}"), events.c.kind != "commission"
                )
            ).all():
                changed += conn.execute(
                    update(events)
                    .where(events.c.id == row.id)
                    .values(title=title_template(str(row.kind), person_id))
                ).rowcount
        changed += conn.execute(
            update(mentions)
            .where(mentions.c.person_id.in_(chunk), mentions.c.sealed.is_(None))
            .values(text="", normalized=None)
        ).rowcount
        changed += conn.execute(
            update(claims)
            .where(claims.c.victim_id.in_(chunk), claims.c.kind.in_(PRIVATE_DETAIL_KINDS))
            .values(detail=None)
        ).rowcount
        for row in conn.execute(
            select(person_links.c.id, person_links.c.evidence).where(
                person_links.c.named_person_id.in_(chunk), person_links.c.evidence.is_not(None)
            )
        ).all():
            conn.execute(
                update(person_links)
                .where(person_links.c.id == row.id)
                .values(evidence=strip_evidence(row.evidence))
            )
    return changed + _scrub_confidential(conn, set(ids))


def _scrub_confidential(conn: Connection, ids: set[int]) -> int:
    """With the passphrase at hand, blank the shredded persons' words in what the data key
    seals (mentions in confidential sources, witness records): in the live store only."""
    keyring = _vault(conn).keyring
    if not ids or not keyring.unlocked:
        return 0
    changed = 0
    for row in conn.execute(
        select(mentions.c.id, mentions.c.sealed).where(mentions.c.sealed.is_not(None))
    ).all():
        aad = f"mention:{row.id}"
        data = json.loads(keyring.open_field(row.sealed, aad))
        if data.get("person") in ids and data.get("text"):
            data.update(text="", normalized=None)
            token = keyring.seal_field(json.dumps(data, ensure_ascii=False, sort_keys=True), aad)
            changed += conn.execute(
                update(mentions).where(mentions.c.id == row.id).values(sealed=token)
            ).rowcount
    for row in conn.execute(select(witnesses.c.id, witnesses.c.sealed)).all():
        aad = f"witness:{row.id}"
        data = json.loads(keyring.open_field(row.sealed, aad))
        if data.get("person_id") in ids:
            data.update(dict.fromkeys(("name", "contact", "location", "relation")))
            token = keyring.seal_field(json.dumps(data, ensure_ascii=False, sort_keys=True), aad)
            changed += conn.execute(
                update(witnesses).where(witnesses.c.id == row.id).values(sealed=token)
            ).rowcount
    return changed

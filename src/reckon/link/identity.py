"""The identifying fields of person records, sealed with a key of each record so that they can be erased.

A list names its victims; a family may ask for a name to be erased
(`reckon shred`). So the fields that identify a person (the names, father's
name, birth year and anything else the list had, in ``extra``) are never
stored in clear in ``person_records``: they are kept sealed in
``person_data`` under a key of the record alone (subject ``R<record id>``,
see `reckon.publish.erasure`), and the plaintext columns stay NULL.
Everything that reads records (linkage, review, search, exports) opens them
through `open_rows`; a shredded record reads as having no name.

Kept in clear, because estimation and the public register need them and they
identify nobody on their own: the list and row, the list's own id of the row,
sex, city and prison (strata of the estimates), and the death date.

What a list says of a person's political affiliation (``list_claims.value`` of
an ``affiliation`` claim) is a private field too: it is sealed under the same
record key, as the field ``claim:<list claim id>``, and ``list_claims.value``
stays NULL. Every reader opens it through `open_claims`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, update

from reckon.store.schema import person_records

IDENTIFYING: tuple[str, ...] = (
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "birth_year",
    "birth_lo",
    "birth_hi",
    "extra",
)
FIELD = "record"  # one sealed JSON object per record: one decryption per read
SEALED_CLAIM_KINDS = ("affiliation",)  # list claims whose value is a private field
CLAIM_PREFIX = "claim:"  # a list claim's private value (an affiliation), one field per claim
PREFIX = "R"


def subject(record_id: int | str) -> str:
    """The erasure subject of one person record."""
    return f"{PREFIX}{int(record_id)}"


def record_ids(subjects: Iterable[str]) -> list[int]:
    """The record ids among erasure subjects (``R<n>``)."""
    return [int(s[1:]) for s in subjects if s.startswith(PREFIX) and s[1:].isdigit()]


def cleared() -> dict[str, None]:
    """Column values for an insert: nothing identifying in clear."""
    return dict.fromkeys(IDENTIFYING)


def claim_field(claim_id: int | str) -> str:
    """The sealed field that holds what list claim ``claim_id`` says (an affiliation)."""
    return f"{CLAIM_PREFIX}{int(claim_id)}"


def seal(
    conn: Connection,
    identities: Mapping[int, Mapping[str, Any]],
    claim_values: Mapping[int, Mapping[int, str]] | None = None,
) -> None:
    """Keep the identifying fields of new records, each under a key of its own.

    ``claim_values`` maps a record id to its list claims' private values (claim id
    to value: what the list says of the person's affiliation), sealed beside them.
    """
    from reckon.publish.erasure import vault_for

    data = {}
    for record_id, values in identities.items():
        kept = {k: values[k] for k in IDENTIFYING if values.get(k) not in (None, "", {})}
        fields = {FIELD: json.dumps(kept, ensure_ascii=False)}
        for claim_id, value in (claim_values or {}).get(record_id, {}).items():
            fields[claim_field(claim_id)] = value
        data[subject(record_id)] = fields
    vault_for(conn).put_many(conn, data)


def open_rows(conn: Connection, rows: Sequence[Any]) -> list[Any]:
    """``rows`` of person_records (with ``id``) with their identifying fields opened.

    A record whose key was shredded has them all None. Records stored in clear
    (imported before sealing) read as stored.
    """
    if not rows:
        return []
    from reckon.publish.erasure import vault_for

    opened = vault_for(conn).open_many(conn, [subject(r.id) for r in rows])
    out = []
    for row in rows:
        values = dict(row._mapping)
        sealed = opened.get(subject(row.id))
        if sealed is not None:
            values.update(cleared())
            values.update(json.loads(sealed[FIELD]))
        out.append(SimpleNamespace(**values))
    return out


def open_claims(conn: Connection, rows: Sequence[Any]) -> list[Any]:
    """``rows`` of list_claims (with ``id``, ``record_id``, ``kind``, ``value``) with their values opened.

    The one reader of what a list says of a person's affiliation: exports, public
    pages, person reports and corroboration all read list claims through it. A
    value sealed under a shredded record reads as None; a value stored in clear (a
    store not yet migrated) reads as stored.
    """
    if not rows:
        return []
    from reckon.publish.erasure import vault_for

    sealed = [r for r in rows if r.value is None and r.kind in SEALED_CLAIM_KINDS]
    opened = (
        vault_for(conn).open_many(conn, {subject(r.record_id) for r in sealed}) if sealed else {}
    )
    out = []
    for row in rows:
        values = dict(row._mapping)
        if row.value is None and row.kind in SEALED_CLAIM_KINDS:
            fields = opened.get(subject(row.record_id), {})
            values["value"] = fields.get(claim_field(row.id))
        out.append(SimpleNamespace(**values))
    return out


def scrub(conn: Connection, subjects: list[str]) -> int:
    """Overwrite any plaintext identifying columns of shredded records (older imports)."""
    ids = record_ids(subjects)
    if not ids:
        return 0
    changed = 0
    for start in range(0, len(ids), 500):
        changed += conn.execute(
            update(person_records)
            .where(person_records.c.id.in_(ids[start : start + 500]))
            .values(**cleared())
        ).rowcount
    return changed

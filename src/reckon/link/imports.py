"""Import a victim list into the workspace: person records and the claims each row makes.

An import is all or nothing: every row is validated first and every bad row is
reported with its line number. Each row becomes a person record (the text as
the list wrote it, plus parsed birth-year and death-date intervals) and the
claims its list makes about that person (executed on a date at a place, held at
a prison, belonged to a group), attributed to the list's preserved source.
A new version of a list (``replaces``) is imported beside the old one: the old
version and its review decisions stay, decisions are carried over to the rows
that match, and the import reports what was added, changed and removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select

from reckon.errors import ConflictError, InputError, NotFoundError
from reckon.link import identity
from reckon.link.csvio import csv_rows, read_text, records_from_rows
from reckon.link.dates import calendar_name
from reckon.link.fields import FIELDS, Record
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import (
    link_decisions,
    list_claims,
    person_records,
    sources,
    victim_lists,
)
from reckon.store.types import utcnow
from reckon.store.users import User

# Fields a list column may map to: the record fields, the list's own id, and
# political affiliation (a claim of the list, never a fixed field: sources dispute it).
IMPORT_FIELDS: tuple[str, ...] = ("record_id", *FIELDS, "affiliation")
_COMPARED = ("full_name", "given_name", "surname", "father_name", "sex", "birth_year", "city")


@dataclass
class ImportResult:
    """What an import stored and, for a new version, how it differs from the old one."""

    list_id: int
    name: str
    version: int
    n_records: int
    n_claims: int
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    carried_decisions: int = 0


def parse_map(items: list[str]) -> dict[str, str]:
    """``column=field`` options as a mapping from the file's column to a field."""
    mapping: dict[str, str] = {}
    for item in items:
        column, sep, target = item.rpartition("=")
        column, target = column.strip(), target.strip()
        if not sep or not column or not target:
            raise InputError(f"--map '{item}' is not COLUMN=FIELD.")
        if target not in IMPORT_FIELDS:
            raise InputError(
                f"--map '{item}': '{target}' is not a field.",
                hint=f"Fields: {', '.join(IMPORT_FIELDS)}.",
            )
        mapping[column] = target
    return mapping


def _current(conn: Connection, name: str) -> Any:
    return conn.execute(
        select(victim_lists)
        .where(victim_lists.c.name == name)
        .order_by(victim_lists.c.version.desc())
        .limit(1)
    ).first()


def resolve_list(conn: Connection, name: str) -> Any:
    """The newest version of the list called ``name``."""
    row = _current(conn, name)
    if row is None:
        raise NotFoundError(f"There is no list '{name}'.", hint="See 'reckon lists'.")
    return row


def _resolve_source(conn: Connection, ref: str, data: bytes) -> int:
    from reckon.evidence.sources import resolve_source

    source_id = resolve_source(conn, ref)
    digest = conn.execute(select(sources.c.sha256).where(sources.c.id == source_id)).scalar()
    if digest != hashlib.sha256(data).hexdigest():
        raise InputError(
            f"The file is not the preserved bytes of source {source_id}.",
            hint="Import the file that was added with 'reckon add', or add this one first.",
        )
    return source_id


def _key(record: Record, ref: str | None) -> str:
    if ref:
        return f"id:{ref}"
    return "row:" + "|".join(getattr(record, f) for f in ("full_name", "given_name", "surname"))


def import_list(
    conn: Connection,
    actor: User,
    path: Path,
    name: str,
    mapping: Mapping[str, str] | None = None,
    source: str | None = None,
    calendar: str | None = None,
    derived_from: str | None = None,
    replaces: str | None = None,
) -> ImportResult:
    """Validate and store a list file (in the caller's transaction)."""
    actor.require(Permission.ADD_SOURCES)
    name = name.strip()
    if not name or len(name) > 100:
        raise InputError("--list needs a name of 1 to 100 characters.")
    if calendar is not None and calendar not in ("gregorian", "jalali"):
        raise InputError(f"--calendar '{calendar}' is not gregorian or jalali.")
    text = read_text(path)
    header, rows = csv_rows(text, str(path))
    columns = {c: c for c in header if c in IMPORT_FIELDS}
    columns.update(dict(mapping or {}))
    missing = [c for c in columns if c not in header]
    if missing:
        raise InputError(
            f"{path} has no column(s) {', '.join(missing)}.",
            hint=f"Its columns: {', '.join(header)}.",
        )
    targets = list(columns.values())
    repeated = sorted({t for t in targets if targets.count(t) > 1})
    if repeated:
        raise InputError(f"More than one column maps to {', '.join(repeated)}.")
    if not any(t in ("full_name", "given_name", "surname") for t in targets):
        raise InputError(
            f"No column of {path} is a name.",
            hint="Map one with --map COLUMN=full_name (or given_name and surname).",
        )
    old = _current(conn, name)
    if old is not None and replaces != name:
        raise ConflictError(
            f"A list called '{name}' exists (version {old.version}).",
            hint=f"Import a new version with --replaces {name}, or choose another name.",
        )
    if replaces is not None and replaces != name:
        raise InputError("--replaces must name the list being imported (a new version of it).")
    if replaces is not None and old is None:
        raise NotFoundError(f"There is no list '{replaces}' to replace.")
    parent = None if derived_from is None else resolve_list(conn, derived_from)

    # Validate every row before writing anything.
    refs: dict[int, str | None] = {}
    extras: dict[int, dict[str, str]] = {}
    affiliations: dict[int, str] = {}
    unmapped = [c for c in header if c not in columns]

    def mapped() -> Any:
        for index, (line, values) in enumerate(rows, start=1):
            if "__width__" in values:
                yield line, values
                continue
            out = {field_name: values.get(column, "") for column, field_name in columns.items()}
            refs[line] = out.pop("record_id", "").strip() or None
            affiliations[line] = out.pop("affiliation", "").strip()
            extras[line] = {c: values[c] for c in unmapped if values.get(c, "").strip()}
            out["record_id"] = str(index)
            out["list"] = name
            yield line, out

    records = records_from_rows(mapped(), str(path), len(header), calendar or "")
    lines = list(refs)
    data = path.read_bytes()
    source_id = _resolve_source(conn, source, data) if source is not None else None
    calendars = [r.death_calendar for r in records if r.death_calendar]
    list_calendar = calendar or (
        max(set(calendars), key=calendars.count) if calendars else "gregorian"
    )
    version = 1 if old is None else int(old.version) + 1
    list_id = _new_id(
        conn.execute(
            victim_lists.insert().values(
                name=name,
                version=version,
                source_id=source_id,
                replaces_id=None if old is None else old.id,
                derived_from_id=None if parent is None else parent.id,
                calendar=list_calendar,
                file_sha256=hashlib.sha256(data).hexdigest(),
                column_map=dict(columns),
                n_records=len(records),
                imported_at=utcnow(),
                imported_by=actor.id,
            )
        )
    )
    new_ids: dict[str, int] = {}
    n_claims = 0
    sealed: dict[int, dict[str, Any]] = {}
    claim_values: dict[int, dict[int, str]] = {}
    for line, record in zip(lines, records, strict=True):
        ref = refs[line]
        death = record.death
        record_id = _new_id(
            conn.execute(
                person_records.insert().values(
                    list_id=list_id,
                    row_number=int(record.record_id),
                    list_ref=ref,
                    **identity.cleared(),  # names and birth year are sealed below, never in clear
                    sex=record.sex or None,
                    city=record.city or None,
                    prison=record.prison or None,
                    death_date=record.death_date or None,
                    death_calendar=None if death is None else calendar_name(death),
                    death_precision=None if death is None else death.precision.value,
                    death_start=None if death is None else death.start.isoformat(),
                    death_end=None if death is None else death.end.isoformat(),
                )
            )
        )
        sealed[record_id] = {
            "full_name": record.full_name,
            "given_name": record.given_name,
            "surname": record.surname,
            "father_name": record.father_name,
            "birth_year": record.birth_year,
            "birth_lo": record.birth_lo,
            "birth_hi": record.birth_hi,
            "extra": extras[line],
        }
        new_ids[_key(record, ref)] = record_id
        n_claims += _claims(
            conn, record_id, list_id, source_id, record, affiliations[line], claim_values
        )
    identity.seal(conn, sealed, claim_values)
    # Families search the register by name: the new records are findable at once.
    from reckon.search.sync import refile_records

    refile_records(conn, list(sealed))
    result = ImportResult(list_id, name, version, len(records), n_claims)
    if old is not None:
        _compare_versions(conn, old.id, new_ids, records, refs, lines, result)
    audit.record(
        conn,
        actor,
        "list-imported",
        "victim_list",
        str(list_id),
        {
            "name": name,
            "version": version,
            "records": len(records),
            "source_id": source_id,
            "sha256": hashlib.sha256(data).hexdigest(),
            "added": len(result.added),
            "changed": len(result.changed),
            "removed": len(result.removed),
        },
    )
    return result


def _claims(
    conn: Connection,
    record_id: int,
    list_id: int,
    source_id: int | None,
    record: Record,
    affiliation: str,
    private: dict[int, dict[int, str]],
) -> int:
    """Store what the row asserts; a private value (the affiliation) goes to ``private``
    (record id -> claim id -> value), to be sealed with the record's names."""
    rows: list[dict[str, Any]] = []
    base = {"record_id": record_id, "list_id": list_id, "source_id": source_id}
    death = record.death
    if death is not None or record.prison:
        rows.append(
            dict(
                base,
                kind="execution",
                place=record.prison or record.city or None,
                value=None,
                date_text=None if death is None else death.text,
                date_calendar=None if death is None else calendar_name(death),
                date_precision=None if death is None else death.precision.value,
                date_start=None if death is None else death.start.isoformat(),
                date_end=None if death is None else death.end.isoformat(),
            )
        )
    if record.prison:
        rows.append(dict(base, kind="detention", place=record.prison, value=None))
    for row in rows:
        conn.execute(list_claims.insert().values(**row))
    if affiliation:
        # A private field: sealed under the record's key (reckon.link.identity), never in clear.
        claim_id = _new_id(
            conn.execute(list_claims.insert().values(**base, kind="affiliation", value=None))
        )
        private.setdefault(record_id, {})[claim_id] = affiliation
        return len(rows) + 1
    return len(rows)


def _compare_versions(
    conn: Connection,
    old_list_id: int,
    new_ids: dict[str, int],
    records: list[Record],
    refs: dict[int, str | None],
    lines: list[int],
    result: ImportResult,
) -> None:
    old_rows = identity.open_rows(
        conn,
        conn.execute(select(person_records).where(person_records.c.list_id == old_list_id)).all(),
    )
    old_by_key: dict[str, Any] = {}
    for row in old_rows:
        rec = Record(
            record_id=str(row.row_number),
            list="",
            full_name=row.full_name or "",
            given_name=row.given_name or "",
            surname=row.surname or "",
        )
        old_by_key[_key(rec, row.list_ref)] = row
    carried: dict[int, int] = {}
    new_by_key = {
        _key(record, refs[line]): record for line, record in zip(lines, records, strict=True)
    }
    for key, record in new_by_key.items():
        old = old_by_key.get(key)
        if old is None:
            result.added.append(key.split(":", 1)[1])
            continue
        if any((getattr(old, f) or "") != getattr(record, f) for f in _COMPARED) or (
            (old.death_date or "") != record.death_date
        ):
            result.changed.append(key.split(":", 1)[1])
        carried[int(old.id)] = new_ids[key]
    result.removed = [k.split(":", 1)[1] for k in old_by_key if k not in new_by_key]
    result.carried_decisions = _carry_decisions(conn, carried)


def _carry_decisions(conn: Connection, carried: dict[int, int]) -> int:
    """Copy the reviewers' decisions on old records to their rows in the new version."""
    if not carried:
        return 0
    old_ids = list(carried)
    rows = conn.execute(
        select(link_decisions)
        .where(link_decisions.c.record_l.in_(old_ids) | link_decisions.c.record_r.in_(old_ids))
        .order_by(link_decisions.c.id)
    ).all()
    for row in rows:
        left, right = sorted(
            (
                carried.get(int(row.record_l), int(row.record_l)),
                carried.get(int(row.record_r), int(row.record_r)),
            )
        )
        conn.execute(
            link_decisions.insert().values(
                record_l=left,
                record_r=right,
                decision=row.decision,
                reason=f"carried from records {row.record_l} and {row.record_r} (previous version)",
                decided_by=row.decided_by,
                decided_at=row.decided_at,
            )
        )
    return len(rows)


def list_summaries(conn: Connection) -> list[dict[str, Any]]:
    """Every list version with its record count, source and derivation."""
    parent = victim_lists.alias("parent")
    rows = conn.execute(
        select(
            victim_lists,
            parent.c.name.label("derived_from_name"),
            func.count(person_records.c.id).label("records"),
        )
        .outerjoin(parent, parent.c.id == victim_lists.c.derived_from_id)
        .outerjoin(person_records, person_records.c.list_id == victim_lists.c.id)
        .group_by(victim_lists.c.id, parent.c.name)
        .order_by(victim_lists.c.name, victim_lists.c.version)
    ).all()
    current = {}
    for row in rows:
        current[row.name] = row.id
    return [
        {
            "id": row.id,
            "name": row.name,
            "version": row.version,
            "current": current[row.name] == row.id,
            "records": row.records,
            "source_id": row.source_id,
            "calendar": row.calendar,
            "derived_from": row.derived_from_name,
        }
        for row in rows
    ]


def _new_id(result: Any) -> int:
    """The primary key of the row an insert made."""
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])

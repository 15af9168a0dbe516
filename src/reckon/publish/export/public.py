"""`reckon export --public`: the published register and nothing else.

Writes, into a new folder, one CSV and one JSON Lines file per kind of item
(persons, claims, events, involvements, estimates) and the sources they cite,
a data dictionary (Markdown and JSON) and a manifest of SHA-256 hashes. Every
row comes from `reckon.publish.visibility.what_is_public`: nothing unpublished,
nothing withdrawn, nothing about a withheld or shredded person, and of a
person only the public fields and those the family chose to show.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reckon.errors import InputError
from reckon.extract.claims import ROLE_KINDS
from reckon.publish.export.columns import COLUMNS, PERSON_FIELDS
from reckon.publish.items import ItemType
from reckon.publish.readers import ReadContext, Readers, readers
from reckon.publish.readers.estimates import estimate_row
from reckon.publish.redact import Redactor, redacted_quotes, redactor
from reckon.publish.views import ClaimView, SourceView
from reckon.publish.visibility import (
    PublicItem,
    PublicRegister,
    claim_kind_shown,
    disclosed_for,
    public_fields,
    what_is_public,
)

FORMAT = "reckon public register 1"
# The claim kinds that allege a part in a crime.
ALLEGATION_KINDS = frozenset(k.value for k in ROLE_KINDS)
CONFIDENTIAL_LIST = "a confidential source"


@dataclass
class ExportReport:
    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


def _pub(item: PublicItem, names: Redactor) -> dict[str, Any]:
    return {
        "published_at": item.published_at.isoformat(),
        "status": item.status,
        # typed by an editor: it may name a withheld person or a witness
        "correction": names.text(item.correction),
        "corrected_at": item.corrected_at.isoformat() if item.corrected_at else None,
    }


def _claim_row(
    claim: ClaimView, register: PublicRegister, item: PublicItem, names: Redactor
) -> tuple[dict[str, Any], SourceView]:
    public_person = claim.subject_ref and register.is_public(ItemType.PERSON, claim.subject_ref)
    # Only a claim whose kind is an allegation was published under the alleged-perpetrator
    # rule (a second editor, independent sources); another kind's perpetrator, set by an
    # edit, was reviewed by nobody as an allegation.
    alleged = claim.kind in ALLEGATION_KINDS
    source = claim.source.as_public()
    row = {
        "claim_id": claim.id,
        "kind": claim.kind,
        "person_id": claim.subject_ref if public_person else None,
        "person_name": claim.subject_name,
        "alleged_perpetrator_id": claim.perpetrator_ref if alleged else None,
        "alleged_perpetrator_name": claim.perpetrator_name if alleged else None,
        "place": claim.place,
        "date_text": claim.date.text if claim.date else None,
        "date_start": claim.date.start if claim.date else None,
        "date_end": claim.date.end if claim.date else None,
        "quote": claim.quote,
        "according_to": names.text(source.get("title")),
        "source_id": claim.source.id,
        "source_sha256": None if claim.source.confidential else claim.source.sha256,
        "grade": claim.grade,
        "supporting_sources": claim.supporting_sources,
        "independent_sources": claim.independent_sources,
        "conflicts_with": [c for c in claim.conflicts_with if register.is_public("claim", c)],
        "figure": names.text(claim.figure),
        **_pub(item, names),
    }
    return row, claim.source


def _confidential_lists(ctx: ReadContext) -> set[str]:
    """Names of the lists whose preserved source is confidential: a list's name is typed by
    whoever imported it and may say where it came from, so it is cited only as such."""
    from sqlalchemy import select

    from reckon.store.schema import sources, victim_lists

    rows = ctx.conn.execute(
        select(victim_lists.c.name)
        .join(sources, sources.c.id == victim_lists.c.source_id)
        .where(sources.c.confidential.is_(True))
    ).scalars()
    return {str(r) for r in rows}


def _cite_lists(lists: list[Any], secret: set[str], names: Redactor) -> list[str]:
    cited: list[str] = []
    for name in lists:
        shown = CONFIDENTIAL_LIST if str(name) in secret else str(names.text(str(name)))
        if shown not in cited:
            cited.append(shown)
    return cited


def _according_to(
    claims: Sequence[ClaimView], cited: dict[str, SourceView], names: Redactor
) -> list[str]:
    """The titles of the sources ``claims`` come from, each cited in sources.csv."""
    titles: list[str] = []
    for claim in claims:
        cited.setdefault(claim.source.id, claim.source)
        title = str(names.text(claim.source.as_public().get("title")) or claim.source.id)
        if title not in titles:
            titles.append(title)
    return titles


def collect(
    ctx: ReadContext, register: PublicRegister, have: Readers
) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The rows of each file, and the kinds this workspace cannot describe yet."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    missing: list[str] = []
    cited: dict[str, SourceView] = {}
    # Words naming a withheld or shredded person, or (with the passphrase) a witness.
    names = redactor(ctx.conn, ctx.locker)

    persons = register.items.get(ItemType.PERSON, {})
    views = have.persons(ctx, sorted(persons)) if have.persons and persons else {}
    secret = _confidential_lists(ctx) if persons else set()
    if persons and have.persons is None:
        missing.append("persons (the linkage module is not installed: ids only)")
    for ref, item in persons.items():
        view = views.get(ref)
        shown = public_fields(view.fields, register.disclosed.get(ref, ())) if view else {}
        if isinstance(shown.get("lists"), list):
            shown["lists"] = _cite_lists(shown["lists"], secret, names)
        disclosed = {k: v for k, v in shown.items() if k not in PERSON_FIELDS}
        rows["persons"].append(
            {
                "person_id": ref,
                "names": list(view.names) if view else [],
                **{name: shown.get(name) for name in PERSON_FIELDS},
                "disclosed": disclosed or None,
                **_pub(item, names),
            }
        )

    claims = register.items.get(ItemType.CLAIM, {})
    claim_views = have.claims(ctx, sorted(claims)) if have.claims and claims else {}
    if claims and have.claims is None:
        missing.append("claims (the claims module is not installed: ids only)")
    # A quote that names a withheld person besides the claim's own (redact.py).
    quotes = redacted_quotes(ctx.conn, {k: c.quote for k, c in claim_views.items()}, names)
    for claim_id, item in claims.items():
        claim = claim_views.get(claim_id)
        if claim is None:
            rows["claims"].append({"claim_id": claim_id, **_pub(item, names)})
            continue
        if not claim_kind_shown(claim.kind, disclosed_for(ctx.conn, claim.subject_ref)):
            continue  # a private field of the person (affiliation), unless the family chose
        row, source = _claim_row(claim, register, item, names)
        row["quote"] = quotes.get(claim_id, claim.quote)
        rows["claims"].append(row)
        cited.setdefault(source.id, source)

    public_claim = register.ids(ItemType.CLAIM)
    events = register.items.get(ItemType.EVENT, {})
    event_views = have.events(ctx, sorted(events)) if have.events and events else {}
    if events and have.events is None:
        missing.append("events (the claims module is not installed: ids only)")
    for event_id, item in events.items():
        event = event_views.get(event_id)
        rows["events"].append(
            {
                "event_id": event_id,
                "title": event.title if event else None,
                "kind": event.kind if event else None,
                "place": event.place if event else None,
                "date_text": event.date.text if event and event.date else None,
                "date_start": event.date.start if event and event.date else None,
                "date_end": event.date.end if event and event.date else None,
                "claim_ids": [c.id for c in event.claims if c.id in public_claim] if event else [],
                "according_to": _according_to(event.claims, cited, names) if event else [],
                **_pub(item, names),
            }
        )

    involvements = register.items.get(ItemType.INVOLVEMENT, {})
    inv_views = (
        have.involvements(ctx, sorted(involvements)) if have.involvements and involvements else {}
    )
    if involvements and have.involvements is None:
        missing.append("involvements (the claims module is not installed: ids only)")
    for inv_id, item in involvements.items():
        inv = inv_views.get(inv_id)
        rows["involvements"].append(
            {
                "involvement_id": inv_id,
                "event_id": inv.event_id if inv else None,
                "person_id": inv.person_ref if inv else None,
                "person_name": inv.person_name if inv else None,
                "role": (inv.role.replace("_", " ") if inv else None),
                "degree": inv.degree if inv else None,
                "status": inv.status if inv else None,
                "status_as_of": inv.status_as_of if inv else None,
                "claim_ids": [c.id for c in inv.claims if c.id in public_claim] if inv else [],
                "according_to": _according_to(inv.claims, cited, names) if inv else [],
                **_pub(item, names),
            }
        )

    estimates = register.items.get(ItemType.ESTIMATE, {})
    for est_id, item in estimates.items():
        # A published estimate always travels with its method and interval.
        row = estimate_row(ctx.conn, est_id)
        for typed in ("label", "strata"):
            value = row.get(typed)
            if isinstance(value, str):
                row[typed] = names.text(value)
        rows["estimates"].append({"estimate_id": est_id, **row, **_pub(item, names)})

    for source in cited.values():
        public = dict(source.as_public())
        for typed in ("title", "publisher", "affiliation"):
            if isinstance(public.get(typed), str):
                public[typed] = names.text(public[typed])
        public["url"] = names.url(public.get("url"))
        rows["sources"].append(
            {
                "source_id": source.id,
                **{k: public.get(k) for k in COLUMNS["sources"] if k not in {"source_id"}},
            }
        )
    return rows, missing


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _files(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name, columns in COLUMNS.items():
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(list(columns))
        lines = []
        for row in rows[name]:
            full = {column: row.get(column) for column in columns}
            writer.writerow([_csv_value(full[c]) for c in columns])
            lines.append(json.dumps(full, ensure_ascii=False, sort_keys=False))
        # UTF-8 with a byte-order mark, so that spreadsheets show Persian correctly.
        files[f"{name}.csv"] = ("\ufeff" + buffer.getvalue()).encode("utf-8")
        files[f"{name}.jsonl"] = "".join(line + "\n" for line in lines).encode("utf-8")
    files["data_dictionary.json"] = (
        json.dumps({"format": FORMAT, "files": COLUMNS}, ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
    files["data_dictionary.md"] = _dictionary_markdown().encode("utf-8")
    return files


def _dictionary_markdown() -> str:
    lines = [
        "# The public register: data dictionary",
        "",
        "Each kind of item is in a CSV file (UTF-8 with a byte-order mark; lists separated",
        "by ' | ') and a JSON Lines file (one object per line, lists as arrays). Every",
        "claim is attributed to its source; a perpetrator is always *alleged*. Private",
        "fields (father's name, birth date, relatives, contacts, anything about witnesses",
        "and submitters) are never included; withheld persons are left out entirely.",
        "",
    ]
    for name, columns in COLUMNS.items():
        lines += [f"## {name}.csv / {name}.jsonl", "", "| column | meaning |", "| --- | --- |"]
        lines += [f"| `{column}` | {meaning} |" for column, meaning in columns.items()]
        lines.append("")
    return "\n".join(lines)


def write_folder(out: Path, files: Mapping[str, bytes]) -> dict[str, str]:
    """Write ``files`` and a SHA256SUMS manifest into the new folder ``out``, all or nothing."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(f"{out} exists and is not an empty folder.", hint="Choose a new folder.")
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        hashes = {}
        for name, data in sorted(files.items()):
            (tmp / name).write_bytes(data)
            hashes[name] = hashlib.sha256(data).hexdigest()
        manifest = "".join(f"{sha}  {name}\n" for name, sha in sorted(hashes.items()))
        (tmp / "SHA256SUMS").write_text(manifest, encoding="utf-8")
        if out.exists():
            out.rmdir()
        os.replace(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return hashes


def export_public(ctx: ReadContext, out: Path, have: Readers | None = None) -> ExportReport:
    """Write the public register to the new folder ``out``."""
    register = what_is_public(ctx.conn)
    rows, missing = collect(ctx, register, have or readers())
    hashes = write_folder(out, _files(rows))
    return ExportReport(
        out=out, counts={k: len(v) for k, v in rows.items()}, files=hashes, missing=missing
    )

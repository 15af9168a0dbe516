"""`reckon export --ftm`: investigators' data as FollowTheMoney entities (JSON Lines).

Aleph, OpenSanctions' tools and ``ftm`` read the result. Mapping:

| reckon | FtM schema | notes |
| --- | --- | --- |
| source | Document | contentHash = SHA-256; a confidential source only as "confidential source N" |
| person | Person | every spelling as ``name``; father's name and dates for investigators |
| claim | Documentation | document = the source, entity = the person, role = the kind, summary = the quote |
| event | Event | date interval, place, persons involved, the sources as ``proof`` |
| involvement | UnknownLink | subject = the person, object = the event, role "alleged perpetrator (…)" |

Not exported: anything about witnesses or submitters, the text of confidential
sources, and shredded persons (their data cannot be read any more).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reckon.errors import InputError, require
from reckon.evidence.locker import Locker
from reckon.publish.readers import ReadContext, Readers, readers
from reckon.publish.readers.evidence import source_view
from reckon.publish.views import ClaimView, SourceView
from reckon.publish.visibility import NEVER_PUBLIC
from reckon.roles import Permission
from reckon.store.schema import sources

# Person fields mapped to FtM properties of Person.
_PERSON_PROPS = {
    "father_name": "fatherName",
    "birth_date": "birthDate",
    "birth_year": "birthDate",
    "death_date": "deathDate",
    "sex": "gender",
    "city": "address",
    "prison": "notes",
}


@dataclass
class FtmReport:
    out: Path
    counts: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)


class _Entities:
    def __init__(self, prefix: str) -> None:
        self.model: Any = require("followthemoney", "ftm", "Exporting FollowTheMoney entities")
        self.prefix = prefix
        self.items: dict[str, Any] = {}
        self.counts: dict[str, int] = {}

    def make(self, schema: str, kind: str, ident: str) -> Any:
        entity = self.model.model.make_entity(schema)
        entity.id = f"{self.prefix}-{kind}-{ident}"
        self.counts[schema] = self.counts.get(schema, 0) + 1
        self.items[entity.id] = entity
        return entity

    def id_of(self, kind: str, ident: str) -> str:
        return f"{self.prefix}-{kind}-{ident}"


def _source(entities: _Entities, source: SourceView) -> str:
    key = entities.id_of("source", source.id)
    if key in entities.items:
        return key
    doc = entities.make("Document", "source", source.id)
    doc.add("title", f"confidential source {source.id}" if source.confidential else source.title)
    doc.add("contentHash", source.sha256)
    if source.media_type:
        doc.add("mimeType", source.media_type)
    if not source.confidential:
        doc.add("publisher", source.publisher)
        doc.add("sourceUrl", source.url)
        doc.add("publishedAt", source.published)
    doc.add("notes", f"Admiralty source reliability {source.reliability}")
    return key


def _claim(entities: _Entities, claim: ClaimView) -> None:
    doc_id = _source(entities, claim.source)
    about = claim.subject_ref or claim.perpetrator_ref
    if about is None:
        return
    link = entities.make("Documentation", "claim", claim.id)
    link.add("document", doc_id)
    link.add("entity", entities.id_of("person", about))
    link.add("role", claim.kind.replace("_", " "))
    link.add("summary", claim.quote)
    if claim.date and claim.date.start:
        link.add("date", claim.date.start)
    perpetrator = (
        f"; alleged perpetrator {claim.perpetrator_name or claim.perpetrator_ref}"
        if claim.perpetrator_ref
        else ""
    )
    link.add(
        "description",
        f"According to source {claim.source.id}, graded {claim.grade}; "
        f"{claim.supporting_sources} source(s), {claim.independent_sources} independent; "
        f"coding status {claim.status}{perpetrator}.",
    )


def _all(ctx: ReadContext, lister: Any) -> list[str]:
    return list(lister(ctx)) if lister is not None else []


def entities_of(ctx: ReadContext, have: Readers, prefix: str) -> tuple[_Entities, list[str]]:
    """Every entity of the workspace's investigators' data, and what could not be read yet."""
    entities = _Entities(prefix)
    missing = []
    for source_id in ctx.conn.execute(sources.select().with_only_columns(sources.c.id)).scalars():
        _source(entities, source_view(ctx.locker, ctx.conn, ctx.user, int(source_id)))
    if have.persons is None or have.all_persons is None:
        missing.append("persons (the linkage module is not installed)")
    else:
        for ref, person in have.persons(ctx, _all(ctx, have.all_persons)).items():
            entity = entities.make("Person", "person", ref)
            entity.add("name", list(person.names))
            for key, value in person.fields.items():
                prop = _PERSON_PROPS.get(key)
                if prop and key not in NEVER_PUBLIC and value not in (None, ""):
                    entity.add(prop, str(value))
    if have.claims is None or have.all_claims is None:
        missing.append("claims (the claims module is not installed)")
    else:
        for claim in have.claims(ctx, _all(ctx, have.all_claims)).values():
            _claim(entities, claim)
    if have.events is not None and have.all_events is not None:
        for event in have.events(ctx, _all(ctx, have.all_events)).values():
            entity = entities.make("Event", "event", event.id)
            entity.add("name", event.title)
            entity.add("summary", event.kind)
            if event.place:
                entity.add("location", event.place)
            if event.date:
                entity.add("startDate", event.date.start)
                entity.add("endDate", event.date.end)
            for claim in event.claims:
                entity.add("proof", _source(entities, claim.source))
            for inv in event.involvements:
                entity.add("involved", entities.id_of("person", inv.person_ref))
                link = entities.make("UnknownLink", "involvement", inv.id)
                link.add("subject", entities.id_of("person", inv.person_ref))
                link.add("object", entity.id)
                role = inv.role.replace("_", " ")
                link.add("role", f"{role} ({inv.degree})" if inv.degree else role)
                if inv.status:
                    link.add("status", f"{inv.status} (as of {inv.status_as_of or 'unknown'})")
                for claim in inv.claims:
                    link.add("proof", _source(entities, claim.source))
    else:
        missing.append("events and involvements (the claims module is not installed)")
    return entities, missing


def iter_json(entities: _Entities) -> Iterator[str]:
    for key in sorted(entities.items):
        yield json.dumps(entities.items[key].to_dict(), ensure_ascii=False, sort_keys=True)


def export_ftm(
    locker: Locker, ctx: ReadContext, out: Path, have: Readers | None = None
) -> FtmReport:
    """Write every entity as one JSON object per line to the new file ``out``."""
    ctx.user.require(Permission.EXPORT_INVESTIGATION)
    if out.exists():
        raise InputError(f"{out} exists already.", hint="Choose a new file name.")
    prefix = f"reckon-{locker.workspace.settings.workspace_id[:8]}"
    entities, missing = entities_of(ctx, have or readers(), prefix)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}-", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for line in iter_json(entities):
                handle.write(line + "\n")
        os.replace(tmp_name, out)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return FtmReport(out=out, counts=dict(entities.counts), missing=missing)

"""Coding claims: store what extraction proposes, and record each coder's decision.

"Accepted" means the claim is correctly read from its source, not that it is
true; truth is weighed by corroboration. Every decision is kept in
``claim_decisions`` and in the audit log, with who decided and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from reckon.claims import events
from reckon.claims.persons import ensure_person, ensure_place, public_people
from reckon.claims.protect import seal_json
from reckon.claims.sealed import PRIVATE_DETAIL_KINDS, seal_detail, seal_mention
from reckon.errors import InputError, NotFoundError
from reckon.evidence.locker import Locker
from reckon.evidence.text import source_text
from reckon.extract.claims import ClaimKind
from reckon.extract.dates import parse_date
from reckon.extract.gazetteer import Entry, builtin_gazetteer
from reckon.extract.mentions import MentionType, normalize_person
from reckon.extract.pipeline import Extraction, extract_text
from reckon.roles import Permission
from reckon.store import audit
from reckon.store.schema import claim_decisions, claims, mentions, places, sources
from reckon.store.types import utcnow
from reckon.store.users import User
from reckon.workspace import Workspace

CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}


@dataclass(frozen=True)
class Proposed:
    """What one extraction run stored."""

    source_id: int
    extraction: Extraction
    mentions: int
    new_claims: list[int]


def _gazetteer(conn: Connection) -> Any:
    gazetteer = builtin_gazetteer().copy()
    for person_id, name in public_people(conn):
        gazetteer.add(name, Entry("PERSON", name, "person", str(person_id)))
    for row in conn.execute(select(places.c.id, places.c.name, places.c.kind)):
        gazetteer.add(row.name, Entry("PLACE", row.name, row.kind, str(row.id)))
    return gazetteer


def propose_from_source(workspace: Workspace, source_id: int) -> Proposed:
    """Extract mentions and claims from a source's newest text and store them as proposed."""
    locker = Locker.open(workspace)
    with workspace.engine.begin() as conn:
        from reckon.store.users import acting_user

        user = acting_user(conn, workspace.settings.user)
        user.require(Permission.CODE_CLAIMS)
        source = conn.execute(select(sources).where(sources.c.id == source_id)).first()
        if source is None:
            raise NotFoundError(
                f"There is no source {source_id}.", hint="List them with 'reckon sources'."
            )
        text = source_text(locker, conn, user, source_id)
        if text is None:
            raise InputError(
                f"Source {source_id} has no text to extract from.",
                hint="Only sources with text (documents, pages, OCR) can be coded.",
            )
        confidential = bool(source.confidential)
        extraction = extract_text(text.text, _gazetteer(conn))
        person_ids: dict[tuple[int, int], int] = {}
        stored_mentions = 0
        for mention in extraction.mentions:
            person_id = place_id = None
            if mention.type is MentionType.PERSON:
                full = mention.full_name or mention.text
                person_id = ensure_person(
                    conn, locker, user, " ".join(full.split()), source_id=source_id,
                    protected=confidential, latin=normalize_person(full),
                )  # fmt: skip
                person_ids[(mention.start, mention.end)] = person_id
            elif mention.type is MentionType.PLACE:
                place_id = ensure_place(conn, mention.normalized, mention.kind)
            values: dict[str, Any] = {
                "source_id": source_id,
                "artifact_id": text.artifact_id,
                "type": mention.type.value,
                "start_offset": mention.start,
                "end_offset": mention.end,
                "text": mention.text,
                "normalized": mention.normalized,
                "person_id": person_id,
                "place_id": place_id,
                "finder": mention.finder,
            }
            exists = conn.execute(
                select(mentions.c.id).where(
                    mentions.c.artifact_id == text.artifact_id,
                    mentions.c.start_offset == mention.start,
                    mentions.c.end_offset == mention.end,
                    mentions.c.type == mention.type.value,
                )
            ).first()
            if exists is not None:
                continue
            named = person_id is not None and not confidential
            if named:
                # The words name a person: sealed with that person's key (reckon.claims.sealed).
                values.update(text="", normalized=None)
            result = conn.execute(mentions.insert().values(**values))
            mention_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            if named:
                assert person_id is not None
                seal_mention(conn, mention_id, person_id, mention.text, mention.normalized)
            if confidential:
                # Neither the words nor the person they name may be readable from the database.
                sealed = seal_json(
                    locker,
                    {"text": mention.text, "normalized": mention.normalized, "person": person_id},
                    f"mention:{mention_id}",
                )
                conn.execute(
                    mentions.update()
                    .where(mentions.c.id == mention_id)
                    .values(text="", normalized=None, person_id=None, sealed=sealed)
                )
            stored_mentions += 1
        new_claims = []
        for proposal in extraction.claims:
            victim = (
                None
                if proposal.victim is None
                else person_ids.get((proposal.victim.start, proposal.victim.end))
            )
            perpetrator = (
                None
                if proposal.perpetrator is None
                else person_ids.get((proposal.perpetrator.start, proposal.perpetrator.end))
            )
            place_id = (
                None
                if proposal.place is None
                else ensure_place(conn, proposal.place.normalized, proposal.place.kind)
            )
            date = proposal.date.date if proposal.date is not None else None
            duplicate = conn.execute(
                select(claims.c.id, claims.c.victim_id, claims.c.sealed_parties).where(
                    claims.c.source_id == source_id,
                    claims.c.kind == proposal.kind.value,
                    claims.c.quote_start == proposal.start,
                    claims.c.origin == "extract",
                )
            ).all()
            if any(confidential or d.victim_id == victim for d in duplicate):
                continue
            claim_id = insert_claim(
                conn,
                locker,
                user,
                source_id=source_id,
                confidential=confidential,
                kind=proposal.kind.value,
                victim=victim,
                perpetrator=perpetrator,
                place_id=place_id,
                detail=proposal.detail,
                date_values=None if date is None else _date_columns(date),
                quote=(proposal.start, proposal.end),
                artifact_id=text.artifact_id,
                origin="extract",
            )
            new_claims.append(claim_id)
        audit.record(
            conn,
            user,
            "claims-proposed",
            "source",
            str(source_id),
            {"mentions": stored_mentions, "claims": len(new_claims), "artifact": text.artifact_id},
        )
    return Proposed(source_id, extraction, stored_mentions, new_claims)


def _date_columns(value: Any) -> dict[str, Any]:
    return {
        "date_text": value.text,
        "date_calendar": value.calendar.value,
        "date_precision": value.precision.value,
        "date_start": value.start.isoformat(),
        "date_end": value.end.isoformat(),
    }


def insert_claim(
    conn: Connection,
    locker: Locker,
    user: User,
    *,
    source_id: int,
    confidential: bool,
    kind: str,
    victim: int | None,
    perpetrator: int | None,
    place_id: int | None,
    detail: str | None,
    date_values: dict[str, Any] | None,
    quote: tuple[int, int] | None,
    artifact_id: int | None,
    origin: str,
) -> int:
    """Store one proposed claim; a confidential source's parties are sealed."""
    # What a document says of a person's affiliation is a private field: sealed with a key
    # of the claim (reckon.claims.sealed), erased when the victim is shredded.
    private = detail is not None and kind in PRIVATE_DETAIL_KINDS and not confidential
    result = conn.execute(
        claims.insert().values(
            source_id=source_id,
            artifact_id=artifact_id,
            kind=ClaimKind(kind).value,
            victim_id=None if confidential else victim,
            perpetrator_id=None if confidential else perpetrator,
            place_id=place_id,
            detail=None if private else detail,
            quote_start=None if quote is None else quote[0],
            quote_end=None if quote is None else quote[1],
            credibility=6,
            status="proposed",
            origin=origin,
            created_by=user.id,
            created_at=utcnow(),
            **(date_values or {}),
        )
    )
    claim_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    if private:
        assert detail is not None
        seal_detail(conn, claim_id, detail)
    if confidential:
        sealed = seal_json(
            locker, {"victim": victim, "perpetrator": perpetrator}, f"claim:{claim_id}:parties"
        )
        conn.execute(claims.update().where(claims.c.id == claim_id).values(sealed_parties=sealed))
    return claim_id


def _claim_row(conn: Connection, claim_id: int) -> Any:
    row = conn.execute(select(claims).where(claims.c.id == claim_id)).first()
    if row is None:
        raise NotFoundError(
            f"There is no claim {claim_id}.", hint="List claims with 'reckon claims'."
        )
    return row


def _check_credibility(value: int) -> int:
    if value not in CREDIBILITY:
        raise InputError(
            f"{value} is not a credibility grade.",
            hint="Use 1 (confirmed) … 5 (improbable), or 6 (cannot be judged).",
        )
    return value


def decide(
    workspace: Workspace,
    claim_id: int,
    action: str,
    *,
    reason: str | None = None,
    credibility: int | None = None,
    changes: dict[str, Any] | None = None,
) -> None:
    """Accept, reject, edit or grade a claim, recording who decided, when and why."""
    from reckon.store.users import acting_user

    if action not in {"accept", "reject", "edit", "grade"}:
        raise InputError(f"'{action}' is not a coding decision.")
    locker = Locker.open(workspace)
    with workspace.engine.begin() as conn:
        user = acting_user(conn, workspace.settings.user)
        user.require(Permission.CODE_CLAIMS)
        row = _claim_row(conn, claim_id)
        confidential = row.sealed_parties is not None
        if confidential:
            user.require(Permission.READ_CONFIDENTIAL)
        values: dict[str, Any] = {}
        recorded: dict[str, Any] = {}
        if credibility is not None:
            values.update(
                credibility=_check_credibility(credibility),
                credibility_by=user.id,
                credibility_reason=reason,
            )
            recorded["credibility"] = credibility
        if action in {"accept", "reject"}:
            values.update(
                status="accepted" if action == "accept" else "rejected",
                decided_by=user.id,
                decided_at=utcnow(),
            )
        if action == "edit":
            values.update(_edits(conn, locker, row, changes or {}, recorded))
            if row.status != "proposed":
                # An edited claim must be read again before it counts.
                values.update(status="proposed", decided_by=user.id, decided_at=utcnow())
        if action == "grade" and credibility is None:
            raise InputError("A grade needs --credibility 1–6.")
        if values:
            conn.execute(claims.update().where(claims.c.id == claim_id).values(**values))
        conn.execute(
            claim_decisions.insert().values(
                claim_id=claim_id,
                action=action,
                by_user=user.id,
                at=utcnow(),
                reason=reason,
                changes=recorded or None,
            )
        )
        audit.record(
            conn,
            user,
            f"claim-{action}",
            "claim",
            str(claim_id),
            {"reason": reason, **({} if confidential else recorded)},
        )
        events.sync(conn, locker, claim_id)


def _edits(
    conn: Connection, locker: Locker, row: Any, changes: dict[str, Any], recorded: dict[str, Any]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if changes.get("kind"):
        try:
            values["kind"] = ClaimKind(changes["kind"]).value
        except ValueError as exc:
            known = ", ".join(k.value for k in ClaimKind)
            raise InputError(
                f"'{changes['kind']}' is not a claim kind.", hint=f"Use one of: {known}."
            ) from exc
        recorded["kind"] = values["kind"]
    if changes.get("place"):
        values["place_id"] = ensure_place(conn, str(changes["place"]))
        recorded["place"] = changes["place"]
    if changes.get("date"):
        parsed = parse_date(str(changes["date"]))
        values.update(_date_columns(parsed))
        recorded["date"] = parsed.text
    for role in ("victim", "perpetrator"):
        if changes.get(role) is None:
            continue
        person = int(changes[role])
        from reckon.store.schema import named_persons

        if (
            conn.execute(select(named_persons.c.id).where(named_persons.c.id == person)).first()
            is None
        ):
            raise NotFoundError(f"There is no person {person}.")
        recorded[role] = person
    if "victim" in recorded or "perpetrator" in recorded:
        if row.sealed_parties is not None:
            from reckon.claims.protect import open_json

            current = open_json(locker, row.sealed_parties, f"claim:{row.id}:parties")
            current.update({k: recorded[k] for k in ("victim", "perpetrator") if k in recorded})
            values["sealed_parties"] = seal_json(locker, current, f"claim:{row.id}:parties")
        else:
            for role in ("victim", "perpetrator"):
                if role in recorded:
                    values[f"{role}_id"] = recorded[role]
    if not values:
        raise InputError(
            "Nothing to change.", hint="Give --kind, --victim, --perpetrator, --place or --date."
        )
    return values

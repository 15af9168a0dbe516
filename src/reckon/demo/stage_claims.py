"""Demo stage: extract claims from the demo's documents, code some, and print one person.

An investigator extracts mentions and claims from every document (the three
testimonies too: she may read confidential sources and has the passphrase),
records the testimonies' witnesses as sealed witness records, and an editor
accepts the proposals as a coder would, grading first-hand testimony higher
than hearsay. Each document's named persons are its own: the coder reads the
namesakes that several documents name and ties those she judges to be one
person, with her reason. Then the stage prints what reckon knows about the victim whose
sources disagree (Behrouz Hassanzadeh: executed, says the NGO; released, says
the newspaper) and about the alleged official
(Mojtaba Nazarian), each claim with its sources, corroboration and conflicts.
Then the coder reads the proposals that tie persons named in the documents
(N…) to the persons the lists reconcile (P…), accepts the strong ones (names
alike in either script, and the place or date of death agreeing), and the
stage prints one linked person with both the lists' records and the
documents' claims.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.figures import PublishedFigure, record_figure
from reckon.claims.identity import accept_strong_proposals, link_person
from reckon.claims.persons import find_person
from reckon.claims.records import ClaimRecord, load_claims
from reckon.claims.ties import namesake_candidates
from reckon.claims.whole import WholePerson, whole_person
from reckon.claims.witnesses import add_witness
from reckon.demo.run import DemoContext
from reckon.evidence import SourceFacts
from reckon.evidence.locker import Locker
from reckon.evidence.sources import add_bytes
from reckon.evidence.text import source_text
from reckon.extract.gazetteer import name_key
from reckon.store.users import User, acting_user
from reckon.workspace import Workspace

INVESTIGATOR = "sara.investigator"
CODER = "maryam.editor"
FEATURED = ("Behrouz Hassanzadeh", "Mojtaba Nazarian")
# What the coder concluded on reading the documents that name each featured person:
# each source describes the same man, so their named persons are one (a recorded,
# audited decision; reckon never joins two sources' namesakes by the name alone).
SAME_PERSON = {
    "Behrouz Hassanzadeh": "the NGO note disputes, by his name, the newspaper's report that "
    "this man from the Vakilabad list was released",
    "Mojtaba Nazarian": "each source names him as the assistant prosecutor who sat on the "
    "commission at Gohardasht",
}
# What a coder would say about each kind of source (credibility 1–6 and why).
GRADES = {
    "testimony": (3, "first-hand in part; the witness marks what is hearsay"),
    "ngo_report": (3, "researched note that says where sources disagree"),
    "news": (6, "a news report; cannot be judged yet"),
    "family_account": (3, "a relative's first-hand account of the family's experience"),
}


def tie_reviewed_namesakes(conn: Connection, user: User, same: Mapping[str, str]) -> int:
    """Tie the namesakes the coder judged to be one person (``same``: name -> why), as a
    coder would after reading each candidate's sources; returns how many ties were made."""
    tied = 0
    while True:
        pair = next(
            (n for n in namesake_candidates(conn) if n.name == n.other_name and n.name in same),
            None,
        )
        if pair is None:
            return tied
        link_person(conn, user, f"N{pair.person_id}", f"N{pair.other_id}", same[pair.name])
        tied += 1


def _summary(whole: WholePerson) -> str:
    parts = []
    reports = {report.id: report for report in whole.named}
    for report, (claim, support, _) in ((r, item) for r in whole.named for item in r.claims):
        if claim.status != "accepted":
            continue
        where = ", ".join(x for x in (claim.place, claim.date_text) if x)
        conflict = (
            f"; conflicts with claim {', '.join(map(str, support.conflicts))}"
            if support.conflicts
            else ""
        )
        parts.append(
            f"{claim.kind} ({where or 'no place or date'}) per "
            f"{report.source_titles.get(claim.source_id, claim.source_id)} [{claim.grade}], "
            f"{len(support.sources)} source(s), {support.independent} independent{conflict}"
        )
    first = reports[min(reports)]
    return f"{first.name} ({' = '.join(whole.refs)}): " + ("; ".join(parts) or "no accepted claims")


def _guard_says(workspace: Workspace, locker: Locker, claim: ClaimRecord) -> bool:
    if claim.quote_start is None or claim.quote_end is None:
        return False
    with workspace.engine.connect() as conn:
        text = source_text(locker, conn, acting_user(conn, CODER), claim.source_id)
    quote = "" if text is None else text.text[claim.quote_start : claim.quote_end]
    return re.search(r"\b(?:guard|guards|official|officials)\s+(?:told|said)\b", quote) is not None


def _int(value: str) -> int | None:
    return int(value) if value.strip() else None


def published_figure(row: Mapping[str, str]) -> PublishedFigure:
    """A row of the demo's ``published_estimates.csv`` as the figure its author published."""
    return PublishedFigure(
        who=row["who"], measure=row["kind"], text=row["figure_text"], low=_int(row["low"]),
        high=_int(row["high"]), year=row["year"] or None,
        where_reported=row["where_reported"] or None,
    )  # fmt: skip


def record_published_figures(ctx: DemoContext) -> tuple[int, int, str | None]:
    """Record the real organisations' published figures as their claims, each graded.

    One source per organisation (its figures as reported, with where each was
    read), graded F (cannot be judged) by the coder; each figure a claim of that
    source with its interval, credibility 6 unless the data says who graded
    otherwise and why. Returns (figures, organisations, one attributed statement).
    """
    manifest = json.loads((ctx.data / "sources.json").read_text(encoding="utf-8"))
    path = ctx.data / manifest.get("published_estimates", "published_estimates.csv")
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    by_who: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_who.setdefault(row["who"], []).append(row)
    workspace = ctx.workspace
    base = workspace.settings
    recorded = 0
    example = None
    try:
        workspace.settings = base.with_overrides(user=CODER)
        locker = Locker.open(workspace)
        for who, items in by_who.items():
            text = f"Published figures attributed to {who}\n\n" + "\n".join(
                f"- {r['figure_text']} ({r['kind'].replace('_', ' ')}"
                f"{', ' + r['year'] if r['year'] else ''}); reported in {r['where_reported']}. "
                f"Check: {r['check_note']}"
                for r in items
            )
            partisan = "partisan" in " ".join(r["check_note"] for r in items)
            added = add_bytes(
                locker,
                text.encode("utf-8"),
                f"figures-{re.sub(r'[^a-z0-9]+', '-', who.casefold()).strip('-')}.md",
                SourceFacts(
                    title=f"{who}: published figures on the 1988 prison executions",
                    publisher=who,
                    affiliation=who if partisan else None,
                    reliability=items[0]["reliability"] or "F",
                    reliability_reason="a published figure whose original has not been "
                    "checked here: reliability cannot be judged",
                    note="real published figures, as reported where each line says",
                ),
            )
            if added.source_id is None:
                continue
            with workspace.engine.begin() as conn:
                user = acting_user(conn, CODER)
                for r in items:
                    figure = published_figure(r)
                    record_figure(
                        conn, user, added.source_id, figure,
                        credibility=int(r["credibility"] or 6),
                        reason=f"{r['grade_reason']} (grade {r['reliability']}{r['credibility']}, "
                        f"{r['graded_by']}); {r['check_note']}",
                    )  # fmt: skip
                    recorded += 1
                    if example is None and figure.low is not None and figure.high is not None:
                        example = figure.statement()
    finally:
        workspace.settings = base
    return recorded, len(by_who), example


def _whole_summary(whole: WholePerson) -> str:
    lists = sorted({s.list_name for s in whole.statements})
    executed = [s for s in whole.statements if s.kind == "execution"]
    said = (
        f"executed per {len(executed)} list record(s) in {', '.join(lists)}"
        f" ({max(s.independent_lists for s in executed)} independent lists)"
        if executed
        else f"{len(whole.records)} list record(s)"
    )
    claims = [
        f"{claim.kind} per {report.source_titles.get(claim.source_id, claim.source_id)} "
        f"[{claim.grade}]"
        for report in whole.named
        for claim, _, _ in report.claims
        if claim.status == "accepted"
    ]
    return f"{' = '.join(whole.refs)}: {said}; documents: " + ("; ".join(claims) or "none")


def stage_claims(ctx: DemoContext) -> None:
    manifest = json.loads((ctx.data / "sources.json").read_text(encoding="utf-8"))
    ids: dict[str, int] = ctx.results.get("sources", {})  # type: ignore[assignment]
    documents = [e for e in manifest["sources"] if e.get("kind") != "list" and e["id"] in ids]
    workspace = ctx.workspace
    base = workspace.settings
    proposed = 0
    try:
        workspace.settings = base.with_overrides(user=INVESTIGATOR)
        locker = Locker.open(workspace)
        for entry in documents:
            proposed += len(propose_from_source(workspace, ids[entry["id"]]).new_claims)
            witness: dict[str, Any] | None = entry.get("witness")
            if witness and witness.get("name_in_text"):
                with workspace.engine.begin() as conn:
                    add_witness(
                        conn, locker, acting_user(conn, INVESTIGATOR), source_id=ids[entry["id"]],
                        name=witness["name_in_text"], contact="held separately by the collector",
                        relation=witness.get("relation"),
                    )  # fmt: skip
        workspace.settings = base.with_overrides(user=CODER)
        locker = Locker.open(workspace)
        kind_of = {ids[e["id"]]: e.get("kind", "") for e in documents}
        with workspace.engine.connect() as conn:
            pending = load_claims(conn, locker, acting_user(conn, CODER), status="proposed")
        accepted = 0
        for claim in pending:
            if not claim.victim_id and not claim.perpetrator_id:
                decide(workspace, claim.id, "reject", reason="names nobody")
                continue
            if claim.kind == "release" and kind_of.get(claim.source_id) == "ngo_report":
                # The note repeats the newspaper's report in order to dispute it.
                decide(workspace, claim.id, "reject", reason="reported, not made, by this source")
                continue
            if _guard_says(workspace, locker, claim):
                # The witness repeats what a guard told them, which the witness disputes.
                decide(workspace, claim.id, "reject", reason="a guard's words, reported")
                continue
            credibility, reason = GRADES.get(kind_of.get(claim.source_id, ""), (6, "not assessed"))
            decide(workspace, claim.id, "accept", credibility=credibility, reason=reason)
            accepted += 1
        lines = []
        with workspace.engine.begin() as conn:
            user = acting_user(conn, CODER)
            ties = tie_reviewed_namesakes(conn, user, SAME_PERSON)
            for name in FEATURED:
                person = find_person(conn, name_key(name))
                if person is not None:
                    lines.append(_summary(whole_person(conn, locker, user, f"N{person}")))
                    ctx.results.setdefault("claims_persons", {})[name] = int(person)  # type: ignore[index]
        # Tie named persons to the lists' persons, as a coder would after reading the
        # proposals: only the strong ones.
        with workspace.engine.begin() as conn:
            user = acting_user(conn, CODER)
            linked = accept_strong_proposals(
                conn, user, "names alike in both scripts; place or date of death agree"
            )
            shown = next(
                (p for p in linked if p.name in FEATURED),
                linked[0] if linked else None,
            )
            if shown is not None:
                whole = whole_person(conn, locker, user, f"N{shown.named_person_id}")
                lines.append(_whole_summary(whole))
                ctx.results["claims_linked_person"] = whole.refs
    finally:
        workspace.settings = base
    ctx.results["claims_linked"] = len(linked)
    ctx.results["claims_accepted"] = accepted
    ctx.results["claims_proposed"] = proposed
    ctx.report(
        "claims",
        f"proposed {proposed} claims from {len(documents)} documents; {CODER} accepted {accepted} "
        "(accepted = correctly read, not true); witnesses recorded sealed; "
        f"{ties} namesakes of different sources tied as one person after review; "
        f"{len(linked)} named persons linked to list persons (unambiguous strong proposals)",
    )
    for line in lines:
        ctx.report("claims", line)
    figures, organisations, example = record_published_figures(ctx)
    ctx.results["claims_figures"] = figures
    ctx.report(
        "claims",
        f"recorded {figures} published figures of {organisations} organisations as their "
        f"claims (never as facts), graded F6 by {CODER}, e.g. {example}",
    )

"""Demo stage: extract claims from the demo's documents, code some, and print one person.

An investigator extracts mentions and claims from every document (the three
testimonies too: she may read confidential sources and has the passphrase),
records the testimonies' witnesses as sealed witness records, and an editor
accepts the proposals as a coder would, grading first-hand testimony higher
than hearsay. Then the stage prints what reckon knows about the victim whose
sources disagree (Behrouz Hassanzadeh: executed, says the NGO; released, says
the newspaper) and about the alleged official
(Mojtaba Nazarian), each claim with its sources, corroboration and conflicts.
No published death-toll figure is recorded here, so none is graded.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.person import PersonReport, person_report
from reckon.claims.records import load_claims
from reckon.claims.witnesses import add_witness
from reckon.demo.run import DemoContext
from reckon.evidence.locker import Locker
from reckon.extract.gazetteer import name_key
from reckon.store.schema import named_persons
from reckon.store.users import acting_user

INVESTIGATOR = "sara.investigator"
CODER = "maryam.editor"
FEATURED = ("Behrouz Hassanzadeh", "Mojtaba Nazarian")
# What a coder would say about each kind of source (credibility 1–6 and why).
GRADES = {
    "testimony": (3, "first-hand in part; the witness marks what is hearsay"),
    "ngo_report": (3, "researched note that says where sources disagree"),
    "news": (6, "a news report; cannot be judged yet"),
    "family_account": (3, "a relative's first-hand account of the family's experience"),
}


def _summary(report: PersonReport) -> str:
    parts = []
    for claim, support, _ in report.claims:
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
    return f"{report.name} (person {report.id}): " + ("; ".join(parts) or "no accepted claims")


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
            credibility, reason = GRADES.get(kind_of.get(claim.source_id, ""), (6, "not assessed"))
            decide(workspace, claim.id, "accept", credibility=credibility, reason=reason)
            accepted += 1
        lines = []
        with workspace.engine.begin() as conn:
            user = acting_user(conn, CODER)
            for name in FEATURED:
                person = conn.execute(
                    select(named_persons.c.id).where(named_persons.c.name_key == name_key(name))
                ).scalar()
                if person is not None:
                    report = person_report(conn, locker, user, int(person))
                    lines.append(_summary(report))
                    ctx.results.setdefault("claims_persons", {})[name] = int(person)  # type: ignore[index]
    finally:
        workspace.settings = base
    ctx.results["claims_accepted"] = accepted
    ctx.results["claims_proposed"] = proposed
    ctx.report(
        "claims",
        f"proposed {proposed} claims from {len(documents)} documents; {CODER} accepted {accepted} "
        "(accepted = correctly read, not true); witnesses recorded sealed",
    )
    for line in lines:
        ctx.report("claims", line)

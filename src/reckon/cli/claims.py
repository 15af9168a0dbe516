"""Commands to code claims, see a person's record, and record witnesses (sealed)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Annotated

import typer
from rich.table import Table
from sqlalchemy import Connection

from reckon.claims.coding import decide
from reckon.claims.figures import DEFAULT_REASON, PublishedFigure, read_figures, record_figure
from reckon.claims.identity import (
    link_history,
    link_person,
    parse_ref,
    person_refs_for,
    propose_links,
    unlink_person,
)
from reckon.claims.person import PersonReport
from reckon.claims.records import load_claims
from reckon.claims.ties import namesake_candidates
from reckon.claims.whole import whole_person
from reckon.claims.witnesses import add_witness
from reckon.cli.app import app, console, open_workspace
from reckon.evidence.locker import Locker
from reckon.store.users import User, acting_user

claims_app = typer.Typer(
    help="List claims with filters; accept, reject or edit one.",
    invoke_without_command=True,
)
app.add_typer(claims_app, name="claims")
witness_app = typer.Typer(
    help="Record who testified or submitted information (sealed).", no_args_is_help=True
)
app.add_typer(witness_app, name="witness")

# Declared once: an argument or option means the same in every command that takes it.
ClaimArg = Annotated[int, typer.Argument(help="The claim.")]
Credibility = Annotated[int | None, typer.Option("--credibility", help="Credibility 1–6.")]
Reason = Annotated[str | None, typer.Option("--reason", help="Why (kept with the decision).")]
NamedArg = Annotated[str, typer.Argument(help="The named person (N5, see 'reckon claims').")]
ListPersonArg = Annotated[
    str,
    typer.Argument(
        help="The list person (P12, see 'reckon link'), or a named person of another source (N7)."
    ),
]


@claims_app.callback()
def claims_list(
    ctx: typer.Context,
    source: Annotated[
        int | None, typer.Option("--source", help="Only claims of this source.")
    ] = None,
    person: Annotated[
        str | None,
        typer.Option("--person", help="Only claims about this person (N5, 5, or P12: its links)."),
    ] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only claims of this kind.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="proposed, accepted or rejected.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List claims (filter by source, person, kind, status)."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        locker = Locker.open(workspace)
        user = acting_user(conn, workspace.settings.user)
        named: Sequence[int | None] = [None]
        if person is not None:
            parse_ref(person)  # a readable error for anything but N5, 5 or P12
            refs = person_refs_for(conn, person if not person.strip().isdigit() else f"N{person}")
            named = [int(r[1:]) for r in sorted(refs) if r.startswith("N")]
        found = [
            claim
            for person_id in named
            for claim in load_claims(
                conn, locker, user, source=source, kind=kind, status=status, person=person_id
            )
        ]
    if as_json:
        typer.echo(json.dumps([c.as_json() for c in found], ensure_ascii=False, indent=2))
        return
    table = Table(
        "id", "source", "kind", "victim", "alleged perpetrator", "place", "date", "grade", "status"
    )
    for c in found:
        victim = f"{c.victim} [{c.victim_id}]" if c.victim_id else (c.victim or "")
        perpetrator = (
            f"{c.perpetrator} [{c.perpetrator_id}]" if c.perpetrator_id else (c.perpetrator or "")
        )
        decided = f"{c.status} ({c.decided_by})" if c.decided_by else c.status
        table.add_row(
            str(c.id), str(c.source_id), c.kind, victim, perpetrator, c.place or "",
            c.date_text or "", c.grade, decided,
        )  # fmt: skip
    console.print(table)


@claims_app.command("accept")
def claims_accept(
    ctx: typer.Context,
    claim_id: ClaimArg,
    credibility: Credibility = None,
    reason: Reason = None,
) -> None:
    """Accept a claim as correctly read from its source (not as true)."""
    with open_workspace(ctx) as workspace:
        decide(workspace, claim_id, "accept", reason=reason, credibility=credibility)
    console.print(f"Claim {claim_id} accepted.")


@claims_app.command("reject")
def claims_reject(
    ctx: typer.Context,
    claim_id: ClaimArg,
    reason: Reason = None,
) -> None:
    """Reject a claim that its source does not make."""
    with open_workspace(ctx) as workspace:
        decide(workspace, claim_id, "reject", reason=reason)
    console.print(f"Claim {claim_id} rejected.")


@claims_app.command("edit")
def claims_edit(
    ctx: typer.Context,
    claim_id: ClaimArg,
    kind: Annotated[str | None, typer.Option("--kind", help="Another kind.")] = None,
    victim: Annotated[
        int | None, typer.Option("--victim", help="Another victim (person id).")
    ] = None,
    perpetrator: Annotated[
        int | None, typer.Option("--perpetrator", help="Another alleged perpetrator (person id).")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Another place.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Another date, as written.")] = None,
    credibility: Credibility = None,
    reason: Reason = None,
) -> None:
    """Correct a claim's reading; it goes back to proposed until accepted again."""
    changes = {
        "kind": kind,
        "victim": victim,
        "perpetrator": perpetrator,
        "place": place,
        "date": date,
    }
    action = "edit" if any(v is not None for v in changes.values()) else "grade"
    with open_workspace(ctx) as workspace:
        decide(workspace, claim_id, action, reason=reason, credibility=credibility, changes=changes)
    console.print(f"Claim {claim_id} {'edited' if action == 'edit' else 'graded'}.")


def _decide_link(
    ctx: typer.Context,
    decide_link: Callable[[Connection, User, str, str, str | None], object],
    named: str,
    person: str,
    reason: str | None,
) -> None:
    # link-person and unlink-person: one decision, by the acting user, in one transaction.
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        decide_link(conn, acting_user(conn, workspace.settings.user), named, person, reason)


@claims_app.command("link-person")
def claims_link_person(
    ctx: typer.Context,
    named: NamedArg,
    person: ListPersonArg,
    reason: Reason = None,
) -> None:
    """Record that a person named in documents is a list person, or another source's named
    person (N5 N7: namesakes are never one person by name alone); audited, reversible."""
    _decide_link(ctx, link_person, named, person, reason)
    console.print(f"{named} linked to {person}.")


@claims_app.command("unlink-person")
def claims_unlink_person(
    ctx: typer.Context,
    named: NamedArg,
    person: ListPersonArg,
    reason: Reason = None,
) -> None:
    """Record that a named person is not a list person or another named person (kept, audited)."""
    _decide_link(ctx, unlink_person, named, person, reason)
    console.print(f"{named} is no longer linked to {person}.")


@claims_app.command("link-proposals")
def claims_link_proposals(
    ctx: typer.Context,
    strong: Annotated[
        bool, typer.Option("--strong", help="Only strong proposals (name, place or date agree).")
    ] = False,
    history: Annotated[
        bool, typer.Option("--history", help="Show the link decisions made instead.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List named persons who may be list persons (by name, place and date), and named persons
    of different sources who may be one person (by name); nothing is linked."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        if history:
            decisions = link_history(conn)
        else:
            found = [p for p in propose_links(conn) if p.strong or not strong]
            found_namesakes = namesake_candidates(conn)
    if history:
        if as_json:
            typer.echo(json.dumps(decisions, ensure_ascii=False, indent=2))
            return
        table = Table("named", "record", "person", "decision", "method", "by", "at", "reason")
        for d in decisions:
            table.add_row(
                d["named_person"], str(d["record"]), d["person"], d["decision"], d["method"],
                d["by"], d["at"][:19], d["reason"] or "",
            )  # fmt: skip
        console.print(table)
        return
    namesakes = [] if strong else found_namesakes
    if as_json:
        typer.echo(
            json.dumps(
                [p.as_json() for p in found] + [n.as_json() for n in namesakes],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    table = Table(
        "named", "name", "person", "record (list)", "name score", "place", "date", "strong"
    )
    for p in found:
        table.add_row(
            f"N{p.named_person_id}", p.name, p.cluster, f"{p.record_name} ({p.list_name})",
            f"{p.score:.2f}", _agrees(p.place_agrees), _agrees(p.date_agrees),
            "yes" if p.strong else "",
        )  # fmt: skip
    console.print(table)
    console.print("Link one with: reckon claims link-person N<id> P<id> --reason TEXT")
    if namesakes:
        pairs = Table(
            "named", "name", "sources", "possible same person", "name", "sources", "score"
        )
        for n in namesakes:
            pairs.add_row(
                f"N{n.person_id}", n.name, ", ".join(map(str, n.sources)), f"N{n.other_id}",
                n.other_name, ", ".join(map(str, n.other_sources)), f"{n.score:.2f}",
            )  # fmt: skip
        console.print(pairs)
        console.print(
            "Namesakes of different sources are two persons until decided: "
            "reckon claims link-person N<id> N<id> --reason TEXT (or unlink-person: not the same)"
        )


@claims_app.command("add-figure")
def claims_add_figure(
    ctx: typer.Context,
    source: Annotated[int, typer.Argument(help="The source that publishes the figure.")],
    who: Annotated[str, typer.Option("--who", help="Whose figure it is (the organisation).")],
    text: Annotated[str, typer.Option("--text", help="The figure as published.")],
    measure: Annotated[
        str, typer.Option("--measure", help="deaths, names_recorded or characterisation.")
    ] = "deaths",
    low: Annotated[int | None, typer.Option("--low", help="Low end (none: open).")] = None,
    high: Annotated[int | None, typer.Option("--high", help="High end (none: open).")] = None,
    year: Annotated[str | None, typer.Option("--year", help="Year published.")] = None,
    where: Annotated[
        str | None, typer.Option("--where", help="Where it was reported or quoted.")
    ] = None,
    credibility: Annotated[
        int, typer.Option("--credibility", help="1–6; 6 (cannot be judged) unless you judged it.")
    ] = 6,
    reason: Annotated[
        str, typer.Option("--reason", help="Why this grade (kept with your name).")
    ] = DEFAULT_REASON,
) -> None:
    """Record a published figure (a death toll) as a graded claim of its source."""
    figure = PublishedFigure(who, measure, text, low, high, year, where)
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        user = acting_user(conn, workspace.settings.user)
        claim_id = record_figure(conn, user, source, figure, credibility=credibility, reason=reason)
    console.print(f"Claim {claim_id}: {figure.statement()}")


@claims_app.command("figures")
def claims_figures(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List published figures, each attributed to whoever published it, with its grade."""
    with open_workspace(ctx) as workspace, workspace.engine.connect() as conn:
        found = read_figures(conn)
    if as_json:
        typer.echo(json.dumps([f.as_json() for f in found], ensure_ascii=False, indent=2))
        return
    for item in found:
        console.print(
            f"[{item.claim_id}] {item.figure.statement()} — source {item.source_id}, "
            f"grade {item.grade} by {item.graded_by or '-'}: {item.reason or '-'}",
            markup=False,
        )


def _agrees(value: bool | None) -> str:
    return "-" if value is None else ("agrees" if value else "differs")


@app.command("person")
def person(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(help="N5 (named in documents), P12 (a list person) or a bare named id."),
    ],
    reveal: Annotated[
        bool, typer.Option("--reveal", help="Also show witness records (allowed roles; audited).")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Print everything known about a person, each item with its sources."""
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        locker = Locker.open(workspace)
        user = acting_user(conn, workspace.settings.user)
        whole = whole_person(conn, locker, user, ref, reveal=reveal)
    if as_json:
        typer.echo(json.dumps(whole.as_json(), ensure_ascii=False, indent=2, default=str))
        return
    others = [r for r in whole.refs if r != whole.ref]
    console.print(
        f"[bold]Person {whole.ref}[/]"
        + (f" (the same person as {', '.join(others)})" if others else "")
    )
    if whole.records:
        table = Table("record", "list", "row", "name", "city", "prison", "date of death")
        for record in whole.records:
            name = record.get("full_name") or " ".join(
                x for x in (record.get("given_name"), record.get("surname")) if x
            )
            table.add_row(
                record["record"], record["list"], record["row"], name, record.get("city", ""),
                record.get("prison", ""), record.get("death_date", ""),
            )  # fmt: skip
        console.print("Lists' records:")
        console.print(table)
        for item in whole.statements:
            where = ", ".join(x for x in (item.value, item.place, item.date_text) if x)
            console.print(
                f"  {item.kind} ({where or 'no place or date'}), according to list "
                f"{item.list_name} (record {item.record_id}); {item.lists_stating} list(s) say so, "
                f"{item.independent_lists} independent"
            )
    for report in whole.named:
        _print_report(report)
    for n in whole.possible_same:
        mine, other = (
            (n.person_id, n.other_id)
            if f"N{n.person_id}" in whole.refs
            else (n.other_id, n.person_id)
        )
        other_name, other_sources = (
            (n.other_name, n.other_sources) if other == n.other_id else (n.name, n.sources)
        )
        console.print(
            f"Possible same person: N{other} ({other_name}; sources "
            f"{', '.join(map(str, other_sources)) or '-'}; name score {n.score:.2f}). "
            f"Decide with 'reckon claims link-person N{mine} N{other} --reason …' "
            f"or 'reckon claims unlink-person N{mine} N{other} --reason …'.",
            markup=False,
        )


def _print_report(report: PersonReport) -> None:
    console.print(f"[bold]Named person N{report.id}: {report.name}[/]")
    if len(report.spellings) > 1:
        console.print("Written as: " + "; ".join(report.spellings))
    table = Table(
        "claim", "kind", "role", "place", "date", "source", "grade", "support", "conflicts"
    )
    for claim, corroboration, _quote in report.claims:
        role = "alleged perpetrator" if claim.perpetrator_id == report.id else "victim"
        table.add_row(
            f"{claim.id} ({claim.status})", claim.kind, role, claim.place or "",
            claim.date_text or "", report.source_titles.get(claim.source_id, str(claim.source_id)),
            claim.grade,
            f"{len(corroboration.sources)} sources, {corroboration.independent} independent",
            ", ".join(map(str, corroboration.conflicts)) or "",
        )  # fmt: skip
    console.print(table)
    for claim, _, quote in report.claims:
        if quote:
            console.print(f"  [{claim.id}] “{' '.join(quote.split())}”")
        reliability = (
            f"reliability {claim.reliability} by {claim.reliability_by}: {claim.reliability_reason}"
            if claim.reliability_by
            else f"reliability {claim.reliability} (not graded)"
        )
        credibility = (
            f"credibility {claim.credibility} by {claim.credibility_by}: {claim.credibility_reason}"
            if claim.credibility_by
            else f"credibility {claim.credibility} (not judged)"
        )
        console.print(f"      {reliability}; {credibility}")
    for item in report.involvements:
        degree = f", {item['degree']}" if item["degree"] else ""
        console.print(
            f"Involvement: {item['role'].replace('_', ' ')}{degree} in {item['event_title']}"
        )
    if report.hidden_claims:
        console.print(
            f"{report.hidden_claims} claims of confidential sources are not shown to you."
        )
    if report.witness_records is not None:
        for record in report.witness_records:
            console.print(
                f"Witness record {record['id']}: {record['role']} for source {record['source_id']}: "
                f"{record['name']}; contact {record.get('contact') or '-'}; "
                f"location {record.get('location') or '-'} (this reveal is audited)"
            )


@witness_app.command("add")
def witness_add(
    ctx: typer.Context,
    source: Annotated[int, typer.Argument(help="The source they gave or submitted.")],
    name: Annotated[str, typer.Option("--name", help="Their name.")],
    role: Annotated[str, typer.Option("--role", help="witness or submitter.")] = "witness",
    person_id: Annotated[
        int | None, typer.Option("--person", help="Their person id, if named.")
    ] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="How to reach them.")] = None,
    location: Annotated[str | None, typer.Option("--location", help="Where they live.")] = None,
    relation: Annotated[
        str | None, typer.Option("--relation", help="Their relation to the case.")
    ] = None,
) -> None:
    """Record a witness or submitter; everything about them is sealed."""
    with open_workspace(ctx) as workspace, workspace.engine.begin() as conn:
        locker = Locker.open(workspace)
        user = acting_user(conn, workspace.settings.user)
        witness_id = add_witness(
            conn, locker, user, source_id=source, name=name, role=role, person_id=person_id,
            contact=contact, location=location, relation=relation,
        )  # fmt: skip
    console.print(f"Recorded sealed witness record {witness_id}.")

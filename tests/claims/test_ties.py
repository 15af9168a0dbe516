"""Namesakes of different sources stay two named persons until a coder or a link says otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.corroboration import corroborate
from reckon.claims.identity import link_person, person_refs_for, tied_groups, unlink_person
from reckon.claims.records import ClaimRecord, load_claims
from reckon.claims.ties import namesake_candidates, tie_persons
from reckon.claims.whole import whole_person
from reckon.cli import app
from reckon.errors import InputError
from reckon.evidence import Locker
from reckon.link.imports import import_list
from reckon.store import users
from reckon.store.schema import audit_entries, event_claims, events, named_persons, person_ties
from reckon.workspace import Workspace

from .conftest import PASSPHRASE, AddText

# Fictional people; Ali Rezaei is a common name on purpose.
REPORT = (
    "Ali Rezaei was executed at Gohardasht Prison on 12 August 1988. "
    "Relatives of Ali Rezaei were told in November.\n"
)
TESTIMONY = "Ali Rezaei was executed at Gohardasht Prison in August 1988.\n"
OTHER = "Ali Rezaei was arrested in Shiraz in 1986.\n"


def _accept_all(ws: Workspace) -> list[ClaimRecord]:
    with ws.engine.connect() as conn:
        user = users.acting_user(conn, ws.settings.user)
        pending = load_claims(conn, Locker.open(ws), user)
    for claim in pending:
        decide(ws, claim.id, "accept")
    with ws.engine.connect() as conn:
        user = users.acting_user(conn, ws.settings.user)
        return load_claims(conn, Locker.open(ws), user)


def _by_source(pool: list[ClaimRecord]) -> dict[int, ClaimRecord]:
    return {c.source_id: c for c in pool}


def test_one_name_is_one_person_within_a_source_and_two_across_sources(
    ws: Workspace, add_text: AddText
) -> None:
    report = add_text(REPORT, "report.txt")
    testimony = add_text(TESTIMONY, "testimony.txt")
    propose_from_source(ws, report)
    propose_from_source(ws, report)  # a second run reads the same names again
    propose_from_source(ws, testimony)
    with ws.engine.connect() as conn:
        persons = conn.execute(select(named_persons.c.id)).scalars().all()
        pool = load_claims(conn, Locker.open(ws), users.acting_user(conn, "tester"))
    assert len(persons) == 2
    assert len({c.victim_id for c in pool}) == 2
    # Nothing ties them: neither reference reaches the other.
    with ws.engine.connect() as conn:
        assert person_refs_for(conn, f"N{persons[0]}") == {f"N{persons[0]}"}


def test_namesakes_do_not_corroborate_each_other_until_a_coder_ties_them(
    ws: Workspace, add_text: AddText
) -> None:
    report = add_text(REPORT, "report.txt", affiliation="Mehr Centre")
    testimony = add_text(TESTIMONY, "testimony.txt")
    other = add_text(OTHER, "other.txt")
    for source in (report, testimony, other):
        propose_from_source(ws, source)
    pool = _accept_all(ws)
    execution, told = _by_source(pool)[report], _by_source(pool)[testimony]
    a, b = execution.victim_id, told.victim_id
    with ws.engine.connect() as conn:
        assert corroborate(conn, execution, pool).sources == [report]
        offered = namesake_candidates(conn)
    # Three sources name Ali Rezaei: every pair is offered for review, none is merged.
    assert len(offered) == 3
    assert all(n.score >= 0.99 for n in offered)
    assert {(n.person_id, n.other_id) for n in offered} >= {(min(a, b), max(a, b))}  # type: ignore[type-var]
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        link_person(conn, actor, f"N{a}", f"N{b}", "same prison, same month; family confirms")
        other_person = _by_source(pool)[other].victim_id
        unlink_person(conn, actor, f"N{a}", f"N{other_person}", "arrested in Shiraz: another man")
    with ws.engine.connect() as conn:
        support = corroborate(conn, execution, pool)
        assert support.sources == [report, testimony]
        assert support.independent == 2
        # The third pair: N(b) is N(a), whom the coder said is not the Shiraz man.
        assert namesake_candidates(conn) == []
        assert person_refs_for(conn, f"N{a}") == {f"N{a}", f"N{b}"}
        assert f"N{other_person}" not in person_refs_for(conn, f"N{b}")
        rows = conn.execute(select(person_ties).order_by(person_ties.c.id)).all()
        actions = [
            r.action
            for r in conn.execute(
                select(audit_entries).where(audit_entries.c.action.like("person-%tied"))
            )
        ]
    assert [(r.decision, r.method) for r in rows] == [("same", "proposal"), ("different", "manual")]
    assert rows[0].score is not None
    assert rows[0].score >= 0.99
    assert actions == ["person-tied", "person-untied"]
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        with pytest.raises(InputError, match="tied already"):
            tie_persons(conn, actor, f"N{b}", f"N{a}", "same", None)
        whole = whole_person(conn, Locker.open(ws), actor, f"N{b}")
        # Search merges the hits of one person: the tie is one of its groups.
        assert {f"N{a}", f"N{b}"} in tied_groups(conn, [f"N{b}"])
    assert sorted(r.id for r in whole.named) == sorted([a, b])  # type: ignore[type-var]


def test_namesakes_tied_to_one_list_person_are_one_person(
    ws: Workspace, add_text: AddText, tmp_path: Path
) -> None:
    path = tmp_path / "list.csv"
    path.write_text("no,name,prison,date\n1,Ali Rezaei,Gohardasht,1988-08-12\n", encoding="utf-8")
    with ws.engine.begin() as conn:
        import_list(
            conn, users.acting_user(conn, "tester"), path, "nff",
            {"no": "record_id", "name": "full_name", "prison": "prison", "date": "death_date"},
        )  # fmt: skip
    report = add_text(REPORT, "report.txt")
    testimony = add_text(TESTIMONY, "testimony.txt")
    for source in (report, testimony):
        propose_from_source(ws, source)
    pool = _accept_all(ws)
    execution, told = _by_source(pool)[report], _by_source(pool)[testimony]
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        link_person(conn, actor, f"N{execution.victim_id}", "P1", "same prison and date")
        assert corroborate(conn, execution, pool).sources == [report]
        link_person(conn, actor, f"N{told.victim_id}", "P1", "same prison and month")
        assert corroborate(conn, execution, pool).sources == [report, testimony]
        # Said to be two men while both are tied to P1: the list links must be undone first.
        with pytest.raises(InputError, match="through a list person"):
            unlink_person(conn, actor, f"N{execution.victim_id}", f"N{told.victim_id}", "no")


def test_a_confidential_sources_namesake_is_its_own_protected_person(
    ws: Workspace, add_text: AddText
) -> None:
    public = add_text(REPORT, "report.txt")
    secret = add_text(TESTIMONY, "testimony.txt", confidential=True)
    for source in (public, secret):
        propose_from_source(ws, source)
    pool = _accept_all(ws)
    named, hidden = _by_source(pool)[public].victim_id, _by_source(pool)[secret].victim_id
    assert named != hidden
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        assert namesake_candidates(conn) == []
        with pytest.raises(InputError, match="confidential source"):
            link_person(conn, actor, f"N{named}", f"N{hidden}", "same")


def test_person_command_offers_namesakes_and_link_person_ties_them(
    ws: Workspace, add_text: AddText, store_env: dict[str, str]
) -> None:
    report = add_text(REPORT, "report.txt")
    testimony = add_text(TESTIMONY, "testimony.txt")
    for source in (report, testimony):
        propose_from_source(ws, source)
    pool = _accept_all(ws)
    a, b = _by_source(pool)[report].victim_id, _by_source(pool)[testimony].victim_id
    runner = CliRunner()
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    base = ["-w", str(ws.root)]
    shown = runner.invoke(app, [*base, "person", f"N{a}"], env=env)
    assert shown.exit_code == 0, shown.output
    assert f"Possible same person: N{b}" in " ".join(shown.output.split())
    proposals = runner.invoke(app, [*base, "claims", "link-proposals", "--json"], env=env)
    assert proposals.exit_code == 0, proposals.output
    assert {p.get("other") for p in json.loads(proposals.output)} == {f"N{b}"}
    tied = runner.invoke(
        app, [*base, "claims", "link-person", f"N{a}", f"N{b}", "--reason", "same man"], env=env
    )
    assert tied.exit_code == 0, tied.output
    after = runner.invoke(app, [*base, "person", f"N{a}", "--json"], env=env)
    data = json.loads(after.output)
    assert data["refs"] == [f"N{a}", f"N{b}"]
    assert data["possible_same_person"] == []
    support = data["named_persons"][0]["claims"][0]["corroboration"]
    assert support["sources"] == [report, testimony]


def test_a_tie_joins_the_namesakes_events_and_an_untie_parts_them(
    ws: Workspace, add_text: AddText
) -> None:
    report = add_text(REPORT, "report.txt")
    testimony = add_text(TESTIMONY, "testimony.txt")
    for source in (report, testimony):
        propose_from_source(ws, source)
    pool = _accept_all(ws)
    a, b = _by_source(pool)[report].victim_id, _by_source(pool)[testimony].victim_id

    def executions() -> list[set[int]]:
        with ws.engine.connect() as conn:
            rows = conn.execute(
                select(event_claims.c.event_id, event_claims.c.claim_id)
                .join(events, events.c.id == event_claims.c.event_id)
                .where(events.c.kind == "execution")
            ).all()
        by_event: dict[int, set[int]] = {}
        for row in rows:
            by_event.setdefault(int(row.event_id), set()).add(int(row.claim_id))
        return sorted(by_event.values(), key=min)

    both = {_by_source(pool)[report].id, _by_source(pool)[testimony].id}
    assert len(executions()) == 2  # two men of one name, as far as anyone has decided
    with ws.engine.begin() as conn:
        link_person(conn, users.acting_user(conn, "tester"), f"N{a}", f"N{b}", "same man")
    assert executions() == [both]
    with ws.engine.begin() as conn:
        unlink_person(conn, users.acting_user(conn, "tester"), f"N{a}", f"N{b}", "two men")
    assert [len(e) for e in executions()] == [1, 1]

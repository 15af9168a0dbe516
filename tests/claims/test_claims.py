"""Coding claims in a workspace: proposals, decisions, events, corroboration, conflicts."""

from __future__ import annotations

from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.corroboration import corroborate, independent_chains
from reckon.claims.identity import link_person
from reckon.claims.records import load_claims
from reckon.claims.sealed import mention_texts
from reckon.errors import PermissionDenied
from reckon.evidence import Locker
from reckon.evidence.text import source_text
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import audit_entries, claim_decisions, events, involvements, mentions
from reckon.workspace import Workspace

from .conftest import AddText


def _tie(ws: Workspace, a: int | None, b: int | None) -> None:
    """A coder decides that two sources' named persons are one person."""
    with ws.engine.begin() as conn:
        link_person(conn, users.acting_user(conn, "tester"), f"N{a}", f"N{b}", "same man")


def _claims(ws: Workspace, **filters: object) -> list:  # type: ignore[type-arg]
    with ws.engine.connect() as conn:
        user = users.acting_user(conn, ws.settings.user)
        return load_claims(conn, Locker.open(ws), user, **filters)  # type: ignore[arg-type]


def test_proposals_are_stored_with_offsets_into_the_text(ws: Workspace, add_text: AddText) -> None:
    source = add_text("Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988.\n")
    proposed = propose_from_source(ws, source)
    assert len(proposed.new_claims) == 1
    (claim,) = _claims(ws)
    assert (claim.kind, claim.victim, claim.place, claim.status, claim.grade) == (
        "execution", "Mehrdad Ansari", "Vakilabad Prison", "proposed", "F6",
    )  # fmt: skip
    assert (claim.date_start, claim.date_precision) == ("1988-08-16", "day")
    with ws.engine.begin() as conn:
        user = users.acting_user(conn, ws.settings.user)
        text = source_text(Locker.open(ws), conn, user, source)
        assert text is not None
        assert claim.quote_start is not None
        assert text.text[claim.quote_start : claim.quote_end].startswith("Mehrdad Ansari")
        spans = conn.execute(
            select(
                mentions.c.id,
                mentions.c.start_offset,
                mentions.c.end_offset,
                mentions.c.text,
                mentions.c.person_id,
            )
        ).all()
        # A mention naming a person keeps its words sealed with the person's key.
        person_id = claim.victim_id
        assert person_id is not None
        sealed = mention_texts(conn, person_id)
        assert sealed
        assert all(m.text == "" for m in spans if m.person_id is not None)
        words = {m.id: sealed.get(m.id, m.text) for m in spans}
        assert all(text.text[m.start_offset : m.end_offset] == words[m.id] for m in spans)
        actions = conn.execute(select(audit_entries.c.action)).scalars().all()
        assert "claims-proposed" in actions
    # Extracting again adds nothing.
    assert propose_from_source(ws, source).new_claims == []


def test_decisions_are_recorded_and_build_events(ws: Workspace, add_text: AddText) -> None:
    source = add_text(
        "Mansour Zarrinkamar ordered the execution of Firouz Hashemi on 2 August 1988. "
        "Firouz Hashemi was executed at Evin Prison on 2 August 1988.\n"
    )
    propose_from_source(ws, source)
    by_kind = {c.kind: c for c in _claims(ws)}
    decide(ws, by_kind["execution"].id, "accept", credibility=2, reason="two cellmates confirm")
    decide(ws, by_kind["ordered"].id, "accept")
    accepted = {c.kind: c for c in _claims(ws, status="accepted")}
    assert accepted["execution"].grade == "F2"
    assert accepted["execution"].credibility_by == "tester"
    assert accepted["execution"].credibility_reason == "two cellmates confirm"
    assert accepted["execution"].decided_by == "tester"
    with ws.engine.connect() as conn:
        roles = {(r.role, r.degree) for r in conn.execute(select(involvements))}
        assert roles == {("victim", None), ("alleged_perpetrator", "gave orders")}
        assert len(conn.execute(select(events)).all()) == 1
    decide(ws, by_kind["ordered"].id, "reject", reason="the witness only heard it")
    decide(ws, by_kind["execution"].id, "edit", changes={"date": "12 Mordad 1367"})
    edited = _claims(ws, kind="execution")[0]
    assert (edited.status, edited.date_calendar, edited.date_start) == (
        "proposed",
        "solar_hijri",
        "1988-08-03",
    )
    with ws.engine.connect() as conn:
        assert conn.execute(select(events)).all() == []  # nothing accepted supports it any more
        actions = [r.action for r in conn.execute(select(claim_decisions))]
        assert actions == ["accept", "accept", "reject", "edit"]
        audited = set(conn.execute(select(audit_entries.c.action)).scalars())
        assert {"claim-accept", "claim-reject", "claim-edit"} <= audited


def test_a_reviewer_may_not_code(ws: Workspace, add_text: AddText) -> None:
    source = add_text("Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988.\n")
    propose_from_source(ws, source)
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "rev", Role.REVIEWER, actor=admin)
    ws.settings = ws.settings.with_overrides(user="rev")
    try:
        decide(ws, 1, "accept")
    except PermissionDenied:
        pass
    else:
        raise AssertionError("a reviewer coded a claim")


def test_conflicting_claims_stand_side_by_side(ws: Workspace, add_text: AddText) -> None:
    first = add_text(
        "Mohammad-Reza Karimzadeh was executed at Gohardasht Prison on 30 July 1988.\n", "a.txt"
    )
    second = add_text(
        "Mohammad-Reza Karimzadeh was executed at Evin Prison in early September 1988.\n", "b.txt"
    )
    third = add_text(
        "Behrouz Hassanzadeh was executed at Vakilabad Prison on 14 August 1988.\n", "c.txt"
    )
    fourth = add_text(
        "Relatives say Behrouz Hassanzadeh survived and was released in 1991.\n", "d.txt"
    )
    for source in (first, second, third, fourth):
        propose_from_source(ws, source)
    for claim in _claims(ws):
        decide(ws, claim.id, "accept")
    pool = _claims(ws)
    by_source = {c.source_id: c for c in pool}
    with ws.engine.connect() as conn:
        # Each source names its own person: namesakes are not assumed to be one.
        assert corroborate(conn, by_source[first], pool).conflicts == []
    _tie(ws, by_source[first].victim_id, by_source[second].victim_id)
    _tie(ws, by_source[third].victim_id, by_source[fourth].victim_id)
    with ws.engine.connect() as conn:
        assert corroborate(conn, by_source[first], pool).conflicts == [by_source[second].id]
        assert corroborate(conn, by_source[second], pool).conflicts == [by_source[first].id]
        assert corroborate(conn, by_source[third], pool).conflicts == [by_source[fourth].id]


def test_corroboration_counts_independent_chains(ws: Workspace, add_text: AddText) -> None:
    text = "Iraj Farahani was executed at Gohardasht Prison on 12 August 1988.\n"
    original = add_text(text, "press.txt", affiliation="Front")
    copy = add_text(text + "Reported by the Tribune.\n", "copy.txt", derived_from=(str(original),))
    other = add_text(
        text + "From our own interviews.\n", "ngo.txt", affiliation="Mehr Centre", reliability="B"
    )
    same_side = add_text(text + "Our own records agree.\n", "front2.txt", affiliation="Front")
    for source in (original, copy, other, same_side):
        propose_from_source(ws, source)
    for claim in _claims(ws):
        decide(ws, claim.id, "accept")
    pool = _claims(ws)
    with ws.engine.connect() as conn:
        alone = corroborate(conn, pool[0], pool)
    # Four sources name Iraj Farahani: four named persons until a coder says they are one.
    assert len({c.victim_id for c in pool}) == 4
    assert alone.sources == [pool[0].source_id]
    for claim in pool[1:]:
        _tie(ws, pool[0].victim_id, claim.victim_id)
    with ws.engine.connect() as conn:
        support = corroborate(conn, pool[0], pool)
    assert support.sources == sorted([original, copy, other, same_side])
    # The copy derives from the original and the second Front source shares its affiliation.
    assert support.independent == 2
    assert support.best_reliability == "B"


def test_independent_chains_follow_derivations() -> None:
    t01, t02, ngo, nff, tribune = 1, 2, 3, 4, 5
    parents = {ngo: {t01, t02}, tribune: {nff}}
    assert independent_chains([t01, t02, ngo, nff, tribune], parents, {}) == 3
    assert independent_chains([ngo, tribune], parents, {}) == 2
    assert independent_chains([t01, ngo], parents, {}) == 1

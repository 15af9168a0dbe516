"""The publication rules on real claims, events and involvements, end to end (both backends).

Claims are proposed from sources' text and accepted through the claims library
(`reckon.claims.coding`), which builds the events and involvements; publishing
then goes through `reckon.publish.records` exactly as `reckon publish` does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from reckon.claims.coding import decide, propose_from_source
from reckon.claims.identity import link_person
from reckon.claims.ties import namesake_candidates
from reckon.errors import ConflictError, InputError, PermissionDenied
from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.publish import records, visibility
from reckon.publish.export.public import export_public
from reckon.publish.items import resolve
from reckon.publish.readers import ReadContext
from reckon.publish.rules import Override, Rules
from reckon.publish.withhold import withhold
from reckon.roles import Role
from reckon.store import audit, users
from reckon.store.schema import claims, involvements
from reckon.workspace import Workspace, init_workspace

ALLEGATION = "Mansour Zarrinkamar ordered the execution of Firouz Hashemi on 2 August 1988.\n"


@pytest.fixture
def ws(tmp_path: Path, store_env: dict[str, str]) -> Iterator[Workspace]:
    workspace = init_workspace(tmp_path / "ws", "tester", store_env)
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        users.add_user(conn, "coder", Role.EDITOR, actor=admin)  # may publish too
        users.add_user(conn, "second", Role.EDITOR, actor=admin)
    try:
        yield workspace
    finally:
        workspace.close()


def _source(
    ws: Workspace, text: str, title: str, affiliation: str, derived: int | None = None
) -> int:
    facts = SourceFacts(
        title=title,
        affiliation=affiliation,
        derived_from=() if derived is None else (str(derived),),
    )
    result = add_bytes(Locker.open(ws), text.encode(), f"{title}.txt", facts)
    assert result.source_id is not None, result.error
    return result.source_id


def _code(ws: Workspace, source_id: int, user: str = "coder") -> list[int]:
    """Propose the source's claims and accept them all, as ``user`` (the claims library's path)."""
    base = ws.settings
    ws.settings = base.with_overrides(user=user)
    try:
        new = propose_from_source(ws, source_id).new_claims
        for claim_id in new:
            decide(ws, claim_id, "accept")
    finally:
        ws.settings = base
    assert new, "the text proposed no claim"
    return new


def _tie_namesakes(ws: Workspace) -> None:
    """The coder, having read the sources, ties each source's Zarrinkamar and Hashemi as one.

    Each source's named persons are its own: without this, two sources' claims about
    a man of the same name would support two involvements of two persons.
    """
    with ws.engine.begin() as conn:
        coder = users.acting_user(conn, "coder")
        while pairs := [n for n in namesake_candidates(conn) if n.name == n.other_name]:
            link_person(conn, coder, f"N{pairs[0].person_id}", f"N{pairs[0].other_id}", "same")


def _perpetrator_involvement(ws: Workspace) -> str:
    with ws.engine.connect() as conn:
        value = conn.execute(
            select(involvements.c.id).where(involvements.c.role == "alleged_perpetrator")
        ).scalar_one()
    return str(value)


def test_the_coder_cannot_publish_and_one_source_needs_an_override(ws: Workspace) -> None:
    front = _source(ws, ALLEGATION, "Front bulletin", "Front")
    _code(ws, front)
    inv = _perpetrator_involvement(ws)
    with ws.engine.begin() as conn:
        coder, second = users.acting_user(conn, "coder"), users.acting_user(conn, "second")
        facts = resolve(conn, "involvement", inv)
        assert facts.names_alleged_perpetrator
        assert facts.accepted_by == {coder.id}
        assert facts.independent_sources == 1
        # The editor who accepted the claim may publish in general, but not this.
        with pytest.raises(PermissionDenied, match="second editor"):
            records.publish(conn, coder, "involvement", inv)
        # Even with an override: two people, always.
        with pytest.raises(PermissionDenied, match="second editor"):
            records.publish(
                conn, coder, "involvement", inv, override=Override("court", legal_review=True)
            )
        with pytest.raises(ConflictError, match="1 independent source"):
            records.publish(conn, second, "involvement", inv, rules=Rules())
        with pytest.raises(ConflictError, match="one at a time"):
            records.publish_many(conn, second, "involvement", [inv])
        with pytest.raises(InputError, match="written reason"):
            Override("  ", legal_review=True)
        with pytest.raises(InputError, match="legal review"):
            Override("a court judgment names him", legal_review=False)
        assert not visibility.is_public(conn, "involvement", inv)
        records.publish(
            conn,
            second,
            "involvement",
            inv,
            rules=Rules(),
            override=Override("a court judgment names him", legal_review=True),
        )
    with ws.engine.connect() as conn:
        [pub] = records.history(conn, "involvement", inv)
        assert (pub.published_by, pub.legal_review) == ("second", True)
        assert pub.override_reason == "a court judgment names him"
        [entry] = audit.entries(conn, "involvement", inv)
        assert entry.user == "second"
        assert entry.detail["override_reason"] == "a court judgment names him"
        assert entry.detail["legal_review"] is True
        assert (
            visibility.what_is_public(conn).items[visibility.ItemType.INVOLVEMENT][inv].legal_review
        )


def test_a_derived_source_counts_once_and_two_independent_sources_publish(
    ws: Workspace, tmp_path: Path
) -> None:
    front = _source(ws, ALLEGATION, "Front bulletin", "Front")
    _code(ws, front)
    # A newspaper repeating the Front's bulletin: a second source, not a second chain.
    paper = _source(ws, "The Daily reports: " + ALLEGATION, "Daily report", "Daily", front)
    _code(ws, paper)
    _tie_namesakes(ws)
    inv = _perpetrator_involvement(ws)
    with ws.engine.begin() as conn:
        second = users.acting_user(conn, "second")
        facts = resolve(conn, "involvement", inv)
        assert len(facts.accepted_by) == 1
        assert facts.independent_sources == 1
        with pytest.raises(ConflictError, match="1 independent source"):
            records.publish(conn, second, "involvement", inv)
    # The rights group's own interviews are a chain of their own.
    ngo = _source(ws, "Our interviews: " + ALLEGATION, "Mehr Centre interviews", "Mehr Centre")
    _code(ws, ngo)
    _tie_namesakes(ws)
    with ws.engine.begin() as conn:
        second = users.acting_user(conn, "second")
        assert resolve(conn, "involvement", inv).independent_sources == 2
        records.publish(conn, second, "involvement", inv, note="two independent chains")
        claim_ids = [str(i) for i in conn.execute(select(claims.c.id)).scalars()]
    with ws.engine.connect() as conn:
        [pub] = records.history(conn, "involvement", inv)
        assert (pub.legal_review, pub.override_reason) == (False, None)
        assert visibility.is_public(conn, "involvement", inv)
        admin = users.acting_user(conn, "tester")
        export_public(ReadContext(Locker.open(ws), conn, admin), tmp_path / "register")
    [row] = [
        json.loads(line)
        for line in (tmp_path / "register" / "involvements.jsonl").read_text().splitlines()
    ]
    # Attributed: the published line says according to whom, though no claim is published.
    assert row["role"] == "alleged perpetrator"
    assert row["person_name"] == "Mansour Zarrinkamar"
    assert row["claim_ids"] == []
    assert set(row["according_to"]) == {
        "Front bulletin",
        "Daily report",
        "Mehr Centre interviews",
    }
    cited = (tmp_path / "register" / "sources.csv").read_text(encoding="utf-8-sig")
    assert "Mehr Centre interviews" in cited
    assert len(claim_ids) == 6  # an execution and an order per source, none published


def test_correction_and_withdrawal_are_audited_and_withholding_the_victim_hides_it(
    ws: Workspace,
) -> None:
    front = _source(ws, ALLEGATION, "Front bulletin", "Front")
    ngo = _source(ws, "Our interviews: " + ALLEGATION, "Mehr Centre interviews", "Mehr Centre")
    _code(ws, front)
    _code(ws, ngo)
    _tie_namesakes(ws)
    inv = _perpetrator_involvement(ws)
    with ws.engine.begin() as conn:
        second = users.acting_user(conn, "second")
        records.publish(conn, second, "involvement", inv)
        records.correct(conn, second, "involvement", inv, "degree of involvement clarified")
    with ws.engine.connect() as conn:
        item = visibility.what_is_public(conn).items[visibility.ItemType.INVOLVEMENT][inv]
        assert (item.status, item.correction) == ("corrected", "degree of involvement clarified")
    with ws.engine.begin() as conn:
        second = users.acting_user(conn, "second")
        records.withdraw(conn, second, "involvement", inv, "the second source retracted")
        assert not visibility.is_public(conn, "involvement", inv)
        records.publish(conn, second, "involvement", inv)
        facts = resolve(conn, "involvement", inv)
        event = resolve(
            conn,
            "event",
            str(
                conn.execute(
                    select(involvements.c.event_id).where(involvements.c.id == int(inv))
                ).scalar_one()
            ),
        )
        victim = next(iter(event.persons - facts.alleged_perpetrators))
        # Withholding the victim at the family's request hides the allegation about his death.
        withhold(conn, second, victim, "the family asked")
    with ws.engine.connect() as conn:
        assert not visibility.is_public(conn, "involvement", inv)
        log = [(e.action, e.user) for e in audit.entries(conn, "involvement", inv)]
        assert log == [
            ("published", "second"),
            ("corrected", "second"),
            ("withdrawn", "second"),
            ("published", "second"),
        ]
        [entry] = [e for e in audit.entries(conn, "involvement", inv) if e.action == "withdrawn"]
        assert entry.detail["reason"] == "the second source retracted"

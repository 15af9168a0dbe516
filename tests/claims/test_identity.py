"""Named persons (N) tied to list persons (P): proposals, links, unlinks, equivalent refs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from reckon.claims.coding import propose_from_source
from reckon.claims.identity import (
    accept_strong_proposals,
    link_history,
    link_person,
    person_refs_for,
    propose_links,
    unlink_person,
)
from reckon.claims.persons import public_people
from reckon.claims.records import load_claims
from reckon.errors import InputError, NotFoundError, PermissionDenied
from reckon.evidence import Locker
from reckon.link.identity import open_rows
from reckon.link.imports import import_list
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import audit_entries, person_members, person_records
from reckon.workspace import Workspace

from .conftest import AddText

LIST = (
    "no,name,city,prison,date\n"
    "1,Mehrdad Ansari,Mashhad,Vakilabad,1988-08-16\n"
    "2,مهرداد انصاری,مشهد,وکیل‌آباد,1367-05-25\n"
    "3,Iraj Farahani,Tehran,Gohardasht,1988-08-12\n"
    "4,Mehdi Ansari,Tabriz,Tabriz,1988-09-20\n"
)
MAP = {
    "no": "record_id",
    "name": "full_name",
    "city": "city",
    "prison": "prison",
    "date": "death_date",
}


def _setup(ws: Workspace, add_text: AddText, tmp_path: Path) -> dict[str, int]:
    path = tmp_path / "list.csv"
    path.write_text(LIST, encoding="utf-8")
    with ws.engine.begin() as conn:
        actor = users.acting_user(conn, "tester")
        import_list(conn, actor, path, "mixed", MAP)
    source = add_text(
        "Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988. "
        "Iraj Farahani was executed at Gohardasht Prison on 12 August 1988.\n"
    )
    propose_from_source(ws, source)
    with ws.engine.connect() as conn:
        rows = public_people(conn)  # names sealed per person (reckon.claims.sealed)
        # Names are sealed per record (reckon.link.identity): read them opened.
        records = open_rows(
            conn, conn.execute(select(person_records.c.id, person_records.c.full_name)).all()
        )
    ids = {name: person_id for person_id, name in rows}
    ids.update({f"record:{r.full_name}": int(r.id) for r in records})
    return ids


def _cluster(ws: Workspace, a: int, b: int) -> None:
    """Make records a and b one cluster, as a linkage run would (named after the lower id)."""
    with ws.engine.begin() as conn:
        from reckon.store.schema import link_runs
        from reckon.store.types import utcnow

        run = conn.execute(
            link_runs.insert().values(
                started_at=utcnow(),
                run_by=1,
                engine="duckdb",
                model={},
                threshold=0.9,
                n_records=4,
                n_persons=3,
                n_held=0,
                n_labels=0,
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        for record in (a, b):
            conn.execute(
                person_members.insert().values(
                    record_id=record, person_id=f"P{min(a, b)}", run_id=run, held=0
                )
            )


def test_proposals_by_name_in_both_scripts_with_place_and_date(
    ws: Workspace, add_text: AddText, tmp_path: Path
) -> None:
    ids = _setup(ws, add_text, tmp_path)
    with ws.engine.connect() as conn:
        proposals = propose_links(conn)
    by_pair = {(p.named_person_id, p.record_id): p for p in proposals}
    ansari, persian = ids["Mehrdad Ansari"], ids["record:مهرداد انصاری"]
    latin = by_pair[(ansari, ids["record:Mehrdad Ansari"])]
    assert latin.strong
    assert latin.place_agrees
    assert latin.date_agrees
    # The Persian spelling of the same name, with the date in Solar Hijri, is proposed too.
    other_script = by_pair[(ansari, persian)]
    assert other_script.strong
    assert other_script.date_agrees
    # Mehdi Ansari died elsewhere on another date: never a strong proposal.
    weak = by_pair.get((ansari, ids["record:Mehdi Ansari"]))
    assert weak is None or not weak.strong
    farahani = by_pair[(ids["Iraj Farahani"], ids["record:Iraj Farahani"])]
    assert farahani.strong


def test_link_unlink_and_equivalent_refs(ws: Workspace, add_text: AddText, tmp_path: Path) -> None:
    ids = _setup(ws, add_text, tmp_path)
    ansari = f"N{ids['Mehrdad Ansari']}"
    latin, persian = ids["record:Mehrdad Ansari"], ids["record:مهرداد انصاری"]
    _cluster(ws, latin, persian)
    cluster = f"P{min(latin, persian)}"
    with ws.engine.begin() as conn:
        assert person_refs_for(conn, ansari) == {ansari}
        assert person_refs_for(conn, cluster) == {cluster}
        actor = users.acting_user(conn, "tester")
        link_person(conn, actor, ansari, cluster, "same name, prison and date")
    with ws.engine.begin() as conn:
        assert person_refs_for(conn, ansari) == {ansari, cluster}
        assert person_refs_for(conn, cluster) == {ansari, cluster}
        assert person_refs_for(conn, f"P{max(latin, persian)}") == {f"P{max(latin, persian)}"}
        assert person_refs_for(conn, "X9") == {"X9"}
        (entry,) = link_history(conn, ansari)
        assert (entry["decision"], entry["method"], entry["by"]) == ("same", "proposal", "tester")
        assert entry["score"] is not None
        # A decided pair is not proposed again.
        assert all(
            p.cluster != cluster for p in propose_links(conn) if f"N{p.named_person_id}" == ansari
        )
        actor = users.acting_user(conn, "tester")
        with pytest.raises(InputError):
            link_person(conn, actor, ansari, cluster)
        unlink_person(conn, actor, ansari, cluster, "a relative says it is a cousin")
    with ws.engine.begin() as conn:
        assert person_refs_for(conn, cluster) == {cluster}
        assert [h["decision"] for h in link_history(conn, ansari)] == ["same", "different"]
        actions = set(conn.execute(select(audit_entries.c.action)).scalars())
        assert {"person-linked", "person-unlinked"} <= actions
        actor = users.acting_user(conn, "tester")
        with pytest.raises(NotFoundError):
            unlink_person(conn, actor, ansari, cluster)
        with pytest.raises(NotFoundError):
            link_person(conn, actor, ansari, "P999")
        with pytest.raises(InputError):
            link_person(conn, actor, cluster, ansari)
        # Reversible: linking again counts (a manual decision now: the pair was decided).
        link_person(conn, actor, ansari, cluster, "the cousin was another Ansari")
        assert person_refs_for(conn, cluster) == {ansari, cluster}
        assert link_history(conn, ansari)[-1]["method"] == "manual"


def test_refs_are_transitive_and_coding_needs_permission(
    ws: Workspace, add_text: AddText, tmp_path: Path
) -> None:
    ids = _setup(ws, add_text, tmp_path)
    ansari, farahani = f"N{ids['Mehrdad Ansari']}", f"N{ids['Iraj Farahani']}"
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        # Wrongly or not, one named person linked to two records ties everything together.
        link_person(conn, admin, ansari, f"P{ids['record:Mehrdad Ansari']}")
        link_person(conn, admin, farahani, f"P{ids['record:Iraj Farahani']}")
        link_person(conn, admin, ansari, f"P{ids['record:Iraj Farahani']}")
        assert person_refs_for(conn, farahani) == {
            ansari, farahani, f"P{ids['record:Mehrdad Ansari']}", f"P{ids['record:Iraj Farahani']}",
        }  # fmt: skip
        users.add_user(conn, "rev", Role.REVIEWER, actor=admin)
    with ws.engine.begin() as conn, pytest.raises(PermissionDenied):
        unlink_person(
            conn, users.acting_user(conn, "rev"), ansari, f"P{ids['record:Iraj Farahani']}"
        )


def test_demo_way_accepts_only_strong_proposals(
    ws: Workspace, add_text: AddText, tmp_path: Path
) -> None:
    ids = _setup(ws, add_text, tmp_path)
    # Unlinked lists leave the Latin and Persian records of one man apart: ambiguous, so
    # left to a coder; the unambiguous one is linked.
    with ws.engine.begin() as conn:
        first = accept_strong_proposals(conn, users.acting_user(conn, "tester"), "coder")
    assert {p.named_person_id for p in first} == {ids["Iraj Farahani"]}
    _cluster(ws, ids["record:Mehrdad Ansari"], ids["record:مهرداد انصاری"])
    with ws.engine.begin() as conn:
        second = accept_strong_proposals(conn, users.acting_user(conn, "tester"), "coder")
    assert {(p.named_person_id, p.record_id) for p in second} == {
        (ids["Mehrdad Ansari"], ids["record:Mehrdad Ansari"])
    }
    # Claims stay as they were: linking changes who they are about, not what they say.
    with ws.engine.connect() as conn:
        user = users.acting_user(conn, "tester")
        assert len(load_claims(conn, Locker.open(ws), user)) == 2


def test_link_commands(
    ws: Workspace, add_text: AddText, tmp_path: Path, store_env: dict[str, str]
) -> None:
    import json

    from typer.testing import CliRunner

    from reckon.cli import app

    from .conftest import PASSPHRASE

    ids = _setup(ws, add_text, tmp_path)
    runner = CliRunner()
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    base = ["-w", str(ws.root), "claims"]
    shown = runner.invoke(app, [*base, "link-proposals", "--strong", "--json"], env=env)
    assert shown.exit_code == 0, shown.output
    strong = json.loads(shown.output)
    assert {p["named_person"] for p in strong} == {
        f"N{ids['Mehrdad Ansari']}", f"N{ids['Iraj Farahani']}",
    }  # fmt: skip
    named, person = f"N{ids['Iraj Farahani']}", f"P{ids['record:Iraj Farahani']}"
    linked = runner.invoke(app, [*base, "link-person", named, person, "--reason", "same"], env=env)
    assert linked.exit_code == 0, linked.output
    by_cluster = runner.invoke(app, [*base, "--person", person, "--json"], env=env)
    assert by_cluster.exit_code == 0, by_cluster.output
    assert [c["victim"] for c in json.loads(by_cluster.output)] == ["Iraj Farahani"]
    table = runner.invoke(app, [*base, "link-proposals", "--history"], env=env)
    assert named in table.output
    assert "proposal" in table.output
    again = runner.invoke(app, [*base, "link-person", named, person], env=env)
    assert again.exit_code != 0
    assert "already linked" in again.output
    undone = runner.invoke(app, [*base, "unlink-person", named, person, "--reason", "no"], env=env)
    assert undone.exit_code == 0, undone.output
    with ws.engine.connect() as conn:
        assert person_refs_for(conn, person) == {person}


def test_person_shows_list_records_and_claims_of_linked_named_persons(
    ws: Workspace, add_text: AddText, tmp_path: Path, store_env: dict[str, str]
) -> None:
    import json

    from typer.testing import CliRunner

    from reckon.claims.whole import whole_person
    from reckon.cli import app

    from .conftest import PASSPHRASE

    ids = _setup(ws, add_text, tmp_path)
    latin, persian = ids["record:Mehrdad Ansari"], ids["record:مهرداد انصاری"]
    _cluster(ws, latin, persian)
    cluster, named = f"P{min(latin, persian)}", f"N{ids['Mehrdad Ansari']}"
    with ws.engine.begin() as conn:
        user = users.acting_user(conn, "tester")
        before = whole_person(conn, Locker.open(ws), user, cluster)
        assert (before.refs, before.named) == ([cluster], [])
        assert len(before.records) == 2
        link_person(conn, user, named, cluster, "same name, prison and date")
    with ws.engine.begin() as conn:
        user = users.acting_user(conn, "tester")
        after = whole_person(conn, Locker.open(ws), user, cluster)
    assert after.refs == [named, cluster]
    assert [r.id for r in after.named] == [ids["Mehrdad Ansari"]]
    ((claim, support, quote),) = after.named[0].claims
    assert (claim.kind, claim.place, support.independent) == ("execution", "Vakilabad Prison", 1)
    assert quote is not None
    assert quote.startswith("Mehrdad Ansari was executed")
    # Both records say he was executed (and held at the prison); they are of one list here.
    assert {(s.kind, s.lists_stating, s.independent_lists) for s in after.statements} == {
        ("execution", 1, 1),
        ("detention", 1, 1),
    }
    runner = CliRunner()
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    shown = runner.invoke(app, ["-w", str(ws.root), "person", cluster], env=env)
    assert shown.exit_code == 0, shown.output
    assert "Vakilabad" in shown.output
    assert f"Named person {named}" in shown.output
    assert "according to list mixed" in shown.output
    as_json = runner.invoke(app, ["-w", str(ws.root), "person", named, "--json"], env=env)
    data = json.loads(as_json.output)
    assert data["refs"] == [named, cluster]
    assert len(data["list_records"]) == 2
    assert data["named_persons"][0]["claims"][0]["kind"] == "execution"
    missing = runner.invoke(app, ["-w", str(ws.root), "person", "P999"], env=env)
    assert missing.exit_code != 0


def test_ambiguous_or_name_only_proposals_are_left_to_a_coder(
    ws: Workspace, add_text: AddText, tmp_path: Path
) -> None:
    ids = _setup(ws, add_text, tmp_path)
    _cluster(ws, ids["record:Mehrdad Ansari"], ids["record:مهرداد انصاری"])
    more = tmp_path / "more.csv"
    # A namesake who died on the same day elsewhere, and a person known by name only.
    more.write_text(
        "no,name,city,prison,date\n5,Iraj Farahani,Tabriz,Tabriz,1988-08-12\n6,Parviz Sadeghi,,,\n",
        encoding="utf-8",
    )
    with ws.engine.begin() as conn:
        import_list(conn, users.acting_user(conn, "tester"), more, "more", MAP)
    propose_from_source(ws, add_text("Parviz Sadeghi was arrested in Tehran.\n", "p.txt"))
    with ws.engine.begin() as conn:
        proposals = propose_links(conn)
        by_name = {}
        for p in proposals:
            by_name.setdefault(p.name, []).append(p)
        sadeghi = by_name["Parviz Sadeghi"]
        assert [p.strong for p in sadeghi] == [False]  # the name alone is never enough
        assert len([p for p in by_name["Iraj Farahani"] if p.strong]) == 2
        accepted = accept_strong_proposals(conn, users.acting_user(conn, "tester"), "coder")
    assert {p.named_person_id for p in accepted} == {ids["Mehrdad Ansari"]}

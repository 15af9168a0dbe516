"""Lists in a workspace: import, link, review, re-run, unmerge, capture histories."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reckon.demo.run import data_dir
from reckon.errors import ConflictError, InputError, NotFoundError
from reckon.link.capture import capture_histories
from reckon.link.engines import Engine
from reckon.link.identity import open_rows
from reckon.link.imports import import_list
from reckon.link.review import decide, members, review_queue, trace, unmerge
from reckon.link.workspace import link_workspace
from reckon.store import audit
from reckon.store.schema import link_decisions, list_claims, person_records, victim_lists
from reckon.store.users import acting_user
from reckon.workspace import Workspace

LISTS = data_dir() / "lists"
MEHR = {
    "record_no": "record_id",
    "first_name": "given_name",
    "last_name": "surname",
    "father": "father_name",
    "gender": "sex",
    "born": "birth_year",
    "home_town": "city",
    "prison": "prison",
    "executed_on": "death_date",
    "political_affiliation": "affiliation",
}
FAMILIES = {
    "ردیف": "record_id",
    "نام": "given_name",
    "نام خانوادگی": "surname",
    "نام پدر": "father_name",
    "جنسیت": "sex",
    "سال تولد": "birth_year",
    "شهر": "city",
    "زندان": "prison",
    "تاریخ اعدام": "death_date",
    "وابستگی": "affiliation",
}
NFF = {
    "no": "record_id",
    "name": "full_name",
    "father_name": "father_name",
    "year_of_birth": "birth_year",
    "city": "city",
    "prison": "prison",
    "date": "death_date",
    "organisation": "affiliation",
}
TRIBUNE = {
    "Name": "full_name",
    "Hometown": "city",
    "Prison": "prison",
    "Date of execution": "death_date",
}


def _import_all(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        import_list(conn, actor, LISTS / "families_association.csv", "families", FAMILIES)
        import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)
        import_list(conn, actor, LISTS / "nff_opposition.csv", "nff", NFF)
        import_list(
            conn, actor, LISTS / "exile_tribune.csv", "tribune", TRIBUNE, derived_from="nff"
        )


def test_import_stores_records_and_attributed_claims(workspace: Workspace) -> None:
    _import_all(workspace)
    with workspace.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(person_records)).scalar() == 276
        families = conn.execute(select(victim_lists).where(victim_lists.c.name == "families")).one()
        assert families.calendar == "jalali"
        stored = conn.execute(
            select(person_records).where(
                person_records.c.list_id == families.id, person_records.c.row_number == 3
            )
        ).one()
        assert stored.birth_lo is None  # identifying fields are sealed (reckon.link.identity)
        [row] = open_rows(conn, [stored])
        # ۱۳۴۱ (Solar Hijri) is 1962/63; ۱۳۶۷/۰۵/۱۹ is 10 August 1988.
        assert (row.birth_lo, row.birth_hi) == (1962, 1963)
        assert row.death_start == "1988-08-10"
        assert row.death_date == "۱۳۶۷/۰۵/۱۹"
        assert row.list_ref == "۳"
        kinds = {
            c.kind
            for c in conn.execute(select(list_claims).where(list_claims.c.record_id == row.id))
        }
        assert kinds == {"execution", "detention"}
        affiliations = conn.execute(
            select(func.count()).select_from(list_claims).where(list_claims.c.kind == "affiliation")
        ).scalar()
        assert affiliations is not None
        assert affiliations > 20
        entries = audit.entries(conn, "victim_list")
        assert [e.action for e in entries] == ["list-imported"] * 4


def test_a_bad_list_is_refused_whole(workspace: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "name,born,date\nAli Mohammadi,1960,1988-07-30\nReza Karimi,19x0,1988-08-01\n"
        ",1955,\nHassan Ahmadi,1950,31/02/1988\n",
        encoding="utf-8",
    )
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        with pytest.raises(InputError) as caught:
            import_list(
                conn,
                actor,
                bad,
                "bad",
                {"name": "full_name", "born": "birth_year", "date": "death_date"},
            )
    message = str(caught.value)
    assert "line 3: birth_year" in message
    assert "line 4: no name" in message
    assert "line 5: death_date" in message
    with workspace.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(victim_lists)).scalar() == 0


def test_a_new_version_shows_changes_and_keeps_decisions(
    workspace: Workspace, tmp_path: Path
) -> None:
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)
        first, second = conn.execute(
            select(person_records.c.id).order_by(person_records.c.id).limit(2)
        ).scalars()
        decide(conn, actor, first, second, "different", "two brothers")
        with pytest.raises(ConflictError):
            import_list(conn, actor, LISTS / "mehr_ngo.csv", "mehr", MEHR)
    lines = (LISTS / "mehr_ngo.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    changed = rows[2].replace(",1962,", ",1963,")
    new = [header, rows[0], rows[1], changed, *rows[4:], "MDC-9999,Ali,Karimi,,male,1960,,,,,"]
    (tmp_path / "mehr2.csv").write_text("\n".join(new) + "\n", encoding="utf-8")
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        result = import_list(conn, actor, tmp_path / "mehr2.csv", "mehr", MEHR, replaces="mehr")
        assert result.version == 2
        assert result.added == ["MDC-9999"]
        assert result.changed == ["MDC-0003"]
        assert result.removed == ["MDC-0004"]
        assert result.carried_decisions == 1
        decided = conn.execute(select(link_decisions).order_by(link_decisions.c.id)).all()
        assert [d.decision for d in decided] == ["different", "different"]
        assert (decided[1].record_l, decided[1].record_r) == (first + 78, second + 78)
        assert conn.execute(select(func.count()).select_from(victim_lists)).scalar() == 2


def test_link_review_rerun_unmerge_and_capture(workspace: Workspace) -> None:
    _import_all(workspace)
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        run = link_workspace(conn, actor, Engine("duckdb"))
        assert 115 <= run.n_persons <= 145
        histories = capture_histories(conn)
        assert histories.derived_from == {
            "families": None,
            "mehr": None,
            "nff": None,
            "tribune": "nff",
        }
        assert histories.independent_lists == ["families", "mehr", "nff"]
        assert len(histories.persons) == run.n_persons
        by_prison = histories.patterns(stratum="prison")
        # Each prison is one stratum whatever the script or spelling (اوین, Evin).
        assert "Evin" in by_prison
        assert len({"Gohardasht", "Gohar Dasht"} & by_prison.keys()) == 1
        assert not any(label and "\u0600" <= label[0] <= "\u06ff" for label in by_prison)
        assert sum(sum(c.values()) for c in by_prison.values()) <= run.n_persons

        # The biggest multi-list person: split one record off, then re-run.
        biggest = max(histories.persons, key=lambda p: len(p.records))
        split = biggest.records[-1]
        after = unmerge(conn, actor, biggest.person_id, [split], "checked with the family")
        assert len(after) == 2
        why = trace(conn, members(conn, after[0]) and after[0])
        assert why["records"]

        queue = review_queue(conn, limit=5)
        if queue:
            decide(conn, actor, queue[0].left, queue[0].right, "same")
        rerun = link_workspace(conn, actor, Engine("duckdb"))
        assert rerun.run_id == run.run_id + 1
        # The unmerge survived the re-run.
        persons = {p.person_id: p.records for p in capture_histories(conn).persons}
        holder = next(pid for pid, recs in persons.items() if split in recs)
        assert not set(persons[holder]) & (set(biggest.records) - {split})
        if queue:
            together = next(pid for pid, recs in persons.items() if queue[0].left in recs)
            assert queue[0].right in persons[together]
        # A looser threshold gives capture histories without storing anything.
        loose = capture_histories(conn, threshold=0.05)
        assert len(loose.persons) <= len(persons)


def test_demo_truth_is_recovered(workspace: Workspace) -> None:
    from reckon.link.accuracy import pairwise

    _import_all(workspace)
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        link_workspace(conn, actor, Engine("duckdb"))
        rows = conn.execute(
            select(victim_lists.c.name, person_records.c.row_number, person_records.c.id).join(
                person_records, person_records.c.list_id == victim_lists.c.id
            )
        ).all()
        histories = capture_histories(conn)
    person_of = {r: p.person_id for p in histories.persons for r in p.records}
    names = {
        "families": "families_association",
        "mehr": "mehr_ngo",
        "nff": "nff_opposition",
        "tribune": "exile_tribune",
    }
    predicted = {f"{names[r.name]}:{r.row_number}": person_of[r.id] for r in rows}
    with (data_dir() / "truth.csv").open(encoding="utf-8") as handle:
        truth = {f"{r['list']}:{r['row']}": r["person_id"] for r in csv.DictReader(handle)}
    scores = pairwise(predicted, truth)
    assert scores.precision >= 0.95
    assert scores.recall >= 0.9


def test_linked_persons_are_read_for_publication(workspace: Workspace) -> None:
    from reckon.evidence.locker import Locker
    from reckon.publish.items import resolve
    from reckon.publish.readers import ReadContext, readers

    _import_all(workspace)
    with workspace.engine.begin() as conn:
        actor = acting_user(conn, "tester")
        link_workspace(conn, actor, Engine("duckdb"))
        person = max(capture_histories(conn).persons, key=lambda p: len(p.records))
        facts = resolve(conn, "person", person.person_id)
        assert facts.persons == frozenset({person.person_id})
        with pytest.raises(NotFoundError):
            resolve(conn, "person", "P999999")
        found = readers()
        assert found.persons is not None
        assert found.all_persons is not None
        ctx = ReadContext(Locker.open(workspace), conn, actor)
        view = found.persons(ctx, [person.person_id])[person.person_id]
        assert len(view.names) >= 2  # spellings from several lists, Persian among them
        assert set(view.fields["lists"]) == {"families", "mehr", "nff", "tribune"} & set(
            view.fields["lists"]
        )
        assert any(c.kind == "execution" for c in view.claims)
        assert person.person_id in found.all_persons(ctx)

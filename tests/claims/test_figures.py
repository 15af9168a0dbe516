"""Published figures: attributed claims of whoever published them, graded with who and why."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from reckon.claims.corroboration import corroborate
from reckon.claims.figures import PublishedFigure, read_figures, record_figure
from reckon.claims.records import load_claims
from reckon.cli import app
from reckon.errors import InputError, PermissionDenied
from reckon.evidence import Locker
from reckon.roles import Role
from reckon.store import users
from reckon.store.schema import audit_entries, events
from reckon.workspace import Workspace

from .conftest import PASSPHRASE, AddText


def test_a_figure_is_an_attributed_claim_graded_f6_with_who_and_why(
    ws: Workspace, add_text: AddText, store_env: dict[str, str]
) -> None:
    first = add_text("Report of an organisation: 2,800–3,800 executed.", "a.txt", reliability="F")
    second = add_text("Another organisation: at least 300 executed.", "b.txt", reliability="F")
    with ws.engine.begin() as conn:
        coder = users.acting_user(conn, "tester")
        one = record_figure(
            conn, coder, first,
            PublishedFigure("Org One", "deaths", "2,800–3,800", 2800, 3800, "2001", "its report"),
        )  # fmt: skip
        record_figure(
            conn, coder, second, PublishedFigure("Org Two", "deaths", "at least 300", low=300),
            credibility=6, reason="not checked against the original",
        )  # fmt: skip
        with pytest.raises(InputError):
            record_figure(conn, coder, first, PublishedFigure("X", "deaths", "5", 9, 3))
        with pytest.raises(InputError):
            record_figure(conn, coder, first, PublishedFigure("X", "dead people", "5"))
        users.add_user(conn, "rev", Role.REVIEWER, actor=coder)
    with ws.engine.begin() as conn, pytest.raises(PermissionDenied):
        record_figure(
            conn, users.acting_user(conn, "rev"), first, PublishedFigure("X", "deaths", "5")
        )
    with ws.engine.connect() as conn:
        found = read_figures(conn)
        assert [f.grade for f in found] == ["F6", "F6"]
        assert found[0].graded_by == "tester"
        assert found[0].reason is not None
        assert found[0].figure.statement() == (
            "According to Org One (its report, 2001): 2,800–3,800 [deaths; interval 2800–3800]"
        )
        assert found[1].figure.interval == "≥ 300"
        assert conn.execute(select(events)).all() == []  # a figure is never an event
        assert "figure-recorded" in set(conn.execute(select(audit_entries.c.action)).scalars())
        pool = load_claims(conn, Locker.open(ws), users.acting_user(conn, "tester"))
        (claim,) = [c for c in pool if c.id == one]
        assert (claim.kind, claim.status, claim.victim_id, claim.credibility_by) == (
            "figure", "accepted", None, "tester",
        )  # fmt: skip
        # Two organisations' figures neither support nor contradict one another.
        support = corroborate(conn, claim, pool)
        assert (support.supporting, support.conflicts) == ([claim.id], [])
    runner = CliRunner()
    env = {**store_env, "RECKON_PASSPHRASE": PASSPHRASE}
    base = ["-w", str(ws.root), "claims"]
    added = runner.invoke(
        app,
        [*base, "add-figure", str(first), "--who", "Org Three", "--text", "thousands",
         "--measure", "characterisation"],
        env=env,
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "According to Org Three" in added.output
    listed = runner.invoke(app, [*base, "figures", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    data = json.loads(listed.output)
    assert [d["who"] for d in data] == ["Org One", "Org Two", "Org Three"]
    assert data[2]["statement"].startswith("According to Org Three")
    shown = runner.invoke(app, [*base, "figures"], env=env)
    assert "grade F6 by tester" in shown.output


def test_the_figure_kind_migration_keeps_claims_and_their_decisions(
    ws: Workspace, add_text: AddText
) -> None:
    from sqlalchemy import func, text

    from reckon.claims.coding import decide, propose_from_source
    from reckon.store import migrate
    from reckon.store.schema import claim_decisions, claims

    source = add_text("Mehrdad Ansari was executed at Vakilabad Prison on 16 August 1988.\n")
    propose_from_source(ws, source)
    decide(ws, 1, "accept", reason="read correctly")
    with ws.engine.begin() as conn:
        record_figure(
            conn, users.acting_user(conn, "tester"), source,
            PublishedFigure("Org", "deaths", "300", 300, 300),
        )  # fmt: skip
    migrate.downgrade(ws.engine, "0009_person_links")  # figures go with their kind
    with ws.engine.connect() as conn:
        assert conn.execute(select(claims.c.kind)).scalars().all() == ["execution"]
        assert conn.execute(select(func.count()).select_from(claim_decisions)).scalar() == 1
    migrate.upgrade(ws.engine)
    with ws.engine.begin() as conn:
        assert conn.execute(select(claims.c.kind)).scalars().all() == ["execution"]
        assert conn.execute(select(func.count()).select_from(claim_decisions)).scalar() == 1
        # The constraint still holds, and references to claims are still checked.
        with pytest.raises(Exception, match=r"(?i)check|constraint"), conn.begin_nested():
            conn.execute(text("UPDATE claims SET kind = 'rumour'"))
        with pytest.raises(Exception, match=r"(?i)foreign key"), conn.begin_nested():
            conn.execute(
                claim_decisions.insert().values(
                    claim_id=999, action="accept", by_user=1, at=func.now()
                )
            )
    with ws.engine.begin() as conn:
        record_figure(
            conn, users.acting_user(conn, "tester"), source,
            PublishedFigure("Org", "deaths", "300", 300, 300),
        )  # fmt: skip
        assert len(read_figures(conn)) == 1


def test_a_published_figure_is_exported_attributed_and_an_unpublished_one_is_not(
    ws: Workspace, add_text: AddText, tmp_path: Path
) -> None:
    from reckon.publish.export.public import export_public
    from reckon.publish.readers import ReadContext
    from reckon.publish.records import publish

    source = add_text("Org One: 2,800–3,800 executed; Org Two: thousands.", "f.txt")
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        shown = record_figure(
            conn, admin, source,
            PublishedFigure("Org One", "deaths", "2,800–3,800", 2800, 3800, "2001"),
        )  # fmt: skip
        record_figure(conn, admin, source, PublishedFigure("Org Two", "deaths", "thousands"))
        publish(conn, admin, "claim", str(shown))
    with ws.engine.connect() as conn:
        admin = users.acting_user(conn, "tester")
        export_public(ReadContext(Locker.open(ws), conn, admin), tmp_path / "out")
    rows = list(csv.DictReader((tmp_path / "out" / "claims.csv").open(encoding="utf-8-sig")))
    assert [(r["claim_id"], r["kind"]) for r in rows] == [(str(shown), "figure")]
    assert rows[0]["figure"] == (
        "According to Org One (2001): 2,800–3,800 [deaths; interval 2800–3800]"
    )
    assert "Org Two" not in (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8")

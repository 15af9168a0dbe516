"""A withheld person's records stay withheld when a reviewer later splits them off (unmerge).

The family asked that she be withheld; the records she was made of then are hers
until the withhold is lifted, whatever reviewers decide about the cluster
afterwards (the safe direction, as for withdrawals).
"""

from __future__ import annotations

from pathlib import Path

from reckon.link.review import unmerge
from reckon.publish import visibility
from reckon.publish.withhold import lift_withhold, withhold
from reckon.search.sync import reindex
from reckon.store import users
from reckon.workspace import Workspace

from .test_public_outputs import SPELLING, _export, _lists, _publish_persons, _web, _web_shows


def test_records_split_off_a_withheld_person_stay_withheld(ws: Workspace, tmp_path: Path) -> None:
    _lists(ws, tmp_path)  # P1 is records 1 and 3 (two spellings); P2 is record 2
    _publish_persons(ws, ["P1", "P2"])
    with ws.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        withhold(conn, admin, "P1", "the family asked")
        unmerge(conn, admin, "P1", [3], "not the same after all")
        reindex(conn)
        assert visibility.what_is_public(conn).ids("person") == {"P2"}
    with _web(ws) as client:
        assert not _web_shows(client, "P3", SPELLING)
    assert "Varjavand" not in "\n".join(_export(ws, tmp_path / "split").values())
    with ws.engine.begin() as conn:
        lift_withhold(conn, users.acting_user(conn, "tester"), "P1", "the family agreed")
        assert visibility.what_is_public(conn).ids("person") == {"P1", "P2", "P3"}

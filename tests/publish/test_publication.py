"""Publishing, withdrawing, correcting and withholding in a workspace (both backends)."""

from __future__ import annotations

import pytest

from reckon.errors import ConflictError, InputError, NotFoundError
from reckon.publish import records, visibility
from reckon.publish.withhold import disclose, lift_withhold, withhold
from reckon.roles import Role
from reckon.store import audit, users
from reckon.store.users import User
from reckon.workspace import Workspace


@pytest.fixture
def editor(workspace: Workspace) -> User:
    with workspace.engine.begin() as conn:
        admin = users.acting_user(conn, "tester")
        return users.add_user(conn, "ed", Role.EDITOR, actor=admin)


def test_victims_are_published_in_bulk_and_shown_by_what_is_public(
    workspace: Workspace, editor: User
) -> None:
    with workspace.engine.begin() as conn:
        made = records.publish_many(conn, editor, "person", ["P1", "P2", "P3", "P2"])
        assert len(made) == 3
        # Publishing again is a no-op in bulk and a conflict one at a time.
        assert records.publish_many(conn, editor, "person", ["P1"]) == []
        with pytest.raises(ConflictError, match="already published"):
            records.publish(conn, editor, "person", "P1")
    with workspace.engine.connect() as conn:
        register = visibility.what_is_public(conn)
        assert register.ids("person") == {"P1", "P2", "P3"}
        assert visibility.public_ids(conn, "person", ["P1", "P9"]) == {"P1"}
        assert register.ids("claim") == frozenset()


def test_withdrawal_and_correction_are_kept_in_the_audit_log(
    workspace: Workspace, editor: User
) -> None:
    with workspace.engine.begin() as conn:
        records.publish(conn, editor, "person", "P1")
        records.correct(conn, editor, "person", "P1", "burial place was wrong")
    with workspace.engine.connect() as conn:
        register = visibility.what_is_public(conn)
        item = register.items[visibility.ItemType.PERSON]["P1"]
        assert item.status == "corrected"
        assert item.correction == "burial place was wrong"
    with workspace.engine.begin() as conn:
        with pytest.raises(InputError, match="reason"):
            records.withdraw(conn, editor, "person", "P1", " ")
        records.withdraw(conn, editor, "person", "P1", "family asked")
        with pytest.raises(NotFoundError):
            records.withdraw(conn, editor, "person", "P1", "again")
        # Published again after withdrawal: a new publication, the old one kept.
        records.publish(conn, editor, "person", "P1")
    with workspace.engine.connect() as conn:
        log = [(e.action, e.object_id, e.user) for e in audit.entries(conn, "person", "P1")]
        assert log == [
            ("published", "P1", "ed"),
            ("corrected", "P1", "ed"),
            ("withdrawn", "P1", "ed"),
            ("published", "P1", "ed"),
        ]
        statuses = [p.status for p in records.history(conn, "person", "P1")]
        assert statuses == ["withdrawn", "published"]


def test_a_withheld_person_vanishes_from_what_is_public(workspace: Workspace, editor: User) -> None:
    with workspace.engine.begin() as conn:
        records.publish_many(conn, editor, "person", ["P1", "P2"])
        withhold(conn, editor, "P2", "the family asked")
        with pytest.raises(ConflictError, match="already withheld"):
            withhold(conn, editor, "P2", "twice")
        records.withdraw(conn, editor, "person", "P2", "redo")
        with pytest.raises(ConflictError, match="withheld person"):
            records.publish(conn, editor, "person", "P2")
    with workspace.engine.connect() as conn:
        assert visibility.what_is_public(conn).ids("person") == {"P1"}
        assert not visibility.is_public(conn, "person", "P2")
        assert visibility.public_persons(conn, ["P1", "P2"]) == {"P1"}
    with workspace.engine.begin() as conn:
        records.publish_many(conn, editor, "person", ["P2", "P3"])  # P2 skipped
        lift_withhold(conn, editor, "P2", "the family agreed")
    with workspace.engine.connect() as conn:
        assert visibility.what_is_public(conn).ids("person") == {"P1", "P3"}
        actions = [e.action for e in audit.entries(conn, "person", "P2")]
        assert actions == ["published", "withheld", "withdrawn", "withhold-lifted"]


def test_family_disclosure_shows_one_private_field_only(workspace: Workspace, editor: User) -> None:
    record = {"full_name": "Ali Mohammadi", "father_name": "Hassan", "birth_year": 1960}
    with workspace.engine.begin() as conn:
        records.publish_many(conn, editor, "person", ["P1", "P2"])
        disclose(conn, editor, "P1", "father_name", "his sister asked")
        with pytest.raises(InputError, match="never shown"):
            disclose(conn, editor, "P1", "witnesses", "no")
    with workspace.engine.connect() as conn:
        register = visibility.what_is_public(conn)
        assert register.person_fields("P1", record) == {
            "full_name": "Ali Mohammadi",
            "father_name": "Hassan",
        }
        assert register.person_fields("P2", record) == {"full_name": "Ali Mohammadi"}
        assert register.person_fields("P9", record) == {}

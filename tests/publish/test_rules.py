"""The publication rules as pure functions of an item's facts and the deciding user."""

from __future__ import annotations

import pytest

from reckon.errors import ConflictError, InputError, PermissionDenied
from reckon.publish.items import ItemFacts, ItemType
from reckon.publish.rules import Override, Rules, check
from reckon.roles import Role
from reckon.store.users import User

CODER = User(id=2, name="coder", role=Role.EDITOR)
SECOND = User(id=3, name="second", role=Role.EDITOR)
INVESTIGATOR = User(id=4, name="inv", role=Role.INVESTIGATOR)


def allegation(sources: int, accepted_by: frozenset[int] = frozenset({2})) -> ItemFacts:
    return ItemFacts(
        ItemType.INVOLVEMENT,
        "7",
        label="alleged perpetrator",
        persons=frozenset({"off-1", "P001"}),
        alleged_perpetrators=frozenset({"off-1"}),
        accepted_by=accepted_by,
        independent_sources=sources,
    )


def test_only_roles_with_the_publish_permission_publish() -> None:
    victim = ItemFacts(ItemType.PERSON, "P001", label="p", persons=frozenset({"P001"}))
    with pytest.raises(PermissionDenied, match="may not publish"):
        check(victim, INVESTIGATOR, Rules())
    check(victim, CODER, Rules(), bulk=True)


def test_the_editor_who_accepted_the_claim_cannot_publish_the_involvement() -> None:
    with pytest.raises(PermissionDenied, match="second editor"):
        check(allegation(3), CODER, Rules())
    check(allegation(3), SECOND, Rules())


def test_one_independent_source_needs_an_override_with_reason_and_legal_review() -> None:
    with pytest.raises(ConflictError, match="1 independent source"):
        check(allegation(1), SECOND, Rules())
    check(allegation(1), SECOND, Rules(), Override("public court record", legal_review=True))
    check(allegation(1), SECOND, Rules(min_independent_sources=1))
    with pytest.raises(InputError, match="written reason"):
        Override("  ", legal_review=True)
    with pytest.raises(InputError, match="legal review"):
        Override("court record", legal_review=False)


def test_an_override_never_lets_the_coder_publish_alone() -> None:
    with pytest.raises(PermissionDenied, match="second editor"):
        check(allegation(1), CODER, Rules(), Override("urgent", legal_review=True))


def test_allegations_are_never_published_in_bulk() -> None:
    with pytest.raises(ConflictError, match="one at a time"):
        check(allegation(3), SECOND, Rules(), bulk=True)


def test_unaccepted_and_protected_items_are_refused() -> None:
    with pytest.raises(ConflictError, match="no accepted claim"):
        check(allegation(3, accepted_by=frozenset()), SECOND, Rules())
    claim = ItemFacts(ItemType.CLAIM, "9", label="c", accepted=False)
    with pytest.raises(ConflictError, match="no accepted claim"):
        check(claim, SECOND, Rules())
    witness = ItemFacts(ItemType.INVOLVEMENT, "8", label="w", protected=True)
    with pytest.raises(PermissionDenied, match="witness"):
        check(witness, SECOND, Rules())

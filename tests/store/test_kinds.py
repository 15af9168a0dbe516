"""The kinds of claim are defined once, and each user reads the kinds its table allows."""

from __future__ import annotations

import sqlalchemy as sa

from reckon.extract.claims import ClaimKind
from reckon.store.schema import claims, list_claims
from reckon.store.schema.kinds import CLAIM_KINDS, LIST_CLAIM_KINDS


def _checked(table: sa.Table, kinds: tuple[str, ...]) -> bool:
    checks = [str(c.sqltext) for c in table.constraints if isinstance(c, sa.CheckConstraint)]
    return "kind IN (" + ", ".join(f"'{k}'" for k in kinds) + ")" in checks


def test_the_extractor_and_the_claims_table_know_the_same_kinds() -> None:
    assert tuple(k.value for k in ClaimKind) == CLAIM_KINDS
    assert _checked(claims, CLAIM_KINDS)


def test_list_claims_allow_the_kinds_a_list_asserts() -> None:
    # What the list importer writes (reckon.link.imports) and the place pages read.
    assert {"execution", "detention", "affiliation"} <= set(LIST_CLAIM_KINDS)
    # A list may say that a person died without saying how; a coded claim may not.
    assert set(LIST_CLAIM_KINDS) - set(CLAIM_KINDS) == {"death"}
    assert _checked(list_claims, LIST_CLAIM_KINDS)

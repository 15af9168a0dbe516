"""Field visibility: public by default, private by default, unknown is private."""

from __future__ import annotations

from reckon.publish.visibility import (
    DISCLOSABLE_FIELDS,
    NEVER_PUBLIC,
    PRIVATE_FIELDS,
    PUBLIC_FIELDS,
    field_is_public,
    public_fields,
    public_source,
)


def test_the_issue_s_public_and_private_defaults() -> None:
    for name in (
        "full_name",
        "given_name",
        "surname",
        "names",
        "death_date",
        "death_place",
        "arrest_date",
        "arrest_place",
        "detention_place",
        "prison",
        "burial_place",
        "sources",
    ):
        assert name in PUBLIC_FIELDS, name
    for name in (
        "father_name",
        "birth_date",
        "birth_year",
        "home_address",
        "relatives",
        "contacts",
        "witnesses",
        "submitter",
    ):
        assert name in PRIVATE_FIELDS, name
    assert not PUBLIC_FIELDS & PRIVATE_FIELDS
    assert "witnesses" not in DISCLOSABLE_FIELDS
    assert "submitter" in NEVER_PUBLIC


def test_unknown_fields_are_private_and_disclosure_opens_only_disclosable_ones() -> None:
    record = {"full_name": "x", "father_name": "y", "new_field": "z", "witness": "w"}
    assert public_fields(record) == {"full_name": "x"}
    assert public_fields(record, {"father_name", "witness", "new_field"}) == {
        "full_name": "x",
        "father_name": "y",
    }
    assert not field_is_public("new_field", {"new_field"})
    assert field_is_public("father_name", {"father_name"})


def test_a_confidential_source_is_cited_only_as_such() -> None:
    secret = {
        "id": 3,
        "title": "Testimony of K. B.",
        "publisher": "x",
        "confidential": True,
        "reliability": "C",
    }
    assert public_source(secret) == {
        "id": 3,
        "title": "a confidential source",
        "confidential": True,
        "reliability": "C",
    }
    open_source = {"id": 4, "title": "Report", "confidential": False, "text": "…"}
    assert public_source(open_source) == {"id": 4, "title": "Report", "confidential": False}

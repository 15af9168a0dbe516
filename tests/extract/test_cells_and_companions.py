"""Companions and cells: kin with an adjective after "together with", a person put in a
cell, kept and sent with an adverb between (session 4, round 2)."""

from __future__ import annotations

from .claimkinds import victim_kinds as kinds


def test_together_with_my_younger_brother_shares_the_arrest() -> None:
    text = (
        "Testimony of Shadi Mirkamali\n\n"
        "I was arrested in 1982 at home in Arak, together with my younger brother Omid."
    )
    found = kinds(text)
    assert ("arrest", "Shadi Mirkamali") in found
    assert ("arrest", "Omid") in found


def test_put_in_a_ward_is_a_detention() -> None:
    text = "Testimony of Shadi Mirkamali\n\nIn Vakilabad they put me in a crowded ward upstairs."
    assert ("detention", "Shadi Mirkamali") in kinds(text)


def test_first_kept_and_then_sent_are_detention_and_transfer() -> None:
    text = (
        "Kamal Rouhani was arrested in 1983. He was first kept in the Sanandaj Komiteh "
        "and was then sent to Dizelabad prison."
    )
    found = kinds(text)
    assert ("detention", "Kamal Rouhani") in found
    assert ("transfer", "Kamal Rouhani") in found


def test_sent_to_the_gallows_stays_no_transfer() -> None:
    text = "Kamal Rouhani was arrested in 1983 and was later sent to the gallows."
    assert ("transfer", "Kamal Rouhani") not in kinds(text)


def test_been_in_a_known_prison_is_a_detention_but_not_a_visit_or_a_post() -> None:
    text = (
        "Kamal Rouhani had already been in Gohardasht for two years. "
        "His sister, Mina Rouhani, was in Evin every week to visit him. "
        "Hassan Moradi had been in Gohardasht as a guard since 1984."
    )
    found = kinds(text)
    assert ("detention", "Kamal Rouhani") in found
    assert ("detention", "Mina Rouhani") not in found
    assert ("detention", "Hassan Moradi") not in found

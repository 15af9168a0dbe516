"""A group noun whose members are named beside it between commas is those members
(session 4, round 2)."""

from __future__ import annotations

from reckon.extract.pipeline import extract_text

from .claimkinds import victim_kinds as kinds


def test_two_sisters_named_between_commas_are_both_arrested() -> None:
    text = "Two sisters from Sanandaj, Golnar Vafa and Tara Vafa, were arrested together in 1983."
    assert kinds(text) == {("arrest", "Golnar Vafa"), ("arrest", "Tara Vafa")}


def test_a_group_with_a_source_between_commas_stays_unnamed() -> None:
    text = "Many prisoners, according to Golnar Vafa, were executed in 1988."
    assert kinds(text) == set()


def test_a_wave_of_re_arrests_is_no_second_arrest() -> None:
    text = (
        "Tara Vafa had been released in 1986 but was arrested again in 1988, during the "
        "wave of re-arrests that preceded the killings."
    )
    claims = extract_text(text).as_json()["claims"]
    assert [c["type"] for c in claims].count("arrest") == 1

"""Forces who detained people, named after "among them"; a relative's claim told in a
"whose brother was …" clause is not the named person's (session 4, round 2)."""

from __future__ import annotations

from .claimkinds import victim_kinds as kinds


def test_agents_detained_a_group_among_them_a_named_person() -> None:
    text = (
        "Plainclothes agents detained four people at the gate on Friday, among them "
        "Nader Khosravi, a teacher."
    )
    assert kinds(text) == {("arrest", "Nader Khosravi")}


def test_whose_brother_was_hanged_is_not_the_named_persons_execution() -> None:
    text = "Among the mourners was Nader Khosravi, a teacher whose brother was hanged in 1988."
    assert ("execution", "Nader Khosravi") not in kinds(text)


def test_whose_son_named_was_arrested_stays_the_sons_arrest() -> None:
    text = "Among them was Pari Khosravi, 70, whose son Nader was arrested in 1982."
    assert ("arrest", "Nader") in kinds(text)

"""Commission seats told as "named X as its judge, and Y as a member" of a commission
the text has just described; a court's judge is no commission seat (session 4, round 2)."""

from __future__ import annotations

from reckon.extract.pipeline import extract_text


def seats(text: str) -> set[tuple[str | None, str | None]]:
    return {
        (c["perpetrator"], c["victim"])
        for c in extract_text(text).as_json()["claims"]
        if c["type"] == "sat_on_commission"
    }


def test_named_as_its_judge_and_as_a_member_of_the_commission_described() -> None:
    text = (
        "Two survivors describe a commission that sat at Vakilabad prison in 1988. Both "
        "named Jamshid Sarabi, a cleric, as its religious judge, and Hadi Tolou, then the "
        "prosecutor of Mashhad, as a member."
    )
    assert seats(text) == {("Jamshid Sarabi", None), ("Hadi Tolou", None)}


def test_a_courts_judge_is_no_commission_seat() -> None:
    text = (
        "A commission sat at Vakilabad prison in 1988. Years later the provincial court "
        "appointed Jamshid Sarabi as its judge."
    )
    assert seats(text) == set()

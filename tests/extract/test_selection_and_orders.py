"""Selecting prisoners for the commission is taking part; orders to execute "given by"
someone is ordering (session 4, round 2)."""

from __future__ import annotations

from reckon.extract.pipeline import extract_text


def roles(text: str) -> set[tuple[str, str | None]]:
    return {(c["type"], c["perpetrator"]) for c in extract_text(text).as_json()["claims"]}


def test_helping_select_prisoners_for_the_commission_is_taking_part() -> None:
    text = (
        "The charge sheet alleges that Davoud Marandi, a guard at Dastgerd prison, "
        "helped select prisoners for the commission in August 1988."
    )
    assert ("took_part", "Davoud Marandi") in roles(text)


def test_orders_given_by_someone_are_his_orders() -> None:
    text = (
        "Two witnesses say that the orders to execute prisoners at Dastgerd were given "
        "by Habib Kalantari, the prosecutor."
    )
    assert ("ordered", "Habib Kalantari") in roles(text)


def test_a_denied_selection_is_no_claim() -> None:
    text = "Davoud Marandi has always denied that he selected prisoners for the commission."
    assert ("took_part", "Davoud Marandi") not in roles(text)

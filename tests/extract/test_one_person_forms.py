"""One person under several forms in one text: a relative named later by "His name was",
a relative called by kin title and given name, a surname spelt two ways (session 4,
round 2)."""

from __future__ import annotations

from reckon.extract.pipeline import extract_text

from .claimkinds import kinds


def test_a_relative_named_sentences_later_by_his_name_was_is_the_one_my_father_meant() -> None:
    text = (
        "The night they took my father away, it was raining in Amol. "
        "My aunt, Golnar, came to stay with us. She cooked for a week. "
        "His name was Farrokh Tabesh. "
        "In 1991 a guard told my aunt that my father was buried at Khavaran."
    )
    found = kinds(text)
    assert ("burial", "Farrokh Tabesh") in found
    assert ("burial", "Golnar") not in found


def test_her_name_was_does_not_bind_a_male_relative() -> None:
    text = (
        "My brother was executed in 1988. Our neighbour's girl sat with us. "
        "Her name was Nasrin Valizadeh."
    )
    assert ("execution", "Nasrin Valizadeh") not in kinds(text)


def test_a_relative_by_title_and_given_name_is_the_full_name_the_text_gives() -> None:
    text = (
        "Uncle Behnam, my mother's brother Behnam Sorouri, was held in Qezel Hesar. "
        "Uncle Behnam himself survived and was released in 1989."
    )
    found = kinds(text)
    assert ("release", "Behnam Sorouri") in found
    assert not any(who == "Uncle Behnam" for _, who in found)


def test_a_second_spelling_of_a_full_name_is_the_first_form() -> None:
    text = (
        "I write about my husband, Kourosh Yazdanpanah, arrested in Isfahan in 1982. "
        "Kourosh Yazdanpana, as the prison records spell it, was executed in 1988. "
        "His father, Hamid Yazdanpanah, was told in 1989."
    )
    found = kinds(text)
    assert ("execution", "Kourosh Yazdanpanah") in found
    assert not any(who == "Kourosh Yazdanpana" for _, who in found)
    # A namesake with another given name is someone else, never merged on the surname.
    extraction = extract_text(text)
    hamid = [m for m in extraction.mentions if m.text == "Hamid Yazdanpanah"]
    assert hamid
    assert hamid[0].full_name in (None, "Hamid Yazdanpanah")


def test_him_after_a_sentence_about_a_named_relative_is_that_relative() -> None:
    text = (
        "I was ten when the guards came back for my brother. "
        "They arrested him at the market in Sari in 1983. "
        "His name was Parham Kordi."
    )
    assert ("arrest", "Parham Kordi") in kinds(text)


def test_your_husband_in_quoted_speech_is_not_the_relative_spoken_to() -> None:
    text = (
        "My mother, Shirin, went to the prison office. A man handed my mother a bag and "
        'said: "Your husband has been executed."'
    )
    assert ("execution", "Shirin") not in kinds(text)

"""Organisations and affiliations: parties and authorities named in either script, and a
person's political affiliation as a claim."""

from __future__ import annotations

from reckon.extract.mentions import MentionType, find_mentions
from reckon.extract.pipeline import extract_text


def _typed(text: str, kind: MentionType) -> list[str]:
    return [m.text for m in find_mentions(text) if m.type is kind]


def _claims(text: str) -> set[tuple[object, object]]:
    return {(c["type"], c["victim"]) for c in extract_text(text).as_json()["claims"]}


def test_the_cases_political_organisations_in_both_scripts() -> None:
    text = "Parviz Nabavi sympathised with the Fadaian (Aksariyat); his wife was close to Komala."
    assert _typed(text, MentionType.ORG) == ["Fadaian (Aksariyat)", "Komala"]
    fa = "او هوادار سازمان مجاهدین خلق بود و برادرش عضو حزب توده ایران."
    assert _typed(fa, MentionType.ORG) == ["سازمان مجاهدین خلق", "حزب توده ایران"]


def test_organisations_no_list_knows() -> None:
    # Named head first, with a place inside the name; what a person is a member of.
    text = (
        "The Office of the Special Envoy wrote to the Ministry of Labour and Social Affairs. "
        "Shirin Nouri was a member of the Free Workers' Circle, and a Sahand supporter. "
        "The Teachers' League of Iran protested."
    )
    orgs = [o.removeprefix("The ") for o in _typed(text, MentionType.ORG)]
    assert "Office of the Special Envoy" in orgs
    assert "Ministry of Labour and Social Affairs" in orgs
    assert "Free Workers' Circle" in orgs
    assert "Sahand" in orgs
    assert "Teachers' League of Iran" in orgs
    assert "Iran" not in _typed(text, MentionType.PLACE)
    # A family is not an organisation.
    assert _typed("Two members of the Rostami family were held.", MentionType.ORG) == []


def test_persian_organisation_kinds_end_at_the_verb() -> None:
    text = "علی کرمانی هوادار سازمان اتحاد کارگران آزاد بود و در جبهه آزادی ملی فعالیت می‌کرد."
    assert _typed(text, MentionType.ORG) == ["سازمان اتحاد کارگران آزاد", "جبهه آزادی ملی"]


def test_a_name_before_cemetery_or_prison_is_a_place_not_an_organisation() -> None:
    text = (
        "His body was taken to the Golzar-e Shohada cemetery and he had been held in Mahan prison."
    )
    places = _typed(text, MentionType.PLACE)
    assert "Golzar-e Shohada cemetery" in places
    assert "Mahan prison" in places
    assert _typed(text, MentionType.ORG) == []


def test_affiliation_phrasings_in_english() -> None:
    text = (
        "Nima Farahani, an engineer and supporter of the Tudeh Party, was arrested in 1983. "
        "His cousin Babak Sorouri was a Peykar sympathiser. "
        "Leili Mansouri began to sympathise with the Fedaian at university. "
        "Mina Sadr was a long-standing member of Komala."
    )
    found = _claims(text)
    for person in ("Nima Farahani", "Babak Sorouri", "Leili Mansouri", "Mina Sadr"):
        assert ("affiliation", person) in found, person
    # "members of the Revolutionary Guards" arrested him: no one's affiliation, and a council
    # member is no party member.
    other = (
        "Reza Paknejad was apprehended by members of the Revolutionary Guards in 1982. "
        "A local council member, Hamid Zarrin, spoke to reporters."
    )
    assert not {k for k, _ in _claims(other)} & {"affiliation"}


def test_affiliation_phrasings_in_persian() -> None:
    text = "برادرم کامران اشرفی از اعضای حزب توده ایران بود. او در سال ۱۳۶۲ دستگیر شد."
    assert ("affiliation", "کامران اشرفی") in _claims(text)
    # The verb of the clause before "و" has no subject: the person spoken of.
    elided = "خواهرم نرگس صالحی در سال ۱۳۶۱ بازداشت شد. معلم بود و هوادار سازمان پیکار."
    assert ("affiliation", "نرگس صالحی") in _claims(elided)


def test_activists_and_active_members_and_calendar_names() -> None:
    found = _claims(
        "Her brother Kian Esfandi, who was active in the Tudeh Party's youth wing, fled."
    )
    assert ("affiliation", "Kian Esfandi") in found
    assert not _claims("Reza Amini was active in Tehran and in the student movement.")
    fa = "برادرم، کیان اسفندی، از فعالان سازمان کارگران انقلابی ایران بود."
    assert ("affiliation", "کیان اسفندی") in _claims(fa)
    text = "Dates below are Solar Hijri, and (G) marks Gregorian ones."
    assert _typed(text, MentionType.PERSON) == []


def test_a_committee_for_the_victims_of_a_prison_is_one_organisation() -> None:
    text = "Statement of the Committee for the Victims of Qezel Hesar, 19 July 2024"
    orgs = [o.removeprefix("the ") for o in _typed(text, MentionType.ORG)]
    assert orgs == ["Committee for the Victims of Qezel Hesar"]
    assert _typed(text, MentionType.PLACE) == []
    assert _typed("در سال ۱۳۶۹ آزاد شدم اما هیچ‌کس نیامد.", MentionType.PERSON) == []


def test_a_verb_opening_a_cell_is_no_organisation() -> None:
    text = (
        "No. | Name | Prison | Date | Notes\n"
        "3 | Farhad Nikpour | 24 | Evin Prison, Tehran | late July 1988 | Buried in Khavaran "
        "cemetery; family informed in 1989\n"
        "4 | Ziba Arjmand | 31 | Evin Prison, Tehran | August 1988 | Buried in Khavaran "
        "cemetery\n"
    )
    assert "Buried" not in _typed(text, MentionType.ORG)


def test_charged_with_membership_is_an_affiliation() -> None:
    text = "Arsalan Moradi was charged with membership in Komala and jailed in Sanandaj."
    assert ("affiliation", "Arsalan Moradi") in _claims(text)


def test_an_organisation_named_beside_what_it_is() -> None:
    text = (
        "Fardanews, a news website close to the judiciary, said that Behnam Sorouri had been hanged. "
        "The Paris-based group Iran Justice Watch said he was tortured. "
        "Leila Rouhani, the daughter of the newspaper's editor, was also questioned. "
        "He was first held at the local Komiteh."
    )
    orgs = _typed(text, MentionType.ORG)
    assert "Fardanews" in orgs
    assert "Iran Justice Watch" in orgs
    assert "Komiteh" in orgs
    people = _typed(text, MentionType.PERSON)
    assert "Leila Rouhani" in people
    assert "Fardanews" not in people


def test_a_capitals_heading_names_its_publisher_and_country_not_a_person() -> None:
    text = (
        "TRUTH FOR THE VICTIMS — BRIEFING, IRAN (2021)\n\n"
        "The briefing records the case of Sina Farzaneh, hanged in 1988.\n"
    )
    assert "TRUTH FOR THE VICTIMS" in _typed(text, MentionType.ORG)
    assert "IRAN" in _typed(text, MentionType.PLACE)
    assert "IRAN" not in _typed(text, MentionType.PERSON)
    # A heading that names no document is left to the other finders.
    assert _typed("ALI KARIMI — IN MEMORIAM\n", MentionType.ORG) == []


def test_what_a_person_became_is_no_surname() -> None:
    text = "خواهرم، نرگس امینی، در اوین بود. در آخرین ملاقات نرگس لاغر شده بود ولی می‌خندید."
    people = _typed(text, MentionType.PERSON)
    assert "نرگس لاغر" not in people
    assert people.count("نرگس") == 1
